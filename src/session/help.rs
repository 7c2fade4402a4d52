//! What the help overlays say and where they go: generated from the keymap so they always
//! tell the truth, and placed here so the session scrolls them as far as they are drawn.

use crate::session::action::Action;
use crate::session::keymap::{Key, Keymap};
use ratatui::layout::Rect;

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
    pub fn keys_shown(&self) -> &str {
        match self {
            Self::Heading(_) => "",
            Self::Binding { keys, .. } if keys.is_empty() => UNBOUND,
            Self::Binding { keys, .. } => keys,
        }
    }

    /// The text column: the heading, or what the binding does.
    pub fn text(&self) -> &str {
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
        .map(|(binding, keys)| {
            HelpRow::binding(crate::session::keymap::describe_keys(keys), binding.doc)
        })
        .collect()
}

/// The reader's help rows: every binding of the keymap, then the mouse; in a library, the
/// keys that move between cables too.
#[must_use]
pub fn reader_lines(keymap: &Keymap, in_library: bool) -> Vec<HelpRow> {
    let mut lines: Vec<HelpRow> = keymap
        .bindings()
        .map(|(binding, keys)| {
            HelpRow::binding(crate::session::keymap::describe_keys(keys), binding.doc)
        })
        .collect();
    lines.extend(MOUSE.iter().map(|(k, d)| HelpRow::binding(*k, *d)));
    if in_library {
        lines.push(HelpRow::Heading("Library: between cables".to_string()));
        lines.extend(library_rows(keymap, Action::moves_between_cables));
        lines.push(HelpRow::binding(LIBRARY_MOUSE.0, LIBRARY_MOUSE.1));
    }
    lines
}

/// The library table's help rows: its keys, then those of the reader in a library.
#[must_use]
pub fn library_lines(keymap: &Keymap) -> Vec<HelpRow> {
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
pub fn reader_title(keymap: &Keymap) -> String {
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

/// Where a help overlay goes and how its rows are arranged.
pub struct Placement {
    /// The overlay, border included.
    pub popup: Rect,
    /// One or two columns of rows.
    pub columns: usize,
    /// Rows in each column.
    pub per_column: usize,
    /// The width of the keys.
    pub key_width: usize,
}

impl Placement {
    /// Where `lines` go over `area`.
    #[must_use]
    pub fn of(lines: &[HelpRow], area: Rect) -> Self {
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
        let columns = if usize::from(area.width.saturating_sub(4)) >= entry_width * 2 + 3 {
            2
        } else {
            1
        };
        let per_column = lines.len().div_ceil(columns);
        // Everything between the banner and the status line: its border then covers the
        // panes' borders instead of running beside or across them (no doubled corners).
        let popup = Rect {
            x: area.x,
            y: area.y + u16::from(area.height > 2),
            width: area.width,
            height: area.height.saturating_sub(2),
        };
        Self {
            popup,
            columns,
            per_column,
            key_width,
        }
    }

    /// The rows below the last one shown when scrolled by `scroll`, for the indicator.
    #[must_use]
    pub fn rows_below(&self, scroll: usize) -> usize {
        let rows = usize::from(super::layout::inner(self.popup).height);
        self.per_column.saturating_sub(scroll + rows)
    }

    /// The furthest the rows scroll: the last row at the bottom.
    #[must_use]
    pub fn max_scroll(&self) -> usize {
        let rows = usize::from(super::layout::inner(self.popup).height);
        self.per_column.saturating_sub(rows)
    }
}

/// Scrolls a help overlay of `lines` drawn over `area` by a movement action, a page being
/// the rows it shows and the end its last row, so presses past the end do not pile up.
pub fn scroll(
    help: &mut crate::session::ListCursor,
    lines: &[HelpRow],
    area: Rect,
    action: &crate::session::action::Action,
) {
    let placement = Placement::of(lines, area);
    let positions = placement.max_scroll() + 1;
    help.set_height(
        usize::from(super::layout::inner(placement.popup).height),
        positions,
    );
    help.apply(action, positions);
}

impl crate::session::Session {
    /// What the help says over the screen shown: the reader's keys over the reader, the
    /// table's over the table.
    #[must_use]
    pub fn help_lines(&self) -> Vec<HelpRow> {
        match self.view().reader() {
            Some(open) => reader_lines(self.keymap(), open.reader().in_library()),
            None => library_lines(self.keymap()),
        }
    }

    /// The help's title over the screen shown, from that screen's keys.
    #[must_use]
    pub fn help_title(&self) -> String {
        match self.view().reader() {
            Some(_) => reader_title(self.keymap()),
            None => library_title(self.keymap()),
        }
    }
}
