//! Natural text with its own line breaks (a page's body, a plain-text cable) to a [`Cable`].
//!
//! The annotated format is one tokenized sentence per line; here the text is the cable as
//! sent, so nothing is detokenized: each run of white space (line breaks, tabs, U+2028,
//! NBSP) reads as one space and the words are kept as written. Paragraphs start where the
//! body numbers them (`numbering`), and the segments between go to the shared paragraph
//! logic, so markings, headings and lettered items behave as in the annotated format. The
//! header keeps its line breaks until its fields are read: they end at blank lines.
//! Transmission noise is hidden from the reading text but kept in the layout
//! (`transmission`).

mod blocks;
mod headings;
mod numbering;
mod placing;
#[cfg(test)]
mod shapes;
mod transmission;

use super::assemble::Segment;
use super::clean::{Block, Span};
use super::{Cable, CableId, SourceSpan, Warning, signature, structure};
use std::ops::Range;

/// A cable's text as sent, with the TAGS its page links.
#[derive(Debug, Default)]
pub(crate) struct Body {
    /// The text with its line breaks (`\n`).
    pub layout: String,
    /// The codes of the page's TAGS links (`<a href='/tag/PREL_0.html'>PREL</a>`), in
    /// order, once each: the authority for the cable's TAGS.
    pub tags: Vec<String>,
}

/// Builds a cable from a body; `spans` are mentions in layout bytes (from a side file).
/// Also returns how many of them were left out: they stand on text the reading text does
/// not keep (paragraph and item labels, portion markings, page headers, routing lines).
pub(crate) fn build(
    body: Body,
    mut spans: Vec<Span>,
    id: Option<CableId>,
    warnings: Vec<Warning>,
) -> (Cable, usize) {
    let layout = body.layout;
    spans.sort_by_key(|s| (s.bytes.start, s.bytes.end));
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(layout.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |at: usize| line_starts.partition_point(|&s| s <= at).saturating_sub(1);
    let mut hidden = Vec::new();
    if let Some(end) = transmission::routing_end(&layout) {
        hidden.push(0..end);
    }
    hidden.extend(transmission::page_headers(&layout));
    hidden.extend(transmission::page_markers(&layout, id.as_deref()));
    hidden.extend(transmission::line_end_backslashes(&layout));
    hidden.extend(transmission::pilcrows(&layout));
    hidden.sort_by_key(|r| r.start);
    let (body_end, signature) = signature(&layout);
    let mut starts = numbering::starts(&layout, body_end, &hidden);
    // Lettered items before the first paragraph stay in the header's own lines (REF
    // items, a cable lettered throughout): its fields end at their blank lines.
    let first_paragraph = starts
        .iter()
        .position(|s| s.paragraph)
        .unwrap_or(starts.len());
    starts.drain(..first_paragraph);
    hidden.extend(starts.iter().filter_map(|s| s.hidden.clone()));
    hidden.sort_by_key(|r| r.start);
    // Where the text after the header starts: the first numbered paragraph, else the
    // first block after the header's fields.
    let body_from = match starts.first() {
        Some(first) => Some(first.at),
        None => blocks::body_start(&layout, body_end, &hidden),
    };
    let headings = match body_from {
        Some(from) => placing::find_headings(&layout, from, body_end, &starts, &mut hidden),
        None => Vec::new(),
    };
    if let (None, Some(from)) = (starts.first(), body_from) {
        starts = blocks::paragraph_starts(&layout, from, body_end, &hidden)
            .into_iter()
            .enumerate()
            .map(|(i, at)| numbering::Start {
                at,
                label: (i + 1).to_string(),
                text_start: at,
                hidden: None,
                paragraph: true,
            })
            .collect();
    }
    let heading_of = placing::attach_headings(&layout, &headings, &mut starts, &hidden);

    let mut segments = Vec::with_capacity(starts.len() + 1);
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
    let mut push =
        |anchor: Option<(String, bool)>, range: Range<usize>, heading: Option<Range<usize>>| {
            let lines = line_of(range.start)..line_of(range.end.saturating_sub(1)) + 1;
            let keep_lines = anchor.is_none();
            let heading = heading.map(|h| collapse(&layout, h, &spans, &[], false, &mut placed));
            pieces += heading.as_ref().map_or(0, |h| h.spans.len());
            let block = collapse(&layout, range, &spans, &hidden, keep_lines, &mut placed);
            pieces += block.spans.len();
            let (anchor, paragraph) = match anchor {
                Some((label, paragraph)) => (Some(label), Some(paragraph)),
                None => (None, None),
            };
            segments.push(Segment {
                anchor,
                paragraph,
                block,
                lines,
                heading,
            });
        };
    push(None, 0..starts.first().map_or(body_end, |s| s.at), None);
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(body_end, |next| next.at);
        let text_start = start.text_start.clamp(start.at, end.max(start.at));
        push(
            Some((start.label.clone(), start.paragraph)),
            text_start..end.max(text_start),
            heading_of[i].clone(),
        );
    }
    let mut cable = structure::from_segments(segments, signature, id, warnings, body.tags);
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
                source: s.source,
            }
        })
        .collect();
    cable.source.clone_from(&layout);
    cable.layout = Some(layout);
    if !cable.signature_mentions().is_empty() {
        super::entities::regroup(&mut cable, None);
    }
    (cable, left_out)
}

