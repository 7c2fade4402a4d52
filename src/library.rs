//! Many cables at once: the table of them, the entity index across them, REF links.
//!
//! A [`Library`] is built once from loaded cables and then only read: every index
//! (summary rows, filter text, IDs, REF links, "cited by", entities) is computed up front,
//! so the UI's per-keystroke work is a scan of precomputed lower-case text.

pub mod bundle;
mod by_key;
mod cable_index;
mod entry;
pub mod index;
mod indexed;
pub mod load;
pub use crate::cable::refs;
mod shared;
pub mod table;

use crate::cable::{Cable, CableId, Classification, EntityKind, Reference};
use crate::input::{self, LoadError, LoadOptions, Loaded, Skipped};
use crate::regular_file::Limit;
use entry::Entry;
use index::CableEntity;
use rayon::prelude::*;
/// Hash maps keyed by short strings built on every load: foldhash rather than SipHash,
/// whose resistance to crafted keys buys nothing for cable IDs and entity names.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::path::{Path, PathBuf};

pub use crate::cable::merge::{merge_files, merge_header};
pub use cable_index::CableIndex;
pub use entry::FileEntities;
pub use index::{EntityIndex, EntityKey, Posting};
pub use load::{LoadEvent, LoadHandle};
pub use refs::CableKey;
pub use shared::Shared;
pub use table::{Column, Query, Row};

/// A collection of cables with its indexes.
///
/// Cables loaded from files are not kept whole: the library holds what its table, filter,
/// links and entity index need (a small fraction of the text), and [`Library::open`]
/// parses a file again when the reader needs it, in a few milliseconds.
#[derive(Debug, Default)]
pub struct Library {
    entries: Vec<Entry>,
    /// Each cable's place in ID order: sorting by any column breaks its ties with it.
    id_rank: Vec<u32>,
    by_key: by_key::ByKey,
    /// Per cable, per REF item: the cable it names, when the library holds it.
    links: Vec<Vec<Option<CableIndex>>>,
    cited_by: Vec<Vec<CableIndex>>,
    entities: EntityIndex,
    skipped: Vec<Skipped>,
    /// How [`Library::open`] reads a file: as the load did (limit, aliases, corrections).
    options: LoadOptions,
    /// The corpus index the cables are read from, for a library on an index.
    index: Option<indexed::Indexed>,
}

