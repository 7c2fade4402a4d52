//! Natural text with its own line breaks (a page's body, a plain-text cable) to a [`Cable`].
//!
//! The annotated format is one tokenized sentence per line; here the text is the cable as
//! sent, so nothing is detokenized: each run of white space (line breaks, tabs, U+2028,
//! NBSP) reads as one space and the words are kept as written. The body is cut into
//! segments at its paragraph anchors and handed to the shared paragraph logic in
//! `structure`, so anchors, numbering, REF items and headers behave as in the annotated
//! format. Transmission noise is hidden from the reading text but kept in the layout:
//! routing headers before the cable (`O 121758Z MAY 86`, `FM`, `TO`, ... `BT`), teletype
//! page headers (`PAGE 02 ROME 02045 01 OF 06 121721Z`) and end marks (`NNNN`).

mod noise;

use super::assemble::Segment;
use super::clean::{Block, Span};
use super::structure;
use super::{Cable, SourceSpan, Warning};
use noise::{page_headers, routing_end};
use std::ops::Range;

/// A cable's text as sent, with where its paragraph anchors stand.
#[derive(Debug, Default)]
pub(crate) struct Body {
    /// The text with its line breaks (`\n`).
    pub layout: String,
    /// Paragraph anchors in document order.
    pub anchors: Vec<BodyAnchor>,
}

/// A paragraph anchor in a [`Body`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BodyAnchor {
    /// Byte offset in the layout where the anchor stands (before its label `1.`).
    pub at: usize,
    /// The anchor's id: `3`, `B`, `1993`.
    pub id: String,
    /// Where the paragraph's own text starts, after the label and its period.
    pub text_start: usize,
}

