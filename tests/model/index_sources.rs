//! A cable opened from the index is the one indexed: a CSV changed since (two rows of
//! equal length swapped) is refused with a word to index again, never shown as another
//! cable's text under the ID asked for, even when its modification time is put back.

use cableview::cable::CableId;
use cableview::search_index::{self, IndexError, SearchIndex};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/release.csv");
const FIRST: &str = "00HARARE6677";
const TWIN: &str = "00HARARE6678";

/// The fixture's first row, and the same row under another ID of the same length.
fn two_rows() -> (Vec<u8>, Vec<u8>) {
    let bytes = std::fs::read(FIXTURE).unwrap();
    let row = cableview::input::release_csv::open(Path::new(FIXTURE))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(row.row.reference_id, FIRST);
    let start = usize::try_from(row.byte).unwrap();
    let first = bytes[start..start + usize::try_from(row.len).unwrap()].to_vec();
    let twin = String::from_utf8(first.clone())
        .unwrap()
        .replace(FIRST, TWIN)
        .into_bytes();
    assert_eq!(first.len(), twin.len());
    (first, twin)
}

fn indexed(csv: &Path, dir: &Path) -> SearchIndex {
    let index = dir.join("ix");
    let report = search_index::update(
        &index,
        &[PathBuf::from(csv)],
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(report.added, 2, "{:?}", report.skipped);
    SearchIndex::open(&index).unwrap()
}

#[test]
fn a_csv_with_two_rows_swapped_is_refused_not_shown_under_the_wrong_id() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cables.csv");
    let (first, twin) = two_rows();
    std::fs::write(&csv, [first.as_slice(), &twin].concat()).unwrap();
    let index = indexed(&csv, dir.path());
    assert_eq!(
        index
            .load_cable(&CableId::new(FIRST))
            .unwrap()
            .id
            .as_deref(),
        Some(FIRST)
    );

    std::fs::write(&csv, [twin.as_slice(), &first].concat()).unwrap();
    let error = index.load_cable(&CableId::new(FIRST)).unwrap_err();
    assert!(matches!(error, IndexError::SourceChanged(..)), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains("cables.csv: the file has changed since it was indexed"),
        "{message}"
    );
    assert!(message.contains("run `cableview index` again"), "{message}");
}

#[test]
fn a_swap_behind_an_unchanged_modification_time_is_caught_by_the_id() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cables.csv");
    let (first, twin) = two_rows();
    std::fs::write(&csv, [first.as_slice(), &twin].concat()).unwrap();
    let indexed_at = std::fs::metadata(&csv).unwrap().modified().unwrap();
    let index = indexed(&csv, dir.path());

    std::fs::write(&csv, [twin.as_slice(), &first].concat()).unwrap();
    let file = std::fs::File::options().write(true).open(&csv).unwrap();
    file.set_modified(indexed_at).unwrap();
    drop(file);
    let error = index.load_cable(&CableId::new(FIRST)).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains(&format!(
            "the cable at byte 0 is {TWIN} now, {FIRST} when indexed"
        )),
        "{message}"
    );
    // The other row, where the index has it, is refused the same way.
    assert!(index.load_cable(&CableId::new(TWIN)).is_err());
}
