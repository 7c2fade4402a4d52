//! When and where a query's cables were written: their counts by month (of the `date`
//! that `date:` clauses match, so a period's bar and its clause agree), by
//! every origin post, and by the places (LOC entities) most of them name. The timeline
//! and the map are drawn from these counts alone, never from the cables.

use super::{IndexError, SearchIndex};
use std::collections::HashMap;
use tantivy::collector::{Collector, Count, FacetCollector, FacetCounts, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

/// How many places are kept (the most named).
const PLACES: usize = 200;

/// The counts of a query's cables over time and over the globe.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Spread {
    /// Documents the query matches.
    pub total: u64,
    /// By month (`2005-03`), oldest first; cables without a date are in no month.
    pub months: Vec<(String, u64)>,
    /// By origin post, every one, most first.
    pub origins: Vec<(String, u64)>,
    /// By place named (LOC entities), the most named first.
    pub places: Vec<(String, u64)>,
}

impl SearchIndex {
    /// The spread of the cables a query matches (every cable for an empty query).
    ///
    /// # Errors
    /// Where the query is wrong, or the index cannot be read.
    pub fn spread(&self, text: &str) -> Result<Spread, IndexError> {
        super::guard::guarded(&self.dir, || {
            let query = self.parse(text)?;
            let searcher = self.reader.searcher();
            let facet = |field: &str| {
                let mut collector = FacetCollector::for_field(field);
                collector.add_facet("/");
                collector
            };
            // Tuples collect together up to four: the facets are one of them.
            let collectors = (Count, Days, (facet("f_origin"), facet("f_loc")));
            let (total, days, (origins, places)) = searcher
                .search(&query, &collectors)
                .map_err(|e| IndexError::from_tantivy(&self.dir, e))?;
            let all = |counts: &FacetCounts| -> Vec<(String, u64)> {
                counts.get("/").map(|(f, n)| (name(f), n)).collect()
            };
            let mut origins = all(&origins);
            origins.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let places = places
                .top_k("/", PLACES)
                .into_iter()
                .map(|(f, n)| (name(f), n))
                .collect();
            Ok(Spread {
                total: total as u64,
                months: months(days),
                origins,
                places,
            })
        })
    }
}

/// Counts by day (since 1970) gathered into months, oldest first.
fn months(days: HashMap<i64, u64>) -> Vec<(String, u64)> {
    let mut months: HashMap<String, u64> = HashMap::new();
    for (day, n) in days {
        let text = super::schema::date_text(day * 86_400);
        *months.entry(text[..7].to_string()).or_default() += n;
    }
    let mut months: Vec<_> = months.into_iter().collect();
    months.sort();
    months
}

/// A one-level facet's value: `/Embassy Paris` as `Embassy Paris`.
fn name(facet: &tantivy::schema::Facet) -> String {
    facet
        .to_path()
        .last()
        .map_or_else(String::new, |s| (*s).to_string())
}

/// Counts documents by the day of their `date` column.
struct Days;

/// [`Days`] over one segment.
struct SegmentDays {
    column: Column<DateTime>,
    counts: HashMap<i64, u64>,
}

impl Collector for Days {
    type Fruit = HashMap<i64, u64>;
    type Child = SegmentDays;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentDays> {
        Ok(SegmentDays {
            column: reader.fast_fields().date("date")?,
            counts: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashMap<i64, u64>>) -> tantivy::Result<Self::Fruit> {
        let mut all = HashMap::new();
        for fruit in fruits {
            for (day, n) in fruit {
                *all.entry(day).or_default() += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentDays {
    type Fruit = HashMap<i64, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(date) = self.column.first(doc) {
            let day = date.into_timestamp_secs().div_euclid(86_400);
            *self.counts.entry(day).or_default() += 1;
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.counts
    }
}
