//! Entities a researcher can trust, from the command line: joined spellings, the user's
//! aliases, corrections saved beside the cable, and the corpus table's NAME column.

use cableview::cable::EntityKind;
use cableview::corrections::{Correction, Corrections};
use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with its config and data dirs in `home`.
fn cableview(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CABLEVIEW_CONFIG_DIR", home.join("config"))
        .env("CABLEVIEW_DATA_DIR", home.join("data"))
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

/// (kind, name, count) of each row of a one-cable `entities` table.
fn rows(table: &str) -> Vec<(String, String, usize)> {
    table
        .lines()
        .skip(1)
        .map(|line| {
            let (kind, rest) = line.split_once("  ").unwrap();
            let words: Vec<&str> = rest.split_whitespace().collect();
            let count_at = words.len() - 2;
            (
                kind.trim().to_string(),
                words[..count_at].join(" "),
                words[count_at].parse().unwrap(),
            )
        })
        .collect()
}

fn aliases(home: &Path, text: &str) {
    std::fs::create_dir_all(home.join("config")).unwrap();
    std::fs::write(home.join("config/aliases.toml"), text).unwrap();
}

#[test]
fn a_last_name_and_a_defined_acronym_join_their_entity() {
    let home = tempfile::tempdir().unwrap();
    let table = stdout(&cableview(home.path(), &["entities"]));
    let rows = rows(&table);
    let row = |name: &str| rows.iter().find(|r| r.1 == name).cloned();
    assert_eq!(
        row("Djamel Beghal"),
        Some(("PER".into(), "Djamel Beghal".into(), 2))
    );
    assert_eq!(row("Beghal"), None, "{table}");
    assert_eq!(
        row("Immigration and Customs Enforcement").map(|r| r.2),
        Some(2)
    );
    assert_eq!(row("ICE"), None, "{table}");
    // The spellings are kept on the entity.
    let json = stdout(&cableview(home.path(), &["entities", "--json"]));
    let entities: serde_json::Value = serde_json::from_str(&json).unwrap();
    let beghal = entities
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Djamel Beghal")
        .unwrap();
    assert_eq!(beghal["spellings"], serde_json::json!(["Beghal"]));
}

#[test]
fn aliases_name_one_row_across_cables() {
    let home = tempfile::tempdir().unwrap();
    let before = stdout(&cableview(
        home.path(),
        &["entities", "tests/fixtures/annotated"],
    ));
    assert!(
        before.lines().any(|l| l.starts_with("LOC   U.S. ")),
        "{before}"
    );
    aliases(
        home.path(),
        "\"United States\" = [\"U.S.\", \"US\", \"USA\"]\n",
    );
    let table = stdout(&cableview(
        home.path(),
        &["entities", "tests/fixtures/annotated"],
    ));
    let names: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("LOC "))
        .map(|l| l[6..].split("  ").next().unwrap().trim())
        .collect();
    assert!(names.contains(&"United States"), "{table}");
    for gone in ["U.S.", "US", "USA"] {
        assert!(!names.contains(&gone), "{gone} in {table}");
    }
    // The same in one cable and in its exports' entity table.
    let csv = stdout(&cableview(home.path(), &["export", "-f", "csv"]));
    assert!(csv.contains(",LOC,United States,9,"), "{csv}");
    assert!(!csv.contains(",LOC,U.S.,"), "{csv}");
}

