//! Detokenizing tests: punctuation joined back, spans kept on their mentions.

use super::*;
use crate::cable::lexer::tokens;

fn clean(lines: &[&str]) -> Block {
    let mut d = Detokenizer::default();
    for line in lines {
        d.push_line(&tokens(line), may_hold_separators(line));
    }
    d.take()
}

fn spans(block: &Block) -> Vec<&str> {
    block
        .spans
        .iter()
        .map(|s| &block.text[s.bytes.clone()])
        .collect()
}

#[test]
fn punctuation_rejoins_its_words() {
    assert_eq!(clean(&["[LOC Paris  ] , the"]).text, "Paris, the");
    assert_eq!(
        clean(&["He said , in Paris . Then U.S . aid , 1,000 , came ."]).text,
        "He said, in Paris. Then U.S. aid, 1,000, came."
    );
    assert_eq!(clean(&["State 's office"]).text, "State's office");
    assert_eq!(clean(&["( [ORG ICE  ] )"]).text, "(ICE)");
    assert_eq!(
        clean(&["charged with \" terrorist conspiracy , \" which"]).text,
        "charged with \"terrorist conspiracy,\" which"
    );
    assert_eq!(
        clean(&["1 ) one ; and 2 ) two ."]).text,
        "1) one; and 2) two."
    );
    assert_eq!(clean(&["it does n't"]).text, "it doesn't");
    assert_eq!(
        clean(&["the prince ’s palace , they ’re"]).text,
        "the prince’s palace, they’re"
    );
    assert_eq!(clean(&["“ fixer ” in"]).text, "“fixer” in");
    assert_eq!(clean(&["first .", "Second ."]).text, "first. Second.");
}

#[test]
fn mention_spans_follow_the_clean_text() {
    let b = clean(&[
        "( [ORG S  ] ) in [LOC Paris  ] , the [ORG Immigration and Customs Enforcement  ] ( [ORG ICE  ] )",
    ]);
    // A marking tagged as an entity is noise, kept as text.
    assert_eq!(
        spans(&b),
        ["Paris", "Immigration and Customs Enforcement", "ICE"]
    );
}

#[test]
fn sentence_period_leaves_the_mention_but_not_the_text() {
    let b = clean(&["to designate [ORG Hamas.  ] and the [LOC U.S.  ] too"]);
    assert_eq!(b.text, "to designate Hamas. and the U.S. too");
    assert_eq!(spans(&b), ["Hamas", "U.S."]);
}

#[test]
fn keyword_mentions_are_text() {
    let b = clean(&["E.O. 12958: [LOC DECL:  ] 04/06/2014"]);
    assert_eq!(b.text, "E.O. 12958: DECL: 04/06/2014");
    assert!(b.spans.is_empty());
}

#[test]
fn adjacent_mentions_stay_apart() {
    let b = clean(&["[ORG Health and Human Services  ] [PER Tommy Thompson  ] led"]);
    assert_eq!(spans(&b), ["Health and Human Services", "Tommy Thompson"]);
}

#[test]
fn slicing_clips_spans() {
    let b = clean(&["( [ORG U ) Post  ] encloses"]);
    assert_eq!(b.text, "(U) Post encloses");
    let rest = b.slice(4..b.text.len());
    assert_eq!(spans(&rest), ["Post"]);
}

#[test]
fn mentions_count_unicode_scalars() {
    let b = clean(&["café [LOC Paris  ] ¶"]);
    let m = &b.mentions()[0];
    assert_eq!((m.start, m.end), (5, 10));
    let chars: String = b.text.chars().skip(m.start).take(m.end - m.start).collect();
    assert_eq!(chars, m.text);
}
