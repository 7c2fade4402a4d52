//! What a load left out: whole files, or single rows of a release CSV, counted apart.

use std::path::{Path, PathBuf};

/// A file, or one row of a release CSV, that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file (or directory) as found; for a row, the CSV it is in.
    pub path: PathBuf,
    /// The 1-based line a skipped row starts on; `None` when a whole file was skipped.
    pub line: Option<u64>,
    /// Why it was skipped, in a few words (a row's begins with its line).
    pub reason: String,
}

impl Skipped {
    /// A whole file skipped.
    #[must_use]
    pub fn file(path: &Path, reason: String) -> Self {
        Self {
            path: path.to_path_buf(),
            line: None,
            reason,
        }
    }

    /// One row of the release CSV at `path`, starting on `line`, skipped.
    #[must_use]
    pub fn row(path: &Path, line: u64, reason: String) -> Self {
        Self {
            path: path.to_path_buf(),
            line: Some(line),
            reason,
        }
    }
}

/// What was skipped, counted by what it was: `1 file`, `2 rows`, `1 file and 1 row`.
#[must_use]
pub fn skipped_summary(skipped: &[Skipped]) -> String {
    let rows = skipped.iter().filter(|s| s.line.is_some()).count();
    let files = skipped.len() - rows;
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match (files, rows) {
        (_, 0) => count(files, "file"),
        (0, _) => count(rows, "row"),
        _ => format!("{} and {}", count(files, "file"), count(rows, "row")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_and_rows_are_counted_apart() {
        let file = Skipped::file(Path::new("a.txt"), "not a cable".into());
        let row = Skipped::row(Path::new("c.csv"), 7, "line 7: too long".into());
        assert_eq!(skipped_summary(&[]), "0 files");
        assert_eq!(skipped_summary(std::slice::from_ref(&row)), "1 row");
        assert_eq!(skipped_summary(&[file.clone(), file.clone()]), "2 files");
        assert_eq!(
            skipped_summary(&[file, row.clone(), row]),
            "1 file and 2 rows"
        );
    }
}
