//! Drawing: a pure function of the session, one widget per pane, each given what it
//! draws.
//!
//! Every piece of text from the cable passes through [`crate::sanitize`] before it
//! reaches a cell, so a file cannot send escape sequences to the terminal.

mod correct;
mod entities;
mod export;
pub mod facets;
mod header;
mod help;
pub mod library;
pub mod map;
mod navigator;
mod picker;
mod reader;
mod snippet;
mod status;
mod table;
pub mod theme;
pub mod timeline;

use crate::session::reader::{Focus, Mode, Reader};
use crate::ui::theme::{Theme, UiStyles};
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

/// The reader's screen: the open cable's panes, in the session's colours. Its help and
/// correction menu are overlays, drawn over it with the session's others.
pub struct ReaderScreen<'a> {
    /// The reader's state.
    pub app: &'a Reader,
    /// The colours.
    pub theme: &'a Theme,
}

impl Widget for ReaderScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { app, theme } = self;
        buf.set_style(area, theme.ui.text);
        if layout::too_small(area) {
            too_small(area, buf);
            return;
        }
        let panes = layout::panes(area, app);
        header::render(app, theme, area, panes.header, buf);
        if let Some(pane) = panes.navigator {
            let marks: Vec<(char, usize)> =
                app.marks().iter().map(|(c, a)| (*c, a.paragraph)).collect();
            navigator::Navigator {
                rows: app.nav_rows(),
                paragraphs: &app.cable().paragraphs,
                current: app.current_nav_row(),
                marks: &marks,
                focused: app.focus() == Focus::Navigator,
                ui: &theme.ui,
            }
            .render(pane, buf);
        }
        reader::render(app, theme, app.reader_geometry(area), buf);
        if let Some(pane) = panes.entities {
            entities::EntitySidebar {
                entities: &app.cable().entities,
                list: app.entity_list(),
                kinds: app.kinds(),
                hidden: app.hidden(),
                selected: app.selected(),
                focused: app.focus() == Focus::Entities,
                typing: *app.mode() == Mode::Filter,
                tagged: app.tagged(),
                theme,
            }
            .render(pane, buf);
        }
        status::render(app, None, theme, panes.status, buf);
    }
}

/// The frame of a terminal smaller than [`layout::MIN_WIDTH`] x [`layout::MIN_HEIGHT`].
pub(crate) fn too_small(area: Rect, buf: &mut Buffer) {
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
fn pane_block<'a>(ui: &UiStyles, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
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

/// A list's scroll marks for its bottom border: ` ↑ 2 above · ↓ 5 more `, or nothing
/// when every row is shown. The help and the export prompt mark their cut lists alike.
pub(crate) fn scroll_marks(above: usize, below: usize) -> String {
    let mut parts = Vec::new();
    if above > 0 {
        parts.push(format!("↑ {above} above"));
    }
    if below > 0 {
        parts.push(format!("↓ {below} more"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {} ", parts.join(" · "))
    }
}

/// `1234567` as `1,234,567`.
pub(crate) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}
