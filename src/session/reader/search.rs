//! Case-insensitive text search over the reading view's blocks, and what Enter and Esc
//! do to the view while a query is typed (as in less and vim: Esc puts the view back
//! where it was before `/`, Enter keeps it).

use super::{Anchor, Mode, Reader};
use crate::session::action::Action;
use crate::session::message::Message;
use std::ops::Range;

/// One match: a block and a byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The block (0 header, n paragraph n).
    pub block: usize,
    /// Byte range in the block's text.
    pub bytes: Range<usize>,
}

/// An active search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The query as typed.
    pub query: String,
    /// Every match in document order.
    pub hits: Vec<Hit>,
    /// The match the cursor is on.
    pub current: Option<usize>,
    /// Whether the query is still being typed.
    pub editing: bool,
    /// Where the view was when `/` was pressed: Esc before Enter goes back there.
    pub origin: Option<Anchor>,
    /// Whether the header was unfolded when `/` was pressed: a match in it unfolds it
    /// while the query is typed, and Esc folds it again.
    pub header_was_open: Option<bool>,
    /// Where the cursor is in the query, in characters.
    pub cursor: usize,
    /// For a full-text query of the corpus index: the whole words it looks for (any of
    /// them matches), rather than the query as a string.
    pub words: Vec<String>,
}

impl Reader {
    /// Unfolds the header when the search match or the mention under the cursor is in it,
    /// so a walk never lands on text that is not shown.
    pub(super) fn unfold_for_cursor(&mut self) {
        if self.header_open() {
            return;
        }
        let hit = self
            .search
            .as_ref()
            .and_then(|s| s.hits.get(s.current?))
            .filter(|h| h.block == 0)
            .map(|h| h.bytes.start);
        let mention = || {
            let (block, m) = *self.selected_mentions.get(self.mention_cursor?)?;
            (block == 0).then(|| self.block_mentions(0).get(m).map(|m| m.bytes.start))?
        };
        let at = if self.search.is_some() {
            hit
        } else {
            mention()
        };
        if let Some(at) = at {
            self.set_header_open(true);
            let row = self.doc_layout().row_of_byte(0, at);
            self.reveal_row(row);
        }
    }

    /// Shows where the cable says the words a full-text `query` looks for: every one
    /// highlighted, the view on the first, `n`/`N` walking them.
    pub fn show_matches(&mut self, query: &str, words: Vec<String>) {
        self.mode = Mode::Normal;
        self.search = Some(Search {
            query: query.to_string(),
            words,
            ..Search::default()
        });
        // The first match of the cable, not the first after where it was left.
        let doc = self.doc_layout();
        self.set_top(&doc, 0);
        self.refresh_search();
    }

    /// Drops the words of a full-text query shown with [`Reader::show_matches`] (a search
    /// typed in the reader stays).
    pub fn drop_matches(&mut self) {
        if self.search.as_ref().is_some_and(|s| !s.words.is_empty()) {
            self.search = None;
        }
    }

    /// Whether the cable's text says any of `words` (as whole words).
    #[must_use]
    pub fn says_any(&self, words: &[String]) -> bool {
        (0..self.block_count()).any(|block| !find_words(self.block_text(block), words).is_empty())
    }

    /// Puts `text` in the query being typed (a query recalled), the cursor at its end.
    pub fn set_search_text(&mut self, text: String) {
        if self.mode != Mode::Search {
            return;
        }
        if let Some(s) = self.search.as_mut() {
            s.cursor = text.chars().count();
            s.query = text;
        }
        self.refresh_search();
    }

    /// Starts a search, remembering the view to come back to if it is cancelled.
    pub(super) fn begin_search(&mut self) {
        self.start_search();
        let origin = self.top;
        let header = self.header_open();
        if let Some(search) = self.search.as_mut() {
            search.origin = Some(origin);
            search.header_was_open = Some(header);
        }
    }

