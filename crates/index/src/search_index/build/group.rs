//! One document per cable: the files of one cable (its text and its page, a CSV's row
//! and a file) grouped by reference ID as an update reads them, and merged into one
//! document as the library merges them, keyed by every file's key.
//!
//! Each file (or row) read is first added as a document of its own, and the run
//! remembers which files it read for each ID. An ID read twice in the run, or also held
//! by another file in the last commit, or whose merged document lost one of its files (a
//! file deleted, or changed into another cable), is settled before each commit: its
//! documents are deleted, every file it still has is read again, and the one merged
//! document added. Cables in one file each, the release's case, cost only the map.

use super::Job;
use super::schema::{self, Fields};
use crate::cable::{Cable, merge};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Index, Searcher, TantivyDocument, Term};

/// The `row` value of a merged document's file that is not a CSV row: a merged document
/// keeps one `row` value per file, in the order of its `source` values.
pub(in crate::search_index) const NO_ROW: u64 = u64::MAX;

/// One file of a cable: a file, or a row of a release CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    /// The file, as the manifest names it.
    pub(super) source: Arc<str>,
    /// The row's byte offset, in a release CSV.
    pub(super) row: Option<u64>,
    /// The file's key ([`super::file_key`]) or the row's hash.
    pub(super) key: u64,
}

impl Part {
    fn same_place(&self, source: &str, row: Option<u64>) -> bool {
        &*self.source == source && self.row == row
    }
}

/// A file of a cable to read again, with its key when known before reading.
struct Wanted {
    source: Arc<str>,
    row: Option<u64>,
    key: Option<u64>,
}

/// A document of the last commit that holds several files.
struct Merged {
    id: Box<str>,
}

/// What an update knows of the cables' files: those it read, by ID, and the last commit.
pub(super) struct Groups {
    fields: Fields,
    /// The last commit, as the update began; `None` when it holds no document.
    committed: Option<Searcher>,
    /// The files read in this run, by lower-cased reference ID.
    run: HashMap<Box<str>, Vec<Part>>,
    /// IDs whose documents are to be merged (or merged again) before the next commit.
    pending: BTreeSet<Box<str>>,
    /// Keys and files whose documents this run deleted.
    dropped_keys: HashSet<u64>,
    dropped_sources: HashSet<String>,
    /// Release CSVs read again in this run: their rows' documents are what the run reads.
    reread: HashSet<String>,
    /// The last commit's merged documents, by each of their keys and files.
    merged_by_key: HashMap<u64, usize>,
    merged_by_source: HashMap<String, Vec<usize>>,
    merged: Vec<Merged>,
}