#[test]
fn a_bad_aliases_file_is_placed_and_exits_2() {
    let home = tempfile::tempdir().unwrap();
    aliases(
        home.path(),
        "\"United States\" = [\"U.S.\"]\nUSA = \"US\"\n",
    );
    let out = cableview(home.path(), &["entities"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("aliases.toml at 2:7, expected a list"),
        "{stderr}"
    );
    aliases(home.path(), "a = [\"U.S.\"]\nb = [\"US\"]\n");
    let out = cableview(home.path(), &["entities", "tests/fixtures/annotated"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("\"US\" is listed twice: already a spelling of \"a\"")
            && stderr.contains("at 2:6"),
        "{stderr}"
    );
}

/// The kind `entities --json` gives Chirac in the sample.
fn chirac_kind(home: &Path) -> String {
    let json = stdout(&cableview(home, &["entities", "--json"]));
    let entities: serde_json::Value = serde_json::from_str(&json).unwrap();
    let chirac: Vec<&serde_json::Value> = entities
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["name"] == "Chirac")
        .collect();
    assert_eq!(chirac.len(), 1, "{json}");
    chirac[0]["kind"].as_str().unwrap().to_string()
}

#[test]
fn a_correction_relabels_everywhere_and_undo_takes_it_back() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    assert_eq!(chirac_kind(home.path()), "PER");
    let cable = cableview::input::sample();
    let (block, index) = cable
        .paragraphs
        .iter()
        .enumerate()
        .find_map(|(p, para)| {
            let m = para.mentions.iter().position(|m| m.text == "Chirac")?;
            Some((p + 1, m))
        })
        .unwrap();
    let mention = Corrections::span_of(&cable, block, index).unwrap();
    let mut corrections =
        Corrections::load(&data, &cableview::cable::CableId::new("05PARIS2333")).unwrap();
    corrections.push(Correction::Relabel {
        mention,
        to: EntityKind::Org,
    });
    corrections.save().unwrap();

    assert_eq!(chirac_kind(home.path()), "ORG");
    let out = home.path().join("out");
    stdout(&cableview(
        home.path(),
        &["export", "-f", "brat", "--out", out.to_str().unwrap()],
    ));
    let ann = std::fs::read_to_string(out.join("05PARIS2333.ann")).unwrap();
    assert!(
        ann.lines()
            .any(|l| l.contains("\tORG ") && l.ends_with("\tChirac")),
        "{ann}"
    );
    assert!(
        !ann.lines()
            .any(|l| l.contains("\tPER ") && l.ends_with("\tChirac"))
    );
    let listed = stdout(&cableview(home.path(), &["corrections", "05PARIS2333"]));
    assert!(listed.contains("1. relabel PER Chirac as ORG"), "{listed}");
    let all = stdout(&cableview(home.path(), &["corrections"]));
    assert!(all.starts_with("05PARIS2333 ("), "{all}");

    let mut corrections =
        Corrections::load(&data, &cableview::cable::CableId::new("05PARIS2333")).unwrap();
    assert!(matches!(
        corrections.undo(),
        Some(Correction::Relabel { .. })
    ));
    corrections.save().unwrap();
    assert_eq!(chirac_kind(home.path()), "PER");
    let listed = stdout(&cableview(home.path(), &["corrections", "05PARIS2333"]));
    assert_eq!(listed, "05PARIS2333: no corrections\n");
}

#[test]
fn a_corrupt_overlay_is_named_with_its_line_and_kept() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("data/corrections");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("05PARIS2333.ann");
    let text =
        "T1\tORG 10 16\tChirac\n#1\tAnnotatorNotes T1\tcableview relabel PER\nT2\tPER ten 16\tX\n";
    std::fs::write(&path, text).unwrap();
    for args in [
        &["entities"][..],
        &["export", "-f", "json"],
        &["corrections"],
    ] {
        let out = cableview(home.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("05PARIS2333.ann:3: expected `KIND START END`"),
            "{args:?}: {stderr}"
        );
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn the_corpus_table_caps_long_names_but_json_keeps_them() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let long = "Very Long Organisation Name ".repeat(6);
    let long = long.trim();
    let cable = format!(
        "UNCLAS SECTION 01 OF 01 PARIS 000001\n\n1. ( U ) The [ORG {long}  ] met the [ORG {long}  ] .\n"
    );
    std::fs::write(dir.path().join("05PARIS1.txt"), cable).unwrap();
    let dir_arg = dir.path().to_str().unwrap();
    let table = stdout(&cableview(home.path(), &["entities", dir_arg]));
    let row = table.lines().find(|l| l.starts_with("ORG")).unwrap();
    assert!(row.contains("Very Long Organisation Name Very"), "{table}");
    assert!(row.contains("…"), "{table}");
    assert!(row.chars().count() <= 6 + 60 + 16, "{row}");
    assert!(row.ends_with("1      2"), "{row}");
    let json = stdout(&cableview(home.path(), &["entities", "--json", dir_arg]));
    assert!(json.contains(&format!("\"name\":\"{long}\"")), "{json}");
}
