//! The help overlays of the reader and the library, generated from the keymap so they
//! always tell the truth.

use crate::action::LibraryAction;
use crate::app::App;
use crate::keymap::Keymap;
use crate::theme::UiStyles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

const MOUSE: [(&str, &str); 3] = [
    ("wheel", "scroll the pane under the pointer"),
    ("click", "jump to a navigator row, select an entity"),
    ("click mention", "select its entity"),
];

const LIBRARY_MOUSE: (&str, &str) = ("click link", "open the REF's or citing cable");

/// A heading row of the help: no keys, the heading in the doc column.
fn heading(text: &str) -> (String, String) {
    (String::new(), text.to_string())
}

/// The library actions that pass `which`, as help rows.
fn library_rows(keymap: &Keymap, which: fn(&LibraryAction) -> bool) -> Vec<(String, String)> {
    keymap
        .library_bindings()
        .filter(|(action, _)| which(action))
        .map(|(action, _)| (keymap.describe_library(action), action.doc().to_string()))
        .collect()
}

/// The help rows: keys then what they do, every binding of the keymap, then the mouse;
/// in a library session, the keys that move between cables too. A row with no keys is
/// a heading.
#[must_use]
pub fn help_lines(app: &App) -> Vec<(String, String)> {
    let keymap = &app.options.keymap;
    let mut lines: Vec<(String, String)> = keymap
        .bindings()
        .map(|(action, _)| (keymap.describe(action), action.doc().to_string()))
        .collect();
    lines.extend(
        MOUSE
            .iter()
            .map(|(k, d)| ((*k).to_string(), (*d).to_string())),
    );
    if app.in_library() {
        lines.push(heading("Library: between cables"));
        lines.extend(library_rows(keymap, LibraryAction::in_reader));
        lines.push((LIBRARY_MOUSE.0.to_string(), LIBRARY_MOUSE.1.to_string()));
    }
    lines
}

/// The library table's help rows: its keys, then those of the reader in a library.
#[must_use]
pub fn library_help_lines(keymap: &Keymap) -> Vec<(String, String)> {
    let mut lines = library_rows(keymap, LibraryAction::on_table);
    lines.push(heading("In the reader of a cable from the library"));
    lines.extend(library_rows(keymap, |a| a.in_reader() && !a.on_table()));
    lines.push((LIBRARY_MOUSE.0.to_string(), LIBRARY_MOUSE.1.to_string()));
    lines
}

/// Draws the reader's help overlay over `area`.
pub fn render(app: &App, area: Rect, scroll: usize, buf: &mut Buffer) {
    render_lines(&app.theme.ui, &help_lines(app), area, scroll, buf);
}

/// Draws a help overlay of `lines` over `area`, scrolled by `scroll` rows.
pub fn render_lines(
    ui: &UiStyles,
    lines: &[(String, String)],
    area: Rect,
    scroll: usize,
    buf: &mut Buffer,
) {
    let key_width = lines
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(18);
    let entry_width = key_width
        + 2
        + lines
            .iter()
            .map(|(_, d)| d.chars().count())
            .max()
            .unwrap_or(0);
    let columns = if usize::from(area.width.saturating_sub(6)) >= entry_width * 2 + 3 {
        2
    } else {
        1
    };
    let per_column = lines.len().div_ceil(columns);
    let width = u16::try_from((entry_width + 3) * columns + 2)
        .unwrap_or(u16::MAX)
        .min(area.width.saturating_sub(2));
    let height = u16::try_from(per_column + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(popup, buf);
    buf.set_style(popup, ui.text);
    let title = Line::from(Span::styled(" Keys · Esc closes · j/k scroll ", ui.title));
    Block::bordered()
        .border_style(ui.border_focused)
        .title(title)
        .render(popup, buf);
    let inner = super::layout::inner(popup);
    let rows = usize::from(inner.height);
    let scroll = scroll.min(per_column.saturating_sub(rows));
    let column_width = inner.width / u16::try_from(columns).unwrap_or(1);
    for column in 0..columns {
        let x = inner.x + column_width * u16::try_from(column).unwrap_or(0);
        let entries = lines
            .iter()
            .skip(column * per_column)
            .take(per_column)
            .skip(scroll)
            .take(rows);
        for (row, (keys, doc)) in entries.enumerate() {
            let y = inner.y + u16::try_from(row).unwrap_or(0);
            let line = if keys.is_empty() {
                Line::from(vec![
                    Span::raw(format!(" {:key_width$}  ", "")),
                    Span::styled(doc.clone(), ui.heading),
                ])
            } else {
                Line::from(vec![
                    Span::styled(format!(" {keys:>key_width$} "), ui.label),
                    Span::raw(" "),
                    Span::raw(doc.clone()),
                ])
            };
            buf.set_line(x, y, &line, column_width);
        }
    }
}
