//! What the command line turns away or warns about before any screen opens: a file that
//! is not a cable, and a side file given for a cable that carries its own annotations.

use std::process::{Command, Output};

fn cableview(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

const NOT_A_CABLE: &str = "not a cable: no reference ID in its name and no classification";

#[test]
fn a_file_that_is_not_a_cable_is_refused_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let release = dir.path().join("os-release");
    std::fs::write(&release, "NAME=\"Debian GNU/Linux\"\nID=debian\n").unwrap();
    let release = release.to_str().unwrap();
    // The repository's own README: prose, with cable IDs inside but none in its name.
    for path in [release, "README.md"] {
        for args in [
            vec![path],
            vec!["export", "--format", "text", path],
            vec!["entities", path],
        ] {
            let out = cableview(&args);
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            assert!(out.stdout.is_empty(), "{args:?} printed a cable");
            assert_eq!(
                String::from_utf8_lossy(&out.stderr),
                format!("cableview: {path}: {NOT_A_CABLE}\n"),
                "{args:?}"
            );
        }
    }
}

#[test]
fn a_classified_text_or_a_cable_named_by_its_id_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    // No ID in the name, but a classification: a cable saved under another name.
    let notes = dir.path().join("notes.txt");
    std::fs::write(
        &notes,
        "CONFIDENTIAL\nSUBJECT: A TEST\n\n1. (C) The first paragraph.\n",
    )
    .unwrap();
    // An ID in the name, nothing else: a cable whose header was cut off.
    let bare = dir.path().join("09STATE1.txt");
    std::fs::write(&bare, "1. The first paragraph.\n").unwrap();
    for path in [&notes, &bare] {
        let out = cableview(&[path.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("The first paragraph."));
    }
}

#[test]
fn in_a_library_a_named_file_that_is_not_a_cable_is_skipped_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let stray = dir.path().join("notes.md");
    std::fs::write(&stray, "# Notes\n\nNothing classified here.\n").unwrap();
    let stray = stray.to_str().unwrap();
    // Several files are a library (its text, piped): the cable is read, the stray file
    // reported, as in a folder.
    let out = cableview(&["tests/fixtures/annotated/10LUANDA84.txt", stray]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Cable: 10LUANDA84\n"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("  {stray}: {NOT_A_CABLE}")),
        "{stderr}"
    );
}

#[test]
fn a_side_file_for_an_annotated_cable_is_ignored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("extra.ann");
    std::fs::write(&ann, "T1\tPERSON 0 6\tSECRET\n").unwrap();
    let ann = ann.to_str().unwrap();
    let cable = "tests/fixtures/annotated/10LUANDA84.txt";
    let plain = cableview(&["entities", cable]);
    for args in [
        vec![cable, "--annotations", ann],
        vec!["entities", "--annotations", ann, cable],
    ] {
        let out = cableview(&args);
        assert!(out.status.success(), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "cableview: {cable}: {ann}: side-file annotations apply to pages and \
                 plain-text cables; {cable} already carries inline annotations\n"
            ),
            "{args:?}"
        );
        if args[0] == "entities" {
            // The inline mentions are kept, the side file's left out.
            assert_eq!(out.stdout, plain.stdout);
        }
    }
}
