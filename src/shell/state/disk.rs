//! `state.json` itself: reading it, setting aside a file that cannot be read, and the
//! read-merge-write of a save (the caller holds the lock).

use super::Entry;
use crate::atomic_file as atomic;
use crate::regular_file::{self, Limit};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use thiserror::Error;

/// The version of the file format this build writes.
const VERSION: u32 = 1;

/// The most of `state.json` read or written (see [`Limit::STATE`]).
const LIMIT: Limit = Limit::STATE;

/// Every cable's entry, by key.
pub(super) type Entries = BTreeMap<String, Entry>;

/// Why reading positions stop being saved: each says so first, then which file and why.
#[derive(Debug, Error)]
pub(super) enum StateError {
    /// The file exists and cannot be read.
    #[error("reading positions are off: cannot read {} ({source})", shown(path))]
    Unreadable { path: PathBuf, source: io::Error },
    /// A newer cableview wrote the file: writing it would lose what that one keeps.
    #[error(
        "reading positions will not be saved: {} is version {version}, from a newer cableview",
        shown(path)
    )]
    Newer { path: PathBuf, version: u32 },
    /// Written, the file would pass the limit and be set aside at the next read.
    #[error(
        "reading positions will not be saved: {} would pass the {LIMIT} limit",
        shown(path)
    )]
    TooLarge { path: PathBuf },
    /// The file (or its JSON) cannot be written.
    #[error(
        "reading positions will not be saved: cannot write {} ({source})",
        shown(path)
    )]
    Unwritable { path: PathBuf, source: WriteError },
    /// The file cannot be read and cannot be moved aside either.
    #[error(
        "reading positions will not be saved: {} cannot be read ({why}) nor moved aside ({source})",
        shown(path)
    )]
    Stuck {
        path: PathBuf,
        why: String,
        source: io::Error,
    },
}

/// What failed writing the file: making its JSON, or the disk.
#[derive(Debug, Error)]
pub(super) enum WriteError {
    /// The entries could not be made JSON.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// The file could not be written.
    #[error(transparent)]
    Io(#[from] io::Error),
}

fn shown(path: &Path) -> String {
    crate::sanitize::path(path)
}

/// The file's shape.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    version: u32,
    cables: Entries,
}

/// Reads the file's entries. A missing file is empty; one that is not state (not
/// JSON, not a regular file, past the limit) is moved aside, with a notice pushed on
/// `notices`, and counts as empty. `Err` carries a notice for a file that cannot be
/// read or moved, or one written by a newer build: saving must stop.
pub(super) fn read(path: &Path, notices: &mut Vec<String>) -> Result<Entries, StateError> {
    let bytes = match regular_file::read(path, LIMIT) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Entries::new()),
        Err(e) => {
            if let Some(refusal) = regular_file::refusal(&e) {
                return start_afresh(path, &refusal.to_string(), notices);
            }
            return Err(StateError::Unreadable {
                path: path.to_path_buf(),
                source: e,
            });
        }
    };
    match serde_json::from_slice::<StateFile>(&bytes) {
        Ok(file) if file.version <= VERSION => Ok(file.cables),
        Ok(file) => Err(StateError::Newer {
            path: path.to_path_buf(),
            version: file.version,
        }),
        Err(error) => start_afresh(path, &error.to_string(), notices),
    }
}

/// Re-reads the file, puts `updates` in and writes it back atomically; returns every
/// entry now on disk. `Err` carries the notice of a failure, after which saving stops.
pub(super) fn merge(
    path: &Path,
    updates: &Entries,
    notices: &mut Vec<String>,
) -> Result<Entries, StateError> {
    let mut cables = read(path, notices)?;
    cables.extend(updates.iter().map(|(k, e)| (k.clone(), e.clone())));
    let file = StateFile {
        version: VERSION,
        cables,
    };
    let bytes = serde_json::to_vec_pretty(&file).map_err(|e| cannot_write(path, e))?;
    // Written past the limit, the file would be set aside at the next read.
    if bytes.len() as u64 > LIMIT.max_bytes() {
        return Err(StateError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    atomic::write(path, &bytes).map_err(|e| cannot_write(path, e))?;
    atomic::sweep_temps(path, Duration::from_secs(600));
    Ok(file.cables)
}

fn cannot_write(path: &Path, error: impl Into<WriteError>) -> StateError {
    StateError::Unwritable {
        path: path.to_path_buf(),
        source: error.into(),
    }
}

/// Sets the file aside with a notice of `why`, and starts with no entries.
fn start_afresh(path: &Path, why: &str, notices: &mut Vec<String>) -> Result<Entries, StateError> {
    let aside = set_aside(path).map_err(|source| StateError::Stuck {
        path: path.to_path_buf(),
        why: why.to_string(),
        source,
    })?;
    notices.push(format!(
        "reading state could not be read ({why}); kept as {} and started afresh",
        crate::sanitize::path(&aside)
    ));
    Ok(Entries::new())
}

/// Moves an unreadable state file to `state.json.corrupt-<unix time>` (with a
/// counter if that exists), so nothing of the user's is lost. A link is moved, not
/// what it points to.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let base = format!("{}.corrupt-{}", path.display(), now());
    let mut aside = PathBuf::from(&base);
    let mut n = 1;
    while aside.symlink_metadata().is_ok() {
        n += 1;
        aside = PathBuf::from(format!("{base}-{n}"));
    }
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

/// Checks the data dir takes new files: creates it, then a file in it.
pub(super) fn probe(path: &Path) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let temp = atomic::write_temp(path, b"")?;
    std::fs::remove_file(temp)
}

/// Seconds since the Unix epoch.
pub(super) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
