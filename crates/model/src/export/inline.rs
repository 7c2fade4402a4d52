//! The seed's own annotated format (`[PER Jacques Chirac  ]`), which cableview reads back
//! to the same mentions: any cable (a raw page, a CSV row, a side file's) as one the
//! original tagger could have written.
//!
//! Layout: `<code><pre>`, the header on one line, then for each paragraph its anchor
//! (`<a id='par3' href='#par3'>¶</a>3 .`) at the end of the line before and its marking
//! and text on a line of its own; a heading stands between dashed rules before its
//! paragraph's anchor; the signature on the last line, then `</pre></code>`. Every line
//! ends with a space, as the tagger's do. White space runs are written as one space.
//!
//! Brackets: the format has no escape. A `[` of the text that would open a mention (a
//! `[`, two to six capitals and a space, as in `[SOURCE REMOVED]`) is written with a
//! no-break space after the capitals instead, so it stays text and looks the same.

use crate::cable::{Cable, Mention};

/// The dashes around a heading, as the pages have them.
const RULE: &str = "---------------------------------";

/// One cable in the annotated format.
#[must_use]
pub fn inline(cable: &Cable) -> String {
    let mut out = String::from("<code><pre>");
    out.push_str(&annotated(&cable.header.text, &cable.header.mentions));
    for paragraph in &cable.paragraphs {
        if let Some(heading) = &paragraph.heading {
            let heading = annotated(heading, &paragraph.heading_mentions);
            push_word(&mut out, RULE);
            push_word(&mut out, &heading);
            push_word(&mut out, RULE);
        }
        let label = &paragraph.label;
        push_word(
            &mut out,
            &format!("<a id='par{label}' href='#par{label}'>¶</a>{label} ."),
        );
        out.push_str(" \n");
        if let Some(marking) = &paragraph.marking {
            out.push_str(&format!("( {marking} ) "));
        }
        out.push_str(&annotated(&paragraph.text, &paragraph.mentions));
    }
    out.push_str(" \n");
    if let Some(signature) = &cable.signature {
        out.push_str(&plain(signature));
    }
    out.push_str("</pre></code> \n");
    out
}

/// Appends a word after a space, unless `out` is empty or already ends with one.
fn push_word(out: &mut String, word: &str) {
    if !(out.is_empty() || out.ends_with([' ', '\n', '>'])) {
        out.push(' ');
    }
    out.push_str(word);
}

/// `text` with its mentions bracketed, each with a space on both sides (the reader's
/// detokenizer joins punctuation back on), white space runs made single spaces.
fn annotated(text: &str, mentions: &[Mention]) -> String {
    let mut out = String::with_capacity(text.len() + mentions.len() * 12);
    let mut at = 0;
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| m.bytes.start);
    for mention in sorted {
        let Some(inside) = text.get(mention.bytes.clone()) else {
            continue;
        };
        if mention.bytes.start < at || inside.trim().is_empty() {
            // Overlapping mentions cannot both be bracketed; the first is kept.
            continue;
        }
        push_word(&mut out, plain(&text[at..mention.bytes.start]).trim());
        let body = plain(inside);
        push_word(
            &mut out,
            &format!("[{} {}  ]", mention.kind.label(), body.trim()),
        );
        at = mention.bytes.end;
    }
    push_word(&mut out, plain(&text[at..]).trim());
    out.trim_end().to_string()
}

/// Text as single-space-separated words, a `[` that would open a mention defused.
fn plain(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words.join(" ");
    let mut from = 0;
    while let Some(found) = out[from..].find('[') {
        let at = from + found;
        let capitals = out[at + 1..]
            .bytes()
            .take(7)
            .take_while(u8::is_ascii_uppercase)
            .count();
        let after = at + 1 + capitals;
        if (2..=6).contains(&capitals) && out.as_bytes().get(after) == Some(&b' ') {
            out.replace_range(after..after + 1, "\u{a0}");
        }
        from = at + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracket_that_would_open_a_mention_is_defused() {
        assert_eq!(plain("a [SOURCE REMOVED] b"), "a [SOURCE\u{a0}REMOVED] b");
        assert_eq!(plain("[level of]  x\n y"), "[level of] x y");
        assert_eq!(plain("[A b] [ABCDEFG x]"), "[A b] [ABCDEFG x]");
    }
}
