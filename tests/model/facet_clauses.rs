//! The facets pane's clauses against a real index: picking a value narrows the query to
//! exactly the cables its count says, alone and after a word, whatever the value holds.

use crate::search_index::build;
use cableview::cable::CableId;
use cableview::cable::EntityKind;
use cableview::search_index::{Facets, SearchIndex};
use cableview::session::action::Action;
use cableview::session::facets::{FacetsPane, Section, clause};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/release.csv");
const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");

/// The distinct cables a query finds.
fn found(index: &SearchIndex, query: &str) -> BTreeSet<CableId> {
    index
        .search(query, 100_000)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .into_iter()
        .map(|h| h.id)
        .collect()
}

/// Every value the pane offers, with its count, as `down` walks the pane from the top.
fn offered(facets: &Facets) -> Vec<(Section, String, u64)> {
    let mut pane = FacetsPane::new(facets.clone());
    pane.set_height(10);
    let mut values = Vec::new();
    while let Some((section, name, count)) = pane.selected() {
        values.push((section.clone(), name.to_string(), count));
        let before = pane.cursor_row();
        pane.apply(&Action::Down);
        if pane.cursor_row() == before {
            break;
        }
    }
    values
}

/// For each value the pane offers on the facets of `base`, `base` and the value's
/// clause find as many cables as the facet counts. Returns the values.
fn check(index: &SearchIndex, base: &str) -> Vec<(Section, String, u64)> {
    let facets = index.facets(base).unwrap();
    let values = offered(&facets);
    let mut wrong = Vec::new();
    for (section, name, count) in &values {
        let Some(clause) = clause(section, name) else {
            wrong.push(format!("{section:?} {name:?}: no clause"));
            continue;
        };
        let query = format!("{base} {clause}");
        let n = found(index, query.trim()).len() as u64;
        if n != *count {
            wrong.push(format!("{query}: {n} cables, the facet says {count}"));
        }
    }
    assert!(wrong.is_empty(), "{base:?}:\n{}", wrong.join("\n"));
    values
}

#[test]
fn every_value_of_the_release_narrows_to_its_count() {
    let (_dir, index) = build(&[Path::new(FIXTURE)]);
    let values = check(&index, "");
    for section in [
        Section::Classification,
        Section::Origin,
        Section::Year,
        Section::Tag,
    ] {
        assert!(
            values.iter().any(|(s, _, _)| *s == section),
            "{section:?} offered"
        );
    }
    assert!(
        values
            .iter()
            .any(|(s, n, _)| *s == Section::Origin && n == "Embassy Paris"),
        "an origin with a space is among those checked"
    );
    for word in ["hezbollah", "paris", "terrorism", "coup"] {
        assert!(!check(&index, word).is_empty(), "{word} matches cables");
    }
}

#[test]
fn every_entity_narrows_to_its_count_and_to_the_cables_naming_it() {
    let (_dir, index) = build(&[Path::new(ANNOTATED)]);
    let values = check(&index, "");
    for word in ["france", "government", "minister"] {
        check(&index, word);
    }
    // The cables found are the very ones whose files name the entity, by the parser's
    // account rather than the index's.
    let cables = cableview::input::load_paths(&[PathBuf::from(ANNOTATED)]).cables;
    let mut spaced = 0;
    for (section, name, _) in &values {
        let Section::Entity(kind) = section else {
            continue;
        };
        spaced += usize::from(name.contains(' '));
        let naming: BTreeSet<CableId> = cables
            .iter()
            .filter(|(_, c)| {
                c.entities.iter().any(|e| {
                    e.name == *name
                        && (e.kind == *kind
                            || *kind == EntityKind::Misc && !EntityKind::STANDARD.contains(&e.kind))
                })
            })
            .map(|(_, c)| c.id.clone().unwrap())
            .collect();
        let clause = clause(section, name).unwrap();
        assert_eq!(found(&index, &clause), naming, "{clause}");
    }
    assert!(spaced > 3, "names with spaces are among those checked");
    assert!(
        values
            .iter()
            .any(|(s, _, _)| *s == Section::Entity(EntityKind::Per)),
        "PER offered"
    );
}

