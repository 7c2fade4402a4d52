//! Where each pane goes: pure functions of the area and the app, shared by drawing and
//! mouse handling so a click lands where the eye sees it.

use crate::action::LibraryAction;
use crate::app::{App, Focus};
use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the screen shows a short message instead of the reader.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 10;
/// From this width the sidebars show by default.
pub const WIDE: u16 = 100;
/// The header bar's rows (without a library's links).
pub const HEADER_HEIGHT: u16 = 3;
/// The most rows the REF links take in the header.
const MAX_REF_ROWS: usize = 2;
/// Below this height the header leaves the links out, for the text's sake.
const LINKS_MIN_HEIGHT: u16 = 20;
const MIN_READER: u16 = 30;

/// The panes of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The header bar.
    pub header: Rect,
    /// The paragraph navigator, when shown.
    pub navigator: Option<Rect>,
    /// The reader (or source view).
    pub reader: Rect,
    /// The entity sidebar, when shown.
    pub entities: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

/// Whether the area is too small to draw the reader.
#[must_use]
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The inside of a bordered pane.
#[must_use]
pub fn inner(pane: Rect) -> Rect {
    Rect {
        x: pane.x.saturating_add(1),
        y: pane.y.saturating_add(1),
        width: pane.width.saturating_sub(2),
        height: pane.height.saturating_sub(2),
    }
}

