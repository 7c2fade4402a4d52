//! The reference ID every command prints is the source's (the CSV's column), never one
//! read from the body, even when the body opens on a section line. The fixture is the
//! release's row of 09QUITO103 whose body was made to start with `SECTION 02 OF 03`.

use super::search_index::{cableview, search, text};

const ROW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/sectioned/09QUITO103-section2.csv"
);

#[test]
fn every_output_gives_the_csv_columns_id() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let out = cableview(&["index", "--index", index, ROW]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let hits = search(std::path::Path::new(index), "farc");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["id"], "09QUITO103");
    let first_field = |args: &[&str], skip: usize| {
        let out = cableview(args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let stdout = text(&out.stdout);
        let line = stdout.lines().nth(skip).unwrap_or_default().to_string();
        line.split([',', ' '])
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let search_csv = ["search", "--index", index, "--format", "csv", "farc"];
    assert_eq!(first_field(&search_csv, 1), "09QUITO103");
    let search_text = ["search", "--index", index, "farc"];
    assert_eq!(first_field(&search_text, 0), "09QUITO103");
    let rows = ["export", "--index", index, "--format", "rows-csv"];
    assert_eq!(first_field(&rows, 1), "09QUITO103");
    let mentions = ["export", "--format", "csv", ROW];
    assert_eq!(first_field(&mentions, 1), "09QUITO103");
    for (kind, args) in [
        ("file", vec!["export", "--format", "json", ROW]),
        (
            "index",
            vec!["export", "--index", index, "--format", "json"],
        ),
    ] {
        let out = cableview(&args);
        assert!(out.status.success(), "{kind}: {}", text(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["id"], "09QUITO103", "{kind}");
    }
}
