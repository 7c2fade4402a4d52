//! Taking a library's cables away: the cables a query (or the table) picks, written into
//! a folder one file per cable, or their rows as a CSV; a cable read, written and dropped
//! in turn, so memory stays flat whatever the result set's size. The library's `e` runs
//! it on a thread ([`ExportHandle`]); `cableview export --index` picks with [`pick`].

use super::{Column, Library};
use crate::cable::CableId;
use crate::export::folder::{Folder, FolderError};
use crate::export::rows::{self, ResultRow};
use crate::export::{Format, brat::Kinds};
use crate::search_index::IndexError;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use thiserror::Error;

/// The name of the rows' CSV in the folder.
pub const ROWS_FILE: &str = "rows.csv";

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// The rows as CSV: id, date, origin, classification, subject, score.
    Rows,
    /// The cables themselves, a file each (brat: two) in this format.
    Cables(Format),
}

impl Bundle {
    /// What it is, for a picker and the status line.
    #[must_use]
    pub fn describe(self) -> String {
        match self {
            Self::Rows => "rows as CSV (id, date, origin, classification, subject, score)".into(),
            Self::Cables(Format::Csv) => "the cables' entity tables as CSV".into(),
            Self::Cables(format) => format!("cables as {}", format.name()),
        }
    }
}

/// Which cables to take: the table's rows as shown, or every cable a query finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// These cables, in this order.
    Rows(Vec<crate::library::CableIndex>),
    /// Every cable the library's corpus index finds for this query, best first.
    Query(String),
}

/// One cable picked, with its score when a query picked it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Picked {
    /// The cable.
    pub cable: crate::library::CableIndex,
    /// Its BM25 score.
    pub score: Option<f32>,
}

