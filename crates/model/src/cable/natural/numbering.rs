//! Where the paragraphs of a body as sent start: at the numbers the body gives them.
//!
//! The page generator's anchors stand only where a line starts with `1. `: they miss
//! `(C) 1. In a visit`, `1) (U) Summary`, `2.(U) The` and numbers run into the line
//! before, and they sit on numbers that are not paragraphs (`28.` in a list of dates,
//! `1)` sub-items). So the body's own numbering decides: every place a line (or a marked
//! paragraph inside a line) starts with a number is a candidate, and the paragraphs are
//! the candidates that best continue one another (`1`, `2`, `3`, ...: gaps cost, a
//! portion marking after the number counts for it). Lines opening with a capital letter
//! and a period (`B. STATE 1234`, the REF items and sub-items the generator anchored too)
//! start lettered items, which stay text.

use super::lines;
use crate::cable::marking;
use std::cmp::Reverse;
use std::ops::Range;

/// A place where a paragraph or a lettered item starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Start {
    /// Where it starts: the text before it ends here.
    pub at: usize,
    /// Its number or letter.
    pub label: String,
    /// Where its own text starts (after `1.`; at the marking for `(C) 1.`).
    pub text_start: usize,
    /// The number, when written after the marking (`(C) 1.`): hidden from the text.
    pub hidden: Option<Range<usize>>,
    /// A numbered paragraph (else a lettered item).
    pub paragraph: bool,
}

/// A number that may open a paragraph.
#[derive(Debug)]
struct Candidate {
    at: usize,
    number: u32,
    /// `.` or `)`: a body numbers its paragraphs one way; the other way numbers sub-items.
    style: u8,
    marked: bool,
    text_start: usize,
    hidden: Option<Range<usize>>,
}

/// The largest number read as a paragraph's.
const MAX_NUMBER: u32 = 300;
/// The largest step between two paragraphs' numbers.
const MAX_GAP: u32 = 20;

/// The paragraph and item starts of `layout[..end]`, in order, outside `hidden` ranges
/// (sorted by their start).
pub(super) fn starts(layout: &str, end: usize, hidden: &[Range<usize>]) -> Vec<Start> {
    let mut candidates = Vec::new();
    let mut out = Vec::new();
    for (range, _) in lines(&layout[..end]) {
        // A line that opens with hidden text (a page header) starts after it.
        let mut from = range.start;
        while let Some(h) = hidden_at(hidden, from) {
            from = h.end;
        }
        if from >= range.end {
            continue;
        }
        let line = &layout[from..range.end];
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let at = from + indent;
        let text = &line[indent..];
        line_start(text, at, &mut candidates);
        inline(text, at, &mut candidates);
        let bytes = text.as_bytes();
        if bytes.len() > 2
            && bytes[0].is_ascii_uppercase()
            && bytes[1] == b'.'
            && matches!(bytes[2], b' ' | b'\t')
        {
            out.push(Start {
                at,
                label: text[..1].to_string(),
                text_start: at + 2,
                hidden: None,
                paragraph: false,
            });
        }
    }
    let style = candidates
        .iter()
        .find(|c| c.number == 1)
        .or(candidates.first())
        .map(|c| c.style);
    candidates.retain(|c| Some(c.style) == style);
    out.extend(select(&candidates).into_iter().map(|i| {
        let c = &candidates[i];
        Start {
            at: c.at,
            label: c.number.to_string(),
            text_start: c.text_start,
            hidden: c.hidden.clone(),
            paragraph: true,
        }
    }));
    out.sort_by_key(|s| s.at);
    out.dedup_by_key(|s| s.at);
    out
}

/// Whether a line (trimmed) opens with a paragraph number (`3.`, `3)`, `(C) 3.`) or a
/// portion marking: the text after a heading.
pub(super) fn opens_paragraph(line: &str) -> bool {
    number(line).is_some() || marking::starts_with_portion_marking(line)
}

/// The hidden range holding `at`, found by its start: a page may hide every line's end.
fn hidden_at(hidden: &[Range<usize>], at: usize) -> Option<&Range<usize>> {
    let after = hidden.partition_point(|h| h.start <= at);
    hidden[..after]
        .iter()
        .rev()
        .take(2)
        .find(|h| h.contains(&at))
}

