//! Where a field's value ends, and what the transmission put inside it.
//!
//! A value ends at a blank line, a paragraph start (`1. (C)`, `(SBU) The`, `1)`) or a
//! dashed rule; the next keyword has already bounded it. Teletype page markers
//! (`PAGE 02 ROME 01234 211833Z`, `GENEVA 00001234 001.2 OF 004`), the classification
//! repeated at a page break and line-end backslashes are cut out of it: the value goes on
//! after them only if what follows does not end it.

use super::references;
use super::scan::Field;
use crate::cable::marking;

/// A line of a value, or what stood between two lines.
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    Text(String),
    /// A line with nothing on it: it ends a value.
    Blank,
    /// A page marker or banner cut out: the line ends here, the value may go on.
    Break,
}

/// The value of `field` in `region` (from its keyword's value to the next keyword), its
/// lines joined by single spaces. `origin` is the sending post, to tell a page marker's
/// origin words (`NEW DELHI 00007273 001.2 OF 003`) from the text before them.
pub(super) fn extent(region: &str, field: Field, origin: Option<&str>) -> String {
    let pieces = pieces(region, origin);
    let mut out = String::new();
    let mut i = 0;
    while let Some(piece) = pieces.get(i) {
        i += 1;
        let text = match piece {
            Piece::Break => continue,
            Piece::Blank if out.is_empty() => continue,
            Piece::Blank => {
                let next = pieces[i..].iter().find(|p| **p != Piece::Blank);
                let goes_on = field == Field::References
                    && matches!(next, Some(Piece::Text(t)) if references::continues(&out, t)
                        || (references::unfinished(&out, t)
                            && !ends_value_at_line_start(t, field, &out)));
                if goes_on {
                    continue;
                }
                break;
            }
            Piece::Text(text) => text,
        };
        if !out.is_empty() {
            if ends_value_at_line_start(text, field, &out) {
                break;
            }
            if field == Field::Tags && !tags_go_on(&out, text) {
                break;
            }
        }
        let cut = inline_end(text, !out.is_empty());
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(text[..cut].trim_end());
        if cut < text.len() {
            break;
        }
    }
    out
}

/// The region cut into lines, each without its noise.
fn pieces(region: &str, origin: Option<&str>) -> Vec<Piece> {
    let mut out = Vec::new();
    for line in region.split('\n') {
        let words: Vec<&str> = line
            .split_whitespace()
            .filter(|w| !w.bytes().all(|b| b == b'\\'))
            .collect();
        // A line of dots is where a page cut the text short.
        if words.is_empty() || words.iter().all(|w| w.bytes().all(|b| b == b'.')) {
            out.push(Piece::Blank);
            continue;
        }
        if is_banner(&words) {
            out.push(Piece::Break);
            continue;
        }
        let mut start = 0;
        while let Some(marker) = find_marker(&words[start..], origin) {
            let (from, to) = (start + marker.start, start + marker.end);
            if from > start {
                out.push(Piece::Text(words[start..from].join(" ")));
            }
            out.push(Piece::Break);
            start = to;
        }
        if start < words.len() {
            out.push(Piece::Text(words[start..].join(" ")));
        }
    }
    out
}

/// A line that is only a classification: `CONFIDENTIAL`, `S E C R E T`, `SECRET//NOFORN`.
fn is_banner(words: &[&str]) -> bool {
    // At most `U N C L A S S I F I E D//FOUO`; every level starts with one of these.
    let could_be = words.len() <= 12
        && words[0]
            .bytes()
            .next()
            .is_some_and(|b| matches!(b.to_ascii_uppercase(), b'C' | b'S' | b'T' | b'U'));
    could_be && {
        let line = words.join(" ");
        marking::classification(&line).is_ok_and(|(rest, _)| rest.trim().is_empty())
    }
}

/// A page marker among `words`, as a range of word indices.
fn find_marker(words: &[&str], origin: Option<&str>) -> Option<std::ops::Range<usize>> {
    (0..words.len())
        .find_map(|i| teletype_marker(words, i).or_else(|| page_marker(words, i, origin)))
}

/// `PAGE 02 HARARE 06677 01 OF 03 291400Z` at word `i`, with the banner before it.
fn teletype_marker(words: &[&str], i: usize) -> Option<std::ops::Range<usize>> {
    if words[i] != "PAGE" || !words.get(i + 1).is_some_and(|w| all_digits(w)) {
        return None;
    }
    let dtg = (i + 2..words.len().min(i + 10)).find(|&j| is_dtg(words[j]))?;
    let banner = i > 0 && is_banner(&words[i - 1..i]);
    Some(i - usize::from(banner)..dtg + 1)
}

