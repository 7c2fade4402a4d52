//! Facets of a query: how many of its cables fall under each classification, origin,
//! year and TAG, and the entities of each kind most of them name.

use super::fields::Name;
use super::{IndexError, SearchIndex};
use crate::cable::EntityKind;
use tantivy::collector::{Count, FacetCollector, FacetCounts, MultiCollector};

/// How many values of each facet are kept (the most frequent).
const TOP: usize = 20;

/// The facet counts of a query, most frequent first.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Facets {
    /// Cables the query matches.
    pub total: u64,
    /// By classification level.
    pub classification: Vec<(String, u64)>,
    /// By sending post.
    pub origin: Vec<(String, u64)>,
    /// By year, oldest first.
    pub year: Vec<(String, u64)>,
    /// By TAG.
    pub tag: Vec<(String, u64)>,
    /// The most named entities of each kind (PER, ORG, LOC, MISC), by cables naming them.
    pub entities: Vec<(EntityKind, Vec<(String, u64)>)>,
}

impl SearchIndex {
    /// The facets of the cables a query matches (every cable for an empty query).
    ///
    /// # Errors
    /// Where the query is wrong, or the index cannot be read.
    pub fn facets(&self, text: &str) -> Result<Facets, IndexError> {
        super::guard::guarded(&self.dir, || {
            let query = self.parse(text)?;
            let searcher = self.reader.searcher();
            let mut multi = MultiCollector::new();
            let count = multi.add_collector(Count);
            let handles: Vec<_> = Name::FACETS
                .iter()
                .map(|field| {
                    let mut collector = FacetCollector::for_field(field.as_str());
                    collector.add_facet("/");
                    multi.add_collector(collector)
                })
                .collect();
            let mut fruits = searcher
                .search(&query, &multi)
                .map_err(|e| IndexError::from_tantivy(&self.dir, e))?;
            let total = count.extract(&mut fruits) as u64;
            let counts: Vec<FacetCounts> = handles
                .into_iter()
                .map(|h| h.extract(&mut fruits))
                .collect();
            let top = |counts: &FacetCounts| -> Vec<(String, u64)> {
                counts
                    .top_k("/", TOP)
                    .into_iter()
                    .map(|(facet, n)| (name(facet), n))
                    .collect()
            };
            let mut year: Vec<(String, u64)> =
                counts[2].get("/").map(|(f, n)| (name(f), n)).collect();
            year.sort();
            Ok(Facets {
                total,
                classification: top(&counts[0]),
                origin: top(&counts[1]),
                year,
                tag: top(&counts[3]),
                entities: EntityKind::STANDARD
                    .into_iter()
                    .zip(&counts[4..])
                    .map(|(kind, counts)| (kind, top(counts)))
                    .collect(),
            })
        })
    }
}

/// A one-level facet's value: `/Embassy Paris` as `Embassy Paris`.
fn name(facet: &tantivy::schema::Facet) -> String {
    facet
        .to_path()
        .last()
        .map_or_else(String::new, |s| (*s).to_string())
}
