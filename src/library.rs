//! Many cables at once: the table of them, the entity index across them, REF links.
//!
//! A [`Library`] is built once from loaded cables and then only read: every index
//! (summary rows, filter text, IDs, REF links, "cited by", entities) is computed up front,
//! so the UI's per-keystroke work is a scan of precomputed lower-case text.

pub mod index;
pub mod load;
pub mod refs;
pub mod table;

use crate::cable::{Cable, Classification, EntityKind, Reference};
use crate::input::{Loaded, Skipped};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use index::{EntityIndex, EntityKey, Posting};
pub use load::{LoadEvent, LoadHandle};
pub use refs::CableKey;
pub use table::{Column, Query, Row};

/// A collection of cables with its indexes.
#[derive(Debug, Default)]
pub struct Library {
    cables: Vec<Cable>,
    paths: Vec<PathBuf>,
    rows: Vec<Row>,
    haystacks: Vec<String>,
    by_key: HashMap<CableKey, usize>,
    /// Per cable, per REF item: the cable it names, when the library holds it.
    links: Vec<Vec<Option<usize>>>,
    cited_by: Vec<Vec<usize>>,
    entities: EntityIndex,
    skipped: Vec<Skipped>,
}

/// One cable's share of an entity, as the "other cables" list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appearance<'a> {
    /// Index of the cable in the library.
    pub cable: usize,
    /// How many times the cable names the entity.
    pub count: usize,
    /// The label of the first paragraph naming it (`header` for the header).
    pub first_paragraph: &'a str,
}

/// An entity across the whole collection, for `cableview entities DIR`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CollectionEntity {
    /// The entity kind.
    pub kind: EntityKind,
    /// The display name, from the first cable naming it.
    pub name: String,
    /// How many cables name it.
    pub cables: usize,
    /// How many mentions in all.
    pub count: usize,
}

impl Library {
    /// Builds a library from loaded cables, keeping the skipped report.
    #[must_use]
    pub fn new(loaded: Loaded) -> Self {
        let (paths, cables): (Vec<PathBuf>, Vec<Cable>) = loaded.cables.into_iter().unzip();
        let (rows, haystacks): (Vec<Row>, Vec<String>) = cables
            .par_iter()
            .map(|cable| (Row::of(cable), table::haystack(cable)))
            .unzip();
        let mut by_key = HashMap::with_capacity(cables.len());
        for (i, cable) in cables.iter().enumerate() {
            if let Some(key) = cable.id.as_deref().and_then(CableKey::from_id) {
                // The first file with an ID wins; a later duplicate is still in the table.
                by_key.entry(key).or_insert(i);
            }
        }
        let links: Vec<Vec<Option<usize>>> = cables
            .par_iter()
            .enumerate()
            .map(|(i, cable)| {
                let context = cable.id.as_deref().and_then(CableKey::from_id);
                cable
                    .header
                    .references
                    .iter()
                    .map(|r| resolve(&by_key, &r.text, context.as_ref()).filter(|&t| t != i))
                    .collect()
            })
            .collect();
        let mut cited_by = vec![Vec::new(); cables.len()];
        for (citing, targets) in links.iter().enumerate() {
            for &target in targets.iter().flatten() {
                if cited_by[target].last() != Some(&citing) {
                    cited_by[target].push(citing);
                }
            }
        }
        let entities = EntityIndex::build(&cables);
        Self {
            cables,
            paths,
            rows,
            haystacks,
            by_key,
            links,
            cited_by,
            entities,
            skipped: loaded.skipped,
        }
    }

    /// A library of the given cables, with no files behind them (tests, the sample).
    #[must_use]
    pub fn from_cables(cables: Vec<Cable>) -> Self {
        Self::new(Loaded {
            cables: cables
                .into_iter()
                .map(|c| (PathBuf::from(c.title()), c))
                .collect(),
            skipped: Vec::new(),
        })
    }

    /// How many cables.
    #[must_use]
    pub fn len(&self) -> usize {
        self.cables.len()
    }

