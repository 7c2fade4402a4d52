//! Turning the paths given on the command line into a list of files to load.

use super::Skipped;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A file to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it is.
    pub path: PathBuf,
    /// Its side file, when the walk already knows from the folder's listing.
    pub side: SideFile,
}

/// What the walk knows of a file's side file: listing a folder tells, so loading its
/// files need not ask the file system four times each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SideFile {
    /// Not known: look beside the file ([`super::side_file_for`]).
    Look,
    /// The folder holds none.
    Absent,
    /// This one.
    At(PathBuf),
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
        self.skipped.push(Skipped::file(path, reason));
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
            if self.seen_dirs.insert(canonical.clone()) {
                self.walk_dir(path, &canonical);
            }
        } else if self.seen_files.insert(canonical) {
            self.found.push(Found {
                path: path.to_path_buf(),
                side: SideFile::Look,
            });
        }
    }

    /// Walks a folder. A plain file in it (not a link) is listed from the folder's entry
    /// alone: its real path is the folder's joined with its name, and its side file is
    /// among the names listed, so it costs no system call of its own.
    fn walk_dir(&mut self, dir: &Path, canonical_dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.skip(dir, format!("cannot read directory: {e}")),
        };
        let mut children: Vec<(PathBuf, String, bool)> = Vec::new();
        let mut sides: HashSet<String> = HashSet::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if is_side_file(&name) {
                        sides.insert(name);
                    } else if !name.starts_with('.') {
                        let plain = entry.file_type().is_ok_and(|t| t.is_file());
                        children.push((entry.path(), name, plain));
                    }
                }
                Err(e) => self.skip(dir, format!("cannot read directory entry: {e}")),
            }
        }
        children.sort();
        for (child, name, plain) in children {
            if !plain {
                self.visit(&child);
                continue;
            }
            if self.seen_files.insert(canonical_dir.join(&name)) {
                let side = side_in(&sides, &child, &name);
                self.found.push(Found { path: child, side });
            }
        }
    }
}

/// The side file of `path` (named `name`) among the side files of its folder, looked up
/// in the order [`super::side_file_for`] asks the file system.
fn side_in(sides: &HashSet<String>, path: &Path, name: &str) -> SideFile {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or(name);
    [name, stem]
        .iter()
        .flat_map(|base| [format!("{base}.ann"), format!("{base}.ents.json")])
        .find(|candidate| sides.contains(candidate))
        .map_or(SideFile::Absent, |candidate| {
            SideFile::At(path.with_file_name(candidate))
        })
}

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

    #[test]
    fn a_folders_listing_names_each_files_side_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in ["a.txt", "a.ann", "b.html", "b.html.ents.json", "c.txt"] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let mut skipped = Vec::new();
        let found = files(&[root.to_path_buf()], &mut skipped);
        let sides: Vec<(String, SideFile)> = found
            .into_iter()
            .map(|f| {
                (
                    f.path.file_name().unwrap().to_string_lossy().into_owned(),
                    f.side,
                )
            })
            .collect();
        assert_eq!(
            sides,
            [
                ("a.txt".to_string(), SideFile::At(root.join("a.ann"))),
                (
                    "b.html".to_string(),
                    SideFile::At(root.join("b.html.ents.json"))
                ),
                ("c.txt".to_string(), SideFile::Absent),
            ]
        );
        // A file named on its own is looked at beside itself when it is loaded.
        let alone = files(&[root.join("c.txt")], &mut skipped);
        assert_eq!(alone[0].side, SideFile::Look);
    }
}