/// `12.` or `12)` opening a paragraph: its number, the number's length and the style.
/// `1.4` and `2005.` are not.
fn number(text: &str) -> Option<(u32, usize, u8)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let value: u32 = text[..digits].parse().ok()?;
    let style = *text.as_bytes().get(digits)?;
    let next = text.as_bytes().get(digits + 1).copied();
    let opens = match style {
        b'.' => next.is_none_or(|b| {
            b.is_ascii_whitespace() || b == b'(' || b == b'"' || b.is_ascii_uppercase()
        }),
        b')' => next.is_none_or(|b| b.is_ascii_whitespace() || b == b'('),
        _ => false,
    };
    (opens && (1..=MAX_NUMBER).contains(&value)).then_some((value, digits, style))
}

/// A number at a line's start: `3. Text`, `3.(C) Text`, `3) Text`, `(C) 3. Text`.
fn line_start(text: &str, at: usize, out: &mut Vec<Candidate>) {
    if let Some((number, len, style)) = number(text) {
        let after = text[len + 1..].trim_start();
        out.push(Candidate {
            at,
            number,
            style,
            marked: marking::starts_with_portion_marking(after),
            text_start: at + len + 1,
            hidden: None,
        });
    } else if let Ok((after, _)) = marking::portion_marking(text)
        && let Some((number, len, style)) = number(after)
    {
        let number_at = at + (text.len() - after.len());
        out.push(Candidate {
            at,
            number,
            style,
            marked: true,
            text_start: at,
            hidden: Some(number_at..number_at + len + 1),
        });
    }
}

/// A marked paragraph run into a line (`... 001.2 OF 003 1.(C) The`, `(C) 2. Text`): a
/// number and a marking at a word start after the line's own start.
fn inline(text: &str, line_at: usize, out: &mut Vec<Candidate>) {
    let bytes = text.as_bytes();
    for open in memchr::memchr_iter(b'(', bytes).filter(|&i| i > 0) {
        if !marking::starts_with_portion_marking(&text[open..]) {
            continue;
        }
        // `12. (C)` / `12.(C)`: the number before the marking.
        let before = text[..open].trim_end_matches(' ');
        if let Some(stem) = before.strip_suffix('.') {
            let digits = stem.bytes().rev().take_while(u8::is_ascii_digit).count();
            let start = stem.len() - digits;
            let word_start = start > 0 && stem.as_bytes()[start - 1] == b' ';
            if (1..=2).contains(&digits) && word_start {
                let number = stem[start..].parse().unwrap_or(0);
                out.push(Candidate {
                    at: line_at + start,
                    number,
                    style: b'.',
                    marked: true,
                    text_start: line_at + stem.len() + 1,
                    hidden: None,
                });
                continue;
            }
        }
        // `(C) 2. Text`: the marking before the number.
        if bytes[open - 1] != b' ' {
            continue;
        }
        if let Ok((after, _)) = marking::portion_marking(&text[open..])
            && let Some((number, len, b'.')) = number(after)
            && after[len + 1..].starts_with(' ')
        {
            let number_at = line_at + (text.len() - after.len());
            out.push(Candidate {
                at: line_at + open,
                number,
                style: b'.',
                marked: true,
                text_start: line_at + open,
                hidden: Some(number_at..number_at + len + 1),
            });
        }
    }
}

