//! The bundled sample, 05PARIS2333: every fact the parser issue names.

use cableview::cable::{Cable, EntityKind, HEADER_LABEL};

fn sample() -> Cable {
    cableview::input::sample()
}

#[test]
fn header_fields() {
    let h = sample().header;
    assert_eq!(h.classification.map(|c| c.name()), Some("SECRET"));
    assert_eq!(h.tags, ["PTER", "PREL", "FR"]);
    let refs: Vec<_> = h
        .references
        .iter()
        .map(|r| r.label.as_deref().unwrap())
        .collect();
    assert_eq!(refs, ["A", "B", "C"]);
    assert_eq!(h.section.map(|s| (s.number, s.of)), Some((1, 3)));
}

#[test]
fn paragraphs_markings_headings_signature() {
    let cable = sample();
    let labels: Vec<_> = cable.paragraphs.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3", "4", "5", "6", "7"]);
    let markings: Vec<_> = cable
        .paragraphs
        .iter()
        .map(|p| p.marking.as_ref().unwrap().code.as_str())
        .collect();
    assert_eq!(markings, ["S", "S/NF", "S", "S", "S", "S", "S"]);
    let headings: Vec<_> = cable
        .paragraphs
        .iter()
        .map(|p| p.heading.as_deref())
        .collect();
    assert_eq!(
        headings,
        [
            None,
            Some("A MATURE, SUCCESSFUL RELATIONSHIP"),
            None,
            None,
            Some("AREAS TO IMPROVE"),
            None,
            None
        ]
    );
    assert_eq!(cable.signature.as_deref(), Some("LEACH"));
    assert!(
        cable.paragraphs[0]
            .text
            .starts_with("Summary: U.S.-French cooperation")
    );
    assert!(cable.paragraphs[0].text.ends_with("End summary."));
    assert!(
        cable.paragraphs[4]
            .text
            .starts_with("As noted in ref C, France")
    );
    assert!(
        cable.paragraphs[6]
            .text
            .ends_with("at an early stage in their careers.")
    );
}

#[test]
fn mention_counts_and_tagger_mistakes() {
    let cable = sample();
    assert_eq!(cable.mention_count(), 169);
    let count = |kind: EntityKind| cable.mentions().filter(|(_, m)| m.kind == kind).count();
    assert_eq!(count(EntityKind::Per), 5);
    assert_eq!(count(EntityKind::Misc), 31);
    assert!(
        cable
            .mentions()
            .all(|(_, m)| !(m.kind == EntityKind::Org && m.text == "S"))
    );
    assert!(cable.mentions().all(|(_, m)| !m.text.starts_with("DECL")));
    assert!(
        cable.mentions().any(|(_, m)| m.text == "Hamas"),
        "period left out of the mention"
    );
    assert!(
        cable.paragraphs[4].text.contains("designate Hamas."),
        "but kept in the text"
    );
}

#[test]
fn entities_group_case_variants() {
    let cable = sample();
    let find = |kind: EntityKind, name: &str| {
        cable
            .entities
            .iter()
            .find(|e| e.kind == kind && e.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let paris = find(EntityKind::Loc, "Paris");
    assert_eq!(paris.count, 10);
    assert_eq!(paris.paragraphs, [HEADER_LABEL, "1", "2", "4", "7"]);
    assert_eq!(find(EntityKind::Loc, "France").count, 21);
    assert_eq!(find(EntityKind::Org, "Hezbollah").count, 8);
    assert_eq!(find(EntityKind::Org, "Hezbollah").paragraphs, ["5"]);
}

#[test]
fn detokenized_text() {
    let cable = sample();
    let all: String = cable.paragraphs.iter().map(|p| p.text.as_str()).collect();
    for expected in [
        "State's Consular",
        "(ICE)",
        "\"terrorist conspiracy,\" which",
        "Internationally, France is",
        "Lyon, France's second",
    ] {
        assert!(all.contains(expected), "{expected}");
    }
    for tokenized in [" ,", " 's", "( ", " )", " ."] {
        assert!(!all.contains(tokenized), "{tokenized:?} left in the text");
    }
}

#[test]
fn source_is_kept_for_the_source_view() {
    let cable = sample();
    assert_eq!(cable.source, cableview::SAMPLE);
    assert_eq!(
        cable.source_spans.len(),
        177,
        "every bracketed mention of the file"
    );
    let first = &cable.source_spans[0];
    let line = cable.source.lines().nth(first.line).unwrap();
    assert_eq!(&line[first.bytes.clone()], "[LOC PARIS  ]");
    let p5 = cable.paragraph("5").unwrap();
    let lines: Vec<&str> = cable.source.lines().collect();
    assert!(lines[p5.source_lines.start].starts_with("( [ORG S  ] ) As noted in ref C"));
}

#[test]
fn json_snapshot() {
    insta::assert_json_snapshot!("sample_json", sample());
}
