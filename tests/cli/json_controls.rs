//! Every JSON output, decoded as `jq -r` would, holds no control character: a cable's
//! ESC or BEL written as `\u001b` came back raw on the terminal of whoever piped it.

use crate::controls;
use std::process::{Command, Output};

fn cableview(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .env("CABLEVIEW_DATA_DIR", "/nonexistent-cableview-data")
        .env("CABLEVIEW_CONFIG_DIR", "/nonexistent-cableview-config")
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every JSON document of `text`: one, or one a line (JSON Lines).
fn documents(text: &str) -> Vec<serde_json::Value> {
    serde_json::from_str(text).map_or_else(
        |_| {
            text.lines()
                .map(|l| serde_json::from_str(l).expect("each line is JSON"))
                .collect()
        },
        |one| vec![one],
    )
}

/// Every string of a JSON value, keys included, decoded.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                out.push(key.clone());
                strings(v, out);
            }
        }
        _ => {}
    }
}

/// Checks the decoded strings of `out`'s JSON and returns them.
fn clean_strings(what: &str, out: &Output) -> Vec<String> {
    let text = String::from_utf8(out.stdout.clone()).expect("UTF-8");
    controls::assert_clean(what, text.as_bytes());
    let mut all = Vec::new();
    for doc in documents(&text) {
        strings(&doc, &mut all);
    }
    for s in &all {
        controls::assert_clean(&format!("{what}, decoded"), s.as_bytes());
    }
    all
}

#[test]
fn exports_and_entity_lists_decode_to_no_control_character() {
    let dir = tempfile::tempdir().unwrap();
    let path = controls::write_cable(dir.path());
    let path = path.to_str().unwrap();
    let dir_arg = dir.path().to_str().unwrap();
    let name = "U␛]0;T␇S\u{fffd}G";
    for args in [
        vec!["export", "--format", "json", path],
        vec!["export", "--format", "displacy", path],
        vec!["export", "--format", "prodigy", path],
        vec!["export", "--format", "doccano", path],
        vec!["entities", "--json", path],
        vec!["entities", "--json", dir_arg],
    ] {
        let all = clean_strings(&format!("{args:?}"), &cableview(&args)).concat();
        // The attacker's characters are there, as the symbols the text outputs show.
        assert!(all.contains(name), "{args:?}: {all}");
        if args[0] == "export" {
            assert!(all.contains("␛[201~␍echo PWNED␍"), "{args:?}: {all}");
        }
    }
}

#[test]
fn displacy_offsets_still_slice_the_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let path = controls::write_cable(dir.path());
    let out = cableview(&["export", "--format", "displacy", path.to_str().unwrap()]);
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc = &docs[0];
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let sliced: Vec<String> = doc["ents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            text[start as usize..end as usize].iter().collect()
        })
        .collect();
    assert!(
        sliced.contains(&"U␛]0;T␇S\u{fffd}G".to_string()),
        "{sliced:?}"
    );
}

#[test]
fn search_hits_decode_to_no_control_character_and_highlights_hold() {
    let dir = tempfile::tempdir().unwrap();
    let path = controls::write_cable(dir.path());
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    cableview(&["index", "--index", index, path.to_str().unwrap()]);
    let out = cableview(&["search", "--index", index, "--json", "pwned"]);
    clean_strings("search --json", &out);
    let hits = documents(&String::from_utf8(out.stdout).unwrap());
    assert!(!hits.is_empty(), "the payload's words are found");
    for hit in hits {
        let snippet = hit["snippet"].as_str().unwrap();
        assert!(snippet.contains('␍') || snippet.contains('␛'), "{snippet}");
        for range in hit["highlights"].as_array().unwrap() {
            let (start, end) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
            let word = snippet.get(start as usize..end as usize);
            assert_eq!(
                word.map(str::to_lowercase).as_deref(),
                Some("pwned"),
                "{hit}"
            );
        }
    }
}
