//! One cursor for every list and scroll of the session: the table of cables, the lists over
//! the reader, the skipped-files report, the help overlays. It knows the height of the rows
//! drawn for it, so a page is a page of what the user sees.

use crate::session::action::Action;

/// A cursor over `len` rows shown `height` at a time.
///
/// For a list, `selected` is the row under the cursor and `offset` the first row shown.
/// For a scroll (help, a report), `selected` is the first row shown and `len` counts the
/// positions it can take.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    /// The row under the cursor.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
    height: usize,
}

impl ListCursor {
    /// How many rows are shown at a time, as the last layout gave them.
    #[must_use]
    pub fn height(&self) -> usize {
        self.height
    }

    /// Takes the height of the rows the layout gives the list; the cursor stays in view.
    pub fn set_height(&mut self, height: usize, len: usize) {
        self.height = height;
        self.keep_in_view(len);
    }

    /// Moves by a movement action (down, up, half a page, a page, top, bottom) over `len`
    /// rows. Returns whether the action was a movement.
    pub fn apply(&mut self, action: &Action, len: usize) -> bool {
        let page = self.height.max(1);
        let half = (page / 2).max(1);
        let at = self.selected;
        self.selected = match action {
            Action::Down => at.saturating_add(1),
            Action::Up => at.saturating_sub(1),
            Action::HalfPageDown => at.saturating_add(half),
            Action::HalfPageUp => at.saturating_sub(half),
            Action::PageDown => at.saturating_add(page),
            Action::PageUp => at.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            _ => return false,
        }
        .min(len.saturating_sub(1));
        self.keep_in_view(len);
        true
    }

    /// Puts the cursor on `row` (clamped), scrolling as little as possible.
    pub fn select(&mut self, row: usize, len: usize) {
        self.selected = row.min(len.saturating_sub(1));
        self.keep_in_view(len);
    }

    /// Scrolls as little as possible to show the cursor, and no further than the end.
    fn keep_in_view(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.height == 0 {
            return;
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.height {
            self.offset = self.selected + 1 - self.height;
        }
        self.offset = self.offset.min(len.saturating_sub(self.height));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cursor(height: usize, len: usize) -> ListCursor {
        let mut c = ListCursor::default();
        c.set_height(height, len);
        c
    }

    #[test]
    fn a_page_is_the_height_drawn() {
        let mut c = cursor(7, 100);
        assert!(c.apply(&Action::PageDown, 100));
        assert_eq!(c.selected, 7);
        assert_eq!(c.offset, 1, "the cursor's row is the last one shown");
        c.apply(&Action::HalfPageDown, 100);
        assert_eq!(c.selected, 10);
        c.set_height(20, 100);
        c.apply(&Action::PageDown, 100);
        assert_eq!(c.selected, 30);
        c.apply(&Action::PageUp, 100);
        assert_eq!(c.selected, 10);
    }

    #[test]
    fn moves_stop_at_the_ends() {
        let mut c = cursor(5, 3);
        c.apply(&Action::Bottom, 3);
        assert_eq!((c.selected, c.offset), (2, 0));
        c.apply(&Action::Down, 3);
        assert_eq!(c.selected, 2);
        c.apply(&Action::Top, 3);
        c.apply(&Action::Up, 3);
        assert_eq!(c.selected, 0);
        let mut empty = cursor(5, 0);
        empty.apply(&Action::Down, 0);
        assert_eq!(empty.selected, 0);
        assert!(!empty.apply(&Action::Open, 0), "not a movement");
    }

    #[test]
    fn a_smaller_window_keeps_the_cursor_in_view() {
        let mut c = cursor(20, 100);
        c.select(15, 100);
        c.set_height(5, 100);
        assert!(c.offset <= 15 && 15 < c.offset + 5, "{c:?}");
    }
}
