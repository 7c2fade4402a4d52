//! Section headings and page-break lines in a body as sent.
//!
//! Cables write headings on lines of their own: between rules (`=====` / `TITLE` /
//! `=====`), underlined (`Comment` / `-------`), with a rule run on (`COMMENT -------`),
//! in slashes (`//INTERNATIONAL CONTEXT//`), or in capitals standing apart between blank
//! lines. Each heads the text after it; left in the text it would read as the end of the
//! paragraph before. Rules alone and a classification line alone (a page break's banner)
//! are decoration: hidden from the reading text, kept in the layout.

use super::lines;
use crate::cable::marking;
use std::ops::Range;

/// A heading found in the layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Heading {
    /// The lines it takes, rules included: hidden from the paragraphs' text.
    pub lines: Range<usize>,
    /// Its words (no rules, no slashes).
    pub text: Range<usize>,
    /// Found only by its capitals and the blank lines around it (the weakest sign).
    pub in_capitals_apart: bool,
}

/// The most words a heading line has.
const MAX_WORDS: usize = 16;

/// A line of rule characters only (`-----`, `=====`, `--------- --`, `_____`).
pub(super) fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.bytes()
        .filter(|b| matches!(b, b'-' | b'=' | b'_'))
        .count()
        >= 3
        && t.bytes()
            .all(|b| matches!(b, b'-' | b'=' | b'_' | b' ' | b'\t'))
}

/// The headings of `layout[from..end]`. `paragraph_at` says whether a line (trimmed)
/// opens a numbered paragraph; `body_from` is where text after the header may start:
/// a heading in capitals standing apart counts only after it (the header's own lines
/// are in capitals too).
pub(super) fn find(
    layout: &str,
    from: usize,
    end: usize,
    body_from: usize,
    paragraph_at: impl Fn(&str) -> bool,
) -> Vec<Heading> {
    let all: Vec<(Range<usize>, &str)> = lines(&layout[..end])
        .filter(|(r, _)| r.end > from)
        .collect();
    // A page may end every line with a backslash (hidden from the text).
    let text = |i: usize| {
        all.get(i)
            .map_or("", |(_, l)| l.trim().trim_end_matches('\\').trim_end())
    };
    let blank = |i: Option<usize>| i.is_none_or(|i| text(i).is_empty());
    let rule = |i: Option<usize>| i.is_some_and(|i| i < all.len() && is_rule(text(i)));
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let (range, _) = &all[i];
        let t = text(i);
        let before = i.checked_sub(1);
        let words_at = |r: &Range<usize>, w: &str| {
            let at = r.start + line_offset(layout, r, w);
            at..at + w.len()
        };
        if t.is_empty() || is_rule(t) {
            i += 1;
            continue;
        }
        // `----- - TITLE ----- -`: ruled on one line (the rule may wrap its last dash).
        // `----- TITLE`, the page's marker after it hidden, is one too.
        let rule_chars: &[char] = &['-', '=', ' '];
        let inner = t.trim_matches(rule_chars).trim_start_matches(['-', ' ']);
        if t.len() - t.trim_start_matches(rule_chars).len() >= 3
            && (t.len() - t.trim_end_matches(rule_chars).len() >= 3 || in_capitals(inner))
            && heading_words(inner)
        {
            out.push(Heading {
                lines: range.clone(),
                text: words_at(range, inner),
                in_capitals_apart: false,
            });
            i += 1;
            continue;
        }
        if !heading_words(t) {
            i += 1;
            continue;
        }
        // A line run on from the one before is a sentence's end, not a heading.
        let stands = blank(before)
            || rule(before)
            || t.split_whitespace().count() <= 6
            || before.is_some_and(|b| text(b).ends_with(['.', '!', '?', '"', ':']));
        // `==== / TITLE / ====` and `TITLE / ----`.
        if stands && rule(Some(i + 1)) && !t.starts_with("XXXX") {
            let first = if rule(before) { i - 1 } else { i };
            out.push(Heading {
                lines: all[first].0.start..all[i + 1].0.end,
                text: words_at(range, t),
                in_capitals_apart: false,
            });
            i += 2;
            continue;
        }
        // `COMMENT -------`: a rule run on (`----- ---` where it wrapped).
        let stem = t.trim_end_matches(['-', '=', ' ']);
        if stands && rule_chars_in(&t[stem.len()..]) >= 3 && !stem.is_empty() && heading_words(stem)
        {
            out.push(Heading {
                lines: range.clone(),
                text: words_at(range, stem),
                in_capitals_apart: false,
            });
            i += 1;
            continue;
        }
        // `-----` / `TITLE ON` / `TWO LINES` / `-----`.
        if rule(before)
            && rule(Some(i + 2))
            && !rule(Some(i + 1))
            && heading_words(&format!("{t} {}", text(i + 1)))
        {
            let second = &all[i + 1];
            let last = text(i + 1);
            out.push(Heading {
                lines: all[i - 1].0.start..all[i + 2].0.end,
                text: words_at(range, t).start..words_at(&second.0, last).end,
                in_capitals_apart: false,
            });
            i += 3;
            continue;
        }
        // `-----` / `TITLE` / blank: ruled above only.
        if rule(before) && blank(Some(i + 1)) && in_capitals(t) && !is_noise(t) {
            out.push(Heading {
                lines: all[i - 1].0.start..range.end,
                text: words_at(range, t),
                in_capitals_apart: false,
            });
            i += 1;
            continue;
        }
        // `//TITLE//`.
        if let Some(inner) = t.strip_prefix("//").and_then(|s| s.strip_suffix("//"))
            && !inner.trim().is_empty()
        {
            out.push(Heading {
                lines: range.clone(),
                text: words_at(range, inner.trim()),
                in_capitals_apart: false,
            });
            i += 1;
            continue;
        }
        // Capitals standing apart, before a blank line or a paragraph.
        let apart = blank(before) && (blank(Some(i + 1)) || paragraph_at(text(i + 1)));
        if apart && range.start >= body_from && in_capitals(t) && !is_noise(t) {
            out.push(Heading {
                lines: range.clone(),
                text: words_at(range, t),
                in_capitals_apart: true,
            });
        }
        i += 1;
    }
    out
}

