//! `--annotations FILE.jsonl`: a collection's side file, one spaCy-style document a line,
//! gives CSV rows and an index their entities by cable ID, instead of the tagger's.

use crate::search_index::{cableview, ids, search, text};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotations");

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// A mention as (kind, text, source).
type Mention = (String, String, String);

/// Each cable's ID and mentions, from `export --format json`.
fn mentions(stdout: &[u8]) -> Vec<(String, Vec<Mention>)> {
    text(stdout)
        .lines()
        .map(|line| {
            let cable: serde_json::Value = serde_json::from_str(line).expect("JSON lines");
            let mentions = cable["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|p| p["mentions"].as_array().unwrap().clone())
                .map(|m| {
                    let field = |key: &str| m[key].as_str().unwrap().to_string();
                    (field("kind"), field("text"), field("source"))
                })
                .collect();
            (cable["id"].as_str().unwrap().to_string(), mentions)
        })
        .collect()
}

#[test]
fn a_csv_rows_document_replaces_the_tagger_and_a_misfit_is_a_warning() {
    let out = cableview(&[
        "export",
        "--format",
        "json",
        "--annotations",
        &fixture("ents.jsonl"),
        &fixture("small.csv"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let cables = mentions(&out.stdout);
    let side = |kind: &str, name: &str| (kind.into(), name.into(), "side-file".into());
    // The document's entities, offsets in the row's body column, DATE dropped.
    assert_eq!(cables[0].0, "10TESTA1");
    assert_eq!(
        cables[0].1,
        [
            side("PER", "Zorbulon Quaxley"),
            side("ORG", "breakfast in"),
            side("LOC", "Ulan Bator"),
            side("ORG", "Gobi Cooperative"),
            side("LOC", "Darkhan"),
        ]
    );
    // 10TESTB2's document was made from another text: the tagger's entities instead.
    assert_eq!(cables[1].0, "10TESTB2");
    assert!(!cables[1].1.is_empty());
    assert!(cables[1].1.iter().all(|(_, _, source)| source == "tagger"));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("ents.jsonl:2 (10TESTB2): its \"text\" is not this cable's text")
            && stderr.contains("the tagger's are"),
        "{stderr}"
    );
    // No document for 10TESTC3: the tagger's.
    assert!(cables[2].1.iter().all(|(_, _, source)| source == "tagger"));
}

#[test]
fn an_index_built_with_annotations_finds_their_entities() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let out = cableview(&[
        "index",
        "--index",
        index.to_str().unwrap(),
        "--annotations",
        &fixture("ents.jsonl"),
        &fixture("small.csv"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(ids(&search(&index, "org:\"breakfast in\"")), ["10TESTA1"]);
    assert_eq!(ids(&search(&index, "per:quaxley")), ["10TESTA1"]);
    // Rows without a (fitting) document keep the tagger's entities.
    assert_eq!(ids(&search(&index, "per:chirac")), ["10TESTB2"]);
}

fn written(dir: &Path, content: &str) -> String {
    let path = dir.join("bad.jsonl");
    std::fs::write(&path, content).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_bad_line_is_an_error_naming_it_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "{\"id\": \"X1\", \"ents\": []}\n\n{\"id\": \"X2\", \"ents\": [{\"start\": 1}]}\n",
            ":3: expected a JSON object {\"id\"",
            "missing field `end`",
        ),
        (
            "{\"text\": \"a\", \"ents\": []}\n",
            ":1: expected a JSON object",
            "missing field `id`",
        ),
        (
            "{\"id\": \"X1\", \"ents\": [}\n",
            ":1: expected a JSON object",
            "column",
        ),
        (
            "{\"id\": \" \", \"ents\": []}\n",
            ":1: expected the cable's reference ID in \"id\"",
            "empty",
        ),
    ];
    let index = dir.path().join("index");
    for (content, located, why) in cases {
        let bad = written(dir.path(), content);
        let csv = fixture("small.csv");
        for args in [
            vec!["export", "--annotations", &bad, &csv],
            vec!["entities", "--annotations", &bad, &csv],
            vec![
                "index",
                "--index",
                index.to_str().unwrap(),
                "--annotations",
                &bad,
                &csv,
            ],
        ] {
            let out = cableview(&args);
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(
                stderr.contains(&format!("bad.jsonl{located}")) && stderr.contains(why),
                "{args:?}: {stderr}"
            );
            assert!(out.stdout.is_empty(), "{args:?}");
        }
    }
    assert!(!index.exists(), "nothing indexed with a bad side file");
}

#[test]
fn a_document_applies_to_a_cable_file_by_the_id_in_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("10TESTA1.txt");
    let body = std::fs::read_to_string(fixture("ents.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(body.lines().next().unwrap()).unwrap();
    std::fs::write(&page, first["text"].as_str().unwrap()).unwrap();
    let out = cableview(&[
        "entities",
        "--json",
        "--annotations",
        &fixture("ents.jsonl"),
        page.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let entities: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = entities
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"breakfast in"), "{names:?}");
}

#[test]
fn a_raw_page_exported_inline_reads_back_with_the_same_entities() {
    let dir = tempfile::tempdir().unwrap();
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/raw/05PARIS2333.html"
    );
    let out = cableview(&[
        "export",
        "--format",
        "inline",
        "--out",
        dir.path().to_str().unwrap(),
        page,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = dir.path().join("05PARIS2333.txt");
    let inline = std::fs::read_to_string(&written).unwrap();
    assert!(
        inline.starts_with("<code><pre>") && inline.contains("[LOC Paris  ]"),
        "{inline}"
    );
    let entities = |path: &str| {
        let out = cableview(&["entities", "--json", path]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut names: Vec<(String, String)> = all
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["kind"].as_str().unwrap().into(),
                    e["name"].as_str().unwrap().into(),
                )
            })
            .collect();
        names.sort();
        names
    };
    let before = entities(page);
    assert!(!before.is_empty());
    assert_eq!(entities(written.to_str().unwrap()), before);
}