/// Builds a cable from a body; `spans` are mentions in layout bytes (from a side file).
/// Also returns how many of them were left out: they stand on text the reading text does
/// not keep (paragraph and item labels, portion markings, page headers, routing lines).
pub(crate) fn build(
    body: Body,
    mut spans: Vec<Span>,
    id: Option<String>,
    warnings: Vec<Warning>,
) -> (Cable, usize) {
    let layout = body.layout;
    spans.sort_by_key(|s| (s.bytes.start, s.bytes.end));
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(layout.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |at: usize| line_starts.partition_point(|&s| s <= at).saturating_sub(1);
    let mut hidden = Vec::new();
    if let Some(end) = routing_end(&layout) {
        hidden.push(0..end);
    }
    hidden.extend(page_headers(&layout));
    let (body_end, signature) = signature(&layout, &body.anchors);
    hidden.sort_by_key(|r| r.start);

    let anchors: Vec<&BodyAnchor> = body.anchors.iter().filter(|a| a.at < body_end).collect();
    let mut segments = Vec::with_capacity(anchors.len() + 1);
    // Which spans found text to stand on, and how many pieces they made.
    let mut placed = vec![false; spans.len()];
    if signature.is_some() {
        let line_end = layout[body_end..]
            .find('\n')
            .map_or(layout.len(), |e| body_end + e);
        let on_signature = |s: &Span| {
            let (start, end) = (s.bytes.start.max(body_end), s.bytes.end.min(line_end));
            start < end && !layout[start..end].trim().is_empty()
        };
        for (flag, span) in placed.iter_mut().zip(&spans) {
            *flag |= on_signature(span);
        }
    }
    let mut pieces = 0;
    let mut push = |anchor: Option<String>, range: Range<usize>| {
        let lines = line_of(range.start)..line_of(range.end.saturating_sub(1)) + 1;
        let block = collapse(&layout, range, &spans, &hidden, &mut placed);
        pieces += block.spans.len();
        segments.push(Segment {
            anchor,
            block,
            lines,
        });
    };
    push(None, 0..anchors.first().map_or(body_end, |a| a.at));
    for (i, anchor) in anchors.iter().enumerate() {
        let end = anchors.get(i + 1).map_or(body_end, |next| next.at);
        let start = anchor.text_start.clamp(anchor.at, end.max(anchor.at));
        push(Some(anchor.id.clone()), start..end.max(start));
    }
    let mut cable = structure::from_segments(segments, signature, id, warnings);
    // What the paragraph logic cut (markings, `1.` numbering) went with its mentions.
    let kept = cable.header.mentions.len()
        + cable
            .paragraphs
            .iter()
            .map(|p| p.heading_mentions.len() + p.mentions.len())
            .sum::<usize>();
    let unplaced = placed.iter().filter(|p| !**p).count();
    let left_out = unplaced + pieces.saturating_sub(kept);
    cable.source_spans = spans
        .iter()
        .map(|s| {
            let line = line_of(s.bytes.start);
            let start = line_starts[line];
            let line_end = line_starts.get(line + 1).map_or(layout.len(), |&e| e - 1);
            SourceSpan {
                line,
                bytes: s.bytes.start - start..s.bytes.end.min(line_end.max(s.bytes.start)) - start,
                kind: s.kind.clone(),
            }
        })
        .collect();
    cable.source.clone_from(&layout);
    cable.layout = Some(layout);
    if !cable.signature_mentions().is_empty() {
        cable.entities = super::entities::group(&cable);
    }
    (cable, left_out)
}

/// The reading text of `layout[range]`: white space runs as one space, hidden ranges as
/// white space, ends trimmed; spans moved along with their text. A span that finds text
/// to stand on here is marked in `placed`.
fn collapse(
    layout: &str,
    range: Range<usize>,
    spans: &[Span],
    hidden: &[Range<usize>],
    placed: &mut [bool],
) -> Block {
    let mut text = String::with_capacity(range.len());
    let (at, inside): (Vec<usize>, Vec<&Span>) = spans
        .iter()
        .enumerate()
        .filter(|(_, s)| s.bytes.start < range.end && s.bytes.end > range.start)
        .unzip();
    let mut starts: Vec<(usize, usize)> = (0..inside.len())
        .map(|i| (inside[i].bytes.start.max(range.start), i))
        .collect();
    let mut ends: Vec<(usize, usize)> = (0..inside.len())
        .map(|i| (inside[i].bytes.end.min(range.end), i))
        .collect();
    starts.sort_unstable();
    ends.sort_unstable();
    let mut mapped = vec![0..0; inside.len()];
    let (mut next_start, mut next_end, mut next_hidden) = (0, 0, 0);
    let mut pending_space = false;
    for (offset, c) in layout[range.clone()].char_indices() {
        let at = range.start + offset;
        while ends.get(next_end).is_some_and(|&(end, _)| end <= at) {
            mapped[ends[next_end].1].end = text.len();
            next_end += 1;
        }
        while hidden.get(next_hidden).is_some_and(|h| h.end <= at) {
            next_hidden += 1;
        }
        let is_hidden = hidden.get(next_hidden).is_some_and(|h| h.start <= at);
        if is_hidden || c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !text.is_empty() {
            text.push(' ');
        }
        pending_space = false;
        while starts
            .get(next_start)
            .is_some_and(|&(start, _)| start <= at)
        {
            mapped[starts[next_start].1].start = text.len();
            next_start += 1;
        }
        text.push(c);
    }
    for &(_, i) in &starts[next_start..] {
        mapped[i].start = text.len();
    }
    for &(_, i) in &ends[next_end..] {
        mapped[i].end = text.len();
    }
    let spans = inside
        .iter()
        .zip(at)
        .zip(mapped)
        .filter(|(_, bytes)| bytes.start < bytes.end)
        .map(|((span, at), bytes)| {
            placed[at] = true;
            Span {
                kind: span.kind.clone(),
                bytes,
                as_given: span.as_given,
            }
        })
        .collect();
    Block::with_spans(text, spans)
}

/// The lines of `layout` with their byte ranges (without the line break).
pub(super) fn lines(layout: &str) -> impl DoubleEndedIterator<Item = (Range<usize>, &str)> {
    layout.split('\n').map(move |line| {
        // `split` yields sub-slices of `layout`, so the offset is the pointer difference.
        let start = line.as_ptr() as usize - layout.as_ptr() as usize;
        (start..start + line.len(), line)
    })
}

/// Finds a signature on the last line with text, skipping end marks (`NNNN`, `BT`, `#5480`)
/// and the `End Cable Text` note. Returns where the body ends and the name.
fn signature(layout: &str, anchors: &[BodyAnchor]) -> (usize, Option<String>) {
    let is_end_mark = |line: &str| {
        let t = line.trim();
        t.is_empty()
            || t == "BT"
            || (t.len() >= 3 && t.chars().all(|c| c == 'N'))
            || (t.starts_with('#') && t[1..].bytes().all(|b| b.is_ascii_digit()))
            || t.eq_ignore_ascii_case("End Cable Text")
    };
    let mut end = layout.len();
    for (range, line) in lines(layout).rev() {
        if is_end_mark(line) {
            end = range.start;
            continue;
        }
        let has_anchor = anchors.iter().any(|a| range.contains(&a.at));
        let words: Vec<&str> = line.split_whitespace().collect();
        let name = (!has_anchor)
            .then(|| structure::signature_from_words(words))
            .flatten();
        return match name {
            Some(name) => (range.start, Some(name)),
            None => (end, None),
        };
    }
    (end, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cable::EntityKind;

    fn body(text: &str) -> Body {
        Body {
            layout: text.to_string(),
            anchors: Vec::new(),
        }
    }

    #[test]
    fn white_space_runs_read_as_one_space_and_spans_follow() {
        let layout = "  Met  with\nBeghal\u{2028}in\u{a0}Paris.  ";
        let beghal = layout.find("Beghal").unwrap();
        let paris = layout.find("Paris").unwrap();
        let spans = vec![
            Span {
                kind: EntityKind::Per,
                bytes: beghal - 1..beghal + 6,
                as_given: true,
            },
            Span {
                kind: EntityKind::Loc,
                bytes: paris..paris + 6,
                as_given: true,
            },
        ];
        let mut placed = [false; 2];
        let block = collapse(layout, 0..layout.len(), &spans, &[], &mut placed);
        assert_eq!(block.text, "Met with Beghal in Paris.");
        let texts: Vec<&str> = block
            .spans
            .iter()
            .map(|s| &block.text[s.bytes.clone()])
            .collect();
        // White space at the edges goes; the period the tool drew in stays.
        assert_eq!(texts, ["Beghal", "Paris."]);
        assert_eq!(placed, [true, true]);
    }

    #[test]
    fn hidden_ranges_read_as_space() {
        let layout = "one CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z two";
        let hidden = page_headers(layout);
        assert_eq!(hidden.len(), 1);
        assert_eq!(
            &layout[hidden[0].clone()],
            "CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z"
        );
        assert_eq!(
            collapse(layout, 0..layout.len(), &[], &hidden, &mut []).text,
            "one two"
        );
        assert!(page_headers("PAGE 2 OF THE REPORT\nPAGES 01 X 121212Z").is_empty());
    }

    #[test]
    fn signature_skips_end_marks() {
        let (cable, left_out) = build(
            body("UNCLAS X 1\nSUBJECT: Y\nsome text.\nENDERS\nBT\n#5480\n\nNNNN\n"),
            Vec::new(),
            None,
            Vec::new(),
        );
        assert_eq!(left_out, 0);
        assert_eq!(cable.signature.as_deref(), Some("ENDERS"));
        assert!(!cable.header.text.contains("NNNN"));
        assert!(!cable.header.text.contains("ENDERS"));
    }
}
