//! Starting the library's export (`e`): the folder settled (the default named by today's
//! date), a folder holding files already sent back as a question, and the export run on
//! its own thread so the screen stays live.

use crate::library::bundle::{Bundle, ExportHandle, Selection};
use crate::session::Session;
use crate::session::action::Action;
use std::path::{Path, PathBuf};

/// Starts the export, or says why not: the folder is a file, or holds files and writing
/// over them was not asked for.
pub(super) fn start(
    session: &Session,
    selection: Selection,
    bundle: Bundle,
    dir: Option<PathBuf>,
    overwrite: bool,
) -> Action {
    let dir = dir.unwrap_or_else(|| PathBuf::from(format!("cableview-export-{}", today())));
    if dir.is_file() {
        return Action::Notice(format!(
            "{}: is a file, expected a folder",
            crate::sanitize::path(&dir)
        ));
    }
    if !overwrite && holds_files(&dir) {
        return Action::ExportExists(bundle, dir);
    }
    let library = std::sync::Arc::clone(&session.library);
    Action::ExportStarted(ExportHandle::spawn(library, selection, bundle, dir))
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
    let (y, m, d) = civil_from_days(i64::try_from(seconds / 86_400).unwrap_or(0));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_429), (2025, 12, 7));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
