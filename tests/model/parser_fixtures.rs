//! Facts about every shared cable in tests/fixtures: the structure the parser must find.

use cableview::cable::{Cable, parse_bytes};
use std::path::Path;

fn load(name: &str) -> Cable {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/annotated")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    parse_bytes(&bytes, name).unwrap()
}

fn labels(cable: &Cable) -> Vec<&str> {
    cable.paragraphs.iter().map(|p| p.label.as_str()).collect()
}

fn all_fixtures() -> Vec<(String, Cable)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 34, "the 34 annotated cables are all copied");
    names.into_iter().map(|n| (n.clone(), load(&n))).collect()
}

#[test]
fn every_mention_slices_its_clean_text() {
    for (name, cable) in all_fixtures() {
        let blocks = std::iter::once((&cable.header.text, &cable.header.mentions))
            .chain(cable.paragraphs.iter().map(|p| (&p.text, &p.mentions)));
        for (text, mentions) in blocks {
            for m in mentions {
                let by_chars: String = text.chars().skip(m.start).take(m.end - m.start).collect();
                assert_eq!(by_chars, m.text, "{name}: char offsets of {m:?}");
                assert_eq!(
                    &text[m.bytes.clone()],
                    m.text,
                    "{name}: byte offsets of {m:?}"
                );
                assert!(
                    !m.text.trim().is_empty() && m.text.trim() == m.text,
                    "{name}: {m:?}"
                );
            }
        }
        assert!(cable.warnings.is_empty(), "{name}: {:?}", cable.warnings);
        assert_eq!(cable.id.as_deref(), Some(name.trim_end_matches(".txt")));
    }
}

#[test]
fn no_markup_or_anchor_text_reaches_the_clean_text() {
    for (name, cable) in all_fixtures() {
        let texts =
            std::iter::once(&cable.header.text).chain(cable.paragraphs.iter().map(|p| &p.text));
        for text in texts {
            for needle in ["<a ", "</a>", "<pre>", "</pre>", "</td>", "¶", "  ]"] {
                assert!(!text.contains(needle), "{name}: {needle:?} in {text:?}");
            }
        }
    }
}

#[test]
fn entity_counts_add_up_to_the_mentions() {
    for (name, cable) in all_fixtures() {
        let grouped: usize = cable.entities.iter().map(|e| e.count).sum();
        assert_eq!(grouped, cable.mention_count(), "{name}");
        for pair in cable.entities.windows(2) {
            assert!(
                pair[0].count >= pair[1].count,
                "{name}: most frequent first"
            );
        }
    }
}

#[test]
fn years_at_line_start_are_text_not_paragraphs() {
    let cable = load("08MADRID552.txt");
    assert!(!labels(&cable).contains(&"1993") && !labels(&cable).contains(&"2005"));
    assert!(cable.paragraphs.iter().any(|p| {
        p.text
            .contains("Minister of Economy and Finance in 1993. In September 1999")
    }));
    let cable = load("09PARIS1426.txt");
    assert_eq!(
        labels(&cable),
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]
    );
    assert!(
        cable.paragraphs[5]
            .text
            .contains("elections in March 2010. Regional elections")
    );
}

#[test]
fn a_paragraph_reference_in_prose_is_not_a_paragraph() {
    let cable = load("08BERLIN1068.txt");
    assert_eq!(labels(&cable), ["1", "2", "3", "4"]);
    assert!(
        cable.paragraphs[3]
            .text
            .ends_with("dissemination request posed in paragraph 3.")
    );
    assert_eq!(cable.signature.as_deref(), Some("Koenig"));
    assert_eq!(
        cable.paragraphs[0]
            .marking
            .as_ref()
            .map(|m| m.code.as_str()),
        Some("U")
    );
}

#[test]
fn duplicate_anchor_ids_with_a_marking_are_paragraphs() {
    assert_eq!(
        labels(&load("06JEDDAH700.txt")),
        ["1", "2", "3", "4", "5", "6", "6"]
    );
    let madrid = load("08MADRID552.txt");
    assert_eq!(labels(&madrid).iter().filter(|l| **l == "45").count(), 2);
}