/// `NEW DELHI 00007273 001.2 OF 003` with the serial at word `i`: the origin's words
/// before it (as many as the header's origin has, else one), the serial, the page.
fn page_marker(words: &[&str], i: usize, origin: Option<&str>) -> Option<std::ops::Range<usize>> {
    let serial = words[i];
    if serial.len() != 8 {
        return None;
    }
    let page = words.get(i + 1)?;
    let (page_number, part) = page.split_once('.').unwrap_or((page, "0"));
    let is_marker = serial.len() == 8
        && all_digits(serial)
        && page_number.len() == 3
        && all_digits(page_number)
        && all_digits(part)
        && words
            .get(i + 2)
            .is_some_and(|w| w.eq_ignore_ascii_case("OF"))
        && words.get(i + 3).is_some_and(|w| all_digits(w));
    if !is_marker {
        return None;
    }
    let origin_words: Vec<&str> = origin
        .map(|o| o.split_whitespace().collect())
        .unwrap_or_default();
    let matches_origin = |n: usize| {
        n > 0
            && n <= i
            && words[i - n..i]
                .iter()
                .zip(&origin_words[origin_words.len() - n..])
                .all(|(word, origin)| {
                    origin.len() >= word.len()
                        && origin.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
                })
    };
    let before = (1..=origin_words.len())
        .rev()
        .find(|&n| matches_origin(n))
        .unwrap_or_else(|| usize::from(i > 0 && words[i - 1].chars().all(char::is_alphabetic)));
    Some(i - before..i + 4)
}

fn all_digits(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// A date-time group: six digits and `Z` (`121758Z`).
fn is_dtg(word: &str) -> bool {
    word.len() == 7 && word.ends_with('Z') && all_digits(&word[..6])
}

/// Whether a line that follows a value's first line opens something else: a numbered
/// paragraph (`1.`, `1)`, `2.(C)`), a portion marking (`(SBU) The`), a dashed rule. In a
/// REF list, the next item's label (`(C)`, `C. (C)`, `¶C.`) is not a marking.
fn ends_value_at_line_start(line: &str, field: Field, so_far: &str) -> bool {
    if field == Field::References && references::continues(so_far, line) {
        return false;
    }
    if number_label(line).is_some() || line.starts_with("---") || line.starts_with('¶') {
        return true;
    }
    // A lettered paragraph: `A. (U) POST: The Hague.`
    let bytes = line.as_bytes();
    if bytes.len() > 3
        && bytes[0].is_ascii_uppercase()
        && bytes[1] == b'.'
        && marking::starts_with_portion_marking(line[2..].trim_start())
    {
        return true;
    }
    marking::starts_with_portion_marking(line)
}

/// `12.` or `12)` opening a paragraph: the number's length. `1.4` is not one.
pub(super) fn number_label(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let after = &text.as_bytes()[digits..];
    let opens = match after {
        [b'.' | b')'] => true,
        [b'.' | b')', next, ..] => {
            next.is_ascii_whitespace() || *next == b'(' || next.is_ascii_uppercase()
        }
        _ => false,
    };
    opens.then_some(digits)
}

/// Where a paragraph or a rule starts inside a line: `1. (C)`, `1.(C)`, `(C) 1.`, `-----`.
/// `from_start` lets it be at the very start.
fn inline_end(text: &str, from_start: bool) -> usize {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let word_start = if i == 0 {
            from_start
        } else {
            bytes[i - 1] == b' '
        };
        if !word_start {
            continue;
        }
        let rest = &text[i..];
        let ends = match b {
            b'0'..=b'9' => number_label(rest).is_some_and(|len| {
                let after = rest[len + 1..].trim_start();
                rest.as_bytes()[len] == b'.' && marking::starts_with_portion_marking(after)
            }),
            b'(' => marking::portion_marking(rest).is_ok_and(|(after, _)| {
                number_label(after).is_some_and(|len| after.as_bytes()[len] == b'.')
            }),
            b'-' => rest.starts_with("---"),
            _ => false,
        };
        if ends {
            return i;
        }
    }
    text.len()
}

/// A TAGS line goes on to the next one when it ends with a comma, when the next one
/// starts with a code and a comma (`PREL, PGOV,` / `KPAO, IC`), or when every word of
/// the next one is a code of the TAGS table (`... YI RS` / `UNMIK`): a `SUBJECT` or the
/// first paragraph's words are not all codes.
fn tags_go_on(so_far: &str, line: &str) -> bool {
    if so_far.trim_end().ends_with(',') {
        return true;
    }
    let code_len = line
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
        .count();
    (code_len >= 2 && line[code_len..].trim_start().starts_with(',')) || all_known_codes(line)
}

/// Whether the line's words (commas and a wrap's `\\` aside) are all TAGS codes written
/// as codes are, in one case: `IS`, `UNMIK KPAL`, but not `In the`.
fn all_known_codes(line: &str) -> bool {
    let mut words = line
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b == b'\\'))
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            let one_case = w == w.to_ascii_uppercase() || w == w.to_ascii_lowercase();
            one_case && crate::tags::lookup(w).is_some()
        })
}

#[cfg(test)]
mod tests;