/// Why an export could not be done.
#[derive(Debug, Error)]
pub enum BundleError {
    /// A query needs a library on a corpus index.
    #[error("a query needs a corpus index")]
    NotOnIndex,
    /// The index could not answer.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// The library holds no cable of this reference ID.
    #[error("no cable {0} in the index")]
    UnknownId(CableId),
    /// The folder could not be written.
    #[error(transparent)]
    Folder(#[from] FolderError),
    /// Stopped before the end.
    #[error("the export was stopped")]
    Stopped,
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// The cables written.
    pub cables: usize,
    /// The files written.
    pub files: usize,
    /// The cables that could not be read, each with why.
    pub failed: Vec<String>,
}

/// The cables `selection` picks in `library`: a query asks the index for every cable it
/// matches (a cable's files counted once, at their best score), best first.
///
/// # Errors
/// When the library is not on an index, or the query is wrong.
pub fn pick(library: &Library, selection: &Selection) -> Result<Vec<Picked>, BundleError> {
    let query = match selection {
        Selection::Rows(cables) => {
            return Ok(cables
                .iter()
                .map(|&cable| Picked { cable, score: None })
                .collect());
        }
        Selection::Query(query) if query.trim().is_empty() => {
            let all = library.order(Column::Id, false);
            return Ok(all
                .into_iter()
                .map(|cable| Picked { cable, score: None })
                .collect());
        }
        Selection::Query(query) => query,
    };
    let index = library.search_index().ok_or(BundleError::NotOnIndex)?;
    let total = index.ranked(query, 1)?.total;
    let ranked = index.ranked(query, usize::try_from(total).unwrap_or(usize::MAX))?;
    let mut seen = vec![false; library.len()];
    let mut picked = Vec::new();
    for (id, score) in ranked.ids {
        if let Some(cable) = library.find_id(&id)
            && !std::mem::replace(&mut seen[cable.get()], true)
        {
            picked.push(Picked {
                cable,
                score: Some(score),
            });
        }
    }
    Ok(picked)
}

/// The cables of these reference IDs, in the order given.
///
/// # Errors
/// When the library holds no cable of one of them.
pub fn pick_ids(library: &Library, ids: &[CableId]) -> Result<Vec<Picked>, BundleError> {
    ids.iter()
        .map(|id| {
            library
                .find_id(id)
                .map(|cable| Picked { cable, score: None })
                .ok_or_else(|| BundleError::UnknownId(id.clone()))
        })
        .collect()
}

/// The rows of the cables picked as CSV, header first.
#[must_use]
pub fn rows_csv(library: &Library, picked: &[Picked]) -> String {
    let mut out = rows::header(false);
    for p in picked {
        let Some(row) = library.row(p.cable) else {
            continue;
        };
        out.push_str(&rows::row(&ResultRow {
            id: &row.id,
            date: row.date.as_deref().unwrap_or_default(),
            origin: &row.origin,
            classification: row.classification.map_or("", |c| c.name()),
            subject: &row.subject,
            score: p.score,
            snippet: None,
        }));
    }
    out
}

/// Writes the cables picked into the folder `dir`: their rows as [`ROWS_FILE`], or each
/// cable read (merged from its files, with the user's aliases and corrections, as the
/// reader opens it) and written in a format. `done` hears each cable as it is done; a
/// cable that cannot be read is counted in [`Written::failed`] and the export goes on.
///
/// # Errors
/// When the folder cannot be written, or `stop` was set.
pub fn write(
    library: &Library,
    picked: &[Picked],
    bundle: Bundle,
    dir: &Path,
    done: &dyn Fn(usize),
    stop: &AtomicBool,
) -> Result<Written, BundleError> {
    let format = match bundle {
        Bundle::Rows => {
            let mut folder = Folder::new(dir, Format::Csv)?;
            folder.write(ROWS_FILE, &rows_csv(library, picked))?;
            done(picked.len());
            return Ok(Written {
                cables: picked.len(),
                files: 1,
                failed: Vec::new(),
            });
        }
        Bundle::Cables(format) => format,
    };
    let mut folder = Folder::new(dir, format)?;
    let mut written = Written::default();
    for (n, p) in picked.iter().enumerate() {
        if stop.load(Ordering::Relaxed) {
            return Err(BundleError::Stopped);
        }
        match library.open(p.cable) {
            Ok(cable) => {
                let kinds = (format == Format::Brat).then(|| {
                    let mut kinds = Kinds::default();
                    kinds.add(&cable);
                    kinds
                });
                let files = crate::export::contents(&cable, format);
                written.files += folder.put(cable.id.as_ref(), None, files, kinds)?.len();
                written.cables += 1;
            }
            Err(e) => written.failed.push(e.to_string()),
        }
        done(n + 1);
    }
    written.files += folder.finish()?.len();
    Ok(written)
}

/// What a running export has to say.
#[derive(Debug)]
pub enum ExportState {
    /// Still writing: this many cables of how many (0 of 0 while the query runs).
    Running(usize, usize),
    /// Done, or why not.
    Finished(Result<Written, BundleError>),
}

/// An export running on its own thread, so the screen stays live; polled by the session
/// on each tick. Equal only to itself.
#[derive(Clone)]
pub struct ExportHandle {
    shared: Arc<Shared>,
    /// Where it writes.
    pub dir: PathBuf,
    /// What it writes.
    pub bundle: Bundle,
}

struct Shared {
    done: AtomicUsize,
    total: AtomicUsize,
    stop: AtomicBool,
    result: Mutex<Option<Result<Written, BundleError>>>,
}

impl ExportHandle {
    /// Starts writing what `selection` picks in `library` into `dir`.
    #[must_use]
    pub fn spawn(
        library: Arc<Library>,
        selection: Selection,
        bundle: Bundle,
        dir: PathBuf,
    ) -> Self {
        let shared = Arc::new(Shared {
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
            result: Mutex::new(None),
        });
        let theirs = Arc::clone(&shared);
        let to = dir.clone();
        std::thread::spawn(move || {
            let run = || -> Result<Written, BundleError> {
                let picked = pick(&library, &selection)?;
                theirs.total.store(picked.len(), Ordering::Relaxed);
                let done = |n: usize| theirs.done.store(n, Ordering::Relaxed);
                write(&library, &picked, bundle, &to, &done, &theirs.stop)
            };
            if let Ok(mut slot) = theirs.result.lock() {
                *slot = Some(run());
            }
        });
        Self {
            shared,
            dir,
            bundle,
        }
    }

    /// How far it is.
    #[must_use]
    pub fn poll(&self) -> ExportState {
        let finished = self.shared.result.lock().ok().and_then(|mut r| r.take());
        match finished {
            Some(result) => ExportState::Finished(result),
            None => ExportState::Running(
                self.shared.done.load(Ordering::Relaxed),
                self.shared.total.load(Ordering::Relaxed),
            ),
        }
    }

    /// Asks it to stop before the next cable.
    pub fn stop(&self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

impl std::fmt::Debug for ExportHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportHandle")
            .field("dir", &self.dir)
            .field("bundle", &self.bundle)
            .finish_non_exhaustive()
    }
}

impl PartialEq for ExportHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.shared, &other.shared)
    }
}

impl Eq for ExportHandle {}