/// One cable's share of an entity, as the "other cables" list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appearance<'a> {
    /// The cable.
    pub cable: CableIndex,
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
    /// Builds a library from cables already loaded from files (which [`Library::open`]
    /// reads again), keeping the skipped report.
    #[must_use]
    pub fn new(loaded: Loaded) -> Self {
        let slim = loaded
            .cables
            .into_par_iter()
            .map(|(path, cable)| {
                // A release CSV's row has no file to read again here: kept whole.
                let whole = input::release_csv::is_release_csv(&path);
                Entry::of(path, cable, whole)
            })
            .collect();
        Self::build(slim, loaded.skipped, Limit::default())
    }

    /// A library of cables with no files behind them (tests, the sample): kept whole.
    #[must_use]
    pub fn from_cables(cables: Vec<Cable>) -> Self {
        Self::from_cables_with(cables, Limit::default().into())
    }

    /// A library of cables kept whole as parsed, which [`Library::open`] hands out with
    /// `options`' aliases and corrections applied: so a correction saved meanwhile shows.
    #[must_use]
    pub fn from_cables_with(cables: Vec<Cable>, options: LoadOptions) -> Self {
        let slim = cables
            .into_iter()
            .map(|c| Entry::of(PathBuf::from(c.title()), c, true))
            .collect();
        Self::build(slim, Vec::new(), options)
    }

    /// How the library reads its cables: the data dir of corrections among it.
    #[must_use]
    pub fn load_options(&self) -> &LoadOptions {
        &self.options
    }

    fn build(
        slim: Vec<(Entry, Vec<CableEntity>)>,
        skipped: Vec<Skipped>,
        options: impl Into<LoadOptions>,
    ) -> Self {
        let mut merged = entry::merge(slim);
        let entities: Vec<Vec<CableEntity>> = merged
            .iter_mut()
            .map(|(_, entities)| std::mem::take(entities))
            .collect();
        // Collected in place: the entries are not copied into new memory.
        let entries: Vec<Entry> = merged.into_iter().map(|(entry, _)| entry).collect();
        // Files of one ID are merged: only a cable with no ID has no key here.
        let by_key = by_key::ByKey::of(&entries);
        // The entity index merges sequentially; REF links resolve meanwhile. A few cables
        // (one opened alone) are done in this thread: starting rayon's threads would cost
        // more than the work, before the first frame.
        let links_of = |entries: &[Entry]| -> Vec<Vec<Option<CableIndex>>> {
            let links = |(i, entry): (usize, &Entry)| {
                let this = CableIndex::new(i);
                entry
                    .references
                    .iter()
                    .map(|r| resolve(&by_key, entries, &r.text, entry.key()).filter(|&t| t != this))
                    .collect::<Vec<Option<CableIndex>>>()
            };
            if entries.len() < PARALLEL_FROM {
                entries.iter().enumerate().map(links).collect()
            } else {
                entries.par_iter().enumerate().map(links).collect()
            }
        };
        let (links, entity_index) = if entries.len() < PARALLEL_FROM {
            (links_of(&entries), EntityIndex::build(entities))
        } else {
            rayon::join(|| links_of(&entries), || EntityIndex::build(entities))
        };
        let mut cited_by = vec![Vec::new(); entries.len()];
        for (citing, targets) in links.iter().enumerate() {
            let citing = CableIndex::new(citing);
            for &target in targets.iter().flatten() {
                let cited: &mut Vec<CableIndex> = &mut cited_by[target.get()];
                if cited.last() != Some(&citing) {
                    cited.push(citing);
                }
            }
        }
        Self {
            id_rank: id_ranks(&entries),
            entries,
            by_key,
            links,
            cited_by,
            entities: entity_index,
            skipped,
            options: options.into(),
            index: None,
        }
    }

    /// How many cables.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the library holds no cable.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The whole cable at `index`, for the reader: parsed again from its file (or cloned,
    /// for a cable with no file). A cable held in several files (its annotated text and
    /// its page) is read from each: the base's document, with the header fields the
    /// others give ([`merge_header`]) and their text in [`Cable::other_sources`].
    ///
    /// # Errors
    /// When the base file has changed or gone since the library was loaded.
    pub fn open(&self, cable: CableIndex) -> Result<Cable, LoadError> {
        let index = cable.get();
        let entry = self
            .entries
            .get(index)
            .ok_or_else(|| LoadError::Missing(PathBuf::from(format!("cable #{index}"))))?;
        self.read_all(entry)
    }

    /// The file a cable's document comes from (its title, for a cable with no file).
    #[must_use]
    pub fn path(&self, cable: CableIndex) -> Option<&Path> {
        self.entries.get(cable.get()).map(Entry::path)
    }

    /// Every file of a cable, the one its document comes from first.
    pub fn paths(&self, cable: CableIndex) -> impl Iterator<Item = &Path> {
        self.entries
            .get(cable.get())
            .into_iter()
            .flat_map(|e| e.sources.iter().map(|s| s.path.as_path()))
    }

    /// The summary row of a cable.
    #[must_use]
    pub fn row(&self, cable: CableIndex) -> Option<&Row> {
        self.entries.get(cable.get()).map(|e| &e.row)
    }

    /// Every cable, in load order.
    pub fn cables(&self) -> impl ExactSizeIterator<Item = CableIndex> + use<> {
        (0..self.entries.len()).map(CableIndex::new)
    }

    /// Every summary row, in load order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &Row> {
        self.entries.iter().map(|e| &e.row)
    }

    /// A cable's TAGS codes.
    #[must_use]
    pub fn tags_of(&self, cable: CableIndex) -> &[String] {
        self.entries
            .get(cable.get())
            .map_or(&[], |e| e.tags.as_slice())
    }

    /// Files that were not loaded, and why.
    #[must_use]
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// The cable with this reference ID (`04PARIS8983`), if the library holds it.
    #[must_use]
    pub fn find_id(&self, id: &CableId) -> Option<CableIndex> {
        self.by_key.get(&self.entries, &id.key()?)
    }

    /// Every cable ordered by a column.
    #[must_use]
    pub fn order(&self, column: Column, descending: bool) -> Vec<CableIndex> {
        let rank = &self.id_rank;
        let mut order = vec![CableIndex::new(0); self.entries.len()];
        for (i, &r) in rank.iter().enumerate() {
            order[r as usize] = CableIndex::new(i);
        }
        if column != Column::Id {
            // Stable from ID order: ties stay in it, as `Column::compare` orders them.
            let row = |c: CableIndex| &self.entries[c.get()].row;
            order.par_sort_by(|&a, &b| column.primary(row(a), row(b)));
        }
        if descending {
            order.reverse();
        }
        order
    }

    /// The cables of `order` (kept in that order) that pass the query's filters. The sort
    /// fields of the query are not used here: sort once with [`Library::order`], filter
    /// on every keystroke.
    #[must_use]
    pub fn filter(&self, order: &[CableIndex], query: &Query) -> Vec<CableIndex> {
        let needles = table::Needles::new(&query.text);
        let tag = query.tag.as_deref().map(str::to_ascii_uppercase);
        order
            .iter()
            .copied()
            .filter(|&c| {
                let Some(entry) = self.entries.get(c.get()) else {
                    return false;
                };
                query
                    .classification
                    .is_none_or(|c| entry.row.classification == Some(c))
                    && tag.as_ref().is_none_or(|t| entry.tags.contains(t))
                    && needles.matches(&entry.haystack)
            })
            .collect()
    }

    /// Sorts and filters in one go: the rows the table shows for this query.
    #[must_use]
    pub fn view(&self, query: &Query) -> Vec<CableIndex> {
        self.filter(&self.order(query.sort, query.descending), query)
    }

    /// The TAGS codes in use, with how many cables carry each, most used first.
    #[must_use]
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: FastMap<&str, usize> = FastMap::default();
        for tag in self.entries.iter().flat_map(|e| &e.tags) {
            *counts.entry(tag).or_default() += 1;
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
        for level in self.rows().filter_map(|r| r.classification) {
            match counts.iter_mut().find(|(c, _)| *c == level) {
                Some((_, n)) => *n += 1,
                None => counts.push((level, 1)),
            }
        }
        counts.sort();
        counts
    }

    /// A cable's REF items, each with the cable it names when the library holds it.
    pub fn references(
        &self,
        cable: CableIndex,
    ) -> impl Iterator<Item = (&Reference, Option<CableIndex>)> {
        let refs = self
            .entries
            .get(cable.get())
            .map_or(&[][..], |e| e.references.as_slice());
        let links = self.links.get(cable.get()).map_or(&[][..], Vec::as_slice);
        refs.iter()
            .enumerate()
            .map(|(i, r)| (r, links.get(i).copied().flatten()))
    }

    /// Where each of `references` (a cable's REF items, as its parsed document has them)
    /// leads in the library: for a library on an index, whose table holds no REFs.
    #[must_use]
    pub fn resolve_references(
        &self,
        cable: CableIndex,
        references: &[Reference],
    ) -> Vec<Option<CableIndex>> {
        let key = self.entries.get(cable.get()).and_then(Entry::key);
        references
            .iter()
            .map(|r| resolve(&self.by_key, &self.entries, &r.text, key).filter(|&t| t != cable))
            .collect()
    }

    /// The cables whose REFs name this one, in library order.
    #[must_use]
    pub fn cited_by(&self, cable: CableIndex) -> &[CableIndex] {
        self.cited_by.get(cable.get()).map_or(&[], Vec::as_slice)
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
            .map(|p| Appearance {
                cable: CableIndex::new(p.cable as usize),
                count: p.count as usize,
                first_paragraph: self.entities.first_paragraph(p),
            })
            .collect()
    }

    /// The entity table of the whole collection: most widely cited first, then most
    /// mentioned, then by kind and name.
    #[must_use]
    pub fn collection_entities(&self, kind: Option<&EntityKind>) -> Vec<CollectionEntity> {
        self.entities.table(kind)
    }
}

