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
mod tests {
    use super::*;

    fn value(region: &str, field: Field) -> String {
        extent(region, field, Some("NEW DELHI"))
    }

    #[test]
    fn a_value_ends_at_a_blank_line_a_paragraph_or_a_rule() {
        assert_eq!(
            value(
                "PEACEKEEPING IN THE\nNETHERLANDS \n\nSummary: more",
                Field::Subject
            ),
            "PEACEKEEPING IN THE NETHERLANDS"
        );
        assert_eq!(
            value("A CHANGE\n(SBU) The Charge spoke", Field::Subject),
            "A CHANGE"
        );
        assert_eq!(value("A CHANGE\n1. In a visit", Field::Subject), "A CHANGE");
        assert_eq!(
            value("A CHANGE 1.(C) In a visit", Field::Subject),
            "A CHANGE"
        );
        assert_eq!(
            value("A CHANGE (C) 1. In a visit", Field::Subject),
            "A CHANGE"
        );
        assert_eq!(value("A CHANGE\n------- x", Field::Subject), "A CHANGE");
        assert_eq!(
            value("A CHANGE\nA. (U) POST: x", Field::Subject),
            "A CHANGE"
        );
        assert_eq!(
            value("AUDIENCE WITH SHAH\n ...\n50133 2006", Field::Subject),
            "AUDIENCE WITH SHAH"
        );
        assert_eq!(
            value("1.4 (B) AND\n(D).", Field::ClassifiedBy),
            "1.4 (B) AND (D)."
        );
    }

    #[test]
    fn page_markers_banners_and_backslashes_are_cut_out() {
        assert_eq!(
            value(
                "STRIFE FOR CONGRESS NEW DELHI 00007273  001.2 OF 003 \n\nClassified",
                Field::Subject
            ),
            "STRIFE FOR CONGRESS"
        );
        assert_eq!(
            value(
                "MEETS WITH ZIMBABWE\n CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z\nOPPOSITION LEADER",
                Field::Subject
            ),
            "MEETS WITH ZIMBABWE OPPOSITION LEADER"
        );
        assert_eq!(
            value(
                "MEETS WITH ZIMBABWE CONFIDENTIAL PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER",
                Field::Subject
            ),
            "MEETS WITH ZIMBABWE OPPOSITION LEADER"
        );
        assert_eq!(
            value("ROME 2317 GENEVA 00001234 001.2 OF 004", Field::References),
            "ROME 2317"
        );
        assert_eq!(
            value(
                "IRAN: SWISS VISIT \\\nTO TEHRAN \\\n \\\nClassified",
                Field::Subject
            ),
            "IRAN: SWISS VISIT TO TEHRAN"
        );
        assert_eq!(
            value("A SUBJECT\nSECRET\n\nmore", Field::Subject),
            "A SUBJECT"
        );
    }

    #[test]
    fn tags_take_their_line_and_wrapped_lines() {
        assert_eq!(
            value("PREL, PGOV,\nKPAO, IC\nSECRET", Field::Tags),
            "PREL, PGOV, KPAO, IC"
        );
        assert_eq!(value("PREL PGOV\nDISCUSS HAITI", Field::Tags), "PREL PGOV");
        assert_eq!(
            value("PREL, PGOV\nKDEM, AF", Field::Tags),
            "PREL, PGOV KDEM, AF"
        );
    }

