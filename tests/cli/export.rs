//! `cableview export` run as a binary: every format, `--out`, and the errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/annotated")
        .join(name)
        .display()
        .to_string()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_stdout_format_works_on_the_sample() {
    for (format, needle) in [
        ("json", "\"id\":\"05PARIS2333\""),
        ("text", "¶2 (S/NF) Embassy Paris"),
        ("markdown", "**¶2 (S/NF)** Embassy Paris"),
        ("displacy", "\"title\": \"05PARIS2333\""),
        ("conll", "Paris B-LOC"),
        ("html", "<p id=\"p3\" class=\"para\">"),
        ("csv", "05PARIS2333,ORG,Hezbollah,8,5"),
        ("prodigy", "\"meta\":{\"id\":\"05PARIS2333\"}"),
        ("doccano", "\"label\":[["),
    ] {
        let out = stdout(&run(&["export", "--format", format]));
        assert!(out.contains(needle), "{format}: {needle} missing");
    }
}

#[test]
fn several_cables_stream_one_after_another() {
    let (a, b) = (fixture("10BAKU98.txt"), fixture("09HAVANA132.txt"));
    let json = stdout(&run(&["export", "-f", "json", &a, &b]));
    assert_eq!(json.lines().count(), 2);
    let displacy = stdout(&run(&["export", "-f", "displacy", &a, &b]));
    let value: serde_json::Value = serde_json::from_str(&displacy).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 2);
    assert_eq!(value[0]["title"], "10BAKU98");
    let conll = stdout(&run(&["export", "-f", "conll", &a, &b]));
    assert_eq!(conll.matches("-DOCSTART- -X- O O\n\n").count(), 2);
    let csv = stdout(&run(&["export", "-f", "csv", &a, &b]));
    assert_eq!(csv.matches("cable,kind,name").count(), 1);
    assert!(csv.contains("\n10BAKU98,") && csv.contains("\n09HAVANA132,"));
}

#[test]
fn brat_writes_pairs_and_a_conf_into_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brat");
    let ann_path = out.join("05PARIS2333.ann");
    let listed = stdout(&run(&[
        "export",
        "--format",
        "brat",
        "--out",
        out.to_str().unwrap(),
    ]));
    assert_eq!(listed.lines().count(), 4, "{listed}");
    let txt = read(&out.join("05PARIS2333.txt"));
    let ann = read(&ann_path);
    assert_eq!(ann.lines().count(), 169);
    let chars: Vec<char> = txt.chars().collect();
    let first = ann.lines().next().unwrap();
    assert_eq!(first, "T1\tLOC 29 34\tPARIS");
    assert_eq!(chars[29..34].iter().collect::<String>(), "PARIS");
    assert!(read(&out.join("annotation.conf")).starts_with("[entities]\nPER\n"));
    let visual = read(&out.join("visual.conf"));
    assert!(
        visual.starts_with("[labels]\nPER | Person | PER\n"),
        "{visual}"
    );
    assert!(visual.contains("\nLOC\tbgColor:#009E73\n"), "{visual}");
    // A conf the user edited is kept, and completed with the types it lacks, saying so;
    // one that lacks none is left alone.
    let mine = "[entities]\nPER\nORG\n\n[relations]\nmine Arg1:PER, Arg2:ORG\n";
    std::fs::write(out.join("annotation.conf"), mine).unwrap();
    let again = run(&["export", "-f", "brat", "-o", out.to_str().unwrap()]);
    let listed = stdout(&again);
    assert_eq!(
        read(&out.join("annotation.conf")),
        "[entities]\nPER\nORG\nLOC\nMISC\n\n[relations]\nmine Arg1:PER, Arg2:ORG\n"
    );
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("annotation.conf: added LOC, MISC"),
        "{stderr}"
    );
    assert!(listed.contains("annotation.conf") && !listed.contains("visual.conf"));
    assert_eq!(read(&out.join("visual.conf")), visual);
}

