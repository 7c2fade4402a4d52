//! `cableview export` on collections too big to hold: it writes each cable before it
//! reads the last, and an over-long ID does not stop `--out`.

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// A release CSV row, every field quoted and `\`-escaped as the release writes them.
fn row(n: usize, id: &str, subject: &str) -> String {
    let body = format!(
        "UNCLASSIFIED\nSUBJECT: {subject}\n\n1. (U) {}\n",
        "Talks went on in Paris. ".repeat(80)
    );
    let fields = [
        &n.to_string(),
        "12/04/2009 22:10",
        id,
        "Embassy Paris",
        "UNCLASSIFIED",
        "",
        "",
        &body,
    ];
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| format!("\"{}\"", f.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    quoted.join(",") + "\n"
}

/// A cable file of its own, named after its ID.
fn cable_file(subject: &str) -> String {
    format!(
        "UNCLASSIFIED\nSUBJECT: {subject}\n\n1. (U) {}\n",
        "Talks went on in Paris. ".repeat(80)
    )
}

/// Runs `export --format json INPUT`, and once the first cable's line is out, rewrites
/// the bytes of `file` at `at` from `OLD` to `NEW`; returns the last line written.
///
/// Each input ends far past what one batch, the read-ahead and a full pipe hold, so an
/// export that streams has not read the end yet when its first line arrives and shows
/// the new text; one that reads everything before writing shows the old.
fn last_line_after_changing(input: &Path, file: &Path, at: u64) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(["export", "--format", "json"])
        .arg(input)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert!(first.contains("\"subject\":\"FIRST\""), "{first:.200}");
    let mut target = std::fs::OpenOptions::new().write(true).open(file).unwrap();
    target.seek(SeekFrom::Start(at)).unwrap();
    target.write_all(b"NEW").unwrap();
    drop(target);
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    assert!(child.wait().unwrap().success());
    rest.lines().last().unwrap_or_default().to_string()
}

#[test]
fn a_release_csv_is_written_before_its_last_row_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cables.csv");
    let mut text = row(1, "09PARIS1", "FIRST");
    for n in 2..3000 {
        text.push_str(&row(n, &format!("09PARIS{n}"), "MIDDLE"));
    }
    let last = text.len();
    text.push_str(&row(3000, "09PARIS3000", "LASTOLD"));
    std::fs::write(&csv, &text).unwrap();
    let at = (last + text[last..].find("LASTOLD").unwrap() + 4) as u64;
    let line = last_line_after_changing(&csv, &csv, at);
    assert!(line.contains("\"subject\":\"LASTNEW\""), "{line:.300}");
}

#[test]
fn a_folder_is_written_before_its_last_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("09PARIS0001.txt"), cable_file("FIRST")).unwrap();
    for n in 2..2000 {
        let name = format!("09PARIS{n:04}.txt");
        std::fs::write(dir.path().join(name), cable_file("MIDDLE")).unwrap();
    }
    let last = dir.path().join("09PARIS9999.txt");
    let text = cable_file("LASTOLD");
    std::fs::write(&last, &text).unwrap();
    let at = (text.find("LASTOLD").unwrap() + 4) as u64;
    let line = last_line_after_changing(dir.path(), &last, at);
    assert!(line.contains("\"subject\":\"LASTNEW\""), "{line:.300}");
}

#[test]
fn an_id_too_long_for_a_file_name_is_shortened_and_the_rows_after_it_written() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cables.csv");
    let long = |last: char| format!("{}{last}", "9".repeat(299));
    let text = [
        row(1, "09PARIS1", "A"),
        row(2, &long('A'), "LONG A"),
        row(3, &long('B'), "LONG B"),
        row(4, "09PARIS4", "D"),
    ]
    .concat();
    std::fs::write(&csv, text).unwrap();
    let out = dir.path().join("out");
    for format in ["json", "brat"] {
        let output = Command::new(env!("CARGO_BIN_EXE_cableview"))
            .args(["export", "--format", format, "--out"])
            .arg(&out)
            .arg(&csv)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{format}: {stderr}");
        assert!(!stderr.contains("too long"), "{stderr}");
    }
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names.contains(&"09PARIS4.json".to_string()), "{names:?}");
    // The two long IDs keep files of their own, each with its own cable.
    let long_names: Vec<&String> = names.iter().filter(|n| n.starts_with("999")).collect();
    assert_eq!(long_names.len(), 2);
    for name in long_names {
        assert!(name.len() <= 255, "{}", name.len());
        let json = std::fs::read_to_string(out.join(name)).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let id = value["id"].as_str().unwrap();
        let stem = name.trim_end_matches(".json");
        assert_eq!(id.len(), 300);
        assert!(stem.starts_with(&id[..150]), "{stem}");
        let txt = out.join(format!("{stem}.txt"));
        assert!(txt.exists() && out.join(format!("{stem}.ann")).exists());
    }
}
