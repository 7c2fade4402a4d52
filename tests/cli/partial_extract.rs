//! Cables in the release's partial-extract form (`id: ... refid: ... classification:
//! SECRET ... header ends`) are indexed with the block's metadata: `class:secret` finds
//! them, whether the file is annotated or plain text.

use super::search_index::{cableview, search, text};

const EXTRACTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract");

#[test]
fn class_secret_finds_partial_extracts_of_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let out = cableview(&["index", "--index", index.to_str().unwrap(), EXTRACTS]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !text(&out.stdout).contains("skipped") || text(&out.stdout).contains(" 0 skipped"),
        "{}",
        text(&out.stdout)
    );
    let mut ids: Vec<String> = search(&index, "class:secret")
        .iter()
        .map(|hit| hit["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids, ["04BOGOTA2313", "09QUITO103"]);
    let bogota = &search(&index, "id:04BOGOTA2313")[0];
    assert_eq!(bogota["classification"], "SECRET");
    assert_eq!(bogota["date"], "2004-03-02 22:05");
    assert_eq!(bogota["origin"], "Embassy Bogota");
}