/// The reading text of `layout[range]`: white space runs as one space, hidden ranges as
/// white space, ends trimmed; spans moved along with their text. With `keep_lines`, a run
/// that holds a line break is `\n`, a blank line `\n\n`; hidden text between two lines
/// (a page header) is a line break. A span that finds text to stand on is marked in
/// `placed`.
fn collapse(
    layout: &str,
    range: Range<usize>,
    spans: &[Span],
    hidden: &[Range<usize>],
    keep_lines: bool,
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
    // Hidden ranges are sorted: those that end before this segment are passed at once.
    let first_hidden = hidden.partition_point(|h| h.end <= range.start);
    let (mut next_start, mut next_end, mut next_hidden) = (0, 0, first_hidden);
    let mut pending_space = false;
    let (mut pending_breaks, mut pending_hidden) = (0, false);
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
            pending_hidden |= is_hidden;
            pending_breaks += usize::from(c == '\n' && !is_hidden);
            continue;
        }
        if pending_space && !text.is_empty() {
            match (keep_lines, pending_hidden, pending_breaks) {
                (false, _, _) | (true, false, 0) => text.push(' '),
                (true, true, _) | (true, false, 1) => text.push('\n'),
                _ => text.push_str("\n\n"),
            }
        }
        pending_space = false;
        (pending_breaks, pending_hidden) = (0, false);
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
                source: span.source,
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

