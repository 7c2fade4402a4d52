//! Every file in tests/valid_configs loads; every file in tests/invalid_configs
//! fails with exactly the message in its sibling `.err` file.
//!
//! Each file is loaded as the user's `config.toml`, keys and theme included; a
//! sibling folder `NAME.themes/` is the config dir's `themes/` for that file. An
//! expected message ending in `...` need only start the actual one.

use cableview::shell::config::startup::{self, Launch};
use cableview::shell::config::{Config, Kind, Pane, View};
use cableview::shell::paths::Paths;
use std::path::{Path, PathBuf};

fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Loads a config file as the user's `config.toml` (with its themes, if any), as
/// the reader does before it starts; errors name files relative to the config dir.
fn load(path: &Path) -> Result<Config, String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = read(path);
    std::fs::write(dir.path().join("config.toml"), &text).expect("write config");
    let themes = path.with_extension("themes");
    if themes.is_dir() {
        std::fs::create_dir(dir.path().join("themes")).expect("mkdir");
        for entry in std::fs::read_dir(&themes).expect("list themes") {
            let entry = entry.expect("entry");
            std::fs::copy(
                entry.path(),
                dir.path().join("themes").join(entry.file_name()),
            )
            .expect("copy theme");
        }
    }
    let paths = Paths::at(dir.path(), dir.path().join("data"));
    let launch = Launch {
        no_state: true,
        ..Launch::default()
    };
    let prefix = format!("{}{}", dir.path().display(), std::path::MAIN_SEPARATOR);
    startup::prepare(&paths, &launch).map_err(|e| e.to_string().replace(&prefix, ""))?;
    Config::parse(&text, "config.toml").map_err(|e| e.to_string())
}

#[test]
fn every_valid_config_loads() {
    let valid = files("valid_configs", "toml");
    assert!(valid.len() >= 4, "the valid configs are there");
    for path in valid {
        if let Err(e) = load(&path) {
            panic!("{} should load: {e}", path.display());
        }
    }
}

#[test]
fn a_config_setting_every_field_is_read_as_written() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/valid_configs");
    let config = load(&dir.join("every_field.toml")).expect("loads");
    assert_eq!(config.theme, "light");
    assert_eq!(config.panes, vec![Pane::Entities]);
    assert_eq!(config.kinds, vec![Kind::Per, Kind::Loc]);
    assert_eq!(config.max_width, 72);
    assert!(!config.mouse);
    assert_eq!(config.view, View::Source);
    assert_eq!(config.max_file_mb, 200);
    assert_eq!(config.citation.source(), "{id} ¶{paragraph} ({date}) {url}");
    assert_eq!(
        config.file_limit(),
        cableview::regular_file::Limit::cable_mb(200)
    );
}

#[test]
fn every_invalid_config_fails_with_its_message() {
    let invalid = files("invalid_configs", "toml");
    assert!(invalid.len() >= 5, "the invalid configs are there");
    let mut wrong = Vec::new();
    for path in &invalid {
        let expected_file = path.with_extension("err");
        assert!(
            expected_file.exists(),
            "{} has no .err file",
            path.display()
        );
        let expected = read(&expected_file).trim_end().to_string();
        match load(path) {
            Ok(_) => wrong.push(format!("{}: loaded, expected: {expected}", path.display())),
            // An expectation ending in "..." need only start the message.
            Err(got) if !matches(&got, &expected) => wrong.push(format!(
                "{}:\n  got:      {got}\n  expected: {expected}",
                path.display()
            )),
            Err(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn matches(got: &str, expected: &str) -> bool {
    match expected.strip_suffix("...") {
        Some(start) => got.starts_with(start),
        None => got == expected,
    }
}

#[test]
fn every_err_file_has_its_config() {
    for err in files("invalid_configs", "err") {
        assert!(
            err.with_extension("toml").exists(),
            "{} is orphaned",
            err.display()
        );
    }
}

#[test]
fn an_error_from_disk_names_the_file_by_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "\n\nthem = 1\n").expect("write");
    let error = Config::load(&path).expect_err("unknown key").to_string();
    let expected = format!(
        "unknown key \"them\" in {} at 3:1, expected one of",
        path.display()
    );
    assert!(error.starts_with(&expected), "{error}");
}

#[test]
fn a_config_that_is_not_utf8_is_placed_at_its_bad_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, b"theme = \"default\"\nview = \"cl\xffean\"\n").expect("write");
    let error = Config::load(&path).expect_err("not UTF-8").to_string();
    assert_eq!(
        error,
        format!(
            "a byte that is not UTF-8 text in {} at 2:11, expected a UTF-8 TOML file",
            path.display()
        )
    );
}
