//! Prints every parsed cable in full (`{:#?}`), file by file, so a change meant to leave
//! the parser's results alone can be checked: dump before and after, then `diff`.
//!
//! `cargo test --release -p cableview-model --example parse_dump -- FILE_OR_DIR... > dump.txt`
//! (a test build, so the dependencies already built for the tests serve; it runs in
//! `crates/model`, so give absolute paths).

use std::path::{Path, PathBuf};

fn main() {
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        collect(Path::new(&arg), &mut files);
    }
    if files.is_empty() {
        eprintln!("usage: parse_dump FILE_OR_DIR...");
        std::process::exit(2);
    }
    files.sort();
    for file in files {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        match std::fs::read(&file) {
            Ok(bytes) => {
                println!("== {}", file.display());
                println!("{:#?}", cableview_model::cable::parse_bytes(&bytes, &name));
            }
            Err(error) => eprintln!("{}: {error}", file.display()),
        }
    }
}

/// The files under `path` (itself if a file), in any order.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                collect(&entry.path(), files);
            }
        }
        Err(_) => files.push(path.to_path_buf()),
    }
}
