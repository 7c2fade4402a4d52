//! A release CSV with one row over the 64 MB limit: that row alone is skipped, counted
//! as a row, and every row after it is read (they were all lost).

use crate::search_index::cableview;
use std::io::Write;
use std::path::Path;

/// A good row: reference ID `05PARIS{n}`, the body given.
fn row(n: usize, body: &str) -> String {
    format!(
        "\"{n}\",\"12/28/2005 18:48\",\"05PARIS{n}\",\"Embassy Paris\",\"SECRET\",\"\",\"VZCZC\",\"S E C R E T\nSUBJECT: ROW {n}\n\n1. (S) {body}\n\"\n"
    )
}

/// 2 good rows, a row with a 100 MB body, 101 good rows.
fn write_csv(path: &Path) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for n in 1..=2 {
        file.write_all(row(n, "Before.").as_bytes()).unwrap();
    }
    let line = "Paris said \\\"no\\\" again.\n".repeat(1 << 12);
    let big = line.repeat((100 << 20) / line.len() + 1);
    file.write_all(row(3, &big).as_bytes()).unwrap();
    for n in 4..=104 {
        file.write_all(row(n, "After.").as_bytes()).unwrap();
    }
    file.flush().unwrap();
}

#[test]
fn a_row_over_the_limit_is_skipped_alone_and_named_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cables.csv");
    write_csv(&csv);
    let csv = csv.to_str().unwrap();

    let out = cableview(&["export", "--format", "json", csv]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids.len(), 103, "2 rows before, 101 after");
    assert!(ids.last().unwrap().contains("05PARIS104"), "{ids:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("cableview: skipped 1 row that could not be read as cables\n"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("cables.csv: line 11: a row of 100 MB, longer than the 64 MB limit: skipped"),
        "{stderr}"
    );

    let index = dir.path().join("index");
    let out = cableview(&["index", "--index", index.to_str().unwrap(), csv]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("103 cables added, 0 unchanged, 0 removed, 1 row skipped"),
        "{stderr}"
    );
}
