//! Where the table's parts go: one function of the screen's area and of what is shown,
//! used by the session (the rows a page holds, the facets' list height) and by drawing,
//! so the two never disagree.

use ratatui::layout::{Constraint, Layout, Rect};

/// The snippet pane's rows (a rule and three lines of text) when the screen is at least
/// this tall; below, the table keeps them.
const SNIPPET_FROM_HEIGHT: u16 = 16;
/// See [`SNIPPET_FROM_HEIGHT`].
const SNIPPET_ROWS: u16 = 4;

/// The parts of the table's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableLayout {
    /// The title line: counts, sort, filters.
    pub title: Rect,
    /// The filter (or search) line.
    pub filter: Rect,
    /// The column headings.
    pub heading: Rect,
    /// The rows of cables.
    pub body: Rect,
    /// The selected row's snippet, under the rows (empty when not shown).
    pub snippet: Rect,
    /// The status line.
    pub status: Rect,
    /// The facets pane at the right, from the headings down to the status line.
    pub facets: Option<Rect>,
}

impl TableLayout {
    /// How many rows of cables a page holds.
    #[must_use]
    pub fn page(&self) -> usize {
        usize::from(self.body.height)
    }

    /// How many rows the facets pane's list shows, inside its border.
    #[must_use]
    pub fn facet_rows(&self) -> usize {
        self.facets
            .map_or(0, |pane| usize::from(super::inner(pane).height))
    }
}

/// Lays out the table in `area`: with the snippet pane under the rows when `snippet`
/// (full-text results), and the facets pane at the right when `facets`.
#[must_use]
pub fn table(area: Rect, snippet: bool, facets: bool) -> TableLayout {
    let snippet_rows = if snippet && area.height >= SNIPPET_FROM_HEIGHT {
        SNIPPET_ROWS
    } else {
        0
    };
    let [title, filter, mut heading, mut body, mut snippet, status] =
        area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(snippet_rows),
            Constraint::Length(1),
        ]));
    let facets = facets.then(|| {
        let width = (area.width / 3).clamp(24, 36).min(area.width / 2);
        for part in [&mut heading, &mut body, &mut snippet] {
            part.width = part.width.saturating_sub(width);
        }
        Rect {
            x: area.right().saturating_sub(width),
            y: heading.y,
            width,
            height: heading.height + body.height + snippet.height,
        }
    });
    TableLayout {
        title,
        filter,
        heading,
        body,
        snippet,
        status,
        facets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_and_the_facets_take_their_room_from_the_rows() {
        let area = Rect::new(0, 0, 90, 24);
        let plain = table(area, false, false);
        assert_eq!(plain.page(), 20);
        assert_eq!(plain.facet_rows(), 0);
        let results = table(area, true, true);
        assert_eq!(results.page(), 16);
        assert_eq!(results.snippet.height, 4);
        let facets = results.facets.expect("shown");
        assert_eq!((facets.x, facets.width), (60, 30));
        assert_eq!(results.body.width, 60);
        assert_eq!(results.facet_rows(), 19);
        // Short screens keep their rows for cables.
        assert_eq!(table(Rect::new(0, 0, 90, 15), true, false).page(), 11);
    }
}