#[test]
fn numbering_gaps_are_kept_and_unanchored_numbers_found() {
    // ¶3 is missing from the cable; ¶12 to ¶14 have no anchor (`12 . ( S ) In 2007`).
    assert_eq!(
        labels(&load("08RPODUBAI49.txt")),
        [
            "1", "2", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"
        ]
    );
    // ¶1 runs on from the classifier's line: `REASON: 1.4 (b), (d) 1. (U) This is`.
    let basrah = load("10BASRAH1.txt");
    assert_eq!(labels(&basrah)[..2], ["1", "2"]);
    assert!(
        basrah.paragraphs[0]
            .text
            .starts_with("This is a Basrah PRT")
    );
}

#[test]
fn lettered_anchors_before_the_body_are_references() {
    let cable = load("09STATE124636.txt");
    let refs: Vec<_> = cable
        .header
        .references
        .iter()
        .map(|r| r.label.as_deref().unwrap())
        .collect();
    assert_eq!(refs, ["A", "B", "C", "D", "E", "F", "G", "H"]);
    assert_eq!(cable.header.references[3].text, "MEXICO 002071");
    assert_eq!(labels(&cable), ["1", "2"]);
    assert_eq!(
        cable.header.classified_by.as_deref(),
        Some("ELISSA G. PITTERLE, DIRECTOR, INR/OPS")
    );
    let baku = load("10BAKU98.txt");
    assert_eq!(baku.header.references.len(), 4);
}

#[test]
fn lettered_anchors_inside_the_body_are_sub_items() {
    let cable = load("10LUANDA84.txt");
    assert_eq!(labels(&cable), ["1", "2"]);
    assert!(
        cable.paragraphs[0]
            .text
            .contains("\nB. Examples of U.S.-China cooperation in Angola.")
    );
    assert!(
        cable.paragraphs[0]
            .text
            .contains("\nC. Potential areas for U.S.-China cooperation.")
    );
    let refs: Vec<_> = cable
        .header
        .references
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(refs, ["SECSTATE 10152", "08 LUANDA 536"]);
}

#[test]
fn cables_without_anchors_keep_their_header() {
    for name in [
        "06KABUL3934.txt",
        "10MADRID49.txt",
        "09KABUL3423.txt",
        "08TBILISI1356.txt",
    ] {
        let cable = load(name);
        assert!(cable.paragraphs.is_empty(), "{name}");
        assert!(cable.header.origin.is_some(), "{name}");
    }
}

#[test]
fn lower_case_cable_is_read() {
    let cable = load("08BERLIN1068.txt");
    let h = &cable.header;
    assert_eq!(h.classification.map(|c| c.name()), Some("SECRET"));
    assert_eq!(h.origin.as_deref(), Some("BERLIN"));
    assert_eq!(h.declassify_on.as_deref(), Some("08/06/2033"));
    assert!(
        h.tags
            .starts_with(&["PARM".to_string(), "PREL".to_string()])
    );
}

#[test]
fn old_cables_and_odd_ids() {
    let tehran = load("73TEHRAN7005.txt");
    assert_eq!(tehran.header.origin.as_deref(), Some("TEHRAN"));
    assert_eq!(labels(&tehran), ["1", "2", "3"]);
    let libreville = load("7575LIBREVILLE1895.txt");
    assert_eq!(libreville.id.as_deref(), Some("7575LIBREVILLE1895"));
    assert_eq!(libreville.header.origin.as_deref(), Some("LIBREVILLE"));
    let harare = load("00HARARE6677.txt");
    assert_eq!(
        harare.header.classification.map(|c| c.name()),
        Some("CONFIDENTIAL")
    );
    assert_eq!(harare.header.declassify_on.as_deref(), Some("11/29/10"));
}

#[test]
fn literal_brackets_and_redactions_stay_text() {
    let dubai = load("08RPODUBAI49.txt");
    assert!(
        dubai
            .header
            .subject
            .as_deref()
            .unwrap()
            .starts_with("[SOURCE REMOVED]")
    );
    let moscow = load("10MOSCOW266.txt");
    let all: String = moscow.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(all.contains("[XXXXXXXXXXXX") || moscow.header.text.contains("[XXXXXXXXXXXX"));
}
