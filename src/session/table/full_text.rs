//! The table of a library on a corpus index searching the full text as the user types:
//! the index answers each query (through the event loop), the table shows the cables it
//! found best first, and the snippet of the selected one.

use super::{ShownFacets, Table};
use crate::cable::CableId;
use crate::library::{CableIndex, Library, Query};
use crate::search_index::Snippet;
use crate::search_index::Spread;
use crate::session::action::{AskError, Found, Searched};
use crate::session::timeline::Timeline;
use std::collections::HashMap;

/// How many of the best cables a query shows.
pub const RESULTS: usize = 1_000;

/// The index's answer to the query in the filter line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FullText {
    /// The query answered.
    pub(super) query: String,
    /// The cables found, best first, at most [`RESULTS`].
    pub(super) ranked: Vec<CableIndex>,
    /// How many documents match in all (a cable's text and page are two).
    pub(super) total: u64,
    /// Whether `ranked` holds every cable that matches, not only the best.
    pub(super) complete: bool,
    /// The words the query looks for, to highlight in a cable opened from the results.
    pub(super) words: Vec<String>,
    /// Snippets fetched so far, by cable.
    pub(super) snippets: HashMap<CableIndex, Snippet>,
    /// The cable whose snippet was asked for and has not come yet.
    pub(super) pending: Option<CableIndex>,
    /// Whether the rows keep the ranking (until a sort key is pressed).
    pub(super) by_rank: bool,
}

impl FullText {
    /// The query answered.
    #[must_use]
    pub fn query(&self) -> &str {
        &self.query
    }

    /// How many documents match in all (a cable's text and page are two).
    #[must_use]
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Whether the rows hold every cable that matches, not only the best.
    #[must_use]
    pub fn complete(&self) -> bool {
        self.complete
    }

    /// Whether the rows keep the ranking (until a sort key is pressed).
    #[must_use]
    pub fn by_rank(&self) -> bool {
        self.by_rank
    }
}

impl Table {
    /// Whether `/` searches the corpus index's full text (a library on an index) rather
    /// than filtering the table's columns.
    #[must_use]
    pub fn searches_index(&self) -> bool {
        self.indexed
    }

    /// Takes the index's answer to a query, if it answers the one typed now (answers to
    /// keys typed since are dropped): the rows, the cursor on the best cable, the facets
    /// pane's counts and timeline. Returns the answer's spread for the map, when it has
    /// one.
    pub(in crate::session) fn searched(
        &mut self,
        library: &Library,
        searched: Searched,
    ) -> Option<Spread> {
        let Searched { query, found } = searched;
        if query != self.query.text {
            return None;
        }
        let spread = found.as_ref().ok().and_then(|f| f.spread.clone());
        let facets = self.found(library, &query, found);
        if let (Some(ShownFacets { pane, .. }), Some(facets)) = (&mut self.facets, facets) {
            let timeline = spread
                .as_ref()
                .map(|s| Timeline::of(s, None))
                .unwrap_or_default();
            pane.set_with_timeline(facets, timeline);
        }
        self.fit();
        spread
    }

    /// Takes the answer to the query typed now; the facets of the answer, when it has
    /// them.
    fn found(
        &mut self,
        library: &Library,
        query: &str,
        found: Result<Found, AskError>,
    ) -> Option<crate::search_index::Facets> {
        match found {
            // No words to search (only the facets were asked): the table shows every
            // cable its filters keep.
            Ok(found) if query.trim().is_empty() => {
                self.query_error = None;
                if self.full_text.take().is_some() {
                    let keep = self.current();
                    self.refilter(library, keep);
                }
                found.facets
            }
            // The same query asked again for its facets: the rows, their order and the
            // cursor stay.
            Ok(found) if self.full_text.as_ref().is_some_and(|f| f.query == query) => {
                self.query_error = None;
                found.facets
            }
            Ok(found) => {
                self.query_error = None;
                let mut seen = std::collections::HashSet::new();
                let ranked = found
                    .ids
                    .iter()
                    .filter_map(|id| library.find_id(id))
                    .filter(|&c| seen.insert(c))
                    .take(RESULTS)
                    .collect();
                let facets = found.facets;
                self.full_text = Some(FullText {
                    query: query.to_string(),
                    ranked,
                    total: found.total,
                    complete: found.complete,
                    words: found.words,
                    by_rank: true,
                    ..FullText::default()
                });
                self.refilter(library, None);
                facets
            }
            Err(error) => {
                self.query_error = Some(error.to_string());
                None
            }
        }
    }

    /// The rows for the results: ranked, or in the table's sort order once one is asked;
    /// narrowed by the classification and TAG filters.
    pub(super) fn result_rows(&self, library: &Library, full_text: &FullText) -> Vec<CableIndex> {
        let filters = Query {
            text: String::new(),
            ..self.query.clone()
        };
        if full_text.by_rank {
            return library.filter(&full_text.ranked, &filters);
        }
        let found: std::collections::HashSet<CableIndex> =
            full_text.ranked.iter().copied().collect();
        let sorted: Vec<CableIndex> = self
            .order
            .iter()
            .copied()
            .filter(|c| found.contains(c))
            .collect();
        library.filter(&sorted, &filters)
    }

    /// The snippet to ask the index for: the selected cable's, when results are shown and
    /// it has none yet. Marks it asked.
    pub(super) fn snippet_wanted(
        &mut self,
        library: &Library,
    ) -> Option<(String, CableIndex, CableId)> {
        let current = self.current()?;
        let full_text = self.full_text.as_mut()?;
        if full_text.snippets.contains_key(&current) || full_text.pending == Some(current) {
            return None;
        }
        full_text.pending = Some(current);
        let id = CableId::new(library.row(current)?.id.as_str());
        Some((full_text.query.clone(), current, id))
    }

    /// Keeps a snippet the index gave for the query shown.
    pub(in crate::session) fn snippet_read(
        &mut self,
        query: &str,
        cable: CableIndex,
        snippet: Option<Snippet>,
    ) {
        if let Some(full_text) = self.full_text.as_mut().filter(|f| f.query == query) {
            if full_text.pending == Some(cable) {
                full_text.pending = None;
            }
            full_text
                .snippets
                .insert(cable, snippet.unwrap_or_default());
        }
    }

    /// The selected cable's snippet, when results are shown and it has come.
    #[must_use]
    pub fn current_snippet(&self) -> Option<&Snippet> {
        let full_text = self.full_text.as_ref()?;
        full_text.snippets.get(&self.current()?)
    }

    /// The query the rows answer and the words to highlight in the selected cable when
    /// it opens from them.
    #[must_use]
    pub fn words_to_show(&self) -> Option<(&str, &[String])> {
        self.full_text
            .as_ref()
            .filter(|f| !f.words.is_empty())
            .map(|f| (f.query.as_str(), f.words.as_slice()))
    }
}
