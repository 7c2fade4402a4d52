//! Splits one line of the annotated format into tokens: words, mentions, anchors, markup.
//!
//! The grammar is that of the tagger's output: tokens separated by single spaces, mentions
//! as `[LABEL tok tok  ]` (two spaces before the closing bracket), paragraph anchors as
//! `<a id='par3' href='#par3'>¶</a>3 .`, and other HTML tags left in by the page generator.

use nom::bytes::complete::{tag, take_until, take_while, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::{opt, recognize};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};
use std::ops::Range;

/// One token of a source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// A plain token of text.
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
    /// Text of a link (TAGS codes): kept as a word.
    LinkText(&'a str),
}

/// `[LABEL tok tok  ]`: returns the label and the tokens.
fn mention(input: &str) -> IResult<&str, (&str, &str)> {
    let (rest, label) = delimited(
        char('['),
        take_while_m_n(2, 6, |c: char| c.is_ascii_uppercase()),
        char(' '),
    )
    .parse(input)?;
    // The body runs to the first "  ]"; it must be single-space separated tokens.
    let (rest, body) = until_close(rest)?;
    if body.is_empty() || body.starts_with(' ') || body.ends_with(' ') || body.contains("  ") {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, (label, body)))
}

/// The text up to the first `  ]` (two spaces and a bracket), and the rest after it.
/// A byte search for `]` is much cheaper here than a general substring search.
fn until_close(input: &str) -> IResult<&str, &str> {
    let bytes = input.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes[from..].iter().position(|&b| b == b']') {
        let at = from + offset;
        if at >= 2 && bytes[at - 2] == b' ' && bytes[at - 1] == b' ' {
            return Ok((&input[at + 1..], &input[..at - 2]));
        }
        from = at + 1;
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::TakeUntil,
    )))
}

/// `<a id='par3' href='#par3'>¶</a>3 .`: the anchor, its echoed label and the period.
fn anchor(input: &str) -> IResult<&str, &str> {
    let (rest, id) = delimited(
        tag("<a id='par"),
        take_while(|c: char| c.is_ascii_alphanumeric()),
        (tag("'"), take_until(">"), tag(">")),
    )
    .parse(input)?;
    let (rest, _) = (opt(tag("¶")), tag("</a>")).parse(rest)?;
    let (rest, _) = opt(tag(id)).parse(rest)?;
    let (rest, _) = opt(preceded(opt(char(' ')), char('.'))).parse(rest)?;
    Ok((rest, id))
}

/// `<a href='/tag/PTER_0.html'>PTER</a>`: a link, read as its text.
fn link(input: &str) -> IResult<&str, &str> {
    delimited(
        (tag("<a "), take_while(|c| c != '>' && c != '<'), char('>')),
        take_while(|c| c != '<'),
        tag("</a>"),
    )
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
    let mut at = 0;
    while at < bytes.len() {
        let rest = &line[at..];
        match bytes[at] {
            b' ' | b'\t' => {
                at += 1;
                continue;
            }
            b'[' => {
                if let Ok((after, (label, body))) = mention(rest) {
                    let end = line.len() - after.len();
                    out.push(Token::Mention {
                        label,
                        body,
                        span: at..end,
                    });
                    at = end;
                    continue;
                }
            }
            b'<' => {
                if let Some((after, token)) = tag_token(rest) {
                    out.extend(token);
                    at = line.len() - after.len();
                    continue;
                }
            }
            _ => {}
        }
        let end = word_end(rest);
        out.push(Token::Word(&rest[..end]));
        at += end;
    }
}

/// An anchor, a link or other markup at a `<`; `None` if the `<` is text.
fn tag_token(input: &str) -> Option<(&str, Option<Token<'_>>)> {
    if let Ok((after, id)) = anchor(input) {
        return Some((after, Some(Token::Anchor(id))));
    }
    if let Ok((after, text)) = link(input) {
        let text = text.trim();
        return Some((after, (!text.is_empty()).then_some(Token::LinkText(text))));
    }
    markup(input).ok().map(|(after, _)| (after, None))
}

/// A word runs to the next space or tab, or to a tag glued onto it (`PTER</a>`).
fn word_end(input: &str) -> usize {
    let bytes = input.as_bytes();
    // The first character always belongs to the word, so the lexer always advances.
    let mut i = 1;
    while i < bytes.len() && !input.is_char_boundary(i) {
        i += 1;
    }
    while let Some(offset) = bytes[i..]
        .iter()
        .position(|b| matches!(b, b' ' | b'\t' | b'<'))
    {
        let at = i + offset;
        if bytes[at] != b'<' || markup(&input[at..]).is_ok() || anchor(&input[at..]).is_ok() {
            return at;
        }
        i = at + 1;
    }
    input.len()
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
    fn literal_bracket_before_a_mention() {
        let t = tokens("While [ [MISC XXXXXXXXXXXX  ] , his");
        assert_eq!(t[1], Token::Word("["));
        assert!(matches!(&t[2], Token::Mention { label: "MISC", .. }));
        assert_eq!(t[3], Token::Word(","));
    }

    #[test]
    fn anchors_consume_their_label_and_period() {
        let t = tokens("the U.S. <a id='par4' href='#par4'>¶</a>4 . ");
        assert_eq!(
            t,
            vec![Token::Word("the"), Token::Word("U.S."), Token::Anchor("4")]
        );
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
                Token::LinkText("PTER"),
                Token::LinkText("FR")
            ]
        );
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
