//! `cableview export FOLDER` over a folder holding two files of one cable (its annotated
//! text and its WikiLeaks page): one cable written, merged as the library merges it.

use crate::search_index::{cableview, text};
use std::path::Path;

const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");
const PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/raw");

/// A folder with 09PARIS1426's text and page, and 10BAKU98's text alone.
pub(crate) fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("pages")).unwrap();
    for (from, to) in [
        (format!("{ANNOTATED}/09PARIS1426.txt"), "09PARIS1426.txt"),
        (format!("{ANNOTATED}/10BAKU98.txt"), "10BAKU98.txt"),
        (
            format!("{PAGES}/09PARIS1426.html"),
            "pages/09PARIS1426.html",
        ),
    ] {
        std::fs::copy(from, input.join(to)).unwrap();
    }
    dir
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_cable_in_two_files_is_one_file_out_with_the_pages_dates() {
    let dir = folder();
    let out = dir.path().join("out");
    let run = cableview(&[
        "export",
        "-f",
        "json",
        "--out",
        out.to_str().unwrap(),
        dir.path().join("in").to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["09PARIS1426.json", "10BAKU98.json"]);
    assert_eq!(
        text(&run.stdout).lines().count(),
        2,
        "each file listed once"
    );
    let paris = json(&out.join("09PARIS1426.json"));
    // The text is the base (its own annotations); the page alone has the dates.
    assert_eq!(paris["header"]["created"], "2009-10-22 15:03");
    assert!(!paris["entities"].as_array().unwrap().is_empty());
}

#[test]
fn the_stream_holds_the_cable_once_too() {
    let dir = folder();
    let run = cableview(&[
        "export",
        "-f",
        "json",
        dir.path().join("in").to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let ids: Vec<String> = text(&run.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"09PARIS1426\"", "\"10BAKU98\""]);
}
