//! The reading state: where the user stopped in each cable, kept in `state.json`
//! in the data dir.
//!
//! The file maps a cable key ([`cable_key`]) to an [`Entry`]: the reader's position
//! (kept as JSON, so this module does not depend on the reader's types) and when it
//! was saved. Saving re-reads the file and replaces only the saved cable, under a
//! lock, and writes atomically: two instances never corrupt the file or drop each
//! other's cables, and the last to save a cable wins it. A file that cannot be read
//! is moved aside, never discarded; a data dir that refuses writes turns saving
//! off. Either way the reader goes on, and a notice says what happened.

pub mod atomic;
pub mod session;

use crate::cable::Cable;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The version of the file format this build writes.
const VERSION: u32 = 1;

/// One cable's saved state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The reader's position (paragraph, scroll, selection, hidden kinds, marks).
    pub position: serde_json::Value,
    /// When it was saved, in seconds since the Unix epoch.
    pub updated_at: u64,
}

/// The file's shape.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    version: u32,
    cables: BTreeMap<String, Entry>,
}

/// The key a cable is saved under: its reference ID when known, else a hash of
/// its text (`fnv1a64:` and 16 hex digits), stable across builds and platforms.
#[must_use]
pub fn cable_key(cable: &Cable) -> String {
    match &cable.id {
        Some(id) => id.clone(),
        None => format!("fnv1a64:{:016x}", fnv1a64(cable.source.as_bytes())),
    }
}

/// The 64-bit FNV-1a hash: simple, fixed by its definition, good enough to tell
/// documents apart (std's `DefaultHasher` may change between releases).
#[must_use]
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

/// The reading state of every cable, and whether it can be saved.
#[derive(Debug)]
pub struct Store {
    /// `state.json`; `None` when state is off (`--no-state`, no data dir).
    path: Option<PathBuf>,
    /// False once the data dir has refused a write, or the file is not ours.
    writable: bool,
    entries: BTreeMap<String, Entry>,
    notices: Vec<String>,
}

impl Store {
    /// A store that neither reads nor writes (`--no-state`).
    #[must_use]
    pub fn disabled() -> Self {
        Self {
            path: None,
            writable: false,
            entries: BTreeMap::new(),
            notices: Vec::new(),
        }
    }

    /// Opens the state at `path`. Never fails: problems become notices (see
    /// [`Store::take_notices`]) and, where needed, saving is turned off.
    #[must_use]
    pub fn open(path: PathBuf) -> Self {
        let mut store = Self {
            path: Some(path.clone()),
            writable: true,
            entries: BTreeMap::new(),
            notices: Vec::new(),
        };
        match store.read_disk(&path) {
            Ok(entries) => store.entries = entries,
            Err(notice) => store.stop_saving(notice),
        }
        if store.writable
            && let Err(e) = probe(&path)
        {
            let dir = path.parent().unwrap_or(Path::new("."));
            store.stop_saving(format!(
                "reading positions will not be saved: cannot write in {} ({e})",
                crate::sanitize::path(dir)
            ));
        }
        store
    }

    /// Whether saving is on.
    #[must_use]
    pub fn can_save(&self) -> bool {
        self.path.is_some() && self.writable
    }

    /// The file in use, if any.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Every saved cable, by key.
    #[must_use]
    pub fn entries(&self) -> &BTreeMap<String, Entry> {
        &self.entries
    }

    /// The saved position of a cable, as JSON.
    #[must_use]
    pub fn position(&self, key: &str) -> Option<&serde_json::Value> {
        self.entries.get(key).map(|e| &e.position)
    }

    /// The saved position of a cable as the reader's type; `None` when there is
    /// none or it no longer fits that type (an older build's shape).
    #[must_use]
    pub fn position_as<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        T::deserialize(self.position(key)?).ok()
    }

    /// Saves a cable's position: re-reads the file, replaces this cable's entry
    /// and writes it back atomically. Returns whether it was written; failures
    /// become notices and turn saving off, so the user hears of them once.
    pub fn save<T: Serialize>(&mut self, key: &str, position: &T) -> bool {
        let (Some(path), true) = (self.path.clone(), self.writable) else {
            return false;
        };
        let position = match serde_json::to_value(position) {
            Ok(value) => value,
            Err(e) => {
                self.notices
                    .push(format!("cannot save the reading position: {e}"));
                return false;
            }
        };
        let _lock = atomic::Lock::acquire(&path);
        let mut entries = match self.read_disk(&path) {
            Ok(entries) => entries,
            Err(notice) => {
                self.stop_saving(notice);
                return false;
            }
        };
        entries.insert(
            key.to_string(),
            Entry {
                position,
                updated_at: now(),
            },
        );
        let file = StateFile {
            version: VERSION,
            cables: entries,
        };
        let written = serde_json::to_vec_pretty(&file)
            .map_err(io::Error::other)
            .and_then(|bytes| atomic::write(&path, &bytes));
        if let Err(e) = written {
            self.stop_saving(format!(
                "reading positions will not be saved: cannot write {} ({e})",
                crate::sanitize::path(&path)
            ));
            return false;
        }
        atomic::sweep_temps(&path, Duration::from_secs(600));
        self.entries = file.cables;
        true
    }

    /// The notices not yet shown (a file moved aside, saving turned off), oldest
    /// first; each is returned once.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn stop_saving(&mut self, notice: String) {
        self.writable = false;
        self.notices.push(notice);
    }

    /// Reads the file's entries. A missing file is empty; an unparsable one is
    /// moved aside (with a notice) and counts as empty. `Err` carries a notice for
    /// a file that cannot be read or moved, or one written by a newer build.
    fn read_disk(&mut self, path: &Path) -> Result<BTreeMap<String, Entry>, String> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
            Err(e) => {
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
            Err(error) => {
                let aside = set_aside(path).map_err(|e| {
                    format!(
                        "reading positions will not be saved: {} cannot be read ({error}) nor moved aside ({e})",
                        crate::sanitize::path(path)
                    )
                })?;
                self.notices.push(format!(
                    "reading state could not be read ({error}); kept as {} and started afresh",
                    crate::sanitize::path(&aside)
                ));
                Ok(BTreeMap::new())
            }
        }
    }
}

/// Moves an unreadable state file to `state.json.corrupt-<unix time>` (with a
/// counter if that exists), so nothing of the user's is lost.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let base = format!("{}.corrupt-{}", path.display(), now());
    let mut aside = PathBuf::from(&base);
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = PathBuf::from(format!("{base}-{n}"));
    }
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

/// Checks the data dir takes new files: creates it, then a file in it.
fn probe(path: &Path) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let temp = atomic::write_temp(path, b"")?;
    std::fs::remove_file(temp)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_published_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_cable_is_keyed_by_its_id_else_by_its_text() {
        let mut cable = crate::input::sample();
        assert_eq!(cable_key(&cable), "05PARIS2333");
        cable.id = None;
        let key = cable_key(&cable);
        assert!(key.starts_with("fnv1a64:") && key.len() == 8 + 16, "{key}");
        cable.source.push('x');
        assert_ne!(cable_key(&cable), key);
    }

    #[test]
    fn a_disabled_store_neither_reads_nor_writes() {
        let mut store = Store::disabled();
        assert!(!store.can_save());
        assert!(!store.save("x", &1));
        assert!(store.position("x").is_none());
        assert!(store.take_notices().is_empty());
    }
}
