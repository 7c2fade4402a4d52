//! The paragraph navigator: the header, section headings, one row per paragraph.

use super::{layout, pane_block, safe_span, truncate};
use crate::app::{App, Focus, NavRow};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the navigator pane.
pub fn render(app: &App, pane: Rect, buf: &mut Buffer) {
    let ui = &app.theme.ui;
    let title = format!(" Paragraphs {} ", app.cable.paragraphs.len());
    pane_block(app, title, app.focus == Focus::Navigator).render(pane, buf);
    let inner = layout::inner(pane);
    let height = usize::from(inner.height);
    let current = app.current_nav_row();
    let offset = layout::list_offset(current, app.nav_rows.len(), height);
    let width = usize::from(inner.width);
    for (i, row) in app.nav_rows.iter().enumerate().skip(offset).take(height) {
        let y = inner.y + u16::try_from(i - offset).unwrap_or(0);
        let marker = if i == current { "▶" } else { " " };
        let line = match *row {
            NavRow::Header => Line::from(vec![Span::raw(marker), Span::styled("Header", ui.label)]),
            NavRow::Heading(block) => {
                let heading = app.block_heading(block).unwrap_or("");
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(truncate(heading, width.saturating_sub(1)), ui.heading),
                ])
            }
            NavRow::Paragraph(block) => paragraph_row(app, block, marker, width),
        };
        let area = Rect {
            y,
            height: 1,
            ..inner
        };
        line.render(area, buf);
        if i == current {
            buf.set_style(area, ui.current);
        }
    }
}

fn paragraph_row(app: &App, block: usize, marker: &'static str, width: usize) -> Line<'static> {
    let ui = &app.theme.ui;
    let Some(paragraph) = app.cable.paragraphs.get(block - 1) else {
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
