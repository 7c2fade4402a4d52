//! The layer rule (docs/ARCHITECTURE.md) checked: the lower crates' dependency trees, and
//! no file of the app importing from a layer above its own; and the views' states
//! (`Reader`, `Table`) keeping their fields private, read through accessors.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every package `package` depends on, directly or not, as Cargo.lock records them (dev
/// dependencies included, which only makes the check stricter).
fn tree(package: &str) -> BTreeSet<String> {
    let lock = std::fs::read_to_string(Path::new(ROOT).join("Cargo.lock")).expect("Cargo.lock");
    let lock: toml::Table = toml::from_str(&lock).expect("Cargo.lock is TOML");
    let mut deps: HashMap<String, Vec<String>> = HashMap::new();
    for entry in lock["package"].as_array().expect("packages") {
        let name = entry["name"].as_str().expect("a name").to_string();
        let names = entry.get("dependencies").and_then(|d| d.as_array());
        // "name", "name version" or "name version (source)": the name is the first word.
        let names = names.into_iter().flatten().filter_map(|d| d.as_str());
        let names = names
            .filter_map(|d| d.split(' ').next())
            .map(str::to_string);
        deps.entry(name).or_default().extend(names);
    }
    let (mut seen, mut next) = (BTreeSet::new(), vec![package.to_string()]);
    while let Some(name) = next.pop() {
        for dep in deps.get(&name).into_iter().flatten() {
            if seen.insert(dep.clone()) {
                next.push(dep.clone());
            }
        }
    }
    seen
}

#[test]
fn the_model_and_the_index_know_no_terminal_and_no_command_line() {
    let model = tree("cableview-model");
    assert!(model.contains("nom"), "the lock was read: {model:?}");
    for above in [
        "ratatui",
        "crossterm",
        "clap",
        "tantivy",
        "cableview-index",
        "cableview",
    ] {
        assert!(!model.contains(above), "the model depends on {above}");
    }
    let index = tree("cableview-index");
    assert!(index.contains("tantivy") && index.contains("cableview-model"));
    for above in ["ratatui", "crossterm", "clap", "cableview"] {
        assert!(!index.contains(above), "the index depends on {above}");
    }
}

/// The `crate::` paths the files under `dir` (and `dir.rs`) name.
fn imports(layer: &str) -> Vec<(String, String)> {
    let src = Path::new(ROOT).join("src");
    let mut files = vec![src.join(format!("{layer}.rs"))];
    let mut dirs = vec![src.join(layer)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            match path.extension() {
                _ if path.is_dir() => dirs.push(path),
                Some(ext) if ext == "rs" => files.push(path),
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file");
        let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
        for line in code {
            for (at, _) in line.match_indices("crate::") {
                let module: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                found.push((file.display().to_string(), module));
            }
        }
    }
    found
}

#[test]
fn no_file_of_the_app_imports_from_a_layer_above_its_own() {
    let above = [
        ("library", &["session", "ui", "shell"][..]),
        ("session", &["ui", "shell"][..]),
        ("ui", &["shell"][..]),
    ];
    for (layer, higher) in above {
        let imports = imports(layer);
        assert!(!imports.is_empty(), "{layer} was read");
        for (file, module) in imports {
            assert!(
                !higher.contains(&module.as_str()),
                "{file} imports crate::{module}, a layer above {layer}"
            );
        }
    }
}

/// The fields of `pub struct NAME` in `file` that are visible outside it (`pub ...`).
fn visible_fields(file: &str, name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(ROOT).join(file)).expect("a source file");
    let start = format!("pub struct {name} {{");
    let body = text
        .lines()
        .skip_while(|l| !l.starts_with(&start))
        .skip(1)
        .take_while(|l| !l.starts_with('}'));
    body.map(str::trim_start)
        .filter(|l| l.starts_with("pub"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_views_keep_their_fields_private() {
    for (file, name) in [
        ("src/session/reader.rs", "Reader"),
        ("src/session/table.rs", "Table"),
    ] {
        assert_eq!(
            visible_fields(file, name),
            Vec::<String>::new(),
            "{name}'s fields are read through its accessors"
        );
    }
}
