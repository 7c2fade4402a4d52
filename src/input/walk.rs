//! Turning the paths given on the command line into a list of files to load.

use super::Skipped;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A file to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it is.
    pub path: PathBuf,
}

/// Every file under `paths`: files as given, directories walked recursively in name
/// order. Hidden entries (`.git`, `.DS_Store`) are left out; a file reached twice (named
/// and walked, or through a symlink) is listed once; a directory is entered once, so
/// symlink loops end. Paths that cannot be read go to `skipped`.
pub fn files(paths: &[PathBuf], skipped: &mut Vec<Skipped>) -> Vec<Found> {
    let mut walker = Walker {
        found: Vec::new(),
        seen_files: HashSet::new(),
        seen_dirs: HashSet::new(),
        skipped,
    };
    for path in paths {
        walker.visit(path);
    }
    walker.found
}

struct Walker<'a> {
    found: Vec<Found>,
    seen_files: HashSet<PathBuf>,
    seen_dirs: HashSet<PathBuf>,
    skipped: &'a mut Vec<Skipped>,
}

impl Walker<'_> {
    fn skip(&mut self, path: &Path, reason: String) {
        self.skipped.push(Skipped {
            path: path.to_path_buf(),
            reason,
        });
    }

    fn visit(&mut self, path: &Path) {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return self.skip(path, "no such file".to_string());
            }
            Err(e) => return self.skip(path, format!("cannot read: {e}")),
        };
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if metadata.is_dir() {
            if self.seen_dirs.insert(canonical) {
                self.walk_dir(path);
            }
        } else if self.seen_files.insert(canonical) {
            self.found.push(Found {
                path: path.to_path_buf(),
            });
        }
    }

    fn walk_dir(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.skip(dir, format!("cannot read directory: {e}")),
        };
        let mut children: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if !name.starts_with('.') && !is_side_file(&name) {
                        children.push(entry.path());
                    }
                }
                Err(e) => self.skip(dir, format!("cannot read directory entry: {e}")),
            }
        }
        children.sort();
        for child in children {
            self.visit(&child);
        }
    }
}

/// Entity annotations for a cable beside them (`CABLE.ann`, `CABLE.ents.json`): loading
/// the cable reads them, so a directory walk does not take them for cables.
fn is_side_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".ann") || lower.ends_with(".ents.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_recursively_in_order_without_hidden_or_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        let names = [
            "a.txt",
            "b/c/d.txt",
            "b/e.txt",
            ".hidden",
            ".git/x",
            "a.ann",
            "a.ents.json",
        ];
        for name in names {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let mut skipped = Vec::new();
        let given = [root.to_path_buf(), root.join("a.txt"), root.join("nope")];
        let found = files(&given, &mut skipped);
        let names: Vec<String> = found
            .iter()
            .map(|f| f.path.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "b/c/d.txt", "b/e.txt"]);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].reason, "no such file");
    }
}