/// Splits the screen into panes.
#[must_use]
pub fn panes(area: Rect, app: &App) -> Panes {
    let links = u16::try_from(link_rows(app, area).len()).unwrap_or(0);
    let [header, body, status] = area.layout(&Layout::vertical([
        Constraint::Length(HEADER_HEIGHT + links),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let w = body.width;
    let mut nav = if app.navigator_visible(area.width) {
        (w / 6).clamp(20, 28)
    } else {
        0
    };
    let mut ent = if app.entities_visible(area.width) {
        (w / 5).clamp(24, 34)
    } else {
        0
    };
    if nav > 0 && ent > 0 && nav + ent + MIN_READER > w {
        // Not room for both: keep the focused one, else the entities.
        if app.focus == Focus::Navigator {
            ent = 0;
        } else {
            nav = 0;
        }
    }
    let cap = w.saturating_sub(MIN_READER).max(w / 2);
    nav = nav.min(cap);
    ent = ent.min(cap);
    let [n, reader, e] = body.layout(&Layout::horizontal([
        Constraint::Length(nav),
        Constraint::Fill(1),
        Constraint::Length(ent),
    ]));
    Panes {
        header,
        navigator: (nav > 0).then_some(n),
        reader,
        entities: (ent > 0).then_some(e),
        status,
    }
}

/// How a piece of a header link row looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceStyle {
    /// A field name: `REF`, `Cited by`.
    Label,
    /// Text from the cable.
    Text,
    /// A link to another cable.
    Link,
    /// Separators and hints.
    Dim,
}

/// A piece of a header link row: its text, where it starts (columns from the header's
/// left edge) and, for a link, the cable a click opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPiece {
    /// The text, made safe.
    pub text: String,
    /// The first column, from the header's left edge.
    pub x: u16,
    /// How it looks.
    pub style: PieceStyle,
    /// The cable a click on it opens.
    pub cable: Option<usize>,
}

impl LinkPiece {
    /// The columns it takes.
    #[must_use]
    pub fn width(&self) -> u16 {
        u16::try_from(crate::sanitize::width(&self.text)).unwrap_or(u16::MAX)
    }
}

/// Lays pieces out left to right on rows of `width` columns.
struct Rows {
    width: usize,
    rows: Vec<Vec<LinkPiece>>,
    used: usize,
}

impl Rows {
    fn new(width: u16) -> Self {
        Self {
            width: usize::from(width),
            rows: vec![Vec::new()],
            used: 0,
        }
    }

    fn room(&self) -> usize {
        self.width.saturating_sub(self.used)
    }

    fn push(&mut self, text: &str, style: PieceStyle, cable: Option<usize>) {
        let text = super::truncate(text, self.room());
        let width = crate::sanitize::width(&text);
        if let Some(row) = self.rows.last_mut() {
            row.push(LinkPiece {
                text,
                x: u16::try_from(self.used).unwrap_or(u16::MAX),
                style,
                cable,
            });
        }
        self.used += width;
    }

    fn new_row(&mut self, indent: usize) {
        self.rows.push(Vec::new());
        self.used = 0;
        self.push(&" ".repeat(indent), PieceStyle::Dim, None);
    }
}

/// The header's rows of links in a library session: the REF items (those naming a cable
/// of the library as links, with `→ ID`), then `Cited by` with the citing cables' IDs,
/// cut to what fits with the count of the rest. Empty outside a library, when there is
/// nothing to link, or when the screen is too low to spare the rows. Drawing and clicks
/// both use it, so a click lands on the link the eye sees.
#[must_use]
pub fn link_rows(app: &App, area: Rect) -> Vec<Vec<LinkPiece>> {
    let Some(links) = &app.links else {
        return Vec::new();
    };
    if area.height < LINKS_MIN_HEIGHT || too_small(area) {
        return Vec::new();
    }
    let r_key = app
        .options
        .keymap
        .library_key(&LibraryAction::References)
        .map(|k| format!(" · {k}"))
        .unwrap_or_default();
    let mut out = Vec::new();
    if links.any_reference_link() {
        const LEAD: &str = " REF ";
        let mut rows = Rows::new(area.width);
        rows.push(LEAD, PieceStyle::Label, None);
        for (i, item) in links.references.iter().enumerate() {
            let label = item
                .label
                .as_deref()
                .map(|l| format!("{l}. "))
                .unwrap_or_default();
            let target = item.target.as_ref().map(|t| format!(" → {}", t.id));
            let width = crate::sanitize::width(&label)
                + crate::sanitize::width(&item.text)
                + target.as_deref().map_or(0, crate::sanitize::width)
                + if i > 0 { 3 } else { 0 };
            if i > 0 && width > rows.room() {
                if rows.rows.len() == MAX_REF_ROWS {
                    rows.push(&format!(" …{r_key}"), PieceStyle::Dim, None);
                    break;
                }
                rows.new_row(LEAD.len());
            } else if i > 0 {
                rows.push(" · ", PieceStyle::Dim, None);
            }
            let cable = item.target.as_ref().map(|t| t.cable);
            let style = if cable.is_some() {
                PieceStyle::Link
            } else {
                PieceStyle::Text
            };
            rows.push(&format!("{label}{}", item.text), style, cable);
            if let Some(target) = target {
                rows.push(&target, PieceStyle::Link, cable);
            }
        }
        out.extend(rows.rows);
    }
    if !links.cited_by.is_empty() {
        const LEAD: &str = " Cited by ";
        let total = links.cited_by.len();
        let more = |shown: usize| {
            if shown < total {
                format!(" +{} more{r_key}", total - shown)
            } else {
                String::new()
            }
        };
        // As many IDs as fit with the count of the rest after them.
        let mut shown = 0;
        let mut used = LEAD.len();
        for (i, link) in links.cited_by.iter().enumerate() {
            let next = used + crate::sanitize::width(&link.id) + if i > 0 { 2 } else { 0 };
            if next + crate::sanitize::width(&more(i + 1)) > usize::from(area.width) {
                break;
            }
            used = next;
            shown = i + 1;
        }
        let mut rows = Rows::new(area.width);
        rows.push(LEAD, PieceStyle::Label, None);
        for (i, link) in links.cited_by.iter().take(shown).enumerate() {
            if i > 0 {
                rows.push(", ", PieceStyle::Dim, None);
            }
            rows.push(&link.id, PieceStyle::Link, Some(link.cable));
        }
        rows.push(&more(shown), PieceStyle::Dim, None);
        out.extend(rows.rows);
    }
    out
}

/// The link under a cell of the header, if any.
#[must_use]
pub fn link_at(app: &App, area: Rect, header: Rect, x: u16, y: u16) -> Option<usize> {
    let row = usize::from(y.checked_sub(header.y + HEADER_HEIGHT)?);
    let column = x.checked_sub(header.x)?;
    link_rows(app, area)
        .get(row)?
        .iter()
        .find(|p| (p.x..p.x.saturating_add(p.width())).contains(&column))
        .and_then(|p| p.cable)
}

/// The parts of the reader pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReaderGeometry {
    /// The pane, border included.
    pub pane: Rect,
    /// The paragraph labels (or line numbers) column.
    pub gutter: Rect,
    /// The text column.
    pub text: Rect,
    /// The scroll bar column.
    pub scrollbar: Rect,
}