#[test]
fn brat_without_out_is_a_clear_error() {
    let output = run(&["export", "--format", "brat"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--out DIR"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn html_of_several_cables_needs_out_and_writes_one_page_each() {
    let (a, b) = (fixture("10BAKU98.txt"), fixture("06JEDDAH700.txt"));
    let output = run(&["export", "-f", "html", &a, &b]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--out DIR"));

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    stdout(&run(&["export", "-f", "html", "--out", out, &a, &b]));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["06JEDDAH700.html", "10BAKU98.html"]);
    let page = read(&dir.path().join("06JEDDAH700.html"));
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    // ¶6 appears twice in this cable: the anchors stay unique.
    assert!(page.contains("id=\"p6\"") && page.contains("id=\"p6-2\""));
}

#[test]
fn other_formats_write_one_file_per_cable() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    for (format, name) in [
        ("json", "05PARIS2333.json"),
        ("text", "05PARIS2333.txt"),
        ("markdown", "05PARIS2333.md"),
        ("displacy", "05PARIS2333.displacy.json"),
        ("conll", "05PARIS2333.conll"),
        ("csv", "05PARIS2333.csv"),
    ] {
        let listed = stdout(&run(&["export", "-f", format, "-o", out]));
        assert!(listed.trim_end().ends_with(name), "{format}: {listed}");
        assert!(!read(&dir.path().join(name)).is_empty());
    }
    let json = read(&dir.path().join("05PARIS2333.json"));
    serde_json::from_str::<serde_json::Value>(&json).unwrap();
}

#[test]
fn out_that_is_a_file_and_missing_inputs_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("taken");
    std::fs::write(&file, "x").unwrap();
    let output = run(&["export", "-f", "html", "--out", file.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("is a file"));

    let missing = dir.path().join("nope.txt");
    let output = run(&["export", "-f", "csv", missing.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such file"));
}

#[test]
fn a_cable_without_an_id_is_named_after_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("my notes.txt");
    std::fs::copy(fixture("10BAKU98.txt"), &input).unwrap();
    let out = dir.path().join("out");
    stdout(&run(&[
        "export",
        "-f",
        "brat",
        "-o",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ]));
    assert!(out.join("my_notes.ann").exists());
    assert!(out.join("my_notes.txt").exists());
}

#[test]
fn control_characters_never_reach_the_output_raw() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("10TEST1.txt");
    std::fs::write(
        &input,
        "<code><pre>UNCLASSIFIED SUBJECT: TEST \n<a id='par1' href='#par1'>¶</a>1 . \n\
         Hello \u{1b}[31m red [LOC Pa\u{1b}]52;c;aGk=\u{7}ris  ] . \n</pre></code>",
    )
    .unwrap();
    let input = input.to_str().unwrap();
    for format in [
        "json", "text", "markdown", "displacy", "conll", "html", "csv",
    ] {
        let out = stdout(&run(&["export", "-f", format, input]));
        assert!(!out.contains(['\u{1b}', '\u{7}']), "{format}: raw control");
    }
    let out = dir.path().join("out");
    stdout(&run(&[
        "export",
        "-f",
        "brat",
        "-o",
        out.to_str().unwrap(),
        input,
    ]));
    let txt = read(&out.join("10TEST1.txt"));
    let ann = read(&out.join("10TEST1.ann"));
    assert!(!txt.contains('\u{1b}') && !ann.contains('\u{1b}'));
    // Shown one character for one, so the offsets still slice to the mention.
    let line = ann.lines().find(|l| l.contains("LOC")).unwrap();
    let fields: Vec<&str> = line.split('\t').collect();
    let span: Vec<usize> = fields[1]
        .split(' ')
        .skip(1)
        .map(|n| n.parse().unwrap())
        .collect();
    let slice: String = txt.chars().skip(span[0]).take(span[1] - span[0]).collect();
    assert_eq!(slice, fields[2]);
    assert!(slice.starts_with("Pa␛]52"), "{slice}");
}

fn page() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/raw/09STATE124636.html")
        .display()
        .to_string()
}

#[test]
fn a_bad_side_file_is_the_same_error_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ann");
    std::fs::write(&bad, "T1\tPER 673 681\tCALDERON\nT2\tLOC 10 x\tMEXICO\n").unwrap();
    let bad = bad.to_str().unwrap();
    let page = page();
    let mut errors = Vec::new();
    for args in [
        vec!["export", "--annotations", bad, &page],
        vec!["export", "-f", "conll", "--annotations", bad, &page],
        vec!["entities", "--annotations", bad, &page],
        vec![&page, "--annotations", bad],
    ] {
        let output = run(&args);
        assert!(!output.status.success(), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        errors.push(String::from_utf8(output.stderr).unwrap());
    }
    assert!(
        errors[0].contains("bad.ann:2: expected two offsets, found \"10 x\""),
        "{}",
        errors[0]
    );
    assert!(errors.iter().all(|e| *e == errors[0]), "{errors:#?}");
}

