//! The cable's summary: `SUMMARY: ... END SUMMARY` and the ways cables write it (a
//! `SUMMARY` heading, `1. (C) Summary and Comment: ...`, `BEGIN SUMMARY`, an `End Summary.`
//! with no start), read from the header's tail and the first paragraphs. The text stays
//! where it is; the field is a copy, one line.

use crate::cable::Paragraph;
use crate::cable::marking;

/// How many paragraphs a summary may start in, and run over.
const START_WITHIN: usize = 6;
const RUNS_OVER: usize = 12;

/// One block of the text the summary is looked for in.
struct Block<'a> {
    heading: Option<&'a str>,
    text: &'a str,
}

/// The summary of a cable whose header text (with its lines) is `header` and whose
/// paragraphs are `paragraphs`; `None` when it has none.
pub(crate) fn find(header: &str, paragraphs: &[Paragraph]) -> Option<String> {
    let mut blocks: Vec<Block<'_>> = Vec::new();
    if let Some(at) = header_start(header) {
        blocks.push(Block {
            heading: None,
            text: &header[at..],
        });
    }
    blocks.extend(paragraphs.iter().take(RUNS_OVER).map(|p| Block {
        heading: p.heading.as_deref(),
        text: &p.text,
    }));
    // The text as one string, blocks apart by a blank line, with each block's start
    // noted; a heading is a block of its own.
    let mut text = String::new();
    let mut starts = Vec::new();
    for block in &blocks {
        for part in block.heading.into_iter().chain([block.text]) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            starts.push(text.len());
            text.push_str(part);
        }
    }
    // Keywords are compared without ASCII case, in place: upper-casing the text cost
    // every cable a copy of its first paragraphs.
    let start = starts
        .iter()
        .take(START_WITHIN * 2)
        .find_map(|&at| opening(&text[at..]).map(|len| at + len));
    let from = match start {
        Some(from) => from,
        // No start: an `END SUMMARY` in the first paragraphs closes what the body opened.
        None => {
            let from = *starts.first()?;
            let limit = starts.get(4).map_or(text.len(), |&s| s);
            let end = end_marker(&text[from..limit])?;
            return clean(&text[from..from + end]);
        }
    };
    let mut from = skip_filler(&text, from);
    // `SUMMARY` as a heading, then `1. Summary: ...`: the second keyword goes too.
    if strip_prefix_ignore_case(&text[from..], "SUMMARY").is_some()
        && let Some(len) = opening(&text[from..])
    {
        from = skip_filler(&text, from + len);
    }
    let end = match end_marker(&text[from..]) {
        Some(end) => from + end,
        // No end: the summary is the block it starts in (or the one after its heading).
        None => starts
            .iter()
            .find(|&&s| s > from)
            .map_or(text.len(), |&s| s),
    };
    clean(&text[from..end.max(from)])
}

/// Where the header's tail holds a summary: a line that opens with one.
fn header_start(header: &str) -> Option<usize> {
    let mut at = 0;
    for line in header.split_inclusive('\n') {
        let start = line.trim().trim_start_matches('-').trim_start();
        if opening(start).is_some() {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// The length of the summary's opening at the start of `text`, in any case: dashes,
/// `BEGIN`, `SUMMARY`, `AND COMMENT` (or two other words), then `:`, `.`, `-`, a line's
/// end or the block's.
fn opening(text: &str) -> Option<usize> {
    let body = text.trim_start_matches(['-', ' ']);
    let body = strip_prefix_ignore_case(body, "BEGIN ").unwrap_or(body);
    let mut at = text.len() - body.len();
    let rest = strip_prefix_ignore_case(body, "SUMMARY")?;
    at += "SUMMARY".len();
    let mut rest_at = rest;
    if let Some(and) = strip_prefix_ignore_case(rest, " AND ") {
        // `SUMMARY AND ACTION REQUEST.`: up to three words before the delimiter.
        let words_end = and
            .find([':', '.', '\n', '-'])
            .unwrap_or(and.len())
            .min(and.len());
        if and[..words_end].split_whitespace().count() > 3 {
            return None;
        }
        at += rest.len() - and.len() + words_end;
        rest_at = &and[words_end..];
    }
    let delimiter = rest_at.trim_start_matches(' ');
    let ok = delimiter.is_empty() || delimiter.starts_with([':', '.', '-', '\n', '\r']);
    ok.then(|| at + (rest_at.len() - delimiter.len()))
}

/// Past the delimiter, dashes, blank lines, a paragraph label and a portion marking.
fn skip_filler(text: &str, mut at: usize) -> usize {
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '.' | '-' | '\u{2010}')
        });
        let mut next = at + rest.len() - trimmed.len();
        if let Ok((after, _)) = marking::portion_marking(trimmed) {
            next += trimmed.len() - after.len();
        }
        if next == at {
            return at;
        }
        at = next;
    }
}

