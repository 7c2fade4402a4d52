//! `export` and `entities` over directories: the whole collection, bad files counted.

use std::path::Path;
use std::process::{Command, Output};

fn cableview(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn entities_of_a_directory_count_cables_per_entity() {
    let out = cableview(&["entities", "tests/fixtures/annotated"]);
    let text = stdout(&out);
    let mut lines = text.lines();
    let heading: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(heading, ["KIND", "NAME", "CABLES", "COUNT"]);
    let first: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(first, ["LOC", "U.S.", "14", "238"]);
    assert!(out.stderr.is_empty(), "no file was skipped");
}

#[test]
fn entities_of_a_directory_as_json_filtered_by_kind() {
    let out = cableview(&[
        "entities",
        "--json",
        "-k",
        "per",
        "tests/fixtures/annotated",
    ]);
    let list: Vec<serde_json::Value> = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert!(!list.is_empty());
    assert!(list.iter().all(|e| e["kind"] == "PER"));
    let cables: Vec<u64> = list.iter().map(|e| e["cables"].as_u64().unwrap()).collect();
    assert!(cables.windows(2).all(|w| w[0] >= w[1]), "most cables first");
}

#[test]
fn export_of_a_directory_with_bad_files_counts_them_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    for name in ["04PARIS8983.txt", "09KABUL3423.txt"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("blob.bin"), b"\x7fELF\x02\x01\x01\0\0\0").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = cableview(&["export", dir.path().to_str().unwrap()]);
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            value["id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids, ["04PARIS8983", "09KABUL3423"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("cableview: skipped 2 files that could not be read as cables\n"),
        "{stderr}"
    );
    assert!(stderr.contains("blob.bin: not a text file"));
    assert!(stderr.contains("empty.txt: the file is empty"));
}
