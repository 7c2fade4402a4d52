//! The next place a fixed string occurs in a text, asked for at growing positions.
//!
//! Scanners that look ahead from every `[` of a line for what closes it searched the
//! rest of the line each time, so a line of `[` that never close cost its length squared
//! (a 1 MB line of `[PER a ` took half a minute). Remembering the last answer makes the
//! searches of one left-to-right pass cover each byte about once. The needles' searchers
//! are built once for the program: building one for every search cost more than most
//! searches, which end a few bytes on.

use memchr::memmem::Finder;
use std::sync::LazyLock;

/// Two spaces: what closes a mention's body (`[LOC Paris  ]`).
pub(crate) static DOUBLE_SPACE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("  "));
/// A mention's close.
pub(crate) static CLOSE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("  ]"));
/// A line's end.
pub(crate) static LINE_END: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("\n"));

/// The first occurrence of `needle` at or after a position, remembered between asks.
pub(crate) struct NextMatch<'a> {
    haystack: &'a [u8],
    needle: &'static Finder<'static>,
    /// Where the last search started (`usize::MAX` before the first), and what it found.
    searched_from: usize,
    found: Option<usize>,
}

impl<'a> NextMatch<'a> {
    /// Nothing is searched until asked: most lines have no `[` and never ask.
    pub(crate) fn new(haystack: &'a [u8], needle: &'static Finder<'static>) -> Self {
        Self {
            haystack,
            needle,
            searched_from: usize::MAX,
            found: None,
        }
    }

    /// Where `needle` first starts at or after `from`. Cheap when asked at positions that
    /// do not go back before an earlier ask.
    pub(crate) fn first_from(&mut self, from: usize) -> Option<usize> {
        let known = from >= self.searched_from && self.found.is_none_or(|at| at >= from);
        if !known {
            self.searched_from = from;
            self.found = self
                .haystack
                .get(from..)
                .and_then(|rest| self.needle.find(rest))
                .map(|offset| from + offset);
        }
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_fresh_search_does_in_any_order() {
        let text = b"a  b  ]  c]  ]   x";
        let mut next = NextMatch::new(text, &CLOSE);
        for from in [0, 0, 3, 5, 6, 2, 11, 12, 17, 18, 40, 1] {
            let fresh = text
                .get(from..)
                .and_then(|rest| memchr::memmem::find(rest, b"  ]"))
                .map(|at| from + at);
            assert_eq!(next.first_from(from), fresh, "from {from}");
        }
    }
}
