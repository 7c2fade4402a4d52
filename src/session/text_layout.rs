//! Text laid out into screen rows, once per width.
//!
//! A [`DocLayout`] turns a list of blocks (a heading and a text each) into rows that
//! point back into the block's text by byte range. Drawing then costs O(visible rows) and
//! finding a block's first row is an index lookup; finding a byte's row is a binary search.

use crate::sanitize::char_width;
use std::ops::Range;

/// One block to lay out: an optional heading, then the text.
#[derive(Debug, Clone, Copy)]
pub struct BlockSpec<'a> {
    /// A heading shown on its own rows before the text (after it when `heading_last`).
    pub heading: Option<&'a str>,
    /// The heading is a note on the text read after it: its rows follow the text's, so
    /// the block's first row is its text's, labelled.
    pub heading_last: bool,
    /// The text, wrapped on spaces.
    pub text: &'a str,
    /// Folded: the heading stands for the block and the text gets no rows (the block's
    /// first text row is then its heading's first row, so jumps and searches land there).
    pub folded: bool,
}

/// What a row shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    /// An empty row between blocks.
    Blank,
    /// A slice of the block's heading.
    Heading(Range<usize>),
    /// A slice of the block's text; `first` on the block's first text row.
    Text {
        /// Byte range in the text.
        bytes: Range<usize>,
        /// Whether this is the first row of the text.
        first: bool,
    },
}

/// One screen row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The block it belongs to.
    pub block: usize,
    /// What it shows.
    pub kind: RowKind,
}

/// A document laid out at one width.
#[derive(Debug, Clone, Default)]
pub struct DocLayout {
    /// The text width the rows were wrapped to.
    pub width: usize,
    /// Every row, in order.
    pub rows: Vec<Row>,
    /// The first row of each block (a blank or heading row before its text, if any).
    pub block_rows: Vec<usize>,
    /// The first text row of each block.
    pub text_rows: Vec<usize>,
}

impl DocLayout {
    /// Lays the blocks out at `width` columns; `spaced` puts a blank row between blocks.
    #[must_use]
    pub fn build<'a>(
        blocks: impl IntoIterator<Item = BlockSpec<'a>>,
        width: usize,
        spaced: bool,
    ) -> Self {
        let width = width.max(1);
        let mut layout = DocLayout {
            width,
            ..DocLayout::default()
        };
        for (block, spec) in blocks.into_iter().enumerate() {
            layout.block_rows.push(layout.rows.len());
            if spaced && block > 0 {
                layout.rows.push(Row {
                    block,
                    kind: RowKind::Blank,
                });
            }
            if spec.folded {
                layout.text_rows.push(layout.rows.len());
                for range in wrap(spec.heading.unwrap_or(""), width) {
                    layout.rows.push(Row {
                        block,
                        kind: RowKind::Heading(range),
                    });
                }
                continue;
            }
            let heading = spec.heading.map(|h| wrap(h, width)).unwrap_or_default();
            if !spec.heading_last {
                layout.push_heading(block, heading.clone(), spaced, false);
            }
            layout.text_rows.push(layout.rows.len());
            for (i, bytes) in wrap(spec.text, width).into_iter().enumerate() {
                layout.rows.push(Row {
                    block,
                    kind: RowKind::Text {
                        bytes,
                        first: i == 0,
                    },
                });
            }
            if spec.heading_last {
                layout.push_heading(block, heading, spaced, true);
            }
        }
        layout
    }

    /// A block's heading rows, a blank row between them and the text when `spaced`
    /// (before them when the heading comes `last`).
    fn push_heading(&mut self, block: usize, heading: Vec<Range<usize>>, spaced: bool, last: bool) {
        if heading.is_empty() {
            return;
        }
        let blank = Row {
            block,
            kind: RowKind::Blank,
        };
        if spaced && last {
            self.rows.push(blank.clone());
        }
        for range in heading {
            self.rows.push(Row {
                block,
                kind: RowKind::Heading(range),
            });
        }
        if spaced && !last {
            self.rows.push(blank);
        }
    }

    /// The number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The number of blocks.
    #[must_use]
    pub fn blocks(&self) -> usize {
        self.block_rows.len()
    }

    /// The rows of one block.
    #[must_use]
    pub fn block_range(&self, block: usize) -> Range<usize> {
        let start = self
            .block_rows
            .get(block)
            .copied()
            .unwrap_or(self.rows.len());
        let end = self
            .block_rows
            .get(block + 1)
            .copied()
            .unwrap_or(self.rows.len());
        start..end
    }

    /// The text row of `block` that holds byte `offset` of its text (binary search).
    #[must_use]
    pub fn row_of_byte(&self, block: usize, offset: usize) -> usize {
        let start = self.text_rows.get(block).copied().unwrap_or(0);
        let end = self.block_range(block).end.max(start);
        let rows = &self.rows[start..end];
        let after = rows.partition_point(|r| match &r.kind {
            RowKind::Text { bytes, .. } => bytes.start <= offset,
            _ => true,
        });
        start + after.saturating_sub(1)
    }
}

