//! The library table's state: query, sort, selection; updated by keys, read by the UI.

pub mod columns;
pub mod full_text;

use super::ListCursor;
use super::picker::TagPicker;
use crate::cable::Classification;
use crate::library::{CableIndex, Column, Library, Query};
use full_text::FullText;

/// What the table shows and where its cursor is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Filters and sort.
    pub query: Query,
    /// Every cable in sort order (recomputed only when the sort changes).
    order: Vec<CableIndex>,
    /// The cables shown, in order: `order` filtered by the query.
    pub rows: Vec<CableIndex>,
    /// The cursor over `rows`, and the rows shown.
    pub cursor: ListCursor,
    /// Whether keys type into the filter.
    pub typing: bool,
    /// Where the cursor is in the filter's text, in characters.
    pub line_cursor: usize,
    /// Every cable in each column's ascending order, by the column's place in
    /// [`Column::ALL`], once it was asked for.
    sorted: Vec<Option<Vec<CableIndex>>>,
    /// What each column needs, measured once.
    pub measure: columns::Measure,
    /// A library on a corpus index: `/` searches the full text.
    indexed: bool,
    /// The index's answer to the query typed, for a library on an index.
    pub full_text: Option<FullText>,
    /// Why the query typed cannot be run (the rows stay those of the last one that could).
    pub query_error: Option<String>,
    /// The facets pane beside the table, on a corpus index, while it is shown.
    pub facets: Option<ShownFacets>,
}

/// The facets pane beside the table, and whether it has the keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShownFacets {
    /// The pane.
    pub pane: super::facets::FacetsPane,
    /// Whether the keys move in the pane rather than the table.
    pub focused: bool,
}

impl Table {
    /// Where the table's parts go in `area`, as it is now (the snippet pane with
    /// full-text results, the facets pane when shown).
    #[must_use]
    pub fn layout(&self, area: ratatui::layout::Rect) -> super::layout::TableLayout {
        super::layout::table(area, self.full_text.is_some(), self.facets.is_some())
    }

    /// The table of a whole library, sorted by ID.
    #[must_use]
    pub fn new(library: &Library) -> Self {
        let mut table = Self {
            measure: columns::Measure::of(library),
            indexed: library.search_index().is_some(),
            ..Self::default()
        };
        table.resort(library);
        table
    }

    /// The cable under the cursor.
    #[must_use]
    pub fn current(&self) -> Option<CableIndex> {
        self.rows.get(self.cursor.selected).copied()
    }

    fn resort(&mut self, library: &Library) {
        let current = self.current();
        // Each column is sorted once: on a quarter of a million cables a sort takes a
        // visible moment, a copy or a reversal none.
        let column = self.query.sort;
        let at = Column::ALL.iter().position(|c| *c == column).unwrap_or(0);
        if self.sorted.len() < Column::ALL.len() {
            self.sorted.resize(Column::ALL.len(), None);
        }
        let ascending = self.sorted[at].get_or_insert_with(|| library.order(column, false));
        self.order = if self.query.descending {
            ascending.iter().rev().copied().collect()
        } else {
            ascending.clone()
        };
        self.refilter(library, current);
    }

    /// Applies the filters again, keeping the cursor on the same cable when it is still
    /// shown, else on the first row.
    fn refilter(&mut self, library: &Library, keep: Option<CableIndex>) {
        self.rows = match &self.full_text {
            Some(full_text) if self.indexed => self.result_rows(library, full_text),
            _ => library.filter(&self.order, &self.query),
        };
        let row = keep
            .and_then(|c| self.rows.iter().position(|&r| r == c))
            .unwrap_or(0);
        self.cursor.select(row, self.rows.len());
    }

    /// Sorts by the next column (`s`); the same column twice flips the direction.
    pub fn sort_by(&mut self, library: &Library, column: Column) {
        if self.query.sort == column {
            self.query.descending = !self.query.descending;
        } else {
            self.query.sort = column;
            self.query.descending = false;
        }
        self.unrank();
        self.resort(library);
    }

    /// Cycles the sort column forwards.
    ///
    /// Over full-text results the cycle starts and ends at their ranking: best first,
    /// then each column, then best first again.
    pub fn next_sort(&mut self, library: &Library) {
        let first = Column::ALL[0];
        match self.full_text.as_mut() {
            Some(full_text) if full_text.by_rank => {
                full_text.by_rank = false;
                self.query.sort = first;
            }
            Some(full_text) if self.query.sort.next() == first => full_text.by_rank = true,
            _ => self.query.sort = self.query.sort.next(),
        }
        self.query.descending = false;
        self.resort(library);
    }

    /// Flips the sort direction.
    pub fn reverse(&mut self, library: &Library) {
        self.query.descending = !self.query.descending;
        self.unrank();
        self.resort(library);
    }

    /// Results sorted by a column from now on, not by rank.
    fn unrank(&mut self) {
        if let Some(full_text) = &mut self.full_text {
            full_text.by_rank = false;
        }
    }

