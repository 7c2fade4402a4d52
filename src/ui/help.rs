//! Draws the help overlays; what they say and where they go come from
//! [`crate::session::help`].

use crate::app::App;
use crate::session::help::{self, HelpRow, Placement};
use crate::session::layout;
use crate::theme::UiStyles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// Draws the reader's help overlay over `area`.
pub fn render(app: &App, theme: &crate::theme::Theme, area: Rect, scroll: usize, buf: &mut Buffer) {
    let keymap = &app.options.keymap;
    let title = help::reader_title(keymap);
    let lines = help::reader_lines(keymap, app.in_library());
    render_lines(&theme.ui, &title, &lines, area, scroll, buf);
}

/// Draws a help overlay of `lines` over `area` under `title`, scrolled by `scroll` rows.
pub fn render_lines(
    ui: &UiStyles,
    title: &str,
    lines: &[HelpRow],
    area: Rect,
    scroll: usize,
    buf: &mut Buffer,
) {
    let placement = Placement::of(lines, area);
    let Placement {
        popup,
        columns,
        per_column,
        key_width,
    } = placement;
    Clear.render(popup, buf);
    buf.set_style(popup, ui.text);
    Block::bordered()
        .border_style(ui.border_focused)
        .title(Line::from(Span::styled(title, ui.title)))
        .render(popup, buf);
    let inner = layout::inner(popup);
    let rows = usize::from(inner.height);
    let scroll = scroll.min(placement.max_scroll());
    let column_width = inner.width / u16::try_from(columns).unwrap_or(1);
    for column in 0..columns {
        let x = inner.x + column_width * u16::try_from(column).unwrap_or(0);
        let entries = lines
            .iter()
            .skip(column * per_column)
            .take(per_column)
            .skip(scroll)
            .take(rows);
        for (row, entry) in entries.enumerate() {
            let y = inner.y + u16::try_from(row).unwrap_or(0);
            let line = match entry {
                HelpRow::Heading(text) => Line::from(vec![
                    Span::raw(format!(" {:key_width$}  ", "")),
                    Span::styled(text.clone(), ui.heading),
                ]),
                HelpRow::Binding { keys, doc } => {
                    let key_style = if keys.is_empty() { ui.dim } else { ui.label };
                    Line::from(vec![
                        Span::styled(format!(" {:>key_width$} ", entry.keys_shown()), key_style),
                        Span::raw(" "),
                        Span::raw(doc.clone()),
                    ])
                }
            };
            buf.set_line(x, y, &line, column_width);
        }
    }
}
