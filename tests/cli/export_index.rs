//! `cableview export --index DIR`: the cables of a corpus index (all, by ID, or those a
//! query finds) in a format, or their rows as CSV; exit statuses as `search`'s.

use crate::search_index::{cableview, indexed, text};
use std::path::Path;

fn export(index: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["export", "--index", index.to_str().unwrap()];
    all.extend_from_slice(args);
    cableview(&all)
}

#[test]
fn the_rows_of_a_query_are_its_matches_once_each_best_first() {
    let (_dir, index) = indexed();
    let out = export(&index, &["--format", "rows-csv", "--query", "hezbollah"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,date,origin,classification,subject,score")
    );
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let count = cableview(&[
        "search",
        "--index",
        index.to_str().unwrap(),
        "--count",
        "hezbollah",
    ]);
    assert_eq!(rows.len().to_string(), text(&count.stdout).trim());
    let scores: Vec<f64> = rows.iter().map(|r| r[5].parse().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    assert_eq!(&rows[0][0], "05PARIS2333");
    assert_eq!(&rows[0][3], "SECRET");
}

#[test]
fn cables_by_id_are_read_from_their_files_one_file_each() {
    let (dir, index) = indexed();
    let out_dir = dir.path().join("out");
    // 04PARIS8983 is a CSV row and an annotated file: one cable, merged.
    let out = export(
        &index,
        &[
            "-f",
            "json",
            "--out",
            out_dir.to_str().unwrap(),
            "04PARIS8983",
            "05PARIS2333",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["04PARIS8983.json", "05PARIS2333.json"]);
    let paris: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("05PARIS2333.json")).unwrap())
            .unwrap();
    assert_eq!(paris["id"], "05PARIS2333");
    assert!(
        paris["paragraphs"]
            .as_array()
            .is_some_and(|p| !p.is_empty())
    );
}

#[test]
fn a_query_streams_its_cables_and_statuses_are_searchs() {
    let (_dir, index) = indexed();
    let out = export(&index, &["-f", "json", "-q", "tag:PTER"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let search = cableview(&[
        "search",
        "--index",
        index.to_str().unwrap(),
        "--count",
        "tag:PTER",
    ]);
    assert_eq!(
        text(&out.stdout).lines().count().to_string(),
        text(&search.stdout).trim()
    );
    let none = export(&index, &["-q", "zzzqqq"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(text(&none.stderr), "cableview: no cable matches zzzqqq\n");
    let unknown = export(&index, &["99NOWHERE1"]);
    assert_eq!(unknown.status.code(), Some(1));
    let bad = export(&index, &["-q", "bogus:x"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("query error at column 1"));
    let rows_without_index = cableview(&["export", "-f", "rows-csv"]);
    assert_eq!(rows_without_index.status.code(), Some(2));
}
