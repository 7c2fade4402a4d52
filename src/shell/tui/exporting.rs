//! Starting the library's export (`e`): the folder settled (the default named by today's
//! date), a folder holding files already sent back as a question, and the export run on
//! its own thread so the screen stays live.

use crate::library::bundle::{Bundle, ExportHandle, Selection};
use crate::session::Session;
use crate::session::message::Message;
use std::path::{Path, PathBuf};

/// Starts the export, or says why not: the folder is a file, or holds files and writing
/// over them was not asked for.
pub(super) fn start(
    session: &Session,
    selection: Selection,
    bundle: Bundle,
    dir: Option<PathBuf>,
    overwrite: bool,
) -> Message {
    let dir = dir.unwrap_or_else(|| PathBuf::from(format!("cableview-export-{}", today())));
    if dir.is_file() {
        return Message::Notice(format!(
            "{}: is a file, expected a folder",
            crate::sanitize::path(&dir)
        ));
    }
    if !overwrite && holds_files(&dir) {
        return Message::ExportExists(bundle, dir);
    }
    let library = std::sync::Arc::clone(&session.library);
    Message::ExportStarted(ExportHandle::spawn(library, selection, bundle, dir))
}

/// Whether a folder exists and holds anything.
fn holds_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
}

/// Today's date in UTC, `YYYY-MM-DD`.
fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    day_of(i64::try_from(seconds).unwrap_or(0))
}

/// The day of a time in seconds since 1970, `YYYY-MM-DD`, as the index writes dates.
fn day_of(seconds: i64) -> String {
    let mut text = crate::search_index::date_text(seconds);
    text.truncate(10);
    text
}

#[cfg(test)]
mod tests {
    use super::day_of;

    #[test]
    fn days_become_dates() {
        assert_eq!(day_of(0), "1970-01-01");
        assert_eq!(day_of(20_429 * 86_400 + 86_399), "2025-12-07");
        assert_eq!(day_of(11_016 * 86_400), "2000-02-29");
    }
}