    #[test]
    fn tags_wrapped_without_a_comma_take_a_line_of_known_codes() {
        // 07PARIS1844 and 07PARIS3919 of the release (train CSV), wrapped as sent.
        assert_eq!(
            value(
                "PREL FR EUN IR AF NATO IZ TU UNO LE YI RS\nUNMIK \n",
                Field::Tags
            ),
            "PREL FR EUN IR AF NATO IZ TU UNO LE YI RS UNMIK"
        );
        assert_eq!(
            value(
                "PREL FR EUN NATO UNO UNMIK YI RS IR IS LE\nKPAL\n",
                Field::Tags
            ),
            "PREL FR EUN NATO UNO UNMIK YI RS IR IS LE KPAL"
        );
        // 08SANJOSE15: nine codes, and `TRGY` on the next line.
        assert_eq!(
            value(
                "CS EAID ENRG EPET KPAO KSCA OPDC SENV SOCI\nTRGY \n",
                Field::Tags
            ),
            "CS EAID ENRG EPET KPAO KSCA OPDC SENV SOCI TRGY"
        );
        // The shape of the issue: `LE TU` / `IS`.
        assert_eq!(
            value("PREL, PGOV, LE TU\nIS\n", Field::Tags),
            "PREL, PGOV, LE TU IS"
        );
    }

    #[test]
    fn a_line_not_all_codes_is_not_taken_for_tags() {
        // 06MEXICO1797's routing header: a page header under the TAGS line.
        assert_eq!(
            value(
                "ECON EFIN EINV PGOV PINR MX\nUNCLAS SECTION 01 OF 02 MEXICO 001797 \n",
                Field::Tags
            ),
            "ECON EFIN EINV PGOV PINR MX"
        );
        assert_eq!(
            value("PREL PGOV LE\nIn the meeting\n", Field::Tags),
            "PREL PGOV LE"
        );
        assert_eq!(value("PREL PGOV\nDISCUSS HAITI", Field::Tags), "PREL PGOV");
    }

    #[test]
    fn reference_lists_go_on_past_blank_lines_to_their_next_item() {
        assert_eq!(
            value(
                "A. SAN JOSE 02131\n\nB. SAN JOSE 01746\n\n(U) Text",
                Field::References
            ),
            "A. SAN JOSE 02131 B. SAN JOSE 01746"
        );
        assert_eq!(
            value(
                "(A) STATE 1\n(B) STATE 2\n(C) STATE 3\n(SBU) Text",
                Field::References
            ),
            "(A) STATE 1 (B) STATE 2 (C) STATE 3"
        );
        assert_eq!(
            value("STATE 66814\n\n(U) Econ Off", Field::References),
            "STATE 66814"
        );
    }

    #[test]
    fn reference_lists_go_on_at_their_next_items_anchor_or_lettered_marking() {
        // 05BOGOTA3726, 05PARIS7835.
        assert_eq!(
            value(
                "A. BOGOTA 1775\n \n     ¶B. BOGOTA 3422\n     ¶C. CARACAS 0951\n \nClassified",
                Field::References
            ),
            "A. BOGOTA 1775 ¶B. BOGOTA 3422 ¶C. CARACAS 0951"
        );
        assert_eq!(
            value(
                "A. (A) PARIS 7682 \n\nB. (B) EMBASSY PARIS REPORT \nC. (C) PARIS 7527 ",
                Field::References
            ),
            "A. (A) PARIS 7682 B. (B) EMBASSY PARIS REPORT C. (C) PARIS 7527"
        );
        assert_eq!(
            value("A. STATE 1\n¶1. (C) Text", Field::References),
            "A. STATE 1"
        );
    }

    #[test]
    fn an_item_cut_by_a_blank_line_before_its_serial_goes_on() {
        // 04RIODEJANEIRO1105, 05TAIPEI4305.
        assert_eq!(
            value(
                "(A) Rio de Janeiro 00190  (B) Rio de Janeiro \n \n00723  (C) Brasilia 01392 \n \n1.  (U)  SUMMARY",
                Field::References
            ),
            "(A) Rio de Janeiro 00190 (B) Rio de Janeiro 00723 (C) Brasilia 01392"
        );
        assert_eq!(
            value(
                "Ref A) Taipei 3393 B) \n \nTaipei 03196 \n \n1. (U) ",
                Field::References
            ),
            "Ref A) Taipei 3393 B) Taipei 03196"
        );
        assert_eq!(
            value("A. EMBASSY PARIS REPORT\n\n1. (U) Text", Field::References),
            "A. EMBASSY PARIS REPORT"
        );
    }
}
