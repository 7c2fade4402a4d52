//! The corpus index: every cable of a release (or of folders and files) in a tantivy
//! index on disk, for full-text search ranked by BM25, snippets, facets, and the
//! entity, REF and "cited by" links of the whole collection.
//!
//! Not to be confused with the app's `library::index`, the in-memory entity index of a
//! library loaded from files. The index stores, per cable, what a table and a list of
//! results show (ID, date, origin, classification, TAGS, subject, paragraph count),
//! its searchable text, entity names by kind, the cables its REFs name, and where the
//! cable's file or CSV row is, so [`SearchIndex::load_cable`] parses it when opened.
//!
//! Reading never panics on damaged files ([`guard`]) and never opens a file for writing
//! (a read-only index can be searched); what is and is not guaranteed is in
//! `docs/index-safety.md`.

mod build;
mod check;
mod columns;
mod facets;
pub mod fields;
mod folder;
pub mod guard;
mod load;
mod manifest;
mod query;
mod ranked;
mod read_only;
mod schema;
mod search;
mod sorted;
mod spread;

pub use build::{IndexProgress, Reading, Report, Retagged, update, update_tagged, update_with};
pub use check::{Checked, Damaged, check};
pub use columns::RowView;
pub use facets::Facets;
pub use load::reading_text;
pub use query::{EXACT, FIELDS, QueryError};
pub use ranked::{Ranked, Snippet};
pub use schema::{MAX_WORD_BYTES, date_text, document_text};
pub use search::{Hit, TableRow};
pub use sorted::SearchOrder;
pub use spread::Spread;

use crate::sanitize::path as shown;
use schema::Fields;
use std::path::{Path, PathBuf};
use tantivy::directory::error::{LockError, OpenDirectoryError};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyError};
use thiserror::Error;

/// The index folder's name inside the data dir.
pub const INDEX_DIR: &str = "index";

/// The default index: `index/` in the data dir, when one is known.
#[must_use]
pub fn default_dir(data_dir: Option<&Path>) -> Option<PathBuf> {
    data_dir.map(|d| d.join(INDEX_DIR))
}

/// Why the index could not be used. Plain data (paths and messages), so that answers
/// carrying it can be cloned and compared.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IndexError {
    /// There is no index in the folder.
    #[error("{}: no index here; build one with `cableview index --index DIR PATH...`", shown(.0))]
    Missing(PathBuf),
    /// The folder holds files that are not a cableview index.
    #[error("{}: not a cableview index (the folder holds other files); give an empty or new folder", shown(.0))]
    NotAnIndex(PathBuf),
    /// The index was built by an older cableview, with fields missing that this one reads.
    #[error("{}: the index was built by an older cableview; delete the folder and run `cableview index` again", shown(.0))]
    Outdated(PathBuf),
    /// Another process is writing the index.
    #[error("{}: the index is locked by another cableview (or tantivy) writing it; wait for it to finish", shown(.0))]
    Locked(PathBuf),
    /// The folder cannot be written.
    #[error("{}: cannot write the index: {}", shown(.0), .1)]
    NotWritable(PathBuf, String),
    /// The index's files are damaged.
    #[error("{}: the index is corrupt ({}); delete the folder and run `cableview index` again", shown(.0), .1)]
    Corrupt(PathBuf, String),
    /// The file or CSV row a cable was indexed from is no longer what was indexed.
    #[error("{}: the file has changed since it was indexed ({}); run `cableview index` again to open its cables", shown(.0), .1)]
    SourceChanged(PathBuf, String),
    /// The query cannot be run.
    #[error("query error at {0}")]
    Query(#[from] QueryError),
    /// Anything else tantivy or the system reported.
    #[error("{}: {}", shown(.0), .1)]
    Other(PathBuf, String),
}

impl IndexError {
    /// Classifies a tantivy error met on the index at `dir`.
    #[must_use]
    pub fn from_tantivy(dir: &Path, error: TantivyError) -> Self {
        let dir = dir.to_path_buf();
        match error {
            TantivyError::LockFailure(LockError::LockBusy, _) => Self::Locked(dir),
            TantivyError::LockFailure(LockError::IoError(e), _) => {
                Self::NotWritable(dir, e.to_string())
            }
            TantivyError::OpenDirectoryError(OpenDirectoryError::DoesNotExist(_)) => {
                Self::Missing(dir)
            }
            TantivyError::IoError(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                Self::NotWritable(dir, e.to_string())
            }
            TantivyError::OpenWriteError(e) => Self::NotWritable(dir, e.to_string()),
            e @ (TantivyError::DataCorruption(_)
            | TantivyError::OpenReadError(_)
            | TantivyError::IncompatibleIndex(_)
            | TantivyError::SchemaError(_)
            | TantivyError::DeserializeError(_)
            | TantivyError::FieldNotFound(_)) => Self::Corrupt(dir, e.to_string()),
            e => Self::Other(dir, e.to_string()),
        }
    }
}

