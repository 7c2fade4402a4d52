//! Where each pane goes: pure functions of the area and the app, shared by drawing and
//! mouse handling so a click lands where the eye sees it.

mod links;
mod map;
mod table;

use crate::session::reader::{Focus, Reader};
pub use links::{LinkPiece, PieceStyle, link_at, link_rows};
pub use map::{MapLayout, map};
use ratatui::layout::{Constraint, Layout, Rect};
pub use table::{TableLayout, table};

/// Below this every screen shows a short message instead (one size for all of them).
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 10;
/// From this width the sidebars show by default.
pub const WIDE: u16 = 100;
/// The header bar's rows (without a library's links).
pub const HEADER_HEIGHT: u16 = 3;
/// The narrowest the reader pane gets when the side panes show.
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

/// Whether the area is too small to draw any screen.
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
pub fn panes(area: Rect, app: &Reader) -> Panes {
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
        if app.focus() == Focus::Navigator {
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

/// Where a list of cables goes over the reader: centred, at most 90 columns wide, as tall
/// as its rows allow.
#[must_use]
pub fn cable_list_popup(area: Rect, items: usize) -> Rect {
    let width = area.width.saturating_sub(8).min(90);
    let height = (u16::try_from(items).unwrap_or(u16::MAX).saturating_add(2))
        .min(area.height.saturating_sub(2))
        .max(3)
        .min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
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
