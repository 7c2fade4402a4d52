//! The release's metadata block (`id: ... refid: ... classification: ... header ends`)
//! read for the ID, classification, date, origin and REFs, whatever the input kind: an
//! annotated file, a plain text, a page. The fixtures in tests/fixtures/extract are real:
//! 04BOGOTA2313's page body put through the annotated format's pipeline (one sentence a
//! line), and 09QUITO103's body in the release's CSV from its metadata block on.

use cableview::cable::{Cable, Classification, parse_bytes};
use std::path::Path;

fn fixture(path: &str) -> Vec<u8> {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    std::fs::read(full).unwrap()
}

fn refs(cable: &Cable) -> Vec<&str> {
    cable
        .header
        .references
        .iter()
        .map(|r| r.text.as_str())
        .collect()
}

#[test]
fn an_annotated_partial_extract_has_its_metadata() {
    let cable = parse_bytes(
        &fixture("extract/04BOGOTA2313-partial.txt"),
        "04BOGOTA2313-partial.txt",
    )
    .unwrap();
    assert_eq!(cable.id.as_deref(), Some("04BOGOTA2313"));
    assert_eq!(cable.header.classification, Some(Classification::Secret));
    assert_eq!(cable.header.created.as_deref(), Some("2004-03-02 22:05"));
    assert_eq!(cable.header.origin.as_deref(), Some("Embassy Bogota"));
    assert_eq!(cable.header.tags[..3], ["KCRM", "PHUM", "SNAR"]);
    assert!(refs(&cable).is_empty(), "{:?}", refs(&cable));
    assert!(cable.paragraphs.len() >= 9, "{}", cable.paragraphs.len());
}

#[test]
fn a_plain_partial_extract_has_its_metadata_and_refs() {
    let bytes = fixture("extract/09QUITO103-extract.txt");
    let cable = parse_bytes(&bytes, "extract.txt").unwrap();
    assert_eq!(cable.id.as_deref(), Some("09QUITO103"));
    assert_eq!(cable.header.classification, Some(Classification::Secret));
    assert!(cable.header.caveats.contains(&"NOFORN".to_string()));
    assert_eq!(cable.header.created.as_deref(), Some("2009-02-10 23:25"));
    assert_eq!(cable.header.origin.as_deref(), Some("Embassy Quito"));
    // The body's own REF line names the block's `destination:` already: once only.
    assert_eq!(refs(&cable), ["QUITO 100"]);
    // Without it, the block's is the REF.
    let text = String::from_utf8(bytes)
        .unwrap()
        .replace("REF: QUITO 100", "");
    let cable = parse_bytes(text.as_bytes(), "extract.txt").unwrap();
    assert_eq!(refs(&cable), ["09QUITO100"]);
}

#[test]
fn a_page_in_the_extract_form_keeps_its_table_as_the_authority() {
    let cable = parse_bytes(&fixture("raw-more/04BOGOTA2313.html"), "04BOGOTA2313.html").unwrap();
    assert_eq!(cable.id.as_deref(), Some("04BOGOTA2313"));
    assert_eq!(cable.header.classification, Some(Classification::Secret));
    // The table says 22:10, the block 22:05: the table wins.
    assert_eq!(cable.header.created.as_deref(), Some("2004-03-02 22:10"));
    assert_eq!(cable.header.origin.as_deref(), Some("Embassy Bogota"));
    let quito = parse_bytes(&fixture("raw-more/08QUITO221.html"), "08QUITO221.html").unwrap();
    // `destination: 08QUITO219` and the body's `REF: QUITO 219` are one cable.
    assert_eq!(refs(&quito), ["QUITO 219"]);
}

#[test]
fn words_of_a_block_in_prose_are_not_one() {
    let text = "UNCLASSIFIED\n\n1. (U) The database has fields refid: and date: for each cable.\n";
    let cable = parse_bytes(text.as_bytes(), "prose.txt").unwrap();
    assert_eq!(cable.id, None);
    assert_eq!(cable.header.created, None);
}
