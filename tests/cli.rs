//! The command line, run as a user would: the real binary, its output and exit status.

#[cfg(unix)]
#[path = "support/hostile.rs"]
#[allow(dead_code, reason = "the shared helper has more than this test uses")]
mod hostile;

use std::process::{Command, Output};

fn cableview(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn export_json_of_the_sample() {
    let out = cableview(&["export", "--format", "json"]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["id"], "05PARIS2333");
    assert_eq!(doc["header"]["classification"], "SECRET");
    assert_eq!(doc["paragraphs"][1]["marking"], "S/NF");
    assert_eq!(doc["signature"], "LEACH");
}

#[test]
fn export_several_files_is_json_lines() {
    let out = cableview(&[
        "export",
        "tests/fixtures/annotated/10LUANDA84.txt",
        "tests/fixtures/annotated/06JEDDAH700.txt",
    ]);
    assert!(out.status.success());
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["10LUANDA84", "06JEDDAH700"]);
}

#[test]
fn every_fixture_exports_in_every_single_document_format() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let mut paths: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    paths.sort();
    for format in ["json", "text", "markdown"] {
        let mut args = vec!["export", "--format", format];
        args.extend(paths.iter().map(String::as_str));
        let out = cableview(&args);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout(&out).len() > 100_000, "{format}");
    }
}

#[test]
fn text_export_reads_like_the_cable() {
    let text = stdout(&cableview(&["export", "--format", "text"]));
    assert!(text.contains("Classification: SECRET\n"));
    assert!(text.contains("\nAREAS TO IMPROVE\n\n¶5 (S) As noted in ref C, France"));
    assert!(text.trim_end().ends_with("LEACH"));
}

#[test]
fn entities_table_most_frequent_first_and_filtered() {
    let table = stdout(&cableview(&["entities"]));
    let rows: Vec<&str> = table.lines().collect();
    assert!(rows[0].starts_with("KIND"));
    assert!(rows[1].starts_with("LOC   France") && rows[1].contains("21"));
    let per = stdout(&cableview(&["entities", "--kind", "per", "--json"]));
    let list: Vec<serde_json::Value> = serde_json::from_str(per.trim()).unwrap();
    assert_eq!(list.len(), 5);
    assert!(list.iter().all(|e| e["kind"] == "PER"));
}

#[test]
fn bad_paths_fail_plainly() {
    let missing = cableview(&["export", "no/such/cable.txt"]);
    assert!(!missing.status.success());
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr).trim(),
        "cableview: no/such/cable.txt: no such file"
    );
    // A directory is a collection now; one without cables is still an error.
    let empty = tempfile::tempdir().unwrap();
    let dir = cableview(&["export", empty.path().to_str().unwrap()]);
    assert!(!dir.status.success());
    assert!(String::from_utf8_lossy(&dir.stderr).contains("no cable found"));
    let bad_kind = cableview(&["entities", "--kind", "GPE"]);
    assert!(!bad_kind.status.success());
    assert!(String::from_utf8_lossy(&bad_kind.stderr).contains("expected PER, ORG, LOC or MISC"));
}

#[test]
fn binary_file_is_not_a_cable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blob.bin");
    std::fs::write(&path, b"\x7fELF\x02\x01\x01\0\0\0").unwrap();
    let out = cableview(&["export", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("blob.bin: not a text file: binary data at line 1, column 5")
    );
}

#[test]
fn piped_reader_prints_the_clean_text() {
    let out = cableview(&[]);
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("Cable: 05PARIS2333\n"));
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_named_on_the_command_line_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/05PARIS2333.txt");
    for (name, make, kind) in [
        (
            "stuck.txt",
            hostile::fifo as fn(&std::path::Path),
            "a named pipe (FIFO)",
        ),
        ("zero.txt", hostile::dev_zero, "a character device"),
    ] {
        let path = dir.path().join(name);
        make(&path);
        let file = path.to_str().unwrap();
        for args in [
            vec!["entities", file],
            vec!["export", "--format", "conll", file],
            vec![file],
            vec![sample, "--annotations", file],
        ] {
            let out = hostile::run(
                Command::new(env!("CARGO_BIN_EXE_cableview"))
                    .args(&args)
                    .env("CABLEVIEW_CONFIG_DIR", &config),
            );
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            assert!(out.stdout.is_empty(), "{args:?}");
            assert_eq!(
                String::from_utf8_lossy(&out.stderr),
                format!("cableview: {file}: cannot read: not a regular file: {kind}\n"),
                "{args:?}"
            );
        }
    }
}
