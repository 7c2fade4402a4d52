//! Which headings a body keeps, and the paragraph each one heads.

use super::{headings, numbering};
use std::ops::Range;

/// The headings of the body from `from` on (and one right before it) that head a
/// paragraph: hidden, with the decoration lines (rules, page-break banners), from the
/// reading text. In a cable all in capitals, a line of capitals apart heads only a
/// paragraph right after it.
pub(super) fn find_headings(
    layout: &str,
    from: usize,
    end: usize,
    starts: &[numbering::Start],
    hidden: &mut Vec<Range<usize>>,
) -> Vec<headings::Heading> {
    hidden.extend(headings::decoration(layout, from, end));
    hidden.sort_by_key(|r| r.start);
    // In a cable written all in capitals, a line of capitals apart inside a paragraph is
    // as likely its text (an item, a name) as a heading.
    let mixed_case = layout[from..end].bytes().any(|b| b.is_ascii_lowercase());
    let found: Vec<headings::Heading> =
        headings::find(layout, 0, end, from, numbering::opens_paragraph)
            .into_iter()
            .filter(|h| {
                let heads_text = !only_blank(layout, h.lines.end..end, hidden);
                let in_body = h.lines.start >= from
                    || (h.lines.end <= from && only_blank(layout, h.lines.end..from, hidden));
                let next = starts.partition_point(|s| s.at < h.lines.end);
                let heads_paragraph = starts.is_empty()
                    || !h.in_capitals_apart
                    || mixed_case
                    || starts.get(next).is_some_and(|s| {
                        s.paragraph && only_blank(layout, h.lines.end..s.at, hidden)
                    });
                heads_text && in_body && heads_paragraph
            })
            .collect();
    // A heading whose words are all hidden already (a page marker standing apart, with
    // or without its rule) is decoration: its lines are hidden, but it heads nothing.
    let heads: Vec<bool> = found
        .iter()
        .map(|h| !only_blank(layout, h.text.clone(), hidden))
        .collect();
    hidden.extend(found.iter().map(|h| h.lines.clone()));
    hidden.sort_by_key(|r| r.start);
    found
        .into_iter()
        .zip(heads)
        .filter_map(|(h, heads)| heads.then_some(h))
        .collect()
}

/// Gives each heading to the paragraph right after it (blank lines and hidden text
/// between); a heading before text that goes on without a number opens a part of the
/// paragraph before, under that paragraph's label. Returns the heading text of each start.
pub(super) fn attach_headings(
    layout: &str,
    headings: &[headings::Heading],
    starts: &mut Vec<numbering::Start>,
    hidden: &[Range<usize>],
) -> Vec<Option<Range<usize>>> {
    let mut added = Vec::new();
    let mut of: Vec<(usize, Range<usize>)> = Vec::new();
    for h in headings {
        let next = starts.partition_point(|s| s.at < h.lines.end);
        if let Some(start) = starts.get(next)
            && start.paragraph
            && only_blank(layout, h.lines.end..start.at, hidden)
        {
            of.push((start.at, h.text.clone()));
            continue;
        }
        let Some(before) = starts[..next].iter().rev().find(|s| s.paragraph) else {
            continue;
        };
        added.push(numbering::Start {
            at: h.lines.end,
            label: before.label.clone(),
            text_start: h.lines.end,
            hidden: None,
            paragraph: true,
        });
        of.push((h.lines.end, h.text.clone()));
    }
    if !added.is_empty() {
        starts.extend(added);
        starts.sort_by_key(|s| s.at);
    }
    starts
        .iter()
        .map(|s| {
            of.iter()
                .rev()
                .find(|(at, _)| *at == s.at)
                .map(|(_, text)| text.clone())
        })
        .collect()
}

/// Whether `layout[range]` holds only white space and hidden text.
fn only_blank(layout: &str, range: Range<usize>, hidden: &[Range<usize>]) -> bool {
    let mut at = range.start;
    while at < range.end {
        if let Some(h) = hidden[..hidden.partition_point(|h| h.start <= at)]
            .iter()
            .rev()
            .take(4)
            .find(|h| h.contains(&at))
        {
            at = h.end;
            continue;
        }
        match layout[at..range.end].chars().next() {
            Some(c) if c.is_whitespace() => at += c.len_utf8(),
            Some(_) => return false,
            None => break,
        }
    }
    true
}
