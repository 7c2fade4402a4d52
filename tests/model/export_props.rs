//! Property tests: whatever the parser makes of arbitrary cable-like text, every export
//! runs without panicking and its offsets and tags hold.

use cableview::export::{self, Format, brat, conll};
use proptest::prelude::*;

/// Pieces of annotated cables, glued in random order.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("[LOC Paris  ] ".to_string()),
        Just("[PER Djamel Beghal  ] ".to_string()),
        Just("( [ORG S/NF  ] ) ".to_string()),
        Just("<a id='par3' href='#par3'>¶</a>3 . \n".to_string()),
        Just("State 's ".to_string()),
        Just("End summary . ---- AREAS TO IMPROVE ---- ".to_string()),
        Just(". \n".to_string()),
        Just("[ [MISC XXXX  ] , ".to_string()),
        Just("R&D; < > \" ' ".to_string()),
        Just("\u{2028}\u{a0}\t\u{1b}[31m\u{0} ".to_string()),
        Just("TAGS: PTER PREL SUBJECT: X REF: A. STATE 1 ".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ]
}

fn cable_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn exports_never_panic_and_offsets_hold(text in cable_text()) {
        let Ok(cable) = cableview::cable::parse(&text, "05PARIS2333.txt") else {
            return Ok(());
        };
        for format in [Format::Json, Format::Text, Format::Markdown, Format::Displacy,
                       Format::Conll, Format::Html, Format::Csv] {
            let _ = export::stream(std::slice::from_ref(&cable), format).unwrap();
        }
        let (txt, ann) = brat::brat(&cable);
        let chars: Vec<char> = txt.chars().collect();
        for line in ann.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            prop_assert_eq!(fields.len(), 3);
            let span: Vec<&str> = fields[1].split(' ').collect();
            let start: usize = span[1].parse().unwrap();
            let end: usize = span[2].parse().unwrap();
            prop_assert_eq!(chars[start..end].iter().collect::<String>(), fields[2]);
        }
        let out = conll::conll(&cable);
        let begins = out.lines().filter(|l| l.contains(" B-")).count();
        prop_assert_eq!(begins, ann.lines().filter(|l| l.starts_with('T')).count());
        let mut previous: Option<&str> = None;
        for line in out.lines() {
            let tag = line.rsplit_once(' ').map(|(_, t)| t);
            if let Some(kind) = tag.and_then(|t| t.strip_prefix("I-")) {
                prop_assert_eq!(previous, Some(kind), "{}", line);
            }
            previous = tag.and_then(|t| t.get(2..)).filter(|_| tag != Some("O"));
        }
        let page = export::render(&cable, Format::Html);
        let raw_control = page.contains('\u{1b}') || page.contains('\u{0}');
        prop_assert!(!raw_control, "raw control character in the page");
    }
}
