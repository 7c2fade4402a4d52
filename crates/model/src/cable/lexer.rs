//! Splits one line of the annotated format into tokens: words, mentions, anchors, markup.
//!
//! The grammar is that of the tagger's output: tokens separated by single spaces, mentions
//! as `[LABEL tok tok  ]` (two spaces before the closing bracket), paragraph anchors as
//! `<a id='par3' href='#par3'>¶</a>3 .`, and other HTML tags left in by the page generator.

use super::next_match::{DOUBLE_SPACE, NextMatch};
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::{opt, recognize};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};
use scan::{is_plain_start, run_end, word_end};
use std::ops::Range;

mod scan;

/// One token of a source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// Plain text: one word, or a run of words separated by single spaces that each start
    /// with an ASCII letter or digit other than `n` (so none attaches to a neighbour, as
    /// `n't` does), maybe ending with a lone comma or period (`said ,`). Runs let the
    /// detokenizer copy most of a line at once.
    Word(&'a str),
    /// A tagged mention: its tokens (single-space separated) and its byte range in the
    /// line, brackets included.
    Mention {
        label: &'a str,
        body: &'a str,
        span: Range<usize>,
    },
    /// A paragraph anchor with its id (`3`, `B`, `1993`).
    Anchor(&'a str),
    /// Text of a link: kept as a word.
    LinkText(&'a str),
    /// Text of a TAGS link (`<a href='/tag/PTER_0.html'>PTER</a>`): a word, and a TAGS code.
    TagLink(&'a str),
}

/// `[LABEL tok tok  ]` at byte `at` of the line: the label, the tokens and the length of
/// the whole mention. Written over bytes rather than with combinators: every `[` of
/// every cable comes through here, and this is the parser's hottest path.
fn mention<'a>(
    line: &'a str,
    at: usize,
    spaces: &mut NextMatch<'_>,
) -> Option<(&'a str, &'a str, usize)> {
    let bytes = &line.as_bytes()[at..];
    if bytes.first() != Some(&b'[') {
        return None;
    }
    let label_len = bytes[1..]
        .iter()
        .take(7)
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    if !(2..=6).contains(&label_len) || bytes.get(1 + label_len) != Some(&b' ') {
        return None;
    }
    let body_start = at + label_len + 2;
    // The body is single-space separated tokens, so the first double space after it
    // starts is its close `  ]`, or there is no mention here.
    let close = spaces.first_from(body_start)?;
    let line_bytes = line.as_bytes();
    let closed = close > body_start
        && line_bytes[body_start] != b' '
        && line_bytes.get(close + 2) == Some(&b']');
    closed.then(|| {
        (
            &line[at + 1..at + 1 + label_len],
            &line[body_start..close],
            close + 3 - at,
        )
    })
}

/// `<a id='par3' href='#par3'>¶</a>3 .`: the anchor, its echoed label and the period.
fn anchor(input: &str) -> IResult<&str, &str> {
    let (rest, id) = delimited(
        tag("<a id='par"),
        take_while(|c: char| c.is_ascii_alphanumeric()),
        // Up to the next `>`, but never past a `<`: a line of `<a id='par1' ` with no
        // `>` would otherwise be searched to its end at every one.
        (tag("'"), take_while(|c| c != '>' && c != '<'), tag(">")),
    )
    .parse(input)?;
    let (rest, _) = (opt(tag("¶")), tag("</a>")).parse(rest)?;
    let (rest, _) = opt(tag(id)).parse(rest)?;
    let (rest, _) = opt(preceded(opt(char(' ')), char('.'))).parse(rest)?;
    Ok((rest, id))
}

/// `<a href='/tag/PTER_0.html'>PTER</a>`: a link, read as its attributes and its text.
fn link(input: &str) -> IResult<&str, (&str, &str)> {
    (
        delimited(tag("<a "), take_while(|c| c != '>' && c != '<'), char('>')),
        take_while(|c| c != '<'),
        tag("</a>"),
    )
        .map(|(attributes, text, _)| (attributes, text))
        .parse(input)
}

/// Any other HTML tag: `</td>`, `<br>`, `</pre>`. A lone `<` is not a tag.
fn markup(input: &str) -> IResult<&str, &str> {
    recognize((
        char('<'),
        opt(char('/')),
        take_while_m_n(1, usize::MAX, |c: char| c.is_ascii_alphabetic()),
        take_while(|c| c != '<' && c != '>'),
        char('>'),
    ))
    .parse(input)
}

/// Splits a line into tokens. Never fails: what matches no rule is a word.
#[cfg(test)]
pub(crate) fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokens_into(line, &mut out);
    out
}

/// Splits a line into tokens, into a buffer the caller reuses (cleared first).
pub(crate) fn tokens_into<'a>(line: &'a str, out: &mut Vec<Token<'a>>) {
    out.clear();
    let bytes = line.as_bytes();
    // Asked at every `[` from left to right: each byte of the line is searched once.
    let mut spaces = NextMatch::new(bytes, &DOUBLE_SPACE);
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b' ' | b'\t' => {
                at += 1;
                continue;
            }
            b'[' => {
                if let Some((label, body, len)) = mention(line, at, &mut spaces) {
                    out.push(Token::Mention {
                        label,
                        body,
                        span: at..at + len,
                    });
                    at += len;
                    continue;
                }
            }
            b'<' => {
                if let Some((after, token)) = tag_token(&line[at..]) {
                    out.extend(token);
                    at = line.len() - after.len();
                    continue;
                }
            }
            _ => {}
        }
        let end = if is_plain_start(bytes[at]) {
            run_end(line, at)
        } else {
            word_end(line, at)
        };
        out.push(Token::Word(&line[at..end]));
        at = end;
    }
}

