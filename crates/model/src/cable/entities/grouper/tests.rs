//! The grouper's joins and names, on hand-made blocks.

use super::*;
use crate::cable::MentionSource;

/// Groups mentions of the given spellings, each repeated as often as given, in order.
fn entities(blocks: &[(&str, &[(&str, usize)])]) -> Vec<Entity> {
    entities_of(EntityKind::Loc, blocks)
}

fn entities_of(kind: EntityKind, blocks: &[(&str, &[(&str, usize)])]) -> Vec<Entity> {
    let mut grouper = Grouper::default();
    for (label, forms) in blocks {
        let mut text = String::new();
        let mut mentions = Vec::new();
        for &(form, times) in *forms {
            for _ in 0..times {
                let start = text.len();
                text.push_str(form);
                mentions.push(Mention {
                    kind: kind.clone(),
                    text: form.to_string(),
                    start,
                    end: text.len(),
                    bytes: start..text.len(),
                    entity: None,
                    source: MentionSource::Inline,
                });
                text.push(' ');
            }
        }
        grouper.add(label, &text, &mentions);
    }
    grouper.finish(None).entities
}

fn name(forms: &[(&str, usize)]) -> String {
    let found = entities(&[("1", forms)]);
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].name.clone()
}

#[test]
fn display_name_prefers_frequent_mixed_case() {
    assert_eq!(name(&[("PARIS", 4), ("Paris", 6)]), "Paris");
    assert_eq!(name(&[("PARIS", 9), ("Paris", 1)]), "Paris");
    assert_eq!(name(&[("GOF", 3)]), "GOF");
    assert_eq!(name(&[("Foo", 2), ("foo", 2)]), "Foo");
    assert_eq!(name(&[("foo", 1), ("Foo", 2)]), "Foo");
    // Lower case only when nothing else: `u.s.` is a slip for `U.S.`.
    assert_eq!(name(&[("U.S.", 9), ("u.s.", 1)]), "U.S.");
    assert_eq!(name(&[("u.s.", 9), ("U.S.", 1)]), "U.S.");
    assert_eq!(name(&[("US", 2), ("U.S.", 3)]), "U.S.");
}

#[test]
fn paragraphs_are_listed_once_per_run_of_a_label() {
    let found = entities(&[
        ("header", &[("Paris", 1)]),
        ("1", &[("PARIS", 2), ("Lyon", 1)]),
        ("2", &[("Lyon", 1)]),
        ("2", &[("paris", 1)]),
        ("3", &[]),
        ("4", &[("Paris", 1), ("Lyon", 2)]),
    ]);
    let summary: Vec<_> = found
        .iter()
        .map(|e| (e.name.as_str(), e.count, e.paragraphs.join(",")))
        .collect();
    assert_eq!(
        summary,
        [
            ("Paris", 5, "header,1,2,4".to_string()),
            ("Lyon", 4, "1,2,4".to_string())
        ]
    );
}

#[test]
fn ties_sort_by_kind_then_name_then_first_mention() {
    let found = entities(&[("1", &[("b", 1), ("a", 1), ("B", 1), ("c", 2)])]);
    let names: Vec<_> = found.iter().map(|e| (e.name.as_str(), e.count)).collect();
    // `B` names the first: capitals before lower case.
    assert_eq!(names, [("B", 2), ("c", 2), ("a", 1)]);
}

#[test]
fn a_last_name_joins_its_person_who_gives_the_name() {
    let found = entities_of(
        EntityKind::Per,
        &[
            ("1", &[("Beghal", 2)]),
            ("2", &[("Djamel Beghal", 1), ("Chirac", 1)]),
        ],
    );
    let summary: Vec<_> = found
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.count,
                e.paragraphs.join(","),
                e.spellings.join(","),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Djamel Beghal", 3, "1,2".to_string(), "Beghal".to_string()),
            ("Chirac", 1, "2".to_string(), String::new())
        ]
    );
}

#[test]
fn an_acronym_defined_in_the_text_joins_its_long_form() {
    let mut grouper = Grouper::default();
    let text = "the Immigration and Customs Enforcement ( ICE ) office; ICE said";
    let mention = |s: &str, nth: usize| {
        let start = text.match_indices(s).nth(nth).unwrap().0;
        Mention {
            kind: EntityKind::Org,
            text: s.to_string(),
            start,
            end: start + s.len(),
            bytes: start..start + s.len(),
            entity: None,
            source: MentionSource::Inline,
        }
    };
    let mentions = [
        mention("Immigration and Customs Enforcement", 0),
        mention("ICE", 0),
        mention("ICE", 1),
    ];
    grouper.add("1", text, &mentions);
    let grouping = grouper.finish(None);
    assert_eq!(grouping.entities.len(), 1, "{:?}", grouping.entities);
    assert_eq!(
        grouping.entities[0].name,
        "Immigration and Customs Enforcement"
    );
    assert_eq!(grouping.entities[0].count, 3);
    assert_eq!(grouping.ids, [0, 0, 0]);
}

#[test]
fn aliases_name_the_entity_and_join_within_a_kind() {
    let aliases = Aliases::parse("\"United States\" = [\"U.S.\", \"USA\"]", "a.toml").unwrap();
    let mut grouper = Grouper::default();
    let text = "U.S. USA Paris";
    let mention = |s: &str, kind: EntityKind| {
        let start = text.find(s).unwrap();
        Mention {
            kind,
            text: s.to_string(),
            start,
            end: start + s.len(),
            bytes: start..start + s.len(),
            entity: None,
            source: MentionSource::Inline,
        }
    };
    let mentions = [
        mention("U.S.", EntityKind::Loc),
        mention("USA", EntityKind::Org),
        mention("Paris", EntityKind::Loc),
    ];
    grouper.add("1", text, &mentions);
    let grouping = grouper.finish(Some(&aliases));
    let names: Vec<_> = grouping
        .entities
        .iter()
        .map(|e| (e.kind.label(), e.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("ORG", "United States"),
            ("LOC", "Paris"),
            ("LOC", "United States")
        ]
    );
}
