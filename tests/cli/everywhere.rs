//! Corrections for every cable (`corrections/everywhere.tsv` in the data dir) and names an
//! empty alias list drops, on a raw page whose entities are the tagger's: applied by
//! `entities`, `export`, `cableview index` (so `loc:` and `per:` agree), listed by
//! `cableview corrections`; a bad line stops every command with its file and line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/raw/09PARIS1426.html"
);

/// Runs the binary with its config and data dirs in `home`.
fn cableview(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
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

/// The rules file, written as a user would.
fn rules(home: &Path, text: &str) -> PathBuf {
    let dir = home.join("data/corrections");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("everywhere.tsv");
    std::fs::write(&path, text).unwrap();
    path
}

fn aliases(home: &Path, text: &str) {
    std::fs::create_dir_all(home.join("config")).unwrap();
    std::fs::write(home.join("config/aliases.toml"), text).unwrap();
}

/// (kind, name) of each entity of the page, from `entities --json`.
fn entities(home: &Path) -> Vec<(String, String)> {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&cableview(home, &["entities", "--json", PAGE]))).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["name"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(entities: &[(String, String)], kind: &str, name: &str) -> bool {
    entities.iter().any(|(k, n)| k == kind && n == name)
}

/// The page indexed with the dirs of `home`; the IDs `query` finds there.
fn index_and_search(home: &Path, queries: &[&str]) -> Vec<Vec<String>> {
    let folder = home.join("cables");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(PAGE, folder.join("09PARIS1426.html")).unwrap();
    let index = home.join("index");
    let index = index.to_str().unwrap();
    stdout(&cableview(
        home,
        &["index", "--index", index, folder.to_str().unwrap()],
    ));
    queries
        .iter()
        .map(|query| {
            let out = cableview(home, &["search", "--index", index, "--json", query]);
            String::from_utf8(out.stdout)
                .unwrap()
                .lines()
                .map(|l| {
                    let hit: serde_json::Value = serde_json::from_str(l).unwrap();
                    hit["id"].as_str().unwrap().to_string()
                })
                .collect()
        })
        .collect()
}

#[test]
fn rules_for_every_cable_reach_entities_exports_the_index_and_the_listing() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    // The tagger's labels to begin with: Normandy a person, Cameroon an organisation.
    let before = entities(home);
    assert!(has(&before, "PER", "Normandy"), "{before:?}");
    assert!(has(&before, "ORG", "Cameroon"), "{before:?}");

    let file = rules(
        home,
        "# mine\nPER\tNormandy\trelabel LOC\n\nORG\tcameroon\tnot-an-entity\n",
    );
    let after = entities(home);
    assert!(has(&after, "LOC", "Normandy"), "{after:?}");
    assert!(!has(&after, "PER", "Normandy"), "{after:?}");
    assert!(!after.iter().any(|(_, n)| n == "Cameroon"), "{after:?}");

    // The export says the relabelled mention is a correction's.
    let json: serde_json::Value = serde_json::from_str(&stdout(&cableview(
        home,
        &["export", "--format", "json", PAGE],
    )))
    .unwrap();
    let normandy: Vec<&serde_json::Value> = json["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["mentions"].as_array().unwrap())
        .filter(|m| m["text"] == "Normandy")
        .collect();
    assert_eq!(normandy.len(), 1, "{normandy:?}");
    assert_eq!(normandy[0]["kind"], "LOC");
    assert_eq!(normandy[0]["source"], "correction");

    let listed = stdout(&cableview(home, &["corrections"]));
    assert!(listed.starts_with("every cable ("), "{listed}");
    assert!(
        listed.contains("  1. relabel PER Normandy as LOC everywhere\n"),
        "{listed}"
    );
    assert!(
        listed.contains("  2. not an entity everywhere: ORG cameroon\n"),
        "{listed}"
    );
    assert!(file.exists());

    let found = index_and_search(home, &["loc:Normandy", "per:Normandy", "org:Cameroon"]);
    assert_eq!(found[0], ["09PARIS1426"], "loc:Normandy");
    assert!(found[1].is_empty(), "per:Normandy: {:?}", found[1]);
    assert!(found[2].is_empty(), "org:Cameroon: {:?}", found[2]);
}

#[test]
fn a_bad_rule_is_named_with_its_file_and_line_and_kept() {
    let home = tempfile::tempdir().unwrap();
    let text = "PER\tNormandy\trelabel LOC\nORG Cameroon drop\n";
    let file = rules(home.path(), text);
    for args in [
        &["entities", PAGE][..],
        &["export", "-f", "json", PAGE],
        &["corrections"],
    ] {
        let out = cableview(home.path(), args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("everywhere.tsv:2: 1 tab-separated fields, expected 3"),
            "{args:?}: {stderr}"
        );
    }
    assert_eq!(std::fs::read_to_string(file).unwrap(), text);
}

#[test]
fn an_empty_alias_list_drops_the_name_everywhere() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    aliases(
        home,
        "\"Cameroon\" = []\n\"Sarkozy\" = [\"President Sarkozy\"]\n",
    );
    let found = entities(home);
    assert!(!found.iter().any(|(_, n)| n == "Cameroon"), "{found:?}");
    assert!(
        has(&found, "PER", "Sarkozy"),
        "other aliases still join: {found:?}"
    );
    let csv = stdout(&cableview(home, &["export", "--format", "csv", PAGE]));
    assert!(!csv.contains("Cameroon,"), "{csv}");
    assert!(csv.contains("Sarkozy"), "{csv}");
    let found = index_and_search(home, &["org:Cameroon", "entity:Cameroon", "per:Sarkozy"]);
    assert!(found[0].is_empty() && found[1].is_empty(), "{found:?}");
    assert_eq!(found[2], ["09PARIS1426"]);
}
