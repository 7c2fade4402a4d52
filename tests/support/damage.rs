//! Damage done to a corpus index in tests: the column data of every segment's `.fast`
//! file garbled in place (its directory of columns and its footers left whole, so
//! tantivy opens the file and trusts what it finds in it), as a bad disk or a stray
//! write would leave it; and a small index of the annotated fixtures to damage.

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");

/// Builds an index of the annotated fixtures (34 cables) in `dir` with the binary.
pub fn build_index(dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(["index", "--index", dir.to_str().unwrap(), ANNOTATED])
        .env("CABLEVIEW_DATA_DIR", "/nonexistent-cableview-data")
        .env("CABLEVIEW_CONFIG_DIR", "/nonexistent-cableview-config")
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "{out:?}");
}

/// The `.fast` files (columns) of an index.
pub fn fast_files(index: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(index)
        .expect("the index folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "fast"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "an index has columns");
    files
}

/// Flips every byte of the column data of each `.fast` file, in place (the file is not
/// replaced: a cableview that has it mapped sees the change).
///
/// A `.fast` file ends with tantivy's footer (JSON, its length as a u32, a magic u32);
/// before that, the columns' footer: the length of their directory (u64), the number of
/// rows (u32) and a version (8 bytes); before that, the directory; before that, the
/// data.
pub fn garble_columns(index: &Path) {
    for path in fast_files(index) {
        let mut bytes = std::fs::read(&path).expect("read the columns");
        let len = bytes.len();
        let footer = u32::from_le_bytes(bytes[len - 8..len - 4].try_into().unwrap()) as usize;
        let body = len - 8 - footer;
        let directory =
            u64::from_le_bytes(bytes[body - 20..body - 12].try_into().unwrap()) as usize;
        let data_end = body - 20 - directory;
        assert!(data_end > 0 && data_end < len, "{}", path.display());
        for byte in &mut bytes[..data_end] {
            *byte ^= 0xFF;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("open the columns for writing");
        file.seek(SeekFrom::Start(0)).unwrap();
        file.write_all(&bytes[..data_end]).expect("garble");
        file.sync_all().unwrap();
    }
}

/// Copies an index folder's files (no subfolders in an index).
pub fn copy_index(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// Every file of a folder with its length and modification time, to tell whether
/// anything was written there.
pub fn snapshot(dir: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                meta.len(),
                meta.modified().unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}
