//! The release's raw CSV indexed with defaults: the tagger's people, organisations and
//! places reach `per:`, `entity:` and `search --facets --json`; `--tagger off` leaves
//! them out; exports say the mentions are the tagger's.

use crate::search_index::{cableview, ids, search, text};
use std::path::Path;

const RAW_CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/release.csv");

fn index(dir: &Path, tagger: &str) -> std::path::PathBuf {
    let at = dir.join(format!("ix-{tagger}"));
    let out = cableview(&[
        "index",
        "--tagger",
        tagger,
        "--index",
        at.to_str().unwrap(),
        RAW_CSV,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    at
}

fn facets(at: &Path) -> serde_json::Value {
    let out = cableview(&[
        "search",
        "--index",
        at.to_str().unwrap(),
        "--facets",
        "--json",
        "the",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON facets")
}

#[test]
fn a_raw_csv_indexed_with_defaults_has_people_places_and_organisations() {
    let dir = tempfile::tempdir().unwrap();
    let on = index(dir.path(), "on");
    let facets_on = facets(&on);
    for key in ["people", "organisations", "places"] {
        let values = facets_on[key].as_array().unwrap();
        assert!(!values.is_empty(), "{key}: {facets_on}");
    }
    // The first person of the facets is found by `per:`.
    let person = facets_on["people"][0]["value"]
        .as_str()
        .unwrap()
        .to_string();
    let hits = ids(&search(&on, &format!("per:\"{person}\"")));
    assert!(!hits.is_empty(), "per:{person}");

    let off = index(dir.path(), "off");
    let facets_off = facets(&off);
    for key in ["people", "organisations", "places"] {
        assert!(
            facets_off[key].as_array().unwrap().is_empty(),
            "{key}: {facets_off}"
        );
    }
}

#[test]
fn exports_of_a_raw_page_say_the_mentions_are_the_taggers() {
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/raw/06KABUL3934.html"
    );
    let out = cableview(&["export", "--format", "json", page]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The page is cut short after its addressees: its mentions are the header's.
    let sources: Vec<&str> = std::iter::once(&json["header"])
        .chain(json["paragraphs"].as_array().unwrap())
        .flat_map(|p| p["mentions"].as_array().unwrap())
        .map(|m| m["source"].as_str().unwrap())
        .collect();
    assert!(!sources.is_empty());
    assert!(sources.iter().all(|s| *s == "tagger"), "{sources:?}");
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("brat");
    let brat = cableview(&[
        "export",
        "--format",
        "brat",
        "--out",
        out_dir.to_str().unwrap(),
        page,
    ]);
    assert!(brat.status.success(), "{}", text(&brat.stderr));
    let ann = std::fs::read_to_string(out_dir.join("06KABUL3934.ann")).unwrap();
    assert!(ann.contains("AnnotatorNotes T1\tsource: tagger"), "{ann}");
    let off = cableview(&["export", "--format", "json", "--tagger", "off", page]);
    let json: serde_json::Value = serde_json::from_slice(&off.stdout).unwrap();
    assert!(json["entities"].as_array().unwrap().is_empty());
}

#[test]
fn an_update_with_the_tagger_turned_off_says_it_reads_the_tagged_rows_again() {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("ix");
    let run = |tagger: &str| {
        let out = cableview(&[
            "index",
            "--tagger",
            tagger,
            "--index",
            at.to_str().unwrap(),
            RAW_CSV,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stderr)
    };
    let first = run("on");
    assert!(!first.contains("tagging changed"), "{first}");
    let off = run("off");
    assert!(
        off.contains("the tagging changed since the last update (was `builtin: cableview-tagger"),
        "{off}"
    );
    assert!(
        off.contains(
            "now `off`): 1 files whose entities came or would come from the tagger read again"
        ),
        "{off}"
    );
    assert!(off.contains(": 304 cables added, 0 unchanged"), "{off}");
    let people = &facets(&at)["people"];
    assert_eq!(people.as_array().map(Vec::len), Some(0), "{people}");
    // The same setting again: nothing read.
    let again = run("off");
    assert!(again.contains(": 0 cables added, 304 unchanged"), "{again}");
    assert!(!again.contains("tagging changed"), "{again}");
}
