//! The paragraph navigator: the header, section headings, one row per paragraph.

use super::{layout, pane_block, safe_span, truncate};
use crate::cable::Paragraph;
use crate::session::reader::NavRow;
use crate::ui::theme::UiStyles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// What the navigator draws: the rows, the cable's paragraphs they name, and which row
/// the reader is at.
pub struct Navigator<'a> {
    /// The rows, in order.
    pub rows: &'a [NavRow],
    /// The cable's paragraphs (block `n` is paragraph `n - 1`).
    pub paragraphs: &'a [Paragraph],
    /// The row of the block the reader is in.
    pub current: usize,
    /// The marks set with `m`: each letter and the block it is in, shown at the end of
    /// that block's row as `'a`.
    pub marks: &'a [(char, usize)],
    /// Whether the pane has the focus.
    pub focused: bool,
    /// The styles.
    pub ui: &'a UiStyles,
}

impl Widget for Navigator<'_> {
    fn render(self, pane: Rect, buf: &mut Buffer) {
        render(&self, pane, buf);
    }
}

fn render(nav: &Navigator, pane: Rect, buf: &mut Buffer) {
    let ui = nav.ui;
    let title = format!(" Paragraphs {} ", nav.paragraphs.len());
    pane_block(ui, title, nav.focused).render(pane, buf);
    let inner = layout::inner(pane);
    let height = usize::from(inner.height);
    let current = nav.current;
    let offset = layout::list_offset(current, nav.rows.len(), height);
    let width = usize::from(inner.width);
    for (i, row) in nav.rows.iter().enumerate().skip(offset).take(height) {
        let y = inner.y + u16::try_from(i - offset).unwrap_or(0);
        let marker = if i == current { "▶" } else { " " };
        let marks = marks_of(nav, *row);
        let room = width.saturating_sub(crate::sanitize::width(&marks));
        let line = match *row {
            NavRow::Header => Line::from(vec![Span::raw(marker), Span::styled("Header", ui.label)]),
            NavRow::Heading(block) => {
                let heading = nav
                    .paragraphs
                    .get(block - 1)
                    .and_then(|p| p.heading.as_deref())
                    .unwrap_or("");
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(truncate(heading, width.saturating_sub(1)), ui.heading),
                ])
            }
            NavRow::Paragraph(block) => paragraph_row(nav, block, marker, room),
        };
        let area = Rect {
            y,
            height: 1,
            ..inner
        };
        line.render(area, buf);
        if !marks.is_empty() {
            let x = inner.x + u16::try_from(room).unwrap_or(0);
            buf.set_stringn(x, y, &marks, width - room, ui.label);
        }
        if i == current {
            buf.set_style(area, ui.current);
        }
    }
}

fn paragraph_row(
    nav: &Navigator,
    block: usize,
    marker: &'static str,
    width: usize,
) -> Line<'static> {
    let ui = nav.ui;
    let Some(paragraph) = nav.paragraphs.get(block - 1) else {
        return Line::default();
    };
    let label = format!("¶{}", paragraph.label);
    let mut spans = vec![
        Span::raw(marker),
        safe_span(&label, ui.label),
        Span::raw(" "),
    ];
    let mut used = 2 + crate::sanitize::width(&label);
    if let Some(marking) = &paragraph.marking {
        spans.push(safe_span(&marking.code, ui.marking));
        spans.push(Span::raw(" "));
        used += marking.code.len() + 1;
    }
    let words = first_words(&paragraph.text, 12);
    spans.push(Span::styled(
        truncate(&words, width.saturating_sub(used)),
        ui.dim,
    ));
    Line::from(spans)
}

/// The marks in a row's block, `'a'b` (a heading row shows none: its paragraph does).
fn marks_of(nav: &Navigator, row: NavRow) -> String {
    let block = match row {
        NavRow::Header => 0,
        NavRow::Paragraph(block) => block,
        NavRow::Heading(_) => return String::new(),
    };
    nav.marks
        .iter()
        .filter(|(_, b)| *b == block)
        .map(|(letter, _)| format!("'{}", crate::sanitize::visible_char(*letter)))
        .collect()
}

/// The first `count` words of `text`, one space apart, read from its first few
/// kilobytes only: the row shows some thirty columns, and a paragraph of 50 MB without a
/// space must not be read whole for it on every frame.
fn first_words(text: &str, count: usize) -> String {
    const PREFIX: usize = 4096;
    let mut end = text.len().min(PREFIX);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end]
        .split_whitespace()
        .take(count)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::first_words;

    #[test]
    fn first_words_read_a_prefix_only() {
        assert_eq!(first_words("  one two\nthree  four ", 3), "one two three");
        assert_eq!(first_words("", 3), "");
        let huge = "é".repeat(10_000);
        let words = first_words(&huge, 12);
        assert!(words.len() <= 4096 && words.chars().all(|c| c == 'é'));
    }
}
