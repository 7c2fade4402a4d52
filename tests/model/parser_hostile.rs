//! Hostile lines for the parser: brackets that never close, on lines of megabytes, parse
//! in time linear in the input (searching anew for a close at every `[` took minutes).

use crate::hostile;
use cableview::cable::parse;

/// A cable whose first paragraph is `body`, on one line.
fn cable_with(body: &str) -> String {
    format!("SECRET\nSUBJECT: T\n\n1. (S) {body}\n")
}

#[test]
fn a_megabyte_of_unclosed_mentions_parses_in_time() {
    // The probe's repro: 2 MB of `[PER a ` and no `  ]` anywhere.
    let text = cable_with(&"[PER a ".repeat(300_000));
    let cable = hostile::within("parsing 2 MB of `[PER a `", move || {
        parse(&text, "09PARIS7778.txt").expect("a cable")
    });
    assert_eq!(cable.mention_count(), 0);
    let words = cable
        .paragraphs
        .iter()
        .map(|p| p.text.matches("PER").count());
    assert_eq!(
        words.sum::<usize>(),
        300_000,
        "every unclosed mention is kept as text"
    );
}

#[test]
fn a_long_paragraph_of_brackets_and_closes_parses_in_time() {
    // Words with `[LOC` and `]` but never the two spaces a close needs, then one real
    // mention at the end, whose close every `[LOC` before it would have found.
    let mut body = "the [LOC word ] and [PER x  y ] ".repeat(100_000);
    body.push_str("[LOC Paris  ]");
    let cable = hostile::within("parsing a 3 MB paragraph of brackets", move || {
        parse(&cable_with(&body), "09PARIS7779.txt").expect("a cable")
    });
    let mentions: Vec<_> = cable.mentions().map(|(_, m)| m.text.clone()).collect();
    assert_eq!(mentions, ["Paris"]);
}

#[test]
fn a_line_of_unclosed_anchors_parses_in_time() {
    // `<a id='par1' ` with no `>` after it: each one used to be searched to the line's end.
    let text = cable_with(&"<a id='par1' x ".repeat(300_000));
    let cable = hostile::within("parsing 4 MB of unclosed anchors", move || {
        parse(&text, "09PARIS7780.txt").expect("a cable")
    });
    assert_eq!(cable.mention_count(), 0);
}
