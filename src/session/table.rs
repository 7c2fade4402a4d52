//! The library table's state: query, sort, selection, the search line, the facets pane.
//! Its fields are its own: its keys change them ([`Table::update`], in `keys`), the session
//! reaches it through methods (a search answered, a snippet, a TAG picked, the facets
//! shown), and the UI draws from its accessors.

pub mod columns;
pub mod full_text;
mod keys;

use super::ListCursor;
use super::picker::TagPicker;
use crate::cable::Classification;
use crate::library::{CableIndex, Column, Library, Query};
use full_text::FullText;
pub use keys::Around;
pub(super) use keys::keep_query;
use ratatui::layout::Rect;

/// What the table shows and where its cursor is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Filters and sort.
    query: Query,
    /// Every cable in sort order (recomputed only when the sort changes).
    order: Vec<CableIndex>,
    /// The cables shown, in order: `order` filtered by the query.
    rows: Vec<CableIndex>,
    /// The cursor over `rows` (a position there, not a cable), and the rows shown.
    cursor: ListCursor,
    /// Whether keys type into the filter.
    typing: bool,
    /// Where the cursor is in the filter's text, in characters.
    line_cursor: usize,
    /// Every cable in each column's ascending order, by the column's place in
    /// [`Column::ALL`], once it was asked for.
    sorted: Vec<Option<Vec<CableIndex>>>,
    /// What each column needs, measured once.
    measure: columns::Measure,
    /// A library on a corpus index: `/` searches the full text.
    indexed: bool,
    /// The index's answer to the query typed, for a library on an index.
    full_text: Option<FullText>,
    /// Why the query typed cannot be run (the rows stay those of the last one that could).
    query_error: Option<String>,
    /// The facets pane beside the table, on a corpus index, while it is shown.
    facets: Option<ShownFacets>,
    /// The screen's area, which the rows of a page and the facets' list follow.
    area: Rect,
}

/// The facets pane beside the table, and whether it has the keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShownFacets {
    /// The pane.
    pane: super::facets::FacetsPane,
    /// Whether the keys move in the pane rather than the table.
    focused: bool,
}

impl ShownFacets {
    /// The pane.
    #[must_use]
    pub fn pane(&self) -> &super::facets::FacetsPane {
        &self.pane
    }

    /// Whether the keys move in the pane rather than the table.
    #[must_use]
    pub fn focused(&self) -> bool {
        self.focused
    }
}

impl Table {
    /// Where the table's parts go in `area`, as it is now (the snippet pane with
    /// full-text results, the facets pane when shown).
    #[must_use]
    pub fn layout(&self, area: Rect) -> super::layout::TableLayout {
        super::layout::table(area, self.full_text.is_some(), self.facets.is_some())
    }

    /// Lays the table out on a screen of `size`.
    pub(super) fn resize(&mut self, size: (u16, u16)) {
        self.area = Rect::new(0, 0, size.0, size.1);
        self.fit();
    }

    /// Tells the cursor how many rows a page shows, and the facets pane its list's
    /// height, as the layout gives them now.
    fn fit(&mut self) {
        let layout = self.layout(self.area);
        self.cursor.set_height(layout.page(), self.rows.len());
        if let Some(facets) = &mut self.facets {
            facets.pane.set_height(layout.facet_rows().max(1));
        }
    }

    /// The filters and the sort.
    #[must_use]
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// The cables shown, in order.
    #[must_use]
    pub fn rows(&self) -> &[CableIndex] {
        &self.rows
    }

    /// The cursor over the rows: the row selected and the first one shown.
    #[must_use]
    pub fn cursor(&self) -> &ListCursor {
        &self.cursor
    }

    /// Whether keys type into the filter.
    #[must_use]
    pub fn is_typing(&self) -> bool {
        self.typing
    }

    /// Where the cursor is in the filter's text, in characters.
    #[must_use]
    pub fn line_cursor(&self) -> usize {
        self.line_cursor
    }

    /// What each column needs, measured once over the library.
    #[must_use]
    pub fn measure(&self) -> &columns::Measure {
        &self.measure
    }

    /// The index's answer to the query typed, while it is shown.
    #[must_use]
    pub fn full_text(&self) -> Option<&FullText> {
        self.full_text.as_ref()
    }

    /// Why the query typed cannot be run.
    #[must_use]
    pub fn query_error(&self) -> Option<&str> {
        self.query_error.as_deref()
    }

    /// The facets pane, while it is shown.
    #[must_use]
    pub fn facets(&self) -> Option<&ShownFacets> {
        self.facets.as_ref()
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

    /// Cycles the sort column forwards.
    ///
    /// Over full-text results the cycle starts and ends at their ranking: best first,
    /// then each column, then best first again.
    fn next_sort(&mut self, library: &Library) {
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
    fn reverse(&mut self, library: &Library) {
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
    fn type_char(&mut self, library: &Library, c: char) {
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
    fn backspace(&mut self, library: &Library) {
        if crate::session::line::backspace(&mut self.query.text, &mut self.line_cursor) {
            self.text_changed(library);
        }
    }

    /// Ctrl-U, Ctrl-W, Home, End, the arrows; whether the text changed.
    fn edit(&mut self, library: &Library, edit: crate::session::line::Edit) -> bool {
        let changed = super::line::edit(&mut self.query.text, &mut self.line_cursor, edit);
        if changed {
            self.text_changed(library);
        }
        changed
    }

    /// Puts `text` in the filter (a query recalled), the cursor at its end.
    fn set_text(&mut self, library: &Library, text: String) {
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
    fn clear_filters(&mut self, library: &Library) {
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
    pub(super) fn picker(&self, library: &Library) -> TagPicker {
        TagPicker::new(library.tags(), self.query.tag.as_deref())
    }

    /// Filters by `tag` (picked in the TAG picker).
    pub(super) fn set_tag(&mut self, library: &Library, tag: String) {
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
    pub(super) fn unfocus_facets(&mut self) {
        if let Some(facets) = &mut self.facets {
            facets.focused = false;
        }
    }

    /// Cycles the classification filter: none, then each level in use, then none.
    fn next_classification(&mut self, library: &Library) {
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
    fn next_tag(&mut self, library: &Library) {
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
