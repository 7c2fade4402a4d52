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

/// The version of the file format this build writes.
const VERSION: u32 = 1;

/// The most of `state.json` read or written (see [`Limit::STATE`]).
const LIMIT: Limit = Limit::STATE;

/// Every cable's entry, by key.
pub(super) type Entries = BTreeMap<String, Entry>;

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
pub(super) fn read(path: &Path, notices: &mut Vec<String>) -> Result<Entries, String> {
    let bytes = match regular_file::read(path, LIMIT) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Entries::new()),
        Err(e) => {
            if let Some(refusal) = regular_file::refusal(&e) {
                return start_afresh(path, &refusal.to_string(), notices);
            }
            return Err(format!(
                "reading positions are off: cannot read {} ({e})",
                crate::sanitize::path(path)
            ));
        }
    };
    match serde_json::from_slice::<StateFile>(&bytes) {
        Ok(file) if file.version <= VERSION => Ok(file.cables),
        Ok(file) => Err(format!(
            "reading positions will not be saved: {} is version {}, from a newer cableview",
            crate::sanitize::path(path),
            file.version
        )),
        Err(error) => start_afresh(path, &error.to_string(), notices),
    }
}

/// Re-reads the file, puts `updates` in and writes it back atomically; returns every
/// entry now on disk. `Err` carries the notice of a failure, after which saving stops.
pub(super) fn merge(
    path: &Path,
    updates: &Entries,
    notices: &mut Vec<String>,
) -> Result<Entries, String> {
    let mut cables = read(path, notices)?;
    cables.extend(updates.iter().map(|(k, e)| (k.clone(), e.clone())));
    let file = StateFile {
        version: VERSION,
        cables,
    };
    let bytes = serde_json::to_vec_pretty(&file).map_err(|e| cannot_write(path, &e))?;
    // Written past the limit, the file would be set aside at the next read.
    if bytes.len() as u64 > LIMIT.max_bytes() {
        return Err(format!(
            "reading positions will not be saved: {} would pass the {LIMIT} limit",
            crate::sanitize::path(path)
        ));
    }
    atomic::write(path, &bytes).map_err(|e| cannot_write(path, &e))?;
    atomic::sweep_temps(path, Duration::from_secs(600));
    Ok(file.cables)
}

fn cannot_write(path: &Path, error: &dyn std::fmt::Display) -> String {
    format!(
        "reading positions will not be saved: cannot write {} ({error})",
        crate::sanitize::path(path)
    )
}

/// Sets the file aside with a notice of `why`, and starts with no entries.
fn start_afresh(path: &Path, why: &str, notices: &mut Vec<String>) -> Result<Entries, String> {
    let aside = set_aside(path).map_err(|e| {
        format!(
            "reading positions will not be saved: {} cannot be read ({why}) nor moved aside ({e})",
            crate::sanitize::path(path)
        )
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