/// Below this many cables a library is built in one thread.
const PARALLEL_FROM: usize = 64;

/// Each entry's place in ID order ([`Column::compare`] by ID), load order among equals.
fn id_ranks(entries: &[Entry]) -> Vec<u32> {
    fn key((i, e): (usize, &Entry)) -> (table::IdKey<'_>, u32) {
        (table::id_key(&e.row), u32::try_from(i).unwrap_or(u32::MAX))
    }
    let mut keyed: Vec<(table::IdKey<'_>, u32)>;
    // The index in each key makes every key distinct: unstable is stable here.
    if entries.len() < PARALLEL_FROM {
        keyed = entries.iter().enumerate().map(key).collect();
        keyed.sort_unstable();
    } else {
        keyed = entries.par_iter().enumerate().map(key).collect();
        keyed.par_sort_unstable();
    }
    let mut rank = vec![0; entries.len()];
    for (r, &(_, i)) in keyed.iter().enumerate() {
        rank[i as usize] = u32::try_from(r).unwrap_or(u32::MAX);
    }
    rank
}

/// The first citation in a REF text that names a cable of the library.
fn resolve(
    by_key: &by_key::ByKey,
    entries: &[Entry],
    text: &str,
    context: Option<&CableKey>,
) -> Option<CableIndex> {
    let context_year = context.map(|k| k.year.as_str());
    refs::citations(text)
        .iter()
        .flat_map(|c| c.keys(context_year))
        .find_map(|key| by_key.get(entries, &key))
}