#[test]
fn a_part_of_a_name_is_not_the_name() {
    let (_dir, index) = build(&[Path::new(ANNOTATED)]);
    let facets = index.facets("").unwrap();
    let people = &facets.entities[0].1;
    let (name, count) = people.iter().find(|(n, _)| n == "Obama").unwrap();
    let exact = clause(&Section::Entity(EntityKind::Per), name).unwrap();
    assert_eq!(exact, "per=Obama");
    assert_eq!(found(&index, &exact).len() as u64, *count);
    // `per:` finds the word in any PER name (`Barack Obama` too): more cables.
    assert!(found(&index, "per:obama").len() as u64 > *count);
}

/// A release CSV whose origins hold a quote, a slash and a backslash, and two annotated
/// cables naming people alike but for those characters.
fn hostile(dir: &Path) -> Vec<PathBuf> {
    let row = |n: u32, origin: &str| {
        format!(
            "\"{n}\",\"12/28/2005 18:48\",\"05PARIS{n}\",\"{origin}\",\"SECRET\",\"\",\"VZCZC\",\"S E C R E T\nTAGS PREL\nSUBJECT: WORDS\n\n1. (S) Text.\n\"\n"
        )
    };
    let csv = dir.join("cables.csv");
    let text = [
        row(1, r#"Embassy \"Q\" A/B\\C"#),
        row(2, "Embassy Q A B C"),
        row(3, "Embassy Q A/B"),
    ]
    .concat();
    std::fs::write(&csv, text).unwrap();
    let copy = |id: &str, from: &str, to: &str| {
        let text = std::fs::read_to_string(format!("{ANNOTATED}/{id}.txt")).unwrap();
        assert!(text.contains(from), "{id} names {from}");
        let path = dir.join(format!("{id}.txt"));
        std::fs::write(&path, text.replace(from, to)).unwrap();
        path
    };
    vec![
        csv,
        copy(
            "04PARIS8983",
            "[PER John Kincannon  ]",
            r#"[PER Abu "Hamza" al/Masri\x  ]"#,
        ),
        copy(
            "09PARIS1426",
            "[PER Mueller  ]",
            "[PER Abu Hamza al Masri x  ]",
        ),
    ]
}

#[test]
fn quotes_slashes_and_backslashes_are_named_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let paths = hostile(dir.path());
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (_ix, index) = build(&refs);
    let facets = index.facets("").unwrap();
    let origins: Vec<&str> = facets.origin.iter().map(|(o, _)| o.as_str()).collect();
    let odd = r#"Embassy "Q" A/B\C"#;
    assert!(origins.contains(&odd), "{origins:?}");
    for (origin, id) in [
        (odd, "05PARIS1"),
        ("Embassy Q A B C", "05PARIS2"),
        ("Embassy Q A/B", "05PARIS3"),
    ] {
        let clause = clause(&Section::Origin, origin).unwrap();
        assert_eq!(
            found(&index, &clause),
            BTreeSet::from([CableId::new(id)]),
            "{clause}"
        );
    }
    assert_eq!(
        clause(&Section::Origin, odd).unwrap(),
        r#"origin="Embassy \"Q\" A/B\\C""#
    );
    let per = Section::Entity(EntityKind::Per);
    for (name, id) in [
        (r#"Abu "Hamza" al/Masri\x"#, "04PARIS8983"),
        ("Abu Hamza al Masri x", "09PARIS1426"),
    ] {
        let clause = clause(&per, name).unwrap();
        let query = format!("france {clause}");
        assert_eq!(
            found(&index, &query),
            BTreeSet::from([CableId::new(id)]),
            "{query}"
        );
        assert_eq!(index.facets(&query).unwrap().total, 1, "{query}");
    }
    // The words alike, the phrase finds both.
    assert_eq!(found(&index, "per:\"abu hamza al masri x\"").len(), 2);
    assert_eq!(
        clause(&Section::Tag, ""),
        None,
        "an empty value names nothing"
    );
}