    /// Adds a typed character to the filter.
    pub fn type_char(&mut self, library: &Library, c: char) {
        let at_end = self.line_cursor >= self.query.text.chars().count();
        crate::session::line::insert(&mut self.query.text, &mut self.line_cursor, c);
        if self.indexed {
            // The index answers; the rows shown stay until it does.
            return;
        }
        if !at_end {
            // A character put inside a word may widen what it matches.
            let keep = self.current();
            return self.refilter(library, keep);
        }
        let keep = self.current();
        // A longer filter only narrows: every word that matched still has to, so only
        // the rows shown now need checking (keystrokes get cheaper as the list shrinks).
        self.rows = library.filter(&self.rows, &self.query);
        let row = keep
            .and_then(|c| self.rows.iter().position(|&r| r == c))
            .unwrap_or(0);
        self.cursor.select(row, self.rows.len());
    }

    /// Removes the filter's character before the cursor.
    pub fn backspace(&mut self, library: &Library) {
        if crate::session::line::backspace(&mut self.query.text, &mut self.line_cursor) {
            self.text_changed(library);
        }
    }

    /// Ctrl-U, Ctrl-W, Home, End, the arrows; whether the text changed.
    pub fn edit(&mut self, library: &Library, edit: crate::session::line::Edit) -> bool {
        let changed = crate::session::line::edit(&mut self.query.text, &mut self.line_cursor, edit);
        if changed {
            self.text_changed(library);
        }
        changed
    }

    /// Puts `text` in the filter (a query recalled), the cursor at its end.
    pub fn set_text(&mut self, library: &Library, text: String) {
        self.line_cursor = text.chars().count();
        self.query.text = text;
        self.text_changed(library);
    }

    /// The filter's text changed other than by a character typed at its end: the index
    /// answers a query; the table's columns are filtered again, or the results dropped
    /// when the query is gone.
    fn text_changed(&mut self, library: &Library) {
        if self.indexed && !self.query.text.is_empty() {
            return;
        }
        let keep = self.current();
        self.forget_results();
        self.refilter(library, keep);
    }

    /// Clears every filter: the text, the classification and the TAG.
    pub fn clear_filters(&mut self, library: &Library) {
        let keep = self.current();
        self.query.text.clear();
        self.line_cursor = 0;
        self.query.classification = None;
        self.query.tag = None;
        self.forget_results();
        self.refilter(library, keep);
    }

    /// Drops the index's answer: the query is gone.
    fn forget_results(&mut self) {
        self.full_text = None;
        self.query_error = None;
    }

    /// Whether any filter narrows the table.
    #[must_use]
    pub fn filtered(&self) -> bool {
        !self.query.text.is_empty()
            || self.query.classification.is_some()
            || self.query.tag.is_some()
    }

    /// A TAG picker over the TAGs in use, the current one selected.
    #[must_use]
    pub fn picker(&self, library: &Library) -> TagPicker {
        TagPicker::new(library.tags(), self.query.tag.as_deref())
    }

    /// Filters by `tag` (picked in the TAG picker).
    pub fn set_tag(&mut self, library: &Library, tag: String) {
        self.query.tag = Some(tag);
        let keep = self.current();
        self.refilter(library, keep);
    }

    /// Whether the facets pane is shown and has the keys.
    #[must_use]
    pub fn facets_focused(&self) -> bool {
        self.facets.as_ref().is_some_and(|f| f.focused)
    }

    /// Gives the keys back to the table from the facets pane.
    pub fn unfocus_facets(&mut self) {
        if let Some(facets) = &mut self.facets {
            facets.focused = false;
        }
    }

    /// Cycles the classification filter: none, then each level in use, then none.
    pub fn next_classification(&mut self, library: &Library) {
        let levels: Vec<Classification> = library
            .classifications()
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        self.query.classification = next_in(&levels, self.query.classification.as_ref());
        let keep = self.current();
        self.refilter(library, keep);
    }

    /// Cycles the TAG filter through the TAGS in use, most used first, then none.
    pub fn next_tag(&mut self, library: &Library) {
        let tags: Vec<String> = library.tags().into_iter().map(|(t, _)| t).collect();
        self.query.tag = next_in(&tags, self.query.tag.as_ref());
        let keep = self.current();
        self.refilter(library, keep);
    }
}

/// The value after `current` in `values`; after the last (or an unknown one), `None`;
/// from `None`, the first.
fn next_in<T: Clone + PartialEq>(values: &[T], current: Option<&T>) -> Option<T> {
    match current {
        None => values.first().cloned(),
        Some(v) => values
            .iter()
            .position(|x| x == v)
            .and_then(|i| values.get(i + 1))
            .cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_in_cycles_through_none() {
        let values = [1, 2];
        assert_eq!(next_in(&values, None), Some(1));
        assert_eq!(next_in(&values, Some(&1)), Some(2));
        assert_eq!(next_in(&values, Some(&2)), None);
        assert_eq!(next_in(&values, Some(&9)), None);
        assert_eq!(next_in::<i32>(&[], None), None);
    }
}
