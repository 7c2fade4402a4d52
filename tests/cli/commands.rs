//! The command line, run as a user would: the real binary, its output and exit status.

#[cfg(unix)]
use crate::hostile;

use std::process::{Command, Output};

use crate::controls;

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
    // Five spellings, four people: `Beghal` is `Djamel Beghal`.
    assert_eq!(list.len(), 4);
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
    assert_eq!(bad_kind.status.code(), Some(2), "a usage error");
    assert!(
        String::from_utf8_lossy(&bad_kind.stderr)
            .contains("[possible values: PER, ORG, LOC, MISC]")
    );
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
    // A data dir of its own: a default index in the user's would open instead.
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cableview"))
        .env("CABLEVIEW_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("Cable: 05PARIS2333\n"));
}

#[test]
fn piped_text_and_entity_tables_show_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = controls::write_cable(dir.path());
    let path = path.to_str().unwrap();
    for args in [
        vec![path],
        vec!["entities", path],
        vec!["entities", "--json", path],
        vec!["entities", dir.path().to_str().unwrap()],
        vec!["export", "--format", "text", path],
    ] {
        let out = cableview(&args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        controls::assert_clean(&format!("{args:?}"), &out.stdout);
        let shown = stdout(&out);
        // The attacker's characters are there, as the symbols the screen shows, JSON
        // included: `jq -r` would turn an escaped `\u001b` back into ESC.
        assert!(shown.contains("U␛]0;T␇S\u{fffd}G"), "{args:?}: {shown}");
    }
    let text = stdout(&cableview(&[path]));
    assert!(
        text.contains("Subject: GWOT ␛[201~ echo PWNED ␛]0;T␇\u{fffd}31m"),
        "{text}"
    );
    assert!(text.contains("Summary: ␛[201~␍echo PWNED␍"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&cableview(&["entities", "--json", path]))).unwrap();
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert!(names.contains(&"U␛]0;T␇S\u{fffd}G"), "{names:?}");
}

#[test]
fn messages_show_control_characters_in_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("x\u{1b}]0;T\u{7}\n.txt");
    let evil_arg = evil.to_str().unwrap();
    let shown = "x␛]0;T␇␊.txt";
    let sample = "tests/fixtures/annotated/10LUANDA84.txt";
    let mut cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![evil_arg], "no such file"),
        (vec![sample, "--annotations", evil_arg], "no such file"),
    ];
    // A file that is not text, and an --out that is a file.
    let binary = dir.path().join("b\u{1b}[2J.bin");
    std::fs::write(&binary, b"\x00\x01\x02\x03binary").unwrap();
    let out_file = dir.path().join("o\u{9b}31m.out");
    std::fs::write(&out_file, "").unwrap();
    cases.push((vec![binary.to_str().unwrap()], "not a text file"));
    cases.push((
        vec!["export", "--out", out_file.to_str().unwrap()],
        "is a file",
    ));
    for (args, reason) in cases {
        let out = cableview(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        controls::assert_clean(&format!("{args:?}"), &out.stderr);
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(message.contains(reason), "{args:?}: {message}");
    }
    let message = String::from_utf8_lossy(&cableview(&[evil_arg]).stderr).into_owned();
    assert!(
        message.contains(&format!("{shown}: no such file")),
        "{message}"
    );

    // A config dir and a theme file with such names: `config`, `themes` and the reader.
    let config = dir.path().join("conf\u{1b}]0;T\u{7}");
    std::fs::create_dir_all(config.join("themes")).unwrap();
    std::fs::write(config.join("config.toml"), "them = 1\n").unwrap();
    std::fs::write(config.join("themes/e\u{1b}[31mvil.toml"), "[ui\n").unwrap();
    for args in [vec!["config"], vec!["themes"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_cableview"))
            .args(&args)
            .env("CABLEVIEW_CONFIG_DIR", &config)
            .env("CABLEVIEW_DATA_DIR", dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        controls::assert_clean(&format!("{args:?} stdout"), &out.stdout);
        controls::assert_clean(&format!("{args:?} stderr"), &out.stderr);
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(message.contains("conf␛]0;T␇"), "{args:?}: {message}");
    }
}

/// Every subcommand, for the completion and help checks.
const SUBCOMMANDS: [&str; 8] = [
    "export",
    "entities",
    "schema",
    "paths",
    "themes",
    "config",
    "completions",
    "man",
];

#[test]
fn completion_scripts_name_every_subcommand_and_value() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = cableview(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        for name in SUBCOMMANDS {
            assert!(script.contains(name), "{shell} lacks {name}");
        }
        // Values completed: formats, built-in themes, entity kinds (clap_complete's
        // elvish and PowerShell scripts complete names only).
        if ["bash", "zsh", "fish"].contains(&shell) {
            for value in ["conll", "high-contrast", "MISC"] {
                assert!(script.contains(value), "{shell} lacks {value}");
            }
        }
    }
    let out = cableview(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_page_and_help_say_what_a_path_opens() {
    let man = stdout(&cableview(&["man"]));
    assert!(man.starts_with(".TH CABLEVIEW 1 "), "{man}");
    assert!(man.contains(".SH NAME\ncableview \\- "), "{man}");
    let help = stdout(&cableview(&["--help"]));
    for words in [
        "a DIR, several FILEs",
        "the library",
        "bundled sample",
        "Exit status",
    ] {
        assert!(help.contains(words), "--help lacks {words:?}: {help}");
    }
    for sub in SUBCOMMANDS {
        let help = stdout(&cableview(&[sub, "--help"]));
        assert!(help.contains("Example"), "{sub} --help has no example");
        assert!(
            help.contains("Exit status"),
            "{sub} --help says no exit status"
        );
    }
    // The kind is checked by clap now, a usage error.
    let out = cableview(&["entities", "--kind", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PER, ORG, LOC, MISC"));
    assert!(cableview(&["entities", "--kind", "per"]).status.success());
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

#[cfg(unix)]
#[test]
fn export_out_refuses_a_pipe_where_a_file_would_go() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    hostile::fifo(&out_dir.join("05PARIS2333.txt"));
    let out = hostile::run(
        Command::new(env!("CARGO_BIN_EXE_cableview"))
            .args(["export", "--format", "text", "--out"])
            .arg(&out_dir)
            .env("CABLEVIEW_CONFIG_DIR", dir.path().join("config")),
    );
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message
            .ends_with("05PARIS2333.txt: cannot write: not a regular file: a named pipe (FIFO)\n"),
        "{message}"
    );
}
