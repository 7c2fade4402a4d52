//! `export` and `entities` over directories: the whole collection, bad files counted,
//! pipes, devices and files over the limit skipped with the reason.

#[cfg(unix)]
use crate::hostile;

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
    // `U.S.`, `US` and `u.s.` are one row (14 cables said `U.S.` alone).
    assert_eq!(first, ["LOC", "U.S.", "20", "254"]);
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

/// `cableview ARGS` with the config dir `config`, failing if it runs too long.
#[cfg(unix)]
fn cableview_with(config: &Path, args: &[&str]) -> Output {
    hostile::run(
        Command::new(env!("CARGO_BIN_EXE_cableview"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("CABLEVIEW_CONFIG_DIR", config)
            .env("CABLEVIEW_DATA_DIR", config.join("data")),
    )
}

/// Makes a file at the path given.
#[cfg(unix)]
type Make = fn(&Path);

/// A folder of two cables with `others` (each made by its function) beside them.
#[cfg(unix)]
fn folder_with(others: &[(&str, Make)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    for name in ["04PARIS8983.txt", "09KABUL3423.txt"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
    }
    for (name, make) in others {
        make(&dir.path().join(name));
    }
    dir
}

#[cfg(unix)]
#[test]
fn a_pipe_and_a_device_in_a_folder_are_skipped_with_the_reason() {
    let dir = folder_with(&[
        ("stuck.txt", hostile::fifo),
        ("zero.txt", hostile::dev_zero),
    ]);
    let config = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    for args in [
        vec!["entities", folder],
        vec!["entities", "--json", folder],
        vec!["export", folder],
        vec!["export", "--format", "text", folder],
        vec![folder],
    ] {
        let out = cableview_with(config.path(), &args);
        assert!(!stdout(&out).is_empty(), "{args:?}: the cables are there");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let expected = format!(
            "cableview: skipped 2 files that could not be read as cables\n\
             \x20 {folder}/stuck.txt: cannot read: not a regular file: a named pipe (FIFO)\n\
             \x20 {folder}/zero.txt: cannot read: not a regular file: a character device\n"
        );
        assert_eq!(stderr, expected, "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_over_max_file_mb_is_skipped_in_a_folder_and_refused_by_name() {
    // A real cable, made 2 MB long by more text at its end.
    let big = |path: &Path| {
        let sample = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/05PARIS2333.txt"),
        )
        .unwrap();
        let padding = "more words of the cable, line after line\n".repeat(52_000);
        std::fs::write(path, sample + &padding).unwrap();
    };
    let dir = folder_with(&[("05PARIS2333.txt", big)]);
    let file = dir.path().join("05PARIS2333.txt");
    let (folder, file) = (dir.path().to_str().unwrap(), file.to_str().unwrap());

    // The default limit (64 MB) reads it, named or in its folder.
    let config = tempfile::tempdir().unwrap();
    let out = cableview_with(config.path(), &["entities", file]);
    assert!(stdout(&out).contains("France"));
    let out = cableview_with(config.path(), &["export", folder]);
    assert_eq!(stdout(&out).lines().count(), 3);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    std::fs::write(config.path().join("config.toml"), "max_file_mb = 1\n").unwrap();
    let reason = "larger than the 1 MB limit (set `max_file_mb` in config.toml to change it)";
    let out = cableview_with(config.path(), &["export", folder]);
    assert_eq!(stdout(&out).lines().count(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with(&format!("  {file}: cannot read: {reason}\n")),
        "{stderr}"
    );
    let out = cableview_with(config.path(), &["entities", file]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("cableview: {file}: cannot read: {reason}\n")
    );
}