/// Where `word` (a slice of the trimmed line) starts in the line at `range`.
fn line_offset(layout: &str, range: &Range<usize>, word: &str) -> usize {
    let line = &layout[range.clone()];
    // `word` borrows from the line, so the offset is the pointer difference.
    (word.as_ptr() as usize).saturating_sub(line.as_ptr() as usize)
}

/// How many rule characters (`-`, `=`) a text holds: a rule has three at least (`--` is
/// a dash).
fn rule_chars_in(text: &str) -> usize {
    text.bytes().filter(|b| matches!(b, b'-' | b'=')).count()
}

/// Few enough words for a heading, and not a sentence or a list item.
fn heading_words(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (1..=MAX_WORDS).contains(&words)
        && t.chars().any(char::is_alphabetic)
        && !t.ends_with(['.', ',', ';'])
        && !t.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '-')
        // A lettered item: `A. (U) PRESIDENT CALDERON`.
        && !(t.as_bytes().get(1) == Some(&b'.') && t.as_bytes().get(2) == Some(&b' '))
}

/// Capital letters only, and four of them at least.
fn in_capitals(t: &str) -> bool {
    !t.chars().any(char::is_lowercase) && t.chars().filter(char::is_ascii_alphabetic).count() >= 4
}

/// Lines in capitals that are no headings: markings, caveats, header keywords, text marks.
fn is_noise(t: &str) -> bool {
    let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    const NOISE: [&str; 22] = [
        "UNCLAS",
        "CONFIDENTIAL",
        "SECRET",
        "SIPDIS",
        "NOFORN",
        "SENSITIVE",
        "LIMITED",
        "FOROFFICIAL",
        "ENDSUMMARY",
        "ENDTEXT",
        "BEGINTEXT",
        "ENDQUOTE",
        "BEGINQUOTE",
        "QUOTE",
        "UNQUOTE",
        "NNNN",
        "END",
        "E.O",
        "TAGS",
        "SUBJ",
        "REF",
        "XXXX",
    ];
    NOISE.iter().any(|w| squeezed.starts_with(w))
        || squeezed.contains("SECTION")
        || squeezed.contains("CLASSIFIED")
        || marking::classification(t).is_ok()
}