#[test]
fn export_and_entities_take_a_side_file() {
    let side = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/side");
    let ann = side.join("09STATE124636.ann").display().to_string();
    let page = page();
    let displacy = stdout(&run(&[
        "export",
        "-f",
        "displacy",
        "--annotations",
        &ann,
        &page,
    ]));
    let value: serde_json::Value = serde_json::from_str(&displacy).unwrap();
    let text: Vec<char> = value[0]["text"].as_str().unwrap().chars().collect();
    let ents: Vec<String> = value[0]["ents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let at = |k: &str| usize::try_from(e[k].as_u64().unwrap()).unwrap();
            text[at("start")..at("end")].iter().collect()
        })
        .collect();
    assert_eq!(
        ents,
        [
            "MEXICO",
            "CALDERON",
            "PAN PARTY",
            "THE PRI",
            "UNITED STATES"
        ]
    );
    let table = stdout(&run(&["entities", "--annotations", &ann, &page]));
    assert!(table.contains("PER   CALDERON"), "{table}");
    // Without the option the page has the tagger's entities (no side file beside it),
    // and none with the tagger off.
    let tagged = stdout(&run(&["entities", "--json", &page]));
    assert!(
        tagged.contains("CALDERON") || tagged.contains("Calderon"),
        "{tagged}"
    );
    let plain = stdout(&run(&["entities", "--json", "--tagger", "off", &page]));
    assert_eq!(plain.trim(), "[]");
    // The option applies to one cable.
    let two = run(&["export", "--annotations", &ann, &page, &page]);
    assert!(!two.status.success());
    assert!(
        String::from_utf8_lossy(&two.stderr).contains("give exactly one FILE"),
        "{:?}",
        two.stderr
    );
}

#[test]
fn every_fixture_json_export_validates_against_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["schema"]))).expect("the schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("a valid 2020-12 schema");
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // A page with a side file beside it whose mentions fall on a heading, the signature and
    // a portion marking, so the fields that appear only when set appear.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("09PARTO41305.html");
    std::fs::copy(fixtures.join("raw/09PARTO41305.html"), &page).unwrap();
    let layout = cableview::input::load(&page).unwrap().layout.unwrap();
    let mut ann = String::new();
    for (n, (needle, skip, len)) in [
        ("\nAFGHANISTAN \n", 1, 11),
        ("\nCLINTON", 1, 7),
        ("4. (C) The two", 4, 1),
    ]
    .into_iter()
    .enumerate()
    {
        let at = layout.rfind(needle).unwrap() + skip;
        let chars = |byte: usize| layout[..byte].chars().count();
        let text = &layout[at..at + len];
        ann.push_str(&format!(
            "T{}\tORG {} {}\t{text}\n",
            n + 1,
            chars(at),
            chars(at + len)
        ));
    }
    std::fs::write(dir.path().join("09PARTO41305.ann"), ann).unwrap();
    let mut lines = Vec::new();
    for args in [
        vec!["export".to_string()],
        vec![
            "export".into(),
            fixtures.join("annotated").display().to_string(),
            fixtures.join("raw").display().to_string(),
        ],
        vec![
            "export".into(),
            "--annotations".into(),
            fixtures
                .join("side/09STATE124636.ann")
                .display()
                .to_string(),
            fixtures
                .join("raw/09STATE124636.html")
                .display()
                .to_string(),
        ],
        vec!["export".into(), dir.path().display().to_string()],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        lines.extend(stdout(&run(&args)).lines().map(str::to_string));
    }
    // The 34 annotated texts each have their page among the 35: a cable in two files is
    // exported once, merged, as the library shows it.
    assert_eq!(lines.len(), 1 + 35 + 1 + 1, "every fixture exported");
    let mut seen = std::collections::BTreeSet::new();
    for line in &lines {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", doc["id"]);
        for (name, present) in [
            ("warnings", doc.get("warnings").is_some()),
            (
                "signature_mentions",
                doc.get("signature_mentions").is_some(),
            ),
            ("created", doc["header"].get("created").is_some()),
            ("null id", doc["id"].is_null()),
            (
                "heading_mentions",
                doc["paragraphs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p.get("heading_mentions").is_some()),
            ),
        ] {
            if present {
                seen.insert(name);
            }
        }
    }
    // The optional fields were there to check, and the schema does refuse what is off.
    for name in [
        "warnings",
        "signature_mentions",
        "created",
        "heading_mentions",
    ] {
        assert!(seen.contains(name), "no export had {name}");
    }
    let mut off: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    off["paragraphs"][0]["new_field"] = serde_json::json!(1);
    assert!(!validator.is_valid(&off));
    let mut off: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    off["header"]["subject"] = serde_json::json!(7);
    assert!(!validator.is_valid(&off));
}
