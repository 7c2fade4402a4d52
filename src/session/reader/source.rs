//! The source view: the cable's file as written, the tagger's brackets styled. A cable
//! read from several files (its annotated text and its page) shows each in turn: `s`
//! steps from the reading view through every file and back.

use super::Reader;
use crate::cable::{Cable, SourceSpan};
use crate::session::text_layout::{BlockSpec, DocLayout};
use std::ops::Range;
use std::rc::Rc;

/// One file's text cut into lines, found once at open.
#[derive(Debug)]
pub(super) struct SourceIndex {
    lines: Vec<Range<usize>>,
    /// See [`source_reach`].
    reach: Vec<usize>,
}

impl SourceIndex {
    fn new(text: &str, spans: &[SourceSpan]) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.strip_suffix('\r').unwrap_or(line).len();
            lines.push(start..end);
            start += line.len() + 1;
        }
        Self {
            lines,
            reach: source_reach(spans),
        }
    }

    /// The cable's own file first, then the other files of the cable.
    pub(super) fn of_cable(cable: &Cable) -> Vec<Self> {
        std::iter::once(Self::new(&cable.source, &cable.source_spans))
            .chain(
                cable
                    .other_sources
                    .iter()
                    .map(|o| Self::new(&o.text, &o.spans)),
            )
            .collect()
    }
}

impl Reader {
    /// The shown file's text, spans and lines.
    fn shown_source(&self) -> (&str, &[SourceSpan], &SourceIndex) {
        // `sources` holds one index per file, the cable's own first: `shown_source` stays
        // below its length (`toggle_source`).
        let other = self
            .shown_source
            .checked_sub(1)
            .and_then(|o| self.cable.other_sources.get(o));
        match (other, self.sources.get(self.shown_source)) {
            (Some(other), Some(index)) => (&other.text, &other.spans, index),
            _ => (
                &self.cable.source,
                &self.cable.source_spans,
                &self.sources[0],
            ),
        }
    }

    /// Which file the source view shows, when the cable was read from several: its name,
    /// its number from 1 and how many there are.
    #[must_use]
    pub fn source_file(&self) -> Option<(&str, usize, usize)> {
        if self.cable.other_sources.is_empty() {
            return None;
        }
        let name = match self.shown_source.checked_sub(1) {
            Some(other) => self.cable.other_sources.get(other).map(|o| o.name.as_str()),
            None => self.cable.source_name.as_deref(),
        };
        Some((
            name.unwrap_or("?"),
            self.shown_source + 1,
            self.cable.other_sources.len() + 1,
        ))
    }

    /// The source view's bracketed mentions that may touch `bytes` of source line `line`,
    /// found by binary search (a 50 MB line can hold millions); filter them for overlap.
    #[must_use]
    pub fn source_spans_near(&self, line: usize, bytes: Range<usize>) -> &[SourceSpan] {
        let (_, spans, index) = self.shown_source();
        let end = spans.partition_point(|s| (s.line, s.bytes.start) < (line, bytes.end));
        // The first span reaching past `bytes.start`; `reach` only grows along a line, so
        // this is a binary search too.
        let (mut start, mut high) = (0, end);
        while start < high {
            let mid = start + (high - start) / 2;
            let reach = index.reach.get(mid).copied().unwrap_or(usize::MAX);
            if (spans[mid].line, reach) <= (line, bytes.start) {
                start = mid + 1;
            } else {
                high = mid;
            }
        }
        &spans[start..end]
    }

    /// The line-number column's width in the source view.
    #[must_use]
    pub fn source_gutter_width(&self) -> u16 {
        let lines = self.shown_source().2.lines.len();
        u16::try_from(lines.max(1).to_string().len() + 1).unwrap_or(8)
    }

    /// The shown file laid out at `width` columns (cached per width).
    #[must_use]
    pub fn source_layout_for(&self, width: usize) -> Rc<DocLayout> {
        let width = width.max(1);
        if let Some(doc) = self
            .source_cache
            .borrow()
            .as_ref()
            .filter(|d| d.width == width)
        {
            return Rc::clone(doc);
        }
        let lines = (0..self.shown_source().2.lines.len()).map(|l| BlockSpec {
            heading: None,
            text: self.source_line(l),
            folded: false,
            heading_last: false,
        });
        let doc = Rc::new(DocLayout::build(lines, width, false));
        *self.source_cache.borrow_mut() = Some(Rc::clone(&doc));
        doc
    }

    /// One line of the shown file, without its line ending.
    #[must_use]
    pub fn source_line(&self, line: usize) -> &str {
        let (text, _, index) = self.shown_source();
        index
            .lines
            .get(line)
            .and_then(|r| text.get(r.clone()))
            .unwrap_or("")
    }

    /// `s`: from reading to the source view at the paragraph in view; in the source view,
    /// to the cable's next file, or back to reading after the last.
    pub(super) fn toggle_source(&mut self) {
        if self.source_view && self.shown_source + 1 < self.sources.len() {
            self.shown_source += 1;
            *self.source_cache.borrow_mut() = None;
            // Only the base file's lines are known per paragraph: another starts at its top.
            self.source_top = 0;
            return;
        }
        self.source_view = !self.source_view;
        if self.shown_source != 0 {
            self.shown_source = 0;
            *self.source_cache.borrow_mut() = None;
        }
        if self.source_view {
            let line = match self.current_block() {
                0 => 0,
                b => self
                    .cable
                    .paragraphs
                    .get(b - 1)
                    .map_or(0, |p| p.source_lines.start),
            };
            let doc =
                self.source_layout_for(usize::from(self.reader_geometry(self.area()).text.width));
            self.source_top = doc.block_rows.get(line).copied().unwrap_or(0);
            self.scroll_by(0);
        }
    }
}

/// For each source span, the furthest end of the spans of its line up to it: spans are in
/// order of their start, and a side file's may overlap, so ends alone need not grow.
fn source_reach(spans: &[SourceSpan]) -> Vec<usize> {
    let mut reach = Vec::with_capacity(spans.len());
    let mut last: Option<(usize, usize)> = None;
    for span in spans {
        let furthest = match last {
            Some((line, end)) if line == span.line => end.max(span.bytes.end),
            _ => span.bytes.end,
        };
        last = Some((span.line, furthest));
        reach.push(furthest);
    }
    reach
}
