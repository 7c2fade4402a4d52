//! The sample's exports compared byte for byte with golden files in `tests/golden/`.
//!
//! After a deliberate change, regenerate with `UPDATE_GOLDEN=1 cargo test --release --test
//! model export_golden`, then read every changed file before committing it.

use cableview::export::{self, Format, brat};
use std::path::PathBuf;

/// Lines of the CoNLL export kept in its golden file (the full file is long).
const CONLL_HEAD: usize = 150;

fn check(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| "length".to_string(), |n| format!("line {}", n + 1));
        panic!("{name} differs from its golden file at {line}");
    }
}

#[test]
fn displacy() {
    check(
        "05PARIS2333.displacy.json",
        &export::render(&cableview::input::sample(), Format::Displacy),
    );
}

#[test]
fn brat_pair() {
    let (txt, ann) = brat::brat(&cableview::input::sample());
    check("05PARIS2333.txt", &txt);
    check("05PARIS2333.ann", &ann);
}

#[test]
fn conll_head() {
    let out = export::render(&cableview::input::sample(), Format::Conll);
    let head: String = out
        .lines()
        .take(CONLL_HEAD)
        .map(|l| format!("{l}\n"))
        .collect();
    check("05PARIS2333.conll", &head);
}

#[test]
fn html() {
    check(
        "05PARIS2333.html",
        &export::render(&cableview::input::sample(), Format::Html),
    );
}

#[test]
fn csv() {
    check(
        "05PARIS2333.csv",
        &export::render(&cableview::input::sample(), Format::Csv),
    );
}

#[test]
fn markdown() {
    check(
        "05PARIS2333.md",
        &export::render(&cableview::input::sample(), Format::Markdown),
    );
}

#[test]
fn text() {
    check(
        "05PARIS2333.text.txt",
        &export::render(&cableview::input::sample(), Format::Text),
    );
}

#[test]
fn inline() {
    check(
        "05PARIS2333.inline.txt",
        &export::render(&cableview::input::sample(), Format::Inline),
    );
}
