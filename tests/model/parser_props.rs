//! Property tests: no input makes the parser panic, and mention offsets always hold.

use cableview::cable::{Cable, parse, parse_bytes};
use proptest::prelude::*;

fn check_offsets(cable: &Cable) {
    let blocks = std::iter::once((&cable.header.text, &cable.header.mentions))
        .chain(cable.paragraphs.iter().map(|p| (&p.text, &p.mentions)));
    for (text, mentions) in blocks {
        for m in mentions {
            assert_eq!(&text[m.bytes.clone()], m.text);
            assert_eq!(
                text.chars()
                    .skip(m.start)
                    .take(m.end - m.start)
                    .collect::<String>(),
                m.text
            );
        }
    }
    assert_eq!(
        cable.entities.iter().map(|e| e.count).sum::<usize>(),
        cable.mention_count()
    );
}

/// Pieces the real format is made of, so random sequences hit the interesting paths.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("[LOC Paris  ] ".to_string()),
        Just("[ORG S  ] ".to_string()),
        Just("( [ORG S/NF  ] ) ".to_string()),
        Just("<a id='par3' href='#par3'>¶</a>3 . \n".to_string()),
        Just("<a id='parB' href='#parB'>¶</a>B . \n".to_string()),
        Just("<a id='par1993' href='#par1993'>¶</a>1993 . \n".to_string()),
        Just("----- HEADING ----- ".to_string()),
        Just("\" quoted , \" ".to_string()),
        Just("[ [MISC XXXX  ] ".to_string()),
        Just("TAGS: <a href='/tag/PTER_0.html'>PTER</a> ".to_string()),
        Just("SUBJECT: X REF: A. STATE 1 ".to_string()),
        Just("1. ( C ) ".to_string()),
        Just("[LOC U.S.  ] ".to_string()),
        // Lone commas and periods end runs of words; one before a tab or a mention.
        Just("said , and the end . ".to_string()),
        Just("U.S . ,\t".to_string()),
        Just("Embassy .[LOC Paris  ] ".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
        Just("\n".to_string()),
    ]
}

/// Pieces of headers and bodies as sent, for the plain-text and page readers.
fn header_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("SUBJECT: ".to_string()),
        Just("SUBJ ".to_string()),
        Just("REF: ".to_string()),
        Just("REF A ".to_string()),
        Just("(A) STATE 1 ".to_string()),
        Just("B.) ".to_string()),
        Just("Classified By: ".to_string()),
        Just("CLASSIFIED BY LINE ADDED ".to_string()),
        Just("TAGS: PREL, ".to_string()),
        Just("TAS: ".to_string()),
        Just("1. (C) ".to_string()),
        Just("(C) 2. ".to_string()),
        Just("3) ".to_string()),
        Just("28. ".to_string()),
        Just("PAGE 02 ROME 01234 211833Z\n".to_string()),
        Just("ROME 00001234 001.2 OF 004 ".to_string()),
        Just(" \\\n".to_string()),
        Just("\n\n".to_string()),
        Just("CONFIDENTIAL\n".to_string()),
        Just("Summary: ".to_string()),
        Just("for REAS ONS 1.4 (B) ".to_string()),
        Just("XXXXXXXX ".to_string()),
        Just("DOE\n".to_string()),
        Just("Declassified/Released ".to_string()),
        Just("Cable dated:2002-11-15T12:40:00".to_string()),
        Just("S E C R E T ANKARA 008305S/CT ".to_string()),
        Just("...".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn header_like_text_never_panics(parts in proptest::collection::vec(header_fragment(), 0..40)) {
        let text = parts.concat();
        if let Ok(cable) = parse(&text, "x.txt") {
            check_offsets(&cable);
        }
        let page = format!(
            "<table class='cable'></table><code><pre>{}</pre></code>",
            text.replace('\n', "&#x000A;")
        );
        if let Ok(cable) = parse(&page, "x.html") {
            check_offsets(&cable);
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,200}") {
        if let Ok(cable) = parse(&text, "x.txt") {
            check_offsets(&cable);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(cable) = parse_bytes(&bytes, "x.txt") {
            check_offsets(&cable);
        }
    }

    #[test]
    fn format_like_sequences_keep_offsets(parts in proptest::collection::vec(fragment(), 0..40)) {
        if let Ok(cable) = parse(&parts.concat(), "05PARIS2333.txt") {
            check_offsets(&cable);
        }
    }

    #[test]
    fn mutated_sample_never_panics(cuts in proptest::collection::vec((0usize..13_000, 0usize..40, "\\PC{0,8}"), 1..6)) {
        let mut text = cableview::SAMPLE.to_string();
        for (at, len, insert) in cuts {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) { at -= 1; }
            let mut end = (at + len).min(text.len());
            while !text.is_char_boundary(end) { end -= 1; }
            text.replace_range(at..end, &insert);
        }
        if let Ok(cable) = parse(&text, "05PARIS2333.txt") {
            check_offsets(&cable);
        }
    }
}
