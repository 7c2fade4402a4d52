//! One document per cable in the index: a cable held in two files (its annotated text
//! and its WikiLeaks page, or a release CSV's row and a file) is one document, so
//! `index`'s "N added", `search --count` and the facets count cables, and changing or
//! deleting one of the files replaces that one document.

use crate::search_index::{FIXTURE, cableview, text};
use std::path::{Path, PathBuf};

const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");
const PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/raw");

/// A folder with 09PARIS1426's text and page, 10BAKU98's text (the export tests' folder)
/// and 04PARIS8983's page.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = crate::export_merge::folder();
    let input = dir.path().join("in");
    std::fs::copy(
        format!("{PAGES}/04PARIS8983.html"),
        input.join("pages/04PARIS8983.html"),
    )
    .unwrap();
    (dir, input)
}

/// `cableview index`'s summary line.
fn index(index: &Path, paths: &[&Path]) -> String {
    let mut args = vec!["index", "--index", index.to_str().unwrap()];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let out = cableview(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let summary = stderr.lines().find(|l| l.contains(" added, "));
    summary.expect("a summary").to_string()
}

fn search(index: &Path, args: &[&str]) -> String {
    let mut all = vec!["search", "--index", index.to_str().unwrap()];
    all.extend(args);
    let out = cableview(&all);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn count(index: &Path, query: &str) -> u64 {
    let out = cableview(&[
        "search",
        "--index",
        index.to_str().unwrap(),
        "--count",
        query,
    ]);
    // Exit status 1 is no cable found, which `--count` answers with 0.
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{query}: {}",
        text(&out.stderr)
    );
    text(&out.stdout).trim().parse().unwrap()
}

/// The facets' total, and the sum of each section's counts that every cable has.
fn facet_sums(index: &Path, query: &str) -> (u64, u64, u64) {
    let facets: serde_json::Value =
        serde_json::from_str(&search(index, &["--facets", "--json", query])).unwrap();
    let sum = |key: &str| -> u64 {
        facets[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["count"].as_u64().unwrap())
            .sum()
    };
    (
        facets["total"].as_u64().unwrap(),
        sum("classification"),
        sum("year"),
    )
}

fn hit(index: &Path, query: &str) -> serde_json::Value {
    let out = search(index, &["--json", query]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    serde_json::from_str(lines[0]).unwrap()
}

/// Every cable of the folder: a word each of the three says.
const ALL: &str = "id:09PARIS1426 OR id:10BAKU98 OR id:04PARIS8983";

#[test]
fn a_text_and_its_page_are_one_cable_in_every_count() {
    let (dir, input) = folder();
    let ix = dir.path().join("ix");
    assert!(index(&ix, &[&input]).contains(": 3 cables added, 0 unchanged"));
    assert_eq!(count(&ix, ALL), 3);
    assert_eq!(count(&ix, "id:09PARIS1426"), 1);
    assert_eq!(
        facet_sums(&ix, ALL),
        (3, 3, 3),
        "facets add up to the cables"
    );
    // One document: the text's entities with the page's date, as the library shows it.
    let paris = hit(&ix, "id:09PARIS1426");
    assert_eq!(paris["date"], "2009-10-22 15:03");
    assert_eq!(count(&ix, "id:09PARIS1426 date:2009"), 1);
    assert_eq!(
        count(&ix, "id:09PARIS1426 entity:ETA"),
        1,
        "the text's entities"
    );
    // Indexed again unchanged: nothing read, the cables counted once.
    assert!(index(&ix, &[&input]).contains(": 0 cables added, 3 unchanged, 0 removed"));
}

#[test]
fn changing_or_deleting_one_file_replaces_the_one_document() {
    let (dir, input) = folder();
    let ix = dir.path().join("ix");
    index(&ix, &[&input]);
    // The page changes (a day later): the text is read again with it, one cable replaced.
    let page = input.join("pages/09PARIS1426.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("2009-10-22"), "the fixture's date");
    std::fs::write(&page, html.replace("2009-10-22", "2009-10-23")).unwrap();
    assert!(index(&ix, &[&input]).contains(": 1 cable added, 2 unchanged, 0 removed"));
    assert_eq!(count(&ix, "id:09PARIS1426"), 1);
    assert_eq!(hit(&ix, "id:09PARIS1426")["date"], "2009-10-23 15:03");
    assert_eq!(
        count(&ix, "id:09PARIS1426 entity:ETA"),
        1,
        "still the text's entities"
    );
    assert_eq!(facet_sums(&ix, ALL), (3, 3, 3));

    // The text changes: the page is read again with it.
    let txt = input.join("09PARIS1426.txt");
    let mut body = std::fs::read_to_string(&txt).unwrap();
    body.push_str("\nZanzibarword\n");
    std::fs::write(&txt, body).unwrap();
    assert!(index(&ix, &[&input]).contains(": 1 cable added, 2 unchanged, 0 removed"));
    assert_eq!(count(&ix, "zanzibarword"), 1);
    assert_eq!(hit(&ix, "zanzibarword")["date"], "2009-10-23 15:03");
    assert_eq!(count(&ix, "id:09PARIS1426"), 1);

    // The page is deleted: the cable stays, of its text alone, without the page's date.
    std::fs::remove_file(&page).unwrap();
    assert!(index(&ix, &[&input]).contains(": 1 cable added, 2 unchanged, 0 removed"));
    assert_eq!(count(&ix, "id:09PARIS1426"), 1);
    assert!(hit(&ix, "id:09PARIS1426")["date"].is_null());
    assert_eq!(count(&ix, "zanzibarword"), 1);
    assert_eq!(facet_sums(&ix, ALL), (3, 3, 3));

    // The page comes back: merged with the text the index already holds.
    std::fs::copy(format!("{PAGES}/09PARIS1426.html"), &page).unwrap();
    assert!(index(&ix, &[&input]).contains(": 1 cable added, 2 unchanged, 0 removed"));
    assert_eq!(count(&ix, "id:09PARIS1426"), 1);
    assert_eq!(hit(&ix, "zanzibarword")["date"], "2009-10-22 15:03");
}

#[test]
fn a_csv_row_and_a_file_of_one_cable_are_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let csv = input.join("cables.csv");
    std::fs::copy(FIXTURE, &csv).unwrap();
    let rows = count_rows(&csv);
    // 00HARARE6677 is a row of the CSV and an annotated file.
    let txt = input.join("00HARARE6677.txt");
    std::fs::copy(format!("{ANNOTATED}/00HARARE6677.txt"), &txt).unwrap();
    let ix = dir.path().join("ix");
    let summary = index(&ix, &[&input]);
    assert!(
        summary.contains(&format!(": {rows} cables added, 0 unchanged")),
        "{summary}"
    );
    assert_eq!(count(&ix, "id:00HARARE6677"), 1);
    let (total, classified, _) = facet_sums(&ix, "");
    assert_eq!((total, classified), (rows, rows));

    // The file changes: the row is read again with it.
    let mut body = std::fs::read_to_string(&txt).unwrap();
    body.push_str("\nZanzibarword\n");
    std::fs::write(&txt, body).unwrap();
    let summary = index(&ix, &[&input]);
    let unchanged = rows - 1;
    assert!(
        summary.contains(&format!(
            ": 1 cable added, {unchanged} unchanged, 0 removed"
        )),
        "{summary}"
    );
    assert_eq!(count(&ix, "id:00HARARE6677"), 1);
    assert_eq!(count(&ix, "zanzibarword"), 1);
    // The row's date (the file has none), the file's words.
    assert_eq!(hit(&ix, "zanzibarword")["date"], "2000-11-29 13:01");

    // The file deleted: the row alone.
    std::fs::remove_file(&txt).unwrap();
    index(&ix, &[&input]);
    assert_eq!(count(&ix, "id:00HARARE6677"), 1);
    assert_eq!(count(&ix, "zanzibarword"), 0);
}

/// The rows of a release CSV, as `cableview index` counts them.
fn count_rows(csv: &Path) -> u64 {
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    let summary = index(&ix, &[csv]);
    let added = summary
        .split(": ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap();
    added.parse().unwrap()
}