impl Groups {
    /// What the last commit of `index` holds: its merged documents, found by their keys.
    pub(super) fn start(index: &Index, fields: Fields) -> tantivy::Result<Self> {
        let searcher = index.reader()?.searcher();
        let mut groups = Self {
            fields,
            committed: None,
            run: HashMap::new(),
            pending: BTreeSet::new(),
            dropped_keys: HashSet::new(),
            dropped_sources: HashSet::new(),
            reread: HashSet::new(),
            merged_by_key: HashMap::new(),
            merged_by_source: HashMap::new(),
            merged: Vec::new(),
        };
        if searcher.num_docs() == 0 {
            return Ok(groups);
        }
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let keys = segment
                .fast_fields()
                .u64(crate::search_index::fields::Name::Key.as_str())?;
            for doc in segment.doc_ids_alive() {
                let held: Vec<u64> = keys.values_for_doc(doc).collect();
                if held.len() < 2 {
                    continue;
                }
                let address = DocAddress::new(u32::try_from(ord).unwrap_or(u32::MAX), doc);
                let stored: TantivyDocument = searcher.doc(address)?;
                let at = groups.merged.len();
                for key in held {
                    groups.merged_by_key.insert(key, at);
                }
                for source in strs(&stored, fields.source) {
                    groups.merged_by_source.entry(source).or_default().push(at);
                }
                let id = strs(&stored, fields.id)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                groups.merged.push(Merged {
                    id: id.to_lowercase().into(),
                });
            }
        }
        groups.committed = Some(searcher);
        Ok(groups)
    }

    /// The documents with key `key` were deleted: a merged one must be made again of the
    /// files it has left.
    pub(super) fn dropped_key(&mut self, key: u64) {
        self.dropped_keys.insert(key);
        if let Some(&at) = self.merged_by_key.get(&key) {
            self.pending.insert(self.merged[at].id.clone());
        }
    }

    /// The documents read from file `source` were deleted. Whether one of them was a
    /// merged document, whose cable stays (made again of its other files).
    pub(super) fn dropped_source(&mut self, source: &str) -> bool {
        self.dropped_sources.insert(source.to_string());
        let hit = self
            .merged_by_source
            .get(source)
            .cloned()
            .unwrap_or_default();
        for &at in &hit {
            self.pending.insert(self.merged[at].id.clone());
        }
        !hit.is_empty()
    }

    /// A release CSV is read again: its rows held in merged documents are parsed again
    /// (not kept by their hash), and those documents made again.
    pub(super) fn reread(&mut self, source: &str) {
        self.reread.insert(source.to_string());
        for &at in self.merged_by_source.get(source).into_iter().flatten() {
            self.pending.insert(self.merged[at].id.clone());
        }
    }

    /// A document read from one file was added. Whether it is the first of its cable in
    /// this run (a cable without an ID always is).
    pub(super) fn added(&mut self, id: &str, part: Part) -> tantivy::Result<bool> {
        if id.is_empty() {
            return Ok(true);
        }
        let id: Box<str> = id.to_lowercase().into();
        if let Some(parts) = self.run.get_mut(&id) {
            parts.retain(|p| !p.same_place(&part.source, part.row));
            parts.push(part);
            self.pending.insert(id);
            return Ok(false);
        }
        // Another file of the last commit holds the cable: they merge.
        let others = self
            .committed_docs(&id)?
            .iter()
            .any(|(_, keys)| keys.as_slice() != [part.key]);
        if others {
            self.pending.insert(id.clone());
        }
        self.run.insert(id, vec![part]);
        Ok(true)
    }

    /// The documents of the last commit with reference ID `id` (lower-cased), with
    /// their keys.
    fn committed_docs(&self, id: &str) -> tantivy::Result<Vec<(DocAddress, Vec<u64>)>> {
        let Some(searcher) = &self.committed else {
            return Ok(Vec::new());
        };
        let term = Term::from_field_text(self.fields.id, id);
        let found = searcher.search(
            &TermQuery::new(term, IndexRecordOption::Basic),
            &DocSetCollector,
        )?;
        let mut docs = Vec::with_capacity(found.len());
        for address in found {
            let keys = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64(crate::search_index::fields::Name::Key.as_str())?;
            docs.push((address, keys.values_for_doc(address.doc_id).collect()));
        }
        Ok(docs)
    }

    /// The files cable `id` has now (those read in this run, then those of the last
    /// commit still there and not read again), and the keys of its documents to delete.
    fn plan(&self, id: &str) -> tantivy::Result<(Vec<Wanted>, Vec<u64>)> {
        let run = self.run.get(id).map(Vec::as_slice).unwrap_or_default();
        let mut wanted: Vec<Wanted> = run
            .iter()
            .map(|p| Wanted {
                source: Arc::clone(&p.source),
                row: p.row,
                key: Some(p.key),
            })
            .collect();
        let mut delete: Vec<u64> = run.iter().map(|p| p.key).collect();
        let Some(searcher) = &self.committed else {
            return Ok((wanted, delete));
        };
        for (address, keys) in self.committed_docs(id)? {
            // A key dropped already deleted the document, and may be a new document's.
            delete.extend(keys.into_iter().filter(|k| !self.dropped_keys.contains(k)));
            let stored: TantivyDocument = searcher.doc(address)?;
            for (source, row) in parts_of(&self.fields, &stored) {
                let file_key = row.is_none().then(|| super::file_key(&source));
                let gone = self.dropped_sources.contains(&source)
                    || (row.is_some() && self.reread.contains(&source))
                    || file_key.is_some_and(|k| self.dropped_keys.contains(&k))
                    || wanted.iter().any(|w| *w.source == *source && w.row == row);
                if !gone {
                    wanted.push(Wanted {
                        source: source.into(),
                        row,
                        key: file_key,
                    });
                }
            }
        }
        Ok((wanted, delete))
    }
}