    /// Whether the library holds no cable.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.cables.is_empty()
    }

    /// Every cable, in load order (the indices used throughout).
    #[must_use]
    pub fn cables(&self) -> &[Cable] {
        &self.cables
    }

    /// The cable at `index`.
    #[must_use]
    pub fn cable(&self, index: usize) -> Option<&Cable> {
        self.cables.get(index)
    }

    /// The file a cable came from.
    #[must_use]
    pub fn path(&self, index: usize) -> Option<&Path> {
        self.paths.get(index).map(PathBuf::as_path)
    }

    /// The summary rows, one per cable, in load order.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Files that were not loaded, and why.
    #[must_use]
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// The cable with this reference ID (`04PARIS8983`), if the library holds it.
    #[must_use]
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.by_key.get(&CableKey::from_id(id)?).copied()
    }

    /// Every cable index ordered by a column.
    #[must_use]
    pub fn order(&self, column: Column, descending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by(|&a, &b| column.compare(&self.rows[a], &self.rows[b]));
        if descending {
            order.reverse();
        }
        order
    }

    /// The cables of `order` (kept in that order) that pass the query's filters. The sort
    /// fields of the query are not used here: sort once with [`Library::order`], filter
    /// on every keystroke.
    #[must_use]
    pub fn filter(&self, order: &[usize], query: &Query) -> Vec<usize> {
        let words: Vec<String> = query
            .text
            .to_lowercase()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let tag = query.tag.as_deref().map(str::to_ascii_uppercase);
        order
            .iter()
            .copied()
            .filter(|&i| {
                let (Some(row), Some(hay), Some(cable)) =
                    (self.rows.get(i), self.haystacks.get(i), self.cables.get(i))
                else {
                    return false;
                };
                query
                    .classification
                    .is_none_or(|c| row.classification == Some(c))
                    && tag
                        .as_ref()
                        .is_none_or(|t| cable.header.tags.iter().any(|x| x == t))
                    && table::matches(hay, &words)
            })
            .collect()
    }

    /// Sorts and filters in one go: the rows the table shows for this query.
    #[must_use]
    pub fn view(&self, query: &Query) -> Vec<usize> {
        self.filter(&self.order(query.sort, query.descending), query)
    }

    /// The TAGS codes in use, with how many cables carry each, most used first.
    #[must_use]
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for cable in &self.cables {
            for tag in &cable.header.tags {
                *counts.entry(tag).or_default() += 1;
            }
        }
        let mut tags: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(t, n)| (t.to_string(), n))
            .collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        tags
    }

    /// The classification levels in use, lowest first, with their cable counts.
    #[must_use]
    pub fn classifications(&self) -> Vec<(Classification, usize)> {
        let mut counts: Vec<(Classification, usize)> = Vec::new();
        for level in self.rows.iter().filter_map(|r| r.classification) {
            match counts.iter_mut().find(|(c, _)| *c == level) {
                Some((_, n)) => *n += 1,
                None => counts.push((level, 1)),
            }
        }
        counts.sort();
        counts
    }

    /// A cable's REF items, each with the cable it names when the library holds it.
    pub fn references(&self, cable: usize) -> impl Iterator<Item = (&Reference, Option<usize>)> {
        let refs = self
            .cables
            .get(cable)
            .map_or(&[][..], |c| &c.header.references);
        let links = self.links.get(cable).map_or(&[][..], Vec::as_slice);
        refs.iter()
            .enumerate()
            .map(|(i, r)| (r, links.get(i).copied().flatten()))
    }

    /// The cables whose REFs name this one, in library order.
    #[must_use]
    pub fn cited_by(&self, cable: usize) -> &[usize] {
        self.cited_by.get(cable).map_or(&[], Vec::as_slice)
    }

    /// The cross-cable entity index.
    #[must_use]
    pub fn entity_index(&self) -> &EntityIndex {
        &self.entities
    }

    /// The cables naming an entity, with count and first paragraph, in library order.
    #[must_use]
    pub fn appearances(&self, key: &EntityKey) -> Vec<Appearance<'_>> {
        self.entities
            .get(key)
            .iter()
            .filter_map(|p| {
                let cable = p.cable as usize;
                let entity = self.cables.get(cable)?.entities.get(p.entity as usize)?;
                Some(Appearance {
                    cable,
                    count: entity.count,
                    first_paragraph: entity.paragraphs.first().map_or("", String::as_str),
                })
            })
            .collect()
    }

    /// The entity table of the whole collection: most widely cited first, then most
    /// mentioned, then by kind and name.
    #[must_use]
    pub fn collection_entities(&self, kind: Option<&EntityKind>) -> Vec<CollectionEntity> {
        let mut table: Vec<CollectionEntity> = self
            .entities
            .iter()
            .filter(|(key, _)| kind.is_none_or(|k| key.kind == *k))
            .filter_map(|(key, postings)| {
                let first = postings.first()?;
                let name = self
                    .cables
                    .get(first.cable as usize)?
                    .entities
                    .get(first.entity as usize)?
                    .name
                    .clone();
                let count = postings
                    .iter()
                    .filter_map(|p| {
                        let cable = self.cables.get(p.cable as usize)?;
                        Some(cable.entities.get(p.entity as usize)?.count)
                    })
                    .sum();
                Some(CollectionEntity {
                    kind: key.kind.clone(),
                    name,
                    cables: postings.len(),
                    count,
                })
            })
            .collect();
        table.sort_by(|a, b| {
            b.cables
                .cmp(&a.cables)
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| a.kind.cmp(&b.kind))
                .then_with(|| a.name.cmp(&b.name))
        });
        table
    }
}

/// The first citation in a REF text that names a cable of the library.
fn resolve(
    by_key: &HashMap<CableKey, usize>,
    text: &str,
    context: Option<&CableKey>,
) -> Option<usize> {
    let context_year = context.map(|k| k.year.as_str());
    refs::citations(text)
        .iter()
        .flat_map(|c| c.keys(context_year))
        .find_map(|key| by_key.get(&key).copied())
}
