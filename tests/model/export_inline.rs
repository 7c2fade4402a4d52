//! `export --format inline` read back by cableview: the same mentions (kind, text,
//! paragraph) as the cable exported, for the annotated sample and for raw pages whose
//! mentions are the tagger's.

use cableview::cable::{Cable, parse};
use cableview::export::{self, Format};
use std::path::PathBuf;

/// Every mention as (paragraph label, kind, text), in document order.
fn mentions(cable: &Cable) -> Vec<(String, String, String)> {
    cable
        .mentions()
        .map(|(label, m)| {
            (
                label.to_string(),
                m.kind.label().to_string(),
                m.text.clone(),
            )
        })
        .collect()
}

/// The cable exported inline and parsed back (as the file `ID.txt` it would be saved as).
fn round_trip(cable: &Cable) -> Cable {
    let text = export::render(cable, Format::Inline);
    let name = format!("{}.txt", cable.id.as_deref().unwrap_or("x"));
    parse(&text, &name).expect("the inline export parses")
}

/// A tagger's mention as the reader keeps a bracketed one, whoever bracketed it: noise
/// (`Post` alone, a marking) dropped, edge punctuation (`ICC,`) and a sentence's period
/// (`the Scud-C.`) left outside.
fn as_inline_reads(text: &str) -> Option<String> {
    if cableview::cable::noise::is_noise(text) {
        return None;
    }
    let junk = |c: char| c.is_whitespace() || ",;:([\"“‘".contains(c);
    let mut text = text.trim_start_matches(junk);
    loop {
        let before = text.len();
        text = text.trim_end_matches(junk);
        let stem = text.strip_suffix('.').filter(|stem| {
            let last = stem.rsplit(' ').next().unwrap_or(stem);
            !last.contains('.') && last.chars().count() >= 2
        });
        text = stem.unwrap_or(text);
        if text.len() == before {
            break;
        }
    }
    (!text.is_empty()).then(|| text.to_string())
}

#[test]
fn the_sample_comes_back_with_the_same_mentions() {
    let sample = cableview::input::sample();
    let back = round_trip(&sample);
    assert_eq!(mentions(&back), mentions(&sample));
    let labels =
        |c: &Cable| -> Vec<String> { c.paragraphs.iter().map(|p| p.label.clone()).collect() };
    assert_eq!(labels(&back), labels(&sample));
    assert_eq!(back.id, sample.id);
    assert!(
        back.mentions()
            .all(|(_, m)| m.source == cableview::cable::MentionSource::Inline)
    );
}

#[test]
fn raw_pages_tagged_come_back_with_the_tagger_mentions() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/raw");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() > 10);
    let mut differ = Vec::new();
    for page in &pages {
        let cable = cableview::input::load(page).unwrap();
        assert!(cable.mention_count() > 0, "{}", page.display());
        let back = round_trip(&cable);
        let expected: Vec<_> = mentions(&cable)
            .into_iter()
            .filter_map(|(label, kind, text)| Some((label, kind, as_inline_reads(&text)?)))
            .collect();
        if mentions(&back) != expected {
            let (a, b) = (expected, mentions(&back));
            let first = a
                .iter()
                .zip(&b)
                .position(|(x, y)| x != y)
                .unwrap_or(a.len().min(b.len()));
            differ.push(format!(
                "{}: {} vs {} mentions, first difference {:?} / {:?}",
                page.display(),
                a.len(),
                b.len(),
                a.get(first),
                b.get(first)
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn literal_brackets_stay_text() {
    let cable = parse(
        "UNCLASSIFIED\n\nSUBJECT: TEST\n\n1. A source [SOURCE REMOVED] met [level of] \
         Jacques Chirac in Paris.\n",
        "10TEST1.txt",
    )
    .unwrap();
    let back = round_trip(&cable);
    assert_eq!(mentions(&back), mentions(&cable));
    let text = &back.paragraphs[0].text;
    assert!(
        text.contains("[SOURCE\u{a0}REMOVED]") || text.contains("[SOURCE REMOVED]"),
        "{text}"
    );
    assert!(text.contains("[level of]"), "{text}");
}

#[test]
fn csv_rows_tagged_come_back_with_the_tagger_mentions() {
    let csv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/release.csv");
    let loaded = cableview::input::load_paths(&[csv]);
    assert!(loaded.cables.len() > 5);
    // Kinds and texts in order; paragraphs are not compared here: a number the plain
    // reader leaves inside a paragraph (`... End Comment. 10. (U) This message`) gives
    // its mentions a label of their own that the annotated format cannot carry.
    let unlabelled = |all: Vec<(String, String, String)>| -> Vec<(String, String)> {
        all.into_iter()
            .map(|(_, kind, text)| (kind, text))
            .collect()
    };
    for (_, cable) in &loaded.cables {
        let expected: Vec<_> = mentions(cable)
            .into_iter()
            .filter_map(|(_, kind, text)| Some((kind, as_inline_reads(&text)?)))
            .collect();
        assert_eq!(
            unlabelled(mentions(&round_trip(cable))),
            expected,
            "{}",
            cable.title()
        );
    }
}