/// The files a stored document was read from: its `source` values, each with its CSV
/// row's byte offset (a merged document keeps one `row` value per file, [`NO_ROW`] for a
/// whole file; a document of one file, its row if it is a CSV's).
pub(in crate::search_index) fn parts_of(
    fields: &Fields,
    doc: &TantivyDocument,
) -> Vec<(String, Option<u64>)> {
    let sources = strs(doc, fields.source);
    let rows: Vec<u64> = doc.get_all(fields.row).filter_map(|v| v.as_u64()).collect();
    if sources.len() < 2 {
        let row = rows.first().copied().filter(|&r| r != NO_ROW);
        return sources.into_iter().map(|s| (s, row)).collect();
    }
    sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| (s, rows.get(i).copied().filter(|&r| r != NO_ROW)))
        .collect()
}

fn strs(doc: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// The document of a cable read from several files, `parts` the base's first: the
/// merged cable's fields, keyed by every file's key, with every file and row.
fn merged_document(fields: &Fields, cable: &Cable, parts: &[Part]) -> TantivyDocument {
    let [base, others @ ..] = parts else {
        return TantivyDocument::default();
    };
    let origin = schema::Origin {
        source: &base.source,
        row: if others.is_empty() { base.row } else { None },
        key: base.key,
    };
    let mut doc = schema::document(fields, cable, origin);
    if others.is_empty() {
        return doc;
    }
    for part in others {
        doc.add_text(fields.source, &*part.source);
        doc.add_u64(fields.key, part.key);
    }
    for part in parts {
        doc.add_u64(fields.row, part.row.unwrap_or(NO_ROW));
    }
    doc
}

/// A file's name as the source view's title shows it (a CSV's with its row).
pub(in crate::search_index) fn shown_name(source: &str, row: Option<u64>) -> String {
    cableview_model::input::source_name(Path::new(source), row)
}

impl Job<'_> {
    /// Merges the cables whose files changed since the last settling, before a commit.
    pub(super) fn settle(&mut self) -> Result<(), super::IndexError> {
        let pending = std::mem::take(&mut self.groups.pending);
        let err = |e| super::IndexError::from_tantivy(self.dir, e);
        for id in pending {
            let (wanted, delete) = self.groups.plan(&id).map_err(err)?;
            let first = !self.groups.run.contains_key(&id);
            for key in delete {
                self.writer
                    .delete_term(Term::from_field_u64(self.fields.key, key));
            }
            let read: Vec<(Part, Cable)> = wanted
                .par_iter()
                .filter_map(|w| self.read_part(w, &id))
                .collect();
            let mut read = read;
            // Stable: of files that rank alike, the first read is the base.
            read.sort_by_key(|(_, cable)| std::cmp::Reverse(merge::base_rank(cable)));
            let parts: Vec<Part> = read.iter().map(|(p, _)| p.clone()).collect();
            let named = read
                .into_iter()
                .map(|(p, cable)| (shown_name(&p.source, p.row), cable))
                .collect();
            match merge::merge_files(named) {
                Some(cable) => {
                    let doc = merged_document(&self.fields, &cable, &parts);
                    let _ = self.writer.add_document(doc);
                    self.since_commit += 1;
                    if first {
                        self.report.added += 1;
                    }
                }
                None if first => self.report.removed += 1,
                None => {}
            }
            self.groups.run.insert(id, parts);
        }
        Ok(())
    }

    /// One file of cable `id` read again, `None` when it cannot be read or is another
    /// cable now.
    fn read_part(&self, wanted: &Wanted, id: &str) -> Option<(Part, Cable)> {
        let path = Path::new(&*wanted.source);
        let (cable, key) = match wanted.row {
            Some(byte) => {
                let (row, hash) = crate::input::release_csv::read_hashed_at(path, byte).ok()?;
                let located = format!("{}:{byte}", crate::sanitize::path(path));
                let mut cable =
                    crate::input::row_cable(&row, &located, &self.options(false)).ok()?;
                self.everywhere.apply(&mut cable, None);
                (cable, hash)
            }
            None => {
                let cable = crate::input::load_with(path, &self.options(true)).ok()?;
                (cable, super::file_key(&wanted.source))
            }
        };
        let same = cable
            .id
            .as_deref()
            .is_some_and(|read| read.eq_ignore_ascii_case(id));
        let part = Part {
            source: Arc::clone(&wanted.source),
            row: wanted.row,
            key: wanted.key.unwrap_or(key),
        };
        same.then_some((part, cable))
    }
}