/// Where `END SUMMARY` (`End\nSummary`, `END OF SUMMARY`, in any case) starts in `text`.
fn end_marker(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // From each `d`, the rarest letter of `END`, back to its `E`.
    memchr::memchr2_iter(b'D', b'd', bytes).find_map(|d| {
        let at = d.checked_sub(2)?;
        let word = bytes[at..d].eq_ignore_ascii_case(b"EN");
        let before_ok = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        if !(word && before_ok) {
            return None;
        }
        let after = text[at + 3..].trim_start();
        let after = strip_prefix_ignore_case(after, "OF ").map_or(after, str::trim_start);
        strip_prefix_ignore_case(after, "SUMMARY").map(|_| at)
    })
}

/// `text` after `prefix` (upper-case ASCII), compared without ASCII case.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.as_bytes().get(..prefix.len())?;
    // An ASCII prefix that matched ends on a character boundary.
    head.eq_ignore_ascii_case(prefix.as_bytes())
        .then(|| &text[prefix.len()..])
}

/// One line, trimmed of the dashes and parentheses a closing marker leaves.
fn clean(text: &str) -> Option<String> {
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    // The words start it, so only its end is trimmed.
    let value = joined.trim_end_matches(['-', '(', ' ']).trim_end().len();
    joined.truncate(value);
    (!joined.is_empty()).then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(heading: Option<&str>, text: &str) -> Paragraph {
        Paragraph {
            label: "1".into(),
            marking: None,
            heading: heading.map(str::to_string),
            heading_mentions: Vec::new(),
            text: text.into(),
            mentions: Vec::new(),
            source_lines: 0..0,
        }
    }

    /// 03THEHAGUE2843 (train CSV): `1. (C) Summary: ... End summary.`
    #[test]
    fn in_the_first_paragraph() {
        let paragraphs = [
            paragraph(
                None,
                "Summary: Ambassador Sobel hosted dinner for Dutch Prime Minister Jan Peter \
                 Balkenende November 10. End summary.",
            ),
            paragraph(None, "Balkenende said"),
        ];
        assert_eq!(
            find("", &paragraphs).as_deref(),
            Some(
                "Ambassador Sobel hosted dinner for Dutch Prime Minister Jan Peter Balkenende November 10."
            )
        );
    }

    /// 06MEXICO1797 (train CSV): a dashed `SUMMARY` heading over paragraph 1, no end.
    #[test]
    fn under_a_heading_without_an_end() {
        let paragraphs = [
            paragraph(
                Some("SUMMARY"),
                "While economist Rogelio Ramirez de la O tried.",
            ),
            paragraph(None, "Ramirez said"),
        ];
        assert_eq!(
            find("", &paragraphs).as_deref(),
            Some("While economist Rogelio Ramirez de la O tried.")
        );
    }

    /// The end marker's search as first written, on the text upper-cased.
    fn end_marker_by_upper_casing(text: &str) -> Option<usize> {
        let upper = text.to_ascii_uppercase();
        let mut from = 0;
        while let Some(found) = upper[from..].find("END") {
            let at = from + found;
            let before_ok = at == 0 || !upper.as_bytes()[at - 1].is_ascii_alphanumeric();
            let after = upper[at + 3..].trim_start();
            let after = after.strip_prefix("OF ").map_or(after, str::trim_start);
            if before_ok && after.starts_with("SUMMARY") {
                return Some(at);
            }
            from = at + 3;
        }
        None
    }

    #[test]
    fn end_markers_are_found_as_by_upper_casing() {
        for text in [
            "The weekend summary. End summary.",
            "END SUMMARY",
            "end of\n summary",
            "-- End Summary --",
            "spend summary; END\u{a0}SUMMARY",
            "END OFSUMMARY, end of summaries",
            "ENDSUMMARY End",
            "éend summary, ÉND SUMMARY",
            "D",
            "nd",
            "",
        ] {
            assert_eq!(
                end_marker(text),
                end_marker_by_upper_casing(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn none_without_one() {
        let paragraphs = [paragraph(None, "A summary of the talks follows.")];
        assert_eq!(find("SUBJECT: SUMMARY OF TALKS\n", &paragraphs), None);
    }
}
