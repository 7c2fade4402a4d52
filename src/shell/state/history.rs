//! The queries searched, kept between runs in `search_history.json` beside the reading
//! state: a JSON list of strings, oldest first, written whole and atomically after each
//! query searched (the last instance to search wins, as with a shell's history).

use super::Store;
use std::path::PathBuf;

/// The history file's name, in the data dir.
pub const FILE: &str = "search_history.json";

/// Larger files are not read: a history is a hundred short lines.
const MAX_BYTES: u64 = 1 << 20;

impl Store {
    /// The history file, when the reading state is kept.
    fn history_path(&self) -> Option<PathBuf> {
        Some(self.path.as_ref()?.with_file_name(FILE))
    }

    /// The queries searched in earlier runs, oldest first; none when state is off or
    /// there is no file yet. A file that is not a list of queries is said in a notice
    /// and replaced by the next query searched.
    pub fn history(&mut self) -> Vec<String> {
        let Some(path) = self.history_path() else {
            return Vec::new();
        };
        let shown = crate::sanitize::path(&path);
        let read = match std::fs::metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
            Ok(meta) if !meta.is_file() || meta.len() > MAX_BYTES => {
                Err("not a regular file of at most 1 MB".to_string())
            }
            _ => std::fs::read_to_string(&path).map_err(|e| e.to_string()),
        };
        match read.and_then(|text| {
            serde_json::from_str::<Vec<String>>(&text)
                .map_err(|e| format!("not a JSON list of queries ({e})"))
        }) {
            Ok(entries) => entries,
            Err(why) => {
                self.notices
                    .push(format!("{shown}: {why}; the search history starts again"));
                Vec::new()
            }
        }
    }

    /// Writes the history (oldest first), when state is kept and can be saved; a
    /// failure turns saving off with a notice, as for reading positions.
    pub fn save_history(&mut self, entries: &[String]) {
        if !self.can_save() {
            return;
        }
        let Some(path) = self.history_path() else {
            return;
        };
        let text = serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into());
        if let Err(e) = crate::atomic_file::write(&path, text.as_bytes()) {
            self.stop_saving(format!(
                "{}: cannot save the search history: {e}",
                crate::sanitize::path(&path)
            ));
        }
    }
}