/// An anchor, a link or other markup at a `<`; `None` if the `<` is text.
fn tag_token(input: &str) -> Option<(&str, Option<Token<'_>>)> {
    if let Ok((after, id)) = anchor(input) {
        return Some((after, Some(Token::Anchor(id))));
    }
    if let Ok((after, (attributes, text))) = link(input) {
        let text = text.trim();
        let token = if attributes.contains("/tag/") {
            Token::TagLink(text)
        } else {
            Token::LinkText(text)
        };
        return Some((after, (!text.is_empty()).then_some(token)));
    }
    markup(input).ok().map(|(after, _)| (after, None))
}

/// Whether the `<` that starts `rest` opens markup or an anchor (else it is text, as in `a < b`).
pub(super) fn starts_tag(rest: &str) -> bool {
    markup(rest).is_ok() || anchor(rest).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_need_the_exact_shape() {
        let t = tokens("in [LOC Paris  ] during");
        assert_eq!(
            t[1],
            Token::Mention {
                label: "LOC",
                body: "Paris",
                span: 3..16
            }
        );
        let t = tokens("[ORG Immigration and Customs Enforcement  ]");
        assert!(matches!(&t[0], Token::Mention { body, .. } if body.split(' ').count() == 4));
        for text in [
            "[level of]",
            "[SOURCE REMOVED]",
            "[XXXXXXXXXXXX",
            "[LOC Paris ]",
            "[L Paris  ]",
            "[LOCATION Paris  ]",
            "[loc Paris  ]",
            "[LOC  Paris  ]",
        ] {
            assert!(
                tokens(text).iter().all(|t| matches!(t, Token::Word(_))),
                "{text} should be plain words"
            );
        }
    }

    #[test]
    fn plain_words_join_into_runs() {
        let t = tokens("the French  government , not\tthe police (here) now");
        assert_eq!(
            t,
            vec![
                Token::Word("the French"),
                // The lone comma ends the run; `not` may attach (`n't`), so it starts anew.
                Token::Word("government ,"),
                Token::Word("not"),
                Token::Word("the police"),
                Token::Word("(here)"),
                Token::Word("now"),
            ]
        );
    }

    #[test]
    fn lone_commas_and_periods_end_runs() {
        assert_eq!(
            tokens("said , The end . Next ."),
            [
                Token::Word("said ,"),
                Token::Word("The end ."),
                Token::Word("Next .")
            ]
        );
        // Glued to a word or doubled, a comma or period is a word of its own; a lone one
        // before a tab or before an odd word still ends its run.
        assert_eq!(
            tokens("a .NET b ,, c .\td . (e"),
            [
                Token::Word("a"),
                Token::Word(".NET"),
                Token::Word("b"),
                Token::Word(",,"),
                Token::Word("c ."),
                Token::Word("d ."),
                Token::Word("(e"),
            ]
        );
    }

    #[test]
    fn literal_bracket_before_a_mention() {
        let t = tokens("While [ [MISC XXXXXXXXXXXX  ] , his");
        assert_eq!(t[1], Token::Word("["));
        assert!(matches!(&t[2], Token::Mention { label: "MISC", .. }));
        assert_eq!(t[3], Token::Word(","));
    }

    #[test]
    fn anchors_consume_their_label_and_period() {
        let t = tokens("the U.S. <a id='par4' href='#par4'>¶</a>4 . ");
        assert_eq!(t, vec![Token::Word("the U.S."), Token::Anchor("4")]);
        let t = tokens("city. <a id='parB' href='#parB'>¶</a>B . ");
        assert_eq!(t[1], Token::Anchor("B"));
    }

    #[test]
    fn links_keep_their_text_and_markup_disappears() {
        let t = tokens("TAGS: <a href='/tag/PTER_0.html'>PTER</a> <a href='/tag/FR_0.html'>FR</a>");
        assert_eq!(
            t,
            vec![
                Token::Word("TAGS:"),
                Token::TagLink("PTER"),
                Token::TagLink("FR")
            ]
        );
        let t = tokens("see <a href='http://example.org'>this page</a>");
        assert_eq!(t[1], Token::LinkText("this page"));
        let t = tokens("[ORG CROCKER  ] </td></tr> </table></pre></code>");
        assert_eq!(t.len(), 1);
        let t = tokens("CONFIDENTIAL ></pre></code>");
        assert_eq!(t, vec![Token::Word("CONFIDENTIAL"), Token::Word(">")]);
        let t = tokens("a < b <br>");
        assert_eq!(
            t,
            vec![Token::Word("a"), Token::Word("<"), Token::Word("b")]
        );
    }

    /// The mention at the start of `input` as first written: the first `  ]` closes it,
    /// and its body must be single-spaced.
    fn mention_by_search(input: &str) -> Option<(&str, &str, usize)> {
        let bytes = input.as_bytes();
        let label_len = bytes[1..]
            .iter()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        if !(2..=6).contains(&label_len) || bytes.get(1 + label_len) != Some(&b' ') {
            return None;
        }
        let start = label_len + 2;
        let len = memchr::memmem::find(&bytes[start..], b"  ]")?;
        let body = &input[start..start + len];
        let single = !body.is_empty()
            && !body.starts_with(' ')
            && !body.ends_with(' ')
            && !body.contains("  ");
        single.then(|| (&input[1..=label_len], body, start + len + 3))
    }

    #[test]
    fn mentions_are_found_as_by_searching_from_each_bracket() {
        let pieces = [
            "[LOC ", "[PER", " ", "  ", "]", "  ]", "a", "Paris", "[", "\t", "é",
        ];
        let mut seed: u64 = 11;
        for _ in 0..20_000 {
            let mut line = String::new();
            for _ in 0..(seed % 24) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                line.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let mut spaces = NextMatch::new(line.as_bytes(), &DOUBLE_SPACE);
            for (at, _) in line.match_indices('[') {
                assert_eq!(
                    mention(&line, at, &mut spaces),
                    mention_by_search(&line[at..]),
                    "{line:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn odd_bytes_never_stall() {
        for text in [
            "<",
            "<<<",
            "[",
            "[AB ",
            "[AB x  ",
            "<a id='par",
            "\u{2028}x\u{a0}y",
            "é<",
        ] {
            let _ = tokens(text);
        }
    }
}
