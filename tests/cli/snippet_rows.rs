//! A snippet of a release CSV's row with inline annotations is read from the row as a
//! raw row's is, its brackets taken out, not from a parse of the cable: the same
//! passage, the same matches, as the row without annotations gives.

use crate::search_index::{FIXTURE, cableview, text};
use std::path::Path;

/// `(id, snippet, highlights)` of every hit, by ID.
fn snippets(index: &Path, query: &str) -> Vec<(String, String, String)> {
    let mut hits: Vec<(String, String, String)> = crate::search_index::search(index, query)
        .into_iter()
        .map(|hit| {
            (
                hit["id"].as_str().unwrap().to_string(),
                hit["snippet"].as_str().unwrap().to_string(),
                hit["highlights"].to_string(),
            )
        })
        .collect();
    hits.sort();
    hits
}

fn index(dir: &Path, csv: &Path) -> std::path::PathBuf {
    let ix = dir.join(format!("ix-{}", csv.file_stem().unwrap().to_string_lossy()));
    let out = cableview(&[
        "index",
        "--index",
        ix.to_str().unwrap(),
        csv.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    ix
}

#[test]
fn an_annotated_rows_snippet_is_the_rows_text_without_brackets() {
    let dir = tempfile::tempdir().unwrap();
    let raw = std::fs::read_to_string(FIXTURE).unwrap();
    let annotated = raw
        .replace(" Hezbollah ", " [ORG Hezbollah  ] ")
        .replace(" Lebanon ", " [LOC Lebanon  ] ");
    assert_ne!(raw, annotated, "the fixture names them");
    let (raw_csv, annotated_csv) = (dir.path().join("raw.csv"), dir.path().join("annotated.csv"));
    std::fs::write(&raw_csv, raw).unwrap();
    std::fs::write(&annotated_csv, annotated).unwrap();
    let (raw_ix, annotated_ix) = (
        index(dir.path(), &raw_csv),
        index(dir.path(), &annotated_csv),
    );
    for query in ["hezbollah", "lebanon", "hezbollah lebanon"] {
        let plain = snippets(&raw_ix, query);
        let marked = snippets(&annotated_ix, query);
        assert!(!plain.is_empty(), "{query}");
        assert_eq!(marked, plain, "{query}");
        for (id, snippet, _) in &marked {
            assert!(
                !snippet.contains("  ]") && !snippet.contains("[ORG"),
                "{id}: {snippet}"
            );
        }
    }
}
