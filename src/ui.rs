//! Drawing: a pure function of `&App`, one widget per pane.
//!
//! Every piece of text from the cable passes through [`crate::sanitize`] before it
//! reaches a cell, so a file cannot send escape sequences to the terminal.

mod entities;
mod header;
mod help;
pub mod layout;
pub mod library;
mod navigator;
mod reader;
mod status;

use crate::app::App;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

pub use help::{HelpRow, help_lines, library_help_lines, max_scroll as max_help_scroll};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    frame.render_widget(app, frame.area());
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.ui.text);
        if layout::too_small(area) {
            too_small(area, buf);
            return;
        }
        let panes = layout::panes(area, self);
        header::render(self, area, panes.header, buf);
        if let Some(pane) = panes.navigator {
            navigator::render(self, pane, buf);
        }
        reader::render(self, self.reader_geometry(area), buf);
        if let Some(pane) = panes.entities {
            entities::render(self, pane, buf);
        }
        status::render(self, panes.status, buf);
        if let Some(scroll) = self.help {
            help::render(self, area, scroll, buf);
        }
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "cableview needs at least {}x{}; this terminal is {}x{}",
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT,
        area.width,
        area.height
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .centered()
        .render(area, buf);
}

/// A bordered pane with a title, highlighted when focused.
fn pane_block<'a>(app: &App, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let ui = &app.theme.ui;
    Block::bordered()
        .border_style(if focused {
            ui.border_focused
        } else {
            ui.border
        })
        .title(title.into().style(ui.title))
}

/// `text` cut to `width` columns with an ellipsis, control characters made visible.
///
/// Reads only as far as the cut: a 50 MB subject or entity name costs what a short one
/// does. Characters of no width (combining marks) count toward a budget too, so a run
/// of them cannot make it read the whole text either.
#[must_use]
pub fn truncate(text: &str, width: usize) -> String {
    // More characters than any row of `width` columns needs, combining marks included.
    let budget = width.saturating_mul(8).saturating_add(64);
    let mut out = String::new();
    let mut used = 0;
    // Where the ellipsis goes if the text turns out not to fit: the longest prefix that
    // leaves a column for it.
    let mut cut = None;
    for (count, c) in text.chars().enumerate() {
        let w = crate::sanitize::char_width(c);
        if cut.is_none() && used + w + 1 > width {
            cut = Some(out.len());
        }
        if used + w > width || count >= budget {
            out.truncate(cut.unwrap_or(out.len()));
            if width > 0 {
                out.push('…');
            }
            return out;
        }
        used += w;
        out.push(crate::sanitize::visible_char(c));
    }
    out
}

/// A span of file text, made safe.
fn safe_span(text: &str, style: Style) -> Span<'static> {
    Span::styled(crate::sanitize::visible(text).into_owned(), style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_cuts_by_width_and_sanitizes() {
        assert_eq!(truncate("Hezbollah", 20), "Hezbollah");
        assert_eq!(truncate("Hezbollah", 5), "Hezb…");
        assert_eq!(truncate("a\u{1b}b", 5), "a\u{241b}b");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("日本語", 5), "日本…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("e\u{301}", 1), "e\u{301}");
    }

    #[test]
    fn truncate_reads_only_as_far_as_the_cut() {
        let huge = "word ".repeat(2_000_000);
        let start = std::time::Instant::now();
        for _ in 0..100 {
            assert_eq!(truncate(&huge, 10), "word word…");
        }
        // A whole-text scan is ~10 ms a call here; a hundred calls of the cut alone
        // take microseconds.
        assert!(start.elapsed() < std::time::Duration::from_millis(200));
        let marks = format!("a{}", "\u{301}".repeat(100_000));
        let cut = truncate(&marks, 2);
        assert!(
            cut.ends_with('…') && cut.chars().count() < 100,
            "{}",
            cut.len()
        );
    }
}
