//! The reading state: where the user stopped in each cable, kept in `state.json`
//! in the data dir.
//!
//! The file maps a cable key ([`cable_key`]) to an [`Entry`]: the reader's position
//! (kept as JSON, so this module does not depend on the reader's types) and when it
//! was saved. Saving re-reads the file and replaces only the saved cables, under a
//! lock, and writes atomically: two instances never corrupt the file or drop each
//! other's cables, and the last to save a cable wins it. The reader saves through
//! [`Store::save_later`], which hands the write to a thread ([`saver`]), so neither a
//! big file nor another instance's lock holds up a jump; [`Store::flush`] (on quit)
//! waits for it. A file that cannot be read (not JSON, not a regular file, over the
//! 128 MB limit) is moved aside, never discarded; a data dir that refuses writes
//! turns saving off. Either way the reader goes on, and a notice says what happened.

mod disk;
mod history;
mod saver;

use crate::cable::Cable;
use disk::Entries;
use saver::{Report, Saver};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One cable's saved state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The reader's position (paragraph, scroll, selection, hidden kinds, marks).
    pub position: serde_json::Value,
    /// When it was saved, in seconds since the Unix epoch.
    pub updated_at: u64,
}

/// The key a cable is saved under: its reference ID when known, else a hash of
/// its text (`fnv1a64:` and 16 hex digits), stable across builds and platforms.
#[must_use]
pub fn cable_key(cable: &Cable) -> String {
    match &cable.id {
        Some(id) => id.to_string(),
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
///
/// Dropping a store writes what [`Store::save_later`] queued.
#[derive(Debug)]
pub struct Store {
    /// `state.json`; `None` when state is off (`--no-state`, no data dir).
    path: Option<PathBuf>,
    /// False once the data dir has refused a write, or the file is not ours.
    writable: bool,
    entries: Entries,
    notices: Vec<String>,
    /// The saving thread, started by the first [`Store::save_later`].
    saver: Option<Saver>,
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
            saver: None,
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
            saver: None,
        };
        match disk::read(&path, &mut store.notices) {
            Ok(entries) => store.entries = entries,
            Err(notice) => store.stop_saving(notice.to_string()),
        }
        if store.writable
            && let Err(e) = disk::probe(&path)
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

    /// Every saved cable, by key: as read at opening, with this store's saves.
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

    /// Saves a cable's position now: re-reads the file, replaces this cable's entry
    /// and writes it back atomically, waiting for another instance's lock up to
    /// [`crate::atomic_file::Lock::PATIENCE`]. Returns whether it was written; failures become
    /// notices and turn saving off, so the user hears of them once.
    pub fn save<T: Serialize>(&mut self, key: &str, position: &T) -> bool {
        // Saves queued before this one go first, so this one is the last.
        self.flush();
        let (Some(path), Some(entry)) = (self.path.clone(), self.entry(position)) else {
            return false;
        };
        let _lock = crate::atomic_file::Lock::acquire(&path);
        let updates = BTreeMap::from([(key.to_string(), entry)]);
        match disk::merge(&path, &updates, &mut self.notices) {
            Ok(entries) => {
                self.entries = entries;
                true
            }
            Err(notice) => {
                self.stop_saving(notice.to_string());
                false
            }
        }
    }

    /// Saves a cable's position without waiting for the disk: the position is this
    /// store's at once and a thread writes it as [`Store::save`] would, together with
    /// the saves queued meanwhile. Returns whether it was queued; a failure is a
    /// notice of a later call, and turns saving off.
    pub fn save_later<T: Serialize>(&mut self, key: &str, position: &T) -> bool {
        self.collect_reports();
        let (Some(path), Some(entry)) = (self.path.clone(), self.entry(position)) else {
            return false;
        };
        if self.saver.is_none() {
            self.saver = Saver::spawn(path);
        }
        let queued = self
            .saver
            .as_ref()
            .is_some_and(|saver| saver.save(key.to_string(), entry.clone()));
        if !queued {
            // No thread to be had: save as before, on this one.
            self.saver = None;
            return self.save(key, position);
        }
        self.entries.insert(key.to_string(), entry);
        true
    }

    /// Waits until every position [`Store::save_later`] queued is on disk (or has
    /// failed, with a notice), waiting for another instance's lock up to
    /// [`crate::atomic_file::Lock::PATIENCE`].
    pub fn flush(&mut self) {
        if let Some(saver) = &self.saver {
            saver.flush();
        }
        self.collect_reports();
    }

    /// The notices not yet shown (a file moved aside, saving turned off), oldest
    /// first; each is returned once.
    pub fn take_notices(&mut self) -> Vec<String> {
        self.collect_reports();
        std::mem::take(&mut self.notices)
    }

    /// The entry to save for `position`, if saving is on and it serialises.
    fn entry<T: Serialize>(&mut self, position: &T) -> Option<Entry> {
        if !self.can_save() {
            return None;
        }
        match serde_json::to_value(position) {
            Ok(position) => Some(Entry {
                position,
                updated_at: disk::now(),
            }),
            Err(e) => {
                self.notices
                    .push(format!("cannot save the reading position: {e}"));
                None
            }
        }
    }

    fn collect_reports(&mut self) {
        let reports = self.saver.as_ref().map(Saver::reports).unwrap_or_default();
        for report in reports {
            match report {
                Report::Notice(notice) => self.notices.push(notice),
                Report::Stopped(notice) => self.stop_saving(notice),
            }
        }
    }

    fn stop_saving(&mut self, notice: String) {
        self.writable = false;
        self.notices.push(notice);
    }
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