/// Lines that are decoration only: rules, and a classification alone on its line after
/// the header (a page break's banner, `CONFIDENTIAL`), hidden from the reading text.
pub(super) fn decoration(layout: &str, from: usize, end: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (range, line) in lines(&layout[..end]).filter(|(r, _)| r.start >= from) {
        let t = line.trim().trim_end_matches('\\').trim_end();
        let banner = marking::classification(t)
            .is_ok_and(|(rest, _)| rest.trim().is_empty() || rest.trim() == "//");
        if is_rule(t) || banner {
            out.push(range);
            continue;
        }
        // `... positive. -------`: the rule over a heading, wrapped to the line before.
        let stem = t.trim_end_matches(['-', '=', ' ']);
        // (Not a heading ruled on its line: `---- THE OPPOSITION... ----`.)
        if rule_chars_in(&t[stem.len()..]) >= 3
            && stem.ends_with(['.', '!', '?', '"'])
            && !stem.contains("---")
        {
            let at = range.start + line.find(t).unwrap_or(0) + stem.len();
            out.push(at..range.start + line.trim_end().len());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(layout: &str, body_from: usize) -> Vec<&str> {
        find(layout, 0, layout.len(), body_from, |l| l.starts_with("2."))
            .into_iter()
            .map(|h| &layout[h.text])
            .collect()
    }

    #[test]
    fn the_heading_shapes_of_real_cables() {
        // 05MADRID1317, 03THEHAGUE2843, 03BRASILIA1321, 04MADRID4827.
        let layout = "--------------------------------------------- - Lula Skips Television Debate, But Is Its Focus --------------------------------------------- -\nText\nXXXXXXXXXXXX\n========================= \nU.S.-SPAIN RELATIONS \n========================= \n2. (C) On\n\nNew Foreign Minister, Same Foreign Policy\n-----------------------------------------\nText.\nCOMMENT ----------------- \n\n//MAKING THE BEST OF A BAD SITUATION//\nText.\n\nBACKGROUND\n\nText.";
        assert_eq!(
            texts(layout, 0),
            [
                "Lula Skips Television Debate, But Is Its Focus",
                "U.S.-SPAIN RELATIONS",
                "New Foreign Minister, Same Foreign Policy",
                "COMMENT",
                "MAKING THE BEST OF A BAD SITUATION",
                "BACKGROUND"
            ]
        );
        let rules = find(layout, 0, layout.len(), 0, |_| false);
        assert_eq!(
            &layout[rules[1].lines.clone()],
            "========================= \nU.S.-SPAIN RELATIONS \n========================= "
        );
        // In the header, capitals apart are its own lines.
        assert_eq!(
            texts("USTR FOR SCRONIN, KLEZNY\n\nText", 100),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn not_headings() {
        let layout = "\nSIPDIS\n\nEND SUMMARY\n\nThe minister said.\n\nC O N F I D E N T I A L\n\n1.4 (B) AND (D)\n";
        assert_eq!(texts(layout, 0), Vec::<&str>::new());
        let hidden = decoration(layout, 0, layout.len());
        assert_eq!(hidden.len(), 1);
        assert_eq!(&layout[hidden[0].clone()], "C O N F I D E N T I A L");
    }
}