    /// A key while the query is typed: Esc drops the search and puts the view back where
    /// it was before `/`; Enter keeps the view, and the place left counts as a jump.
    pub(super) fn search_typing(&mut self, action: crate::session::message::Message) {
        let origin = self.search.as_ref().and_then(|s| s.origin);
        match action {
            Message::Action(Action::Cancel) => {
                self.mode = Mode::Normal;
                let header = self.search.take().and_then(|s| s.header_was_open);
                // The header as it was, then the view: the fold changes the layout.
                if let Some(open) = header {
                    self.set_header_open(open);
                }
                if let Some(origin) = origin {
                    self.top = origin;
                    let doc = self.doc_layout();
                    self.set_top(&doc, self.top_row(&doc));
                }
            }
            Message::Edit(edit) => {
                if let Some(s) = self.search.as_mut()
                    && crate::session::line::edit(&mut s.query, &mut s.cursor, edit)
                {
                    self.refresh_search();
                }
            }
            Message::Action(Action::Activate) => {
                self.typing_action(Message::Action(Action::Activate));
                if let Some(origin) = origin.filter(|o| *o != self.top) {
                    self.jump_origin = Some(origin);
                }
            }
            action => self.typing_action(action),
        }
    }
}

fn fold(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Non-overlapping, case-insensitive matches of `query` in `text`, as byte ranges.
#[must_use]
pub fn find(text: &str, query: &str) -> Vec<Range<usize>> {
    let query: Vec<char> = query.chars().map(fold).collect();
    let Some(&first) = query.first() else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    let mut next_free = 0;
    for (start, c) in text.char_indices() {
        if start < next_free || fold(c) != first {
            continue;
        }
        let mut chars = text[start..].char_indices();
        let mut end = start;
        let matched = query.iter().all(|q| match chars.next() {
            Some((offset, c)) if fold(c) == *q => {
                end = start + offset + c.len_utf8();
                true
            }
            _ => false,
        });
        if matched {
            hits.push(start..end);
            next_free = end;
        }
    }
    hits
}

/// Every whole word of `text` that is one of `words` (lower-cased), as byte ranges:
/// words cut as the corpus index cuts them, at every character that is not a letter or
/// a digit.
#[must_use]
pub fn find_words(text: &str, words: &[String]) -> Vec<Range<usize>> {
    let mut hits = Vec::new();
    let mut start = None;
    let check = |from: usize, to: usize, hits: &mut Vec<Range<usize>>| {
        let word = text[from..to].to_lowercase();
        if words.contains(&word) {
            hits.push(from..to);
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                check(from, i, &mut hits);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        check(from, text.len(), &mut hits);
    }
    hits
}

/// Every match of `query` across the blocks, in order.
pub fn find_all<'a>(blocks: impl IntoIterator<Item = &'a str>, query: &str) -> Vec<Hit> {
    blocks
        .into_iter()
        .enumerate()
        .flat_map(|(block, text)| {
            find(text, query)
                .into_iter()
                .map(move |bytes| Hit { block, bytes })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_without_overlap() {
        assert_eq!(find("Hezbollah and HEZBOLLAH", "hez"), [0..3, 14..17]);
        assert_eq!(find("aaaa", "aa"), [0..2, 2..4]);
        assert_eq!(find("Été été", "été"), [0..5, 6..11]);
        assert!(find("abc", "").is_empty());
        assert!(find("abc", "abcd").is_empty());
    }

    #[test]
    fn words_match_whole_and_in_any_case() {
        let words = ["hezbollah".to_string(), "u".to_string(), "s".to_string()];
        let text = "Hezbollah's allies, not hezbollahi; the U.S. view";
        let found: Vec<&str> = find_words(text, &words)
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(found, ["Hezbollah", "s", "U", "S"]);
        assert!(find_words("Parisian", &["paris".to_string()]).is_empty());
    }

    #[test]
    fn find_all_numbers_blocks() {
        let hits = find_all(["x", "ax", "xx"], "x");
        let blocks: Vec<_> = hits.iter().map(|h| h.block).collect();
        assert_eq!(blocks, [0, 1, 2, 2]);
    }
}
