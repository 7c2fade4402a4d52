//! Drawing: a pure function of `&App`, one widget per pane.
//!
//! Every piece of text from the cable passes through [`crate::sanitize`] before it
//! reaches a cell, so a file cannot send escape sequences to the terminal.

mod entities;
mod header;
mod help;
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

pub use crate::sanitize::truncate;
use crate::session::layout;

/// Draws the whole screen: the one place the crate draws a frame.
pub fn draw(frame: &mut Frame, session: &crate::session::Session) {
    frame.render_widget(session, frame.area());
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
            help::render(self, &self.theme, area, scroll, buf);
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

/// A span of file text, made safe.
fn safe_span(text: &str, style: Style) -> Span<'static> {
    Span::styled(crate::sanitize::visible(text).into_owned(), style)
}
