//! The help overlays of the reader and the library, generated from the keymap so they
//! always tell the truth.

use crate::action::Action;
use crate::app::App;
use crate::keymap::{Key, Keymap};
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

/// What a help row shows in place of keys for an action with none.
const UNBOUND: &str = "(unbound)";

/// One row of a help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    /// A heading over the rows after it.
    Heading(String),
    /// An action or a mouse gesture: its keys written for people (empty when the action
    /// has none), then what it does.
    Binding {
        /// The keys, `j, down`.
        keys: String,
        /// What they do.
        doc: String,
    },
}

impl HelpRow {
    fn binding(keys: impl Into<String>, doc: impl Into<String>) -> Self {
        Self::Binding {
            keys: keys.into(),
            doc: doc.into(),
        }
    }

    /// The keys column as drawn: `(unbound)` for an action without keys.
    fn keys_shown(&self) -> &str {
        match self {
            Self::Heading(_) => "",
            Self::Binding { keys, .. } if keys.is_empty() => UNBOUND,
            Self::Binding { keys, .. } => keys,
        }
    }

    /// The text column: the heading, or what the binding does.
    fn text(&self) -> &str {
        match self {
            Self::Heading(text) | Self::Binding { doc: text, .. } => text,
        }
    }
}

/// The library actions that pass `which`, as help rows.
fn library_rows(keymap: &Keymap, which: fn(&Action) -> bool) -> Vec<HelpRow> {
    keymap
        .library_bindings()
        .filter(|(binding, _)| which(&binding.action))
        .map(|(binding, keys)| HelpRow::binding(crate::keymap::describe_keys(keys), binding.doc))
        .collect()
}

/// The help rows: every binding of the keymap, then the mouse; in a library session, the
/// keys that move between cables too.
#[must_use]
pub fn help_lines(app: &App) -> Vec<HelpRow> {
    let keymap = &app.options.keymap;
    let mut lines: Vec<HelpRow> = keymap
        .bindings()
        .map(|(binding, keys)| HelpRow::binding(crate::keymap::describe_keys(keys), binding.doc))
        .collect();
    lines.extend(MOUSE.iter().map(|(k, d)| HelpRow::binding(*k, *d)));
    if app.in_library() {
        lines.push(HelpRow::Heading("Library: between cables".to_string()));
        lines.extend(library_rows(keymap, Action::moves_between_cables));
        lines.push(HelpRow::binding(LIBRARY_MOUSE.0, LIBRARY_MOUSE.1));
    }
    lines
}

/// The library table's help rows: its keys, then those of the reader in a library.
#[must_use]
pub fn library_help_lines(keymap: &Keymap) -> Vec<HelpRow> {
    let mut lines = library_rows(keymap, Action::on_table);
    lines.push(HelpRow::Heading(
        "In the reader of a cable from the library".to_string(),
    ));
    lines.extend(library_rows(keymap, |a| {
        a.moves_between_cables() && !a.on_table()
    }));
    lines.push(HelpRow::binding(LIBRARY_MOUSE.0, LIBRARY_MOUSE.1));
    lines
}

/// The reader's help title: how to close and scroll it, with the keys bound.
#[must_use]
pub fn title(keymap: &Keymap) -> String {
    title_with(
        keymap.key(&Action::Cancel).or(keymap.key(&Action::Help)),
        keymap.key(&Action::Down),
        keymap.key(&Action::Up),
    )
}

/// The library's help title, from the library's keys.
#[must_use]
pub fn library_title(keymap: &Keymap) -> String {
    title_with(
        keymap
            .library_key(&Action::Cancel)
            .or(keymap.library_key(&Action::Help)),
        keymap.library_key(&Action::Down),
        keymap.library_key(&Action::Up),
    )
}

/// ` Keys · esc closes · j/k scroll `, leaving out what has no key.
fn title_with(close: Option<Key>, down: Option<Key>, up: Option<Key>) -> String {
    let mut parts = vec!["Keys".to_string()];
    if let Some(close) = close {
        parts.push(format!("{close} closes"));
    }
    if let (Some(down), Some(up)) = (down, up) {
        parts.push(format!("{down}/{up} scroll"));
    }
    format!(" {} ", parts.join(" · "))
}

/// Draws the reader's help overlay over `area`.
pub fn render(app: &App, area: Rect, scroll: usize, buf: &mut Buffer) {
    let title = title(&app.options.keymap);
    render_lines(&app.theme.ui, &title, &help_lines(app), area, scroll, buf);
}

/// Where a help overlay goes and how its rows are arranged.
struct Placement {
    /// The overlay, border included.
    popup: Rect,
    /// One or two columns of rows.
    columns: usize,
    /// Rows in each column.
    per_column: usize,
    /// The width of the keys.
    key_width: usize,
}

impl Placement {
    fn of(lines: &[HelpRow], area: Rect) -> Self {
        let key_width = lines
            .iter()
            .map(|row| row.keys_shown().chars().count())
            .max()
            .unwrap_or(0)
            .min(18);
        let entry_width = key_width
            + 2
            + lines
                .iter()
                .map(|row| row.text().chars().count())
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
        Self {
            popup,
            columns,
            per_column,
            key_width,
        }
    }

    /// The furthest the rows scroll: the last row at the bottom.
    fn max_scroll(&self) -> usize {
        let rows = usize::from(super::layout::inner(self.popup).height);
        self.per_column.saturating_sub(rows)
    }
}

/// The furthest a help overlay of `lines` scrolls in `area`, so scrolling past the end
/// does not pile up presses to undo.
#[must_use]
pub fn max_scroll(lines: &[HelpRow], area: Rect) -> usize {
    Placement::of(lines, area).max_scroll()
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
    let inner = super::layout::inner(popup);
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
