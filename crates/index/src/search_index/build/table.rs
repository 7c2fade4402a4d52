//! A release CSV read into the index: rows the last commit holds (by their hash) kept,
//! new ones parsed in parallel and added, rows gone deleted.

use super::group::Part;
use super::{BATCH, IndexError, Job, Manifest, schema};
use crate::input::release_csv;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use tantivy::Term;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;

impl Job<'_> {
    /// Reads a release CSV: rows the index holds (by hash) are kept, new ones parsed and
    /// added, rows gone deleted (`again`: every row parsed, the file's documents having
    /// been deleted). The number of cables it holds and whether one of those parsed has
    /// no mentions of its own, or `None` if stopped.
    pub(super) fn add_table(
        &mut self,
        path: &Path,
        name: &str,
        manifest: &Manifest,
        again: bool,
    ) -> Result<Option<(u64, bool)>, IndexError> {
        let mut rows = match release_csv::open(path) {
            Ok(rows) => rows.peekable(),
            Err(e) => {
                self.skip(path, format!("cannot read: {e}"));
                return Ok(None);
            }
        };
        let mut held = if again {
            HashSet::new()
        } else {
            crate::search_index::guard::guarded(self.dir, || self.keys_of(name))?
        };
        let source: Arc<str> = name.into();
        let mut kept = 0u64;
        let mut tagged = false;
        let fields = self.fields;
        let shown = crate::sanitize::path(path);
        let options = self.options(false);
        let mut batch = Vec::with_capacity(BATCH);
        while rows.peek().is_some() {
            if self.cancel.load(Ordering::Relaxed) {
                return Ok(None);
            }
            batch.clear();
            for row in rows.by_ref().take(BATCH) {
                match row {
                    Ok(row) if held.remove(&row.hash) => {
                        kept += 1;
                        self.cables += 1;
                        self.bytes += row.len;
                    }
                    Ok(row) => batch.push(row),
                    Err(e) => self.skip_row(path, e.line, e.to_string()),
                }
            }
            let parsed: Vec<_> = batch
                .par_drain(..)
                .map(|row| {
                    let located = format!("{shown}:{}", row.line);
                    let result =
                        crate::input::row_cable(&row.row, &located, &options).map(|mut cable| {
                            self.everywhere.apply(&mut cable, None);
                            let origin = schema::Origin {
                                source: name,
                                row: Some(row.byte),
                                key: row.hash,
                            };
                            let own = schema::provenance_rank(&cable) >= schema::OWN_MENTIONS;
                            let id = cable.id.clone().unwrap_or_default();
                            (schema::document(&fields, &cable, origin), !own, id)
                        });
                    (
                        (row.line, row.len, row.byte, row.hash),
                        result.map_err(|e| {
                            let message = e.to_string();
                            message
                                .strip_prefix(&format!("{located}: "))
                                .unwrap_or(&message)
                                .to_string()
                        }),
                    )
                })
                .collect();
            for ((line, len, byte, hash), result) in parsed {
                self.bytes += len;
                match result {
                    Ok((doc, untagged, id)) => {
                        let part = Part {
                            source: Arc::clone(&source),
                            row: Some(byte),
                            key: hash,
                        };
                        self.add(doc, &id, part)?;
                        kept += 1;
                        tagged |= untagged;
                    }
                    Err(reason) => self.skip_row(path, line, format!("line {line}: {reason}")),
                }
            }
            self.progress();
            self.maybe_commit(manifest)?;
        }
        for gone in held {
            self.drop_key(gone);
            self.report.removed += 1;
        }
        Ok(Some((kept, tagged)))
    }

    /// The row keys the last commit holds for a file, in documents of one file each: a
    /// row merged with another file of its cable is parsed again, and its cable merged
    /// again ([`super::group`]).
    fn keys_of(&self, name: &str) -> Result<HashSet<u64>, IndexError> {
        let reader = self
            .index
            .reader()
            .map_err(|e| IndexError::from_tantivy(self.dir, e))?;
        let searcher = reader.searcher();
        let term = Term::from_field_text(self.fields.source, name);
        let docs = searcher
            .search(
                &TermQuery::new(term, IndexRecordOption::Basic),
                &DocSetCollector,
            )
            .map_err(|e| IndexError::from_tantivy(self.dir, e))?;
        let mut keys = HashSet::with_capacity(docs.len());
        for address in docs {
            let column = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64(crate::search_index::fields::Name::Key.as_str())
                .map_err(|e| IndexError::from_tantivy(self.dir, e))?;
            let mut held = column.values_for_doc(address.doc_id);
            if let (Some(key), None) = (held.next(), held.next()) {
                keys.insert(key);
            }
        }
        Ok(keys)
    }
}