/// Wraps `text` into rows of at most `width` columns; a line feed is a hard break
/// (sub-items of a paragraph start on their own row). Ranges never include the `\n`.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let shift = |r: Range<usize>| r.start + offset..r.end + offset;
        rows.extend(wrap_line(line, width).into_iter().map(shift));
        offset += line.len() + 1;
    }
    rows
}

/// Wraps `text` into lines of at most `width` columns, breaking at spaces where it can.
///
/// Returns byte ranges; spaces at a break are dropped; a word longer than the width is
/// cut; at least one (possibly empty) line is returned.
#[must_use]
fn wrap_line(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    loop {
        if !lines.is_empty() {
            start += text[start..].len() - text[start..].trim_start_matches(' ').len();
        }
        if start >= text.len() {
            if lines.is_empty() {
                lines.push(0..0);
            }
            return lines;
        }
        let mut used = 0;
        let mut last_space: Option<usize> = None;
        let mut overflow: Option<(usize, char)> = None;
        for (i, c) in text[start..].char_indices() {
            let at = start + i;
            let w = char_width(c);
            if used + w > width && at > start {
                overflow = Some((at, c));
                break;
            }
            used += w;
            if c == ' ' {
                last_space = Some(at);
            }
        }
        let Some((at, c)) = overflow else {
            lines.push(start..text.len());
            return lines;
        };
        let end = if c == ' ' {
            at
        } else if let Some(space) = last_space.filter(|&s| s > start) {
            space
        } else {
            at
        };
        lines.push(start..text[..end].trim_end_matches(' ').len().max(start));
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(lines("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(lines("aa  bb", 2), ["aa", "bb"]);
    }

    #[test]
    fn line_feeds_are_hard_breaks() {
        assert_eq!(lines("one two\nB. three", 20), ["one two", "B. three"]);
        assert_eq!(lines("a\n\nb", 5), ["a", "", "b"]);
        assert_eq!(lines("abc def\nx", 4), ["abc", "def", "x"]);
    }

    #[test]
    fn cuts_long_words_and_tiny_widths() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(lines("ab", 0), ["a", "b"]);
        assert_eq!(lines("日本語", 1), ["日", "本", "語"]);
        assert_eq!(lines("日本語", 3), ["日", "本", "語"]);
        assert_eq!(lines("", 5), [""]);
    }

    #[test]
    fn no_line_is_wider_than_the_width() {
        let text =
            "Summary: U.S.-French cooperation on terrorism is mature and broad-based. 日本 é";
        for width in 2..40 {
            for line in lines(text, width) {
                assert!(crate::sanitize::width(line) <= width, "{line:?} at {width}");
            }
        }
    }

    #[test]
    fn blocks_get_heading_blank_and_text_rows() {
        let blocks = [
            BlockSpec {
                heading: None,
                text: "one two",
                folded: false,
                heading_last: false,
            },
            BlockSpec {
                heading: Some("HEAD"),
                text: "three four five",
                folded: false,
                heading_last: false,
            },
        ];
        let layout = DocLayout::build(blocks, 5, true);
        let kinds: Vec<_> = layout
            .rows
            .iter()
            .map(|r| (r.block, r.kind.clone()))
            .collect();
        assert_eq!(
            kinds[0],
            (
                0,
                RowKind::Text {
                    bytes: 0..3,
                    first: true
                }
            )
        );
        assert_eq!(kinds[2], (1, RowKind::Blank));
        assert_eq!(kinds[3], (1, RowKind::Heading(0..4)));
        assert_eq!(layout.block_rows, [0, 2]);
        assert_eq!(layout.text_rows, [0, 5]);
        assert_eq!(layout.len(), 8);
        assert_eq!(layout.row_of_byte(1, 0), 5);
        assert_eq!(layout.row_of_byte(1, 11), 7);
        assert_eq!(layout.row_of_byte(1, 7), 6);
    }

    #[test]
    fn a_folded_block_is_its_heading_alone() {
        let blocks = [
            BlockSpec {
                heading: Some("▸ folded"),
                text: "many words of raw header",
                folded: true,
                heading_last: false,
            },
            BlockSpec {
                heading: None,
                text: "para",
                folded: false,
                heading_last: false,
            },
        ];
        let layout = DocLayout::build(blocks, 20, true);
        assert_eq!(layout.rows[0].kind, RowKind::Heading(0..10));
        assert_eq!(layout.rows[1].kind, RowKind::Blank);
        assert_eq!(layout.text_rows, [0, 2]);
        assert_eq!(layout.len(), 3);
        assert_eq!(
            layout.row_of_byte(0, 12),
            0,
            "a byte of folded text is on its row"
        );
    }

    #[test]
    fn a_heading_last_follows_its_text() {
        let blocks = [BlockSpec {
            heading: Some("NOTE"),
            text: "one two",
            folded: false,
            heading_last: true,
        }];
        let layout = DocLayout::build(blocks, 5, true);
        let kinds: Vec<_> = layout.rows.iter().map(|r| r.kind.clone()).collect();
        let text = |bytes, first| RowKind::Text { bytes, first };
        assert_eq!(
            kinds,
            [
                text(0..3, true),
                text(4..7, false),
                RowKind::Blank,
                RowKind::Heading(0..4)
            ]
        );
        assert_eq!(layout.text_rows, [0]);
    }
}
