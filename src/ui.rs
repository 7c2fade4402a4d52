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
#[must_use]
pub fn truncate(text: &str, width: usize) -> String {
    if crate::sanitize::width(text) <= width {
        return crate::sanitize::visible(text).into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = crate::sanitize::char_width(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(crate::sanitize::visible_char(c));
    }
    if width > 0 {
        out.push('…');
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
    }
}
