//! A line of text typed in (the table's search, the reader's `/`): a cursor in it moved by
//! Home, End and the arrows, Ctrl-U clearing it, Ctrl-W deleting the word before the
//! cursor, as shells do; and the queries searched before, recalled with up and down.

/// An edit of the line, by a key other than a character or Backspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    /// Ctrl-U: the whole line.
    Clear,
    /// Ctrl-W: the word before the cursor, and the spaces after it.
    WordBack,
    /// Home: the cursor to the start.
    Home,
    /// End: the cursor to the end.
    End,
    /// Left arrow: the cursor one character back.
    Left,
    /// Right arrow: the cursor one character on.
    Right,
}

/// The byte offset of the `cursor`-th character of `text` (its length past the end).
fn byte(text: &str, cursor: usize) -> usize {
    text.char_indices()
        .nth(cursor)
        .map_or(text.len(), |(i, _)| i)
}

/// Applies an edit to `text` with its cursor (in characters); whether the text changed.
pub fn edit(text: &mut String, cursor: &mut usize, edit: Edit) -> bool {
    let len = text.chars().count();
    *cursor = (*cursor).min(len);
    match edit {
        Edit::Clear => {
            *cursor = 0;
            return !std::mem::take(text).is_empty();
        }
        Edit::WordBack => {
            let chars: Vec<char> = text.chars().take(*cursor).collect();
            let spaces = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
            let word = chars[..chars.len() - spaces]
                .iter()
                .rev()
                .take_while(|c| !c.is_whitespace())
                .count();
            let from = *cursor - spaces - word;
            let range = byte(text, from)..byte(text, *cursor);
            text.replace_range(range.clone(), "");
            *cursor = from;
            return !range.is_empty();
        }
        Edit::Home => *cursor = 0,
        Edit::End => *cursor = len,
        Edit::Left => *cursor = cursor.saturating_sub(1),
        Edit::Right => *cursor = (*cursor + 1).min(len),
    }
    false
}

/// Types `c` at the cursor, which moves past it.
pub fn insert(text: &mut String, cursor: &mut usize, c: char) {
    let at = byte(text, *cursor);
    text.insert(at, c);
    *cursor += 1;
}

/// Deletes the character before the cursor; whether there was one.
pub fn backspace(text: &mut String, cursor: &mut usize) -> bool {
    if *cursor == 0 || text.is_empty() {
        return false;
    }
    *cursor = (*cursor).min(text.chars().count()) - 1;
    let at = byte(text, *cursor);
    text.remove(at);
    true
}

/// The text before and after the cursor, to draw the cursor between them.
#[must_use]
pub fn split(text: &str, cursor: usize) -> (&str, &str) {
    text.split_at(byte(text, cursor))
}

/// How many queries the history keeps (the oldest go).
pub const KEPT: usize = 100;

/// The queries searched, oldest first, and where up and down have got to in them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
    /// The entry shown, while up and down walk the history.
    at: Option<usize>,
    /// The line as typed before up was first pressed, which down comes back to.
    draft: String,
}

impl History {
    /// A history of these queries, oldest first (the last [`KEPT`]).
    #[must_use]
    pub fn new(mut entries: Vec<String>) -> Self {
        entries.retain(|e| !e.trim().is_empty());
        let extra = entries.len().saturating_sub(KEPT);
        entries.drain(..extra);
        Self {
            entries,
            ..Self::default()
        }
    }

    /// The queries, oldest first.
    #[must_use]
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Keeps a query searched as the newest (once: an older copy goes); whether the
    /// history changed. The walk starts again from the newest.
    pub fn record(&mut self, query: &str) -> bool {
        self.at = None;
        let query = query.trim();
        if query.is_empty() || self.entries.last().is_some_and(|e| e == query) {
            return false;
        }
        self.entries.retain(|e| e != query);
        self.entries.push(query.to_string());
        let extra = self.entries.len().saturating_sub(KEPT);
        self.entries.drain(..extra);
        true
    }

    /// Up: the query before the one shown (the newest at first), `line` being what is
    /// typed now; `None` at the oldest.
    pub fn older(&mut self, line: &str) -> Option<String> {
        let at = match self.at {
            None => {
                self.draft = line.to_string();
                self.entries.len().checked_sub(1)?
            }
            Some(at) => at.checked_sub(1)?,
        };
        self.at = Some(at);
        self.entries.get(at).cloned()
    }

    /// Down: the query after the one shown, and past the newest the line as it was
    /// typed; `None` when not walking the history.
    pub fn newer(&mut self) -> Option<String> {
        let at = self.at? + 1;
        if at < self.entries.len() {
            self.at = Some(at);
            return self.entries.get(at).cloned();
        }
        self.at = None;
        Some(std::mem::take(&mut self.draft))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, cursor: usize, e: Edit) -> (String, usize) {
        let (mut text, mut cursor) = (text.to_string(), cursor);
        edit(&mut text, &mut cursor, e);
        (text, cursor)
    }

    #[test]
    fn edits_work_at_the_cursor() {
        assert_eq!(edited("tag:PTER iran", 13, Edit::Clear), (String::new(), 0));
        assert_eq!(
            edited("tag:PTER iran", 13, Edit::WordBack),
            ("tag:PTER ".into(), 9)
        );
        assert_eq!(
            edited("tag:PTER iran  ", 15, Edit::WordBack),
            ("tag:PTER ".into(), 9)
        );
        assert_eq!(
            edited("tag:PTER iran", 8, Edit::WordBack),
            (" iran".into(), 0)
        );
        assert_eq!(edited("été", 1, Edit::WordBack), ("té".into(), 0));
        assert_eq!(edited("abc", 3, Edit::Home), ("abc".into(), 0));
        assert_eq!(edited("abc", 0, Edit::End), ("abc".into(), 3));
        assert_eq!(edited("abc", 3, Edit::Right), ("abc".into(), 3));
        let (mut text, mut cursor) = ("ét".to_string(), 1);
        insert(&mut text, &mut cursor, 'x');
        assert_eq!((text.as_str(), cursor), ("éxt", 2));
        assert!(backspace(&mut text, &mut cursor));
        assert_eq!((text.as_str(), cursor), ("ét", 1));
        assert_eq!(split(&text, 1), ("é", "t"));
    }

    #[test]
    fn up_and_down_walk_the_history_and_come_back_to_the_line() {
        let mut history = History::new(vec!["a".into(), "b".into()]);
        assert!(history.record("c"));
        assert!(!history.record("c"), "the same query twice is kept once");
        assert_eq!(history.older("typed").as_deref(), Some("c"));
        assert_eq!(history.older("c").as_deref(), Some("b"));
        assert_eq!(history.older("b").as_deref(), Some("a"));
        assert_eq!(history.older("a"), None, "the oldest stays");
        assert_eq!(history.newer().as_deref(), Some("b"));
        assert_eq!(history.newer().as_deref(), Some("c"));
        assert_eq!(history.newer().as_deref(), Some("typed"));
        assert_eq!(history.newer(), None);
        assert!(history.record("a"));
        assert_eq!(history.entries(), ["b", "c", "a"]);
        let long = History::new((0..KEPT + 5).map(|n| n.to_string()).collect());
        assert_eq!(long.entries().len(), KEPT);
        assert_eq!(long.entries()[0], "5");
    }
}