/// A tantivy error met reading the index at `dir`, where anything unexpected is damage.
fn damaged(dir: &Path, error: TantivyError) -> IndexError {
    match IndexError::from_tantivy(dir, error) {
        IndexError::Other(d, m) => IndexError::Corrupt(d, m),
        other => other,
    }
}

/// The fields of the index in `dir`, or why it cannot be read as this cableview's.
fn fields_in(dir: &Path, index: &Index) -> Result<Fields, IndexError> {
    schema::fields_of(&index.schema()).map_err(|mismatch| match mismatch {
        schema::Mismatch::Older => IndexError::Outdated(dir.to_path_buf()),
        schema::Mismatch::Foreign => IndexError::NotAnIndex(dir.to_path_buf()),
    })
}

/// An index opened for searching. Cheap to query from many threads.
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// The files read at the last commit, with their sizes and times, read when a cable
    /// is first opened.
    manifest: std::sync::Mutex<Option<std::sync::Arc<manifest::Manifest>>>,
    /// Whether a cable read again from its file is tagged.
    tagging: crate::cable::Tagging,
    /// The collection's side file the index was built with, for cables read again.
    annotations: Option<std::sync::Arc<crate::input::SideCorpus>>,
    /// The user's spelling groups, which `~word` searches together.
    aliases: Option<std::sync::Arc<crate::aliases::Aliases>>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Opens the index in `dir` for searching. It never opens a file there for writing,
    /// so a read-only index can be searched; it reads a little of every segment, so the
    /// commonest damage is an error now.
    ///
    /// # Errors
    /// No index there, files that are not one, or a damaged index.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        let index = Self::open_files(dir)?;
        let fields = fields_in(dir, &index)?;
        schema::register_tokenizers(&index);
        guard::guarded(dir, || {
            let reader = index
                .reader_builder()
                .reload_policy(ReloadPolicy::Manual)
                .try_into()
                .map_err(|e| damaged(dir, e))?;
            let opened = Self {
                dir: dir.to_path_buf(),
                index,
                reader,
                fields,
                manifest: std::sync::Mutex::new(None),
                tagging: crate::cable::Tagging::default(),
                annotations: None,
                aliases: None,
            };
            opened.probe().map_err(|e| damaged(dir, e))?;
            Ok(opened)
        })
    }

    /// The index, its cables read again tagged as `tagging` says (`--tagger off`).
    #[must_use]
    pub fn with_tagging(mut self, tagging: crate::cable::Tagging) -> Self {
        self.tagging = tagging;
        self
    }

    /// The index, its cables read again with their documents from a collection's side
    /// file (`--annotations FILE.jsonl`), as `cableview index` was given it.
    #[must_use]
    pub fn with_annotations(
        mut self,
        annotations: Option<std::sync::Arc<crate::input::SideCorpus>>,
    ) -> Self {
        self.annotations = annotations;
        self
    }

    /// The index in `dir`, on a folder that refuses writes.
    fn open_files(dir: &Path) -> Result<Index, IndexError> {
        if !dir.join("meta.json").is_file() {
            return Err(
                if dir.is_dir() && std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
                    IndexError::NotAnIndex(dir.to_path_buf())
                } else {
                    IndexError::Missing(dir.to_path_buf())
                },
            );
        }
        let files = read_only::ReadOnly::open(dir).map_err(|e| damaged(dir, e))?;
        // Opening reads meta.json: one that does not parse is damage, not absence.
        guard::guarded(dir, || Index::open(files).map_err(|e| damaged(dir, e)))
    }

    /// Gives the user's aliases (`aliases.toml`): a query's `~qadhafi` then searches
    /// every spelling of the group `qadhafi` is in.
    pub fn set_aliases(&mut self, aliases: Option<std::sync::Arc<crate::aliases::Aliases>>) {
        self.aliases = aliases;
    }

    /// The folder of the index.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How many cables the index holds.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no cable.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sees what a writer committed since the index was opened.
    ///
    /// # Errors
    /// When the new files cannot be read.
    pub fn reload(&self) -> Result<(), IndexError> {
        guard::guarded(&self.dir, || {
            self.reader.reload().map_err(|e| damaged(&self.dir, e))
        })?;
        if let Ok(mut manifest) = self.manifest.lock() {
            *manifest = None;
        }
        Ok(())
    }
}
