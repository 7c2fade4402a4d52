//! The index and the tagging setting: an update with another setting (`--tagger off`, or
//! a new model) reads again the files whose entities came or would come from the tagger,
//! and only those.

use cableview::cable::Tagging;
use cableview::search_index::{self, Report, SearchIndex};
use std::path::Path;
use std::sync::atomic::AtomicBool;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn update(at: &Path, folder: &Path, tagging: Tagging) -> Report {
    let report = search_index::update_tagged(
        at,
        &[folder.to_path_buf()],
        tagging,
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("indexed");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    report
}

/// The mentions the index counts for cable `id`.
fn mentions(at: &Path, id: &str) -> u64 {
    let index = SearchIndex::open(at).unwrap();
    let rows = index.all().unwrap();
    rows.iter().find(|r| r.id == id).expect(id).mentions
}

#[test]
fn another_tagging_reads_the_tagged_files_again_and_no_others() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("cables");
    std::fs::create_dir(&folder).unwrap();
    // A raw page (the tagger's entities) and an annotated text (its own), two cables.
    let raw = Path::new(FIXTURES).join("raw/00HARARE6677.html");
    let annotated = Path::new(FIXTURES).join("annotated/04PARIS8983.txt");
    std::fs::copy(&raw, folder.join("00HARARE6677.html")).unwrap();
    std::fs::copy(&annotated, folder.join("04PARIS8983.txt")).unwrap();
    let at = dir.path().join("ix");

    let first = update(&at, &folder, Tagging::Builtin);
    assert_eq!((first.added, first.retagged), (2, None));
    let tagged = mentions(&at, "00HARARE6677");
    let own = mentions(&at, "04PARIS8983");
    assert!(tagged > 0 && own > 0, "{tagged} {own}");

    // Off: the page is read again and loses the tagger's entities; the text is not.
    let off = update(&at, &folder, Tagging::Off);
    let retagged = off.retagged.expect("the setting changed");
    assert!(
        retagged.before.starts_with("builtin: cableview-tagger"),
        "{retagged:?}"
    );
    assert_eq!((retagged.now.as_str(), retagged.files), ("off", 1));
    assert_eq!((off.added, off.unchanged, off.removed), (1, 1, 0));
    assert_eq!(mentions(&at, "00HARARE6677"), 0);
    assert_eq!(mentions(&at, "04PARIS8983"), own);
    assert_eq!(SearchIndex::open(&at).unwrap().len(), 2);

    // The same setting again: nothing to read.
    let again = update(&at, &folder, Tagging::Off);
    assert_eq!((again.added, again.unchanged, again.retagged), (0, 2, None));

    // Back on: the page gets its entities back.
    let on = update(&at, &folder, Tagging::Builtin);
    assert_eq!(on.retagged.map(|r| r.files), Some(1));
    assert_eq!(mentions(&at, "00HARARE6677"), tagged);
}

#[test]
fn another_tagging_reads_every_row_of_a_raw_csv_again() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("cables");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        Path::new(FIXTURES).join("release.csv"),
        folder.join("release.csv"),
    )
    .unwrap();
    let at = dir.path().join("ix");
    let first = update(&at, &folder, Tagging::Builtin);
    // Entities named, of any kind, in the whole index's facets.
    let count = |at: &Path| -> usize {
        let facets = SearchIndex::open(at).unwrap().facets("").unwrap();
        facets.entities.iter().map(|(_, named)| named.len()).sum()
    };
    let people = count(&at);
    assert!(people > 0, "the tagger found entities");
    let off = update(&at, &folder, Tagging::Off);
    assert_eq!(off.retagged.map(|r| r.files), Some(1));
    // Every row parsed again, none twice.
    assert_eq!((off.added, off.unchanged), (first.added, 0));
    assert_eq!(SearchIndex::open(&at).unwrap().len(), first.added);
    assert_eq!(count(&at), 0);
}