/// Finds the signature on the last line that is not an end mark or other noise
/// ([`signature::is_end_line`]). Returns where the body ends (before the signature; else
/// before the end marks) and the name.
fn signature(layout: &str) -> (usize, Option<String>) {
    let last_text = lines(layout)
        .rev()
        .find(|(_, line)| !signature::is_end_line(line));
    if let Some((range, line)) = last_text
        && let Some(name) = signature::from_words(line.split_whitespace())
    {
        return (range.start, Some(name));
    }
    let end = lines(layout)
        .rev()
        .take_while(|(_, line)| signature::is_end_mark_line(line))
        .last()
        .map_or(layout.len(), |(range, _)| range.start);
    (end, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cable::{EntityKind, MentionSource};

    fn body(text: &str) -> Body {
        Body {
            layout: text.to_string(),
            tags: Vec::new(),
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
                source: MentionSource::SideFile,
            },
            Span {
                kind: EntityKind::Loc,
                bytes: paris..paris + 6,
                source: MentionSource::SideFile,
            },
        ];
        let mut placed = [false; 2];
        let block = collapse(layout, 0..layout.len(), &spans, &[], false, &mut placed);
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
    fn signature_skips_end_marks() {
        let (cable, _) = build(
            body("UNCLAS X 1\nSUBJECT: Y\nsome text.\nENDERS\nBT\n#5480\n\nNNNN\n"),
            Vec::new(),
            None,
            Vec::new(),
        );
        assert_eq!(cable.signature.as_deref(), Some("ENDERS"));
        assert!(!cable.header.text.contains("NNNN"));
        assert!(!cable.header.text.contains("ENDERS"));
    }

    /// A WikiLeaks page holding `body` (lines joined by `&#x000A;`), parsed.
    fn page(body: &str) -> Cable {
        let html = format!(
            "<table class='cable'></table><code><pre>{}</pre></code>",
            body.replace('\n', "&#x000A;")
        );
        crate::cable::parse(&html, "x.html").unwrap()
    }

    fn labels(cable: &Cable) -> Vec<&str> {
        cable.paragraphs.iter().map(|p| p.label.as_str()).collect()
    }

    #[test]
    fn signatures_above_the_classification_and_release_stamp() {
        for tail in [
            "DOE \nCONFIDENTIAL",
            "DOE \n\nUNCLASSIFIED \n\nDeclassified/Released US Department of State EO Systematic Review 30 JUN 2005",
            "DOE##",
            "DOE \\\n \\",
        ] {
            let cable = page(&format!(
                "UNCLAS X 1\nSUBJECT: Y\n\n1. (U) Some text.\n{tail}"
            ));
            assert_eq!(cable.signature.as_deref(), Some("DOE"), "{tail}");
            assert_eq!(cable.paragraphs[0].text, "Some text.", "{tail}");
        }
        for tail in ["SIPDIS", "NNNN", "XXXXXXXXXXXX", "CONFIDENTIAL"] {
            let cable = page(&format!(
                "UNCLAS X 1\nSUBJECT: Y\n\n1. (U) Some text.\n{tail}"
            ));
            assert_eq!(cable.signature, None, "{tail}");
        }
    }

    #[test]
    fn paragraphs_as_the_body_numbers_them() {
        // A marking before the number, and no anchor.
        let cable = page("SUBJECT: X\n\n(C) 1. In a visit\n(C) 2. Then");
        assert_eq!(labels(&cable), ["1", "2"]);
        assert_eq!(cable.paragraphs[0].text, "In a visit");
        assert_eq!(cable.paragraphs[0].marking.as_ref().unwrap().code, "C");
        // `1)` numbering.
        let cable = page("SUBJECT: X\n\n1) (U) Summary.\n2) (U) More.");
        assert_eq!(labels(&cable), ["1", "2"]);
        // An anchor on a date list's `28.` is not a paragraph.
        let cable = page(
            "SUBJECT: X\n<a id='par1' href='#par1'>¶</a>1. (C) Dates:\n<a id='par28' href='#par28'>¶</a>28. March\n2.(C) Next",
        );
        assert_eq!(labels(&cable), ["1", "2"]);
        assert_eq!(cable.paragraphs[0].text, "Dates: 28. March");
    }

    #[test]
    fn headers_run_together_on_one_line() {
        let cable = page(
            "Cable dated:2002-11-15T12:40:00S E C R E T SECTION 01 OF 05 ANKARA 008305S/CT FOR REAPE.O. 12958: DECL: 11/14/2012 TAGS: PTER TU\n\n1. (U) CLASSIFIED BY DCM ROBERT S. DEUTSCH; REASONS 1.5 (B) AND (D).\n\n2. (U) Combating terrorism.",
        );
        assert_eq!(labels(&cable), ["1", "2"]);
        let h = &cable.header;
        assert_eq!(h.origin.as_deref(), Some("ANKARA"));
        assert_eq!(h.tags, ["PTER", "TU"]);
        assert_eq!(h.classified_by.as_deref(), Some("DCM ROBERT S. DEUTSCH"));
        assert_eq!(h.classified_by_name.as_deref(), Some("ROBERT S. DEUTSCH"));
        assert_eq!(h.reasons.as_deref(), Some("1.5 (B) AND (D)"));
    }

    #[test]
    fn a_pages_tags_links_are_its_tags() {
        let cable = page(
            "TAGS: <a href='/tag/PREL_0.html'>PREL</a> <a href='/tag/PGOV_0.html'>PGOV</a>\nDISCUSS HAITI AND OTHER ISSUES\n\n1. (C) Text",
        );
        assert_eq!(cable.header.tags, ["PREL", "PGOV"]);
        let cable = page("TAGS: <a href='/tag/PREL_0.html'>PREL</a> SBU THE CHARGE\n\n1. (C) Text");
        assert_eq!(cable.header.tags, ["PREL"]);
    }

    #[test]
    fn pilcrows_copied_from_a_page_view() {
        let (cable, _) = build(
            body("SUBJECT: X\nREF: A. STATE 1\n¶B. STATE 2\n\n¶1. (C) One.\n¶2. (C) Two."),
            Vec::new(),
            None,
            Vec::new(),
        );
        let labels: Vec<&str> = cable.paragraphs.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["1", "2"]);
        assert_eq!(cable.header.references.len(), 2);
        assert_eq!(cable.header.references[1].text, "STATE 2");
        assert!(!cable.header.text.contains('¶') && !cable.paragraphs[0].text.contains('¶'));
    }
}
