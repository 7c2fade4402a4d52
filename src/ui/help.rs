//! Draws the help overlays; what they say and where they go come from
//! [`crate::session::help`].

use crate::sanitize::truncate;
use crate::session::help::{HelpRow, Placement};
use crate::session::layout;
use crate::ui::theme::UiStyles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

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
    let scroll = scroll.min(placement.max_scroll());
    Block::bordered()
        .border_style(ui.border_focused)
        .title(Line::from(Span::styled(title, ui.title)))
        .title_bottom(
            Line::from(Span::styled(indicator(&placement, scroll), ui.label)).right_aligned(),
        )
        .render(popup, buf);
    let inner = layout::inner(popup);
    let rows = usize::from(inner.height);
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
            // A line cut by the border ends in `…`, so it does not read as complete.
            let room = usize::from(column_width).saturating_sub(key_width + 3);
            let line = match entry {
                HelpRow::Heading(text) => Line::from(vec![
                    Span::raw(format!(" {:key_width$}  ", "")),
                    Span::styled(truncate(text, room), ui.heading),
                ]),
                HelpRow::Binding { keys, doc } => {
                    let key_style = if keys.is_empty() { ui.dim } else { ui.label };
                    let keys = truncate(entry.keys_shown(), key_width);
                    Line::from(vec![
                        Span::styled(format!(" {keys:>key_width$} "), key_style),
                        Span::raw(" "),
                        Span::raw(truncate(doc, room)),
                    ])
                }
            };
            buf.set_line(x, y, &line, column_width);
        }
    }
}

/// The bottom border's scroll indicator: how many rows are above and below the view.
fn indicator(placement: &Placement, scroll: usize) -> String {
    super::scroll_marks(scroll, placement.rows_below(scroll))
}