/// The candidates that number the paragraphs: the chain of increasing numbers with the
/// best score. Each paragraph scores (more with a marking), each number skipped costs; a
/// number may repeat only when both are marked (`6. (C)` twice).
fn select(candidates: &[Candidate]) -> Vec<usize> {
    const MARKED: i64 = 10;
    const PLAIN: i64 = 5;
    const SKIPPED: i64 = 2;
    const REPEATED: i64 = 6;
    // A body may start its numbering anywhere (a section sent alone starts at `23.`):
    // the numbers skipped before the first cost no more than this many.
    const FIRST_SKIPPED: u32 = 4;
    let base = |c: &Candidate| if c.marked { MARKED } else { PLAIN };
    let mut best_end: Vec<Option<(i64, usize)>> = vec![None; MAX_NUMBER as usize + 1];
    let mut score = vec![0; candidates.len()];
    let mut previous = vec![None; candidates.len()];
    for (i, c) in candidates.iter().enumerate() {
        let v = c.number;
        let mut best = (
            base(c) - SKIPPED * i64::from((v - 1).min(FIRST_SKIPPED)),
            None,
        );
        for u in v.saturating_sub(MAX_GAP).max(1)..v {
            if let Some((s, j)) = best_end[u as usize] {
                let total = s + base(c) - SKIPPED * i64::from(v - u - 1);
                if total > best.0 {
                    best = (total, Some(j));
                }
            }
        }
        if let Some((s, j)) =
            best_end[v as usize].filter(|&(_, j)| c.marked && candidates[j].marked)
            && s + base(c) - REPEATED > best.0
        {
            best = (s + base(c) - REPEATED, Some(j));
        }
        (score[i], previous[i]) = best;
        if best_end[v as usize].is_none_or(|(s, _)| best.0 > s) {
            best_end[v as usize] = Some((best.0, i));
        }
    }
    let Some(last) = (0..candidates.len())
        .filter(|&i| score[i] > 0)
        .max_by_key(|&i| (score[i], Reverse(i)))
    else {
        return Vec::new();
    };
    let mut chain = vec![last];
    while let Some(j) = previous[*chain.last().unwrap_or(&last)] {
        chain.push(j);
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(layout: &str) -> Vec<String> {
        starts(layout, layout.len(), &[])
            .into_iter()
            .map(|s| {
                if s.paragraph {
                    s.label
                } else {
                    format!("item {}", s.label)
                }
            })
            .collect()
    }

    #[test]
    fn the_numbering_forms_a_body_uses() {
        assert_eq!(
            labels("HEAD\n1. (C) One.\n2.(C) Two.\n3. Three."),
            ["1", "2", "3"]
        );
        assert_eq!(labels("HEAD\n(C) 1. In a visit\n(C) 2. Then"), ["1", "2"]);
        assert_eq!(labels("HEAD\n1) (U) Summary.\n2) (U) More."), ["1", "2"]);
        assert_eq!(labels("HEAD\n1.KEY POINTS\n2.(C) The"), ["1", "2"]);
        assert_eq!(
            labels("TAGS: PTER TU\nREF: X 1.(S/NF) Post wishes\n2.(C) Two"),
            ["1", "2"]
        );
    }

    #[test]
    fn numbers_that_are_not_paragraphs() {
        // Sub-items numbered the other way, a list of dates, years, decimals.
        assert_eq!(
            labels("1. (C) Questions:\n1) (C) WHO?\n2) (C) WHY?\n2. (U) Cite."),
            ["1", "2"]
        );
        assert_eq!(
            labels("1. (C) Dates:\n28. March\n2. (C) Next\n3. (C) Last"),
            ["1", "2", "3"]
        );
        assert_eq!(
            labels("1. (C) One\n2005. A year\n1.4 (b)\n2. Two"),
            ["1", "2"]
        );
        assert_eq!(labels("1. (C) One\n2. (C) Two\n28. March 1"), ["1", "2"]);
        let layout = "1. (C) One\nPAGE 03 X 1 291401Z 2. (C) Two";
        let page_header = layout.find("PAGE").unwrap()..layout.find(" 2.").unwrap();
        let found: Vec<String> = starts(layout, layout.len(), &[page_header])
            .into_iter()
            .map(|s| s.label)
            .collect();
        assert_eq!(found, ["1", "2"]);
    }

    #[test]
    fn gaps_repeats_and_lettered_items() {
        assert_eq!(labels("1. (S) a\n2. (S) b\n4. (C) d"), ["1", "2", "4"]);
        assert_eq!(labels("5. (C) a\n6. (C) b\n6. (C) c"), ["5", "6", "6"]);
        assert_eq!(
            labels("REF: A. STATE 1\nB. STATE 2\n1. (C) One\nA. sub"),
            ["item B", "1", "item A"]
        );
    }

    #[test]
    fn a_marking_before_the_number_is_kept_and_the_number_hidden() {
        let layout = "HEAD\n(C) 1. In a visit";
        let start = &starts(layout, layout.len(), &[])[0];
        assert_eq!(&layout[start.text_start..], "(C) 1. In a visit");
        assert_eq!(&layout[start.hidden.clone().unwrap()], "1.");
    }
}