/// Lays out the reader pane: a gutter, a text column at most `max_width` wide (centred),
/// and a scroll bar on the right edge.
#[must_use]
pub fn reader_geometry(pane: Rect, gutter: u16, max_width: u16) -> ReaderGeometry {
    let inside = inner(pane);
    let scrollbar = Rect {
        x: inside.right().saturating_sub(1),
        width: inside.width.min(1),
        ..inside
    };
    let avail = inside.width.saturating_sub(2);
    let gutter = if avail >= gutter + 20 { gutter } else { 0 };
    let text_width = avail.saturating_sub(gutter).min(max_width.max(1));
    let spare = avail - gutter - text_width;
    let x = inside.x + spare / 2;
    ReaderGeometry {
        pane,
        gutter: Rect {
            x,
            width: gutter,
            ..inside
        },
        text: Rect {
            x: x + gutter,
            width: text_width,
            ..inside
        },
        scrollbar,
    }
}

/// The parts of the entity sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EntitiesGeometry {
    /// The filter line.
    pub filter: Rect,
    /// The list.
    pub list: Rect,
    /// The legend of kinds.
    pub legend: Rect,
}

/// Lays out the entity sidebar: filter line on top, legend at the bottom, list between.
#[must_use]
pub fn entities_geometry(pane: Rect) -> EntitiesGeometry {
    let inside = inner(pane);
    let legend_rows = u16::from(inside.height >= 4);
    let [filter, list, legend] = inside.layout(&Layout::vertical([
        Constraint::Length(1.min(inside.height)),
        Constraint::Fill(1),
        Constraint::Length(legend_rows),
    ]));
    EntitiesGeometry {
        filter,
        list,
        legend,
    }
}

/// The first row shown of a list of `len` rows with the cursor kept near the middle.
#[must_use]
pub fn list_offset(cursor: usize, len: usize, height: usize) -> usize {
    if len <= height {
        0
    } else {
        cursor.saturating_sub(height / 2).min(len - height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reading_column_is_capped_and_centred() {
        let g = reader_geometry(Rect::new(0, 0, 200, 30), 8, 100);
        assert_eq!(g.text.width, 100);
        assert_eq!(g.gutter.width, 8);
        assert_eq!(g.gutter.x, 1 + (196 - 108) / 2);
        assert_eq!(g.scrollbar.x, 198);
        let narrow = reader_geometry(Rect::new(0, 0, 20, 5), 8, 100);
        assert_eq!(narrow.gutter.width, 0);
        assert_eq!(narrow.text.width, 16);
        assert_eq!(reader_geometry(Rect::new(0, 0, 1, 1), 8, 100).text.width, 0);
    }

    #[test]
    fn list_offsets_keep_the_cursor_in_view() {
        assert_eq!(list_offset(3, 5, 10), 0);
        assert_eq!(list_offset(50, 100, 10), 45);
        assert_eq!(list_offset(99, 100, 10), 90);
    }
}
