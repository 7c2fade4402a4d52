//! The command line on a raw WikiLeaks page and with a side file, as a user runs it.

use std::process::{Command, Output};

fn cableview(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn export_json_of_a_raw_page() {
    let out = cableview(&[
        "export",
        "--format",
        "json",
        "tests/fixtures/raw/09STATE124636.html",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["id"], "09STATE124636");
    let h = &doc["header"];
    assert_eq!(h["classification"], "SECRET");
    assert_eq!(h["created"], "2009-12-04 22:10");
    assert_eq!(h["released"], "2010-12-02 21:09");
    assert_eq!(h["origin"], "Secretary of State");
    assert_eq!(h["tags"], serde_json::json!(["PINR", "PGOV", "MX"]));
    assert_eq!(h["subject"], "GENERAL MEXICAN LEADERSHIP (C-AL9-02352)");
    let refs: Vec<&str> = h["references"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap())
        .collect();
    assert_eq!(refs, ["A", "B", "C", "D", "E", "F", "G", "H"]);
    assert_eq!(h["references"][3]["text"], "MEXICO 002071");
    let labels: Vec<&str> = doc["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["1", "2"]);
    assert_eq!(doc["paragraphs"][0]["marking"], "C/NF");
    assert_eq!(doc["paragraphs"][1]["marking"], "U");
    assert_eq!(doc["signature"], "CLINTON");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("&#x000A;"));
}

#[test]
fn every_raw_page_exports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/raw");
    let mut paths: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    paths.sort();
    let mut args = vec!["export", "--format", "text"];
    args.extend(paths.iter().map(String::as_str));
    let out = cableview(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("¶1 (C/NF) WASHINGTON ANALYSTS HAVE BEEN PARTICULARLY INTERESTED"));
}

#[test]
fn annotations_option_reads_a_side_file_and_reports_its_errors() {
    let ok = cableview(&[
        "tests/fixtures/raw/09STATE124636.html",
        "--annotations",
        "tests/fixtures/side/09STATE124636.ann",
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let bad = cableview(&[
        "tests/fixtures/raw/09STATE124636.html",
        "--annotations",
        "tests/fixtures/side/bad_offsets.ann",
    ]);
    assert!(!bad.status.success());
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim(),
        "cableview: tests/fixtures/side/bad_offsets.ann:4: offsets 4000-4012 do not fit the cable's text (3066 characters)"
    );
}
