//! Property tests: no HTML-ish or plain input, and no side file, makes the readers panic;
//! mention offsets always hold.

use cableview::cable::side::{self, LabelMap};
use cableview::cable::{Cable, SideAnnotations, Tagging, parse, parse_bytes_with};
use proptest::prelude::*;

fn check(cable: &Cable) {
    let blocks = std::iter::once((&cable.header.text, &cable.header.mentions))
        .chain(cable.paragraphs.iter().map(|p| (&p.text, &p.mentions)));
    for (text, mentions) in blocks {
        for m in mentions {
            assert_eq!(&text[m.bytes.clone()], m.text);
            let chars: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(chars, m.text);
        }
    }
    for span in &cable.source_spans {
        let line = cable.source.split('\n').nth(span.line).unwrap();
        assert!(line.get(span.bytes.clone()).is_some());
    }
}

/// Pieces real pages and plain cables are made of.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<table class='cable'><tr><th>Reference ID</th><th>Origin</th></tr><tr><td><a href='/x'>".to_string()),
        Just("</a></td><td>".to_string()),
        Just("</td></tr></table>".to_string()),
        Just("<code><pre>".to_string()),
        Just("</pre></code>".to_string()),
        Just("&#x000A;".to_string()),
        Just("<a id='par1' href='#par1'>¶</a>1. (C) ".to_string()),
        Just("<a id='parB' href='#parB'>¶</a>B. ".to_string()),
        Just("<a id='par1993' href='#par1993'>¶</a>1993. ".to_string()),
        Just("<a id='par".to_string()),
        Just("TAGS: <a href='/tag/PTER_0.html'>PTER</a> ".to_string()),
        Just("TAG:\u{a0}PREL, ".to_string()),
        Just("SUBJ: X REF: A. STATE 1 ".to_string()),
        Just("R&D; S&ED; &processes8; &amp; &lt; &#39; &#x; &#xFFFFFFFF; ".to_string()),
        Just("<br>".to_string()),
        Just(" < > ".to_string()),
        Just("PAGE 02 ROME 02045 01 OF 06 121721Z ".to_string()),
        Just("O 121758Z MAY 86\nFM AMEMBASSY MADRID\nTO SECSTATE\nBT\n".to_string()),
        Just("NNNN\n".to_string()),
        Just("---- HEADING ----\n".to_string()),
        Just("\u{2028}\u{a0}\t".to_string()),
        Just("1. (S/NF) ".to_string()),
        Just("CLINTON\n".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
        Just("\n".to_string()),
    ]
}

fn page_like() -> impl Strategy<Value = String> {
    (any::<bool>(), proptest::collection::vec(fragment(), 0..40)).prop_map(|(doctype, parts)| {
        let body = parts.concat();
        if doctype {
            format!("<!DOCTYPE html>\n{body}")
        } else {
            body
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn html_ish_input_never_panics(text in page_like()) {
        if let Ok(cable) = parse(&text, "09STATE124636.html") {
            check(&cable);
        }
    }

    #[test]
    fn mutated_pages_never_panic(cuts in proptest::collection::vec((0usize..40_000, 0usize..60, "\\PC{0,8}"), 1..6)) {
        let mut text = include_str!("../fixtures/raw/09STATE124636.html").to_string();
        for (at, len, insert) in cuts {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) { at -= 1; }
            let mut end = (at + len).min(text.len());
            while !text.is_char_boundary(end) { end -= 1; }
            text.replace_range(at..end, &insert);
        }
        if let Ok(cable) = parse(&text, "09STATE124636.html") {
            check(&cable);
        }
    }

    #[test]
    fn any_side_file_never_panics(
        text in page_like(),
        entries in proptest::collection::vec((0usize..4000, 0usize..4000, "[A-Z]{2,6}"), 0..8),
        displacy in any::<bool>(),
    ) {
        let side_text = if displacy {
            let ents: Vec<String> = entries
                .iter()
                .map(|(s, e, l)| format!("{{\"start\": {s}, \"end\": {e}, \"label\": \"{l}\"}}"))
                .collect();
            format!("{{\"text\": {}, \"ents\": [{}]}}", serde_json::to_string(&text).unwrap(), ents.join(","))
        } else {
            entries.iter().enumerate().map(|(i, (s, e, l))| format!("T{i}\t{l} {s} {e}\tx\n")).collect()
        };
        let Ok(annotations) = side::read(&side_text, "x.ann") else { return Ok(()) };
        let labels = LabelMap::default();
        let side = SideAnnotations { annotations: &annotations, labels: &labels };
        if let Ok(cable) = parse_bytes_with(text.as_bytes(), "x.html", Some(side), Tagging::Builtin) {
            check(&cable);
        }
    }
}
