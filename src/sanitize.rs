//! Control characters made visible, so text from a file never drives the terminal.
//!
//! Every character maps to exactly one character, so offsets counted in characters stay
//! valid after sanitizing. C0 codes become the Unicode "control pictures" (`ESC` -> `␛`),
//! DEL becomes `␡`, C1 codes (0x80-0x9f) and bidirectional overrides become `�`.

use std::borrow::Cow;

/// The visible stand-in for one character: itself unless it is a control character.
#[must_use]
pub fn visible_char(c: char) -> char {
    match c {
        // Tabs read as a space; the reader lays text out itself.
        '\t' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        // C1 controls (CSI, OSC, ...) and the bidi overrides that can reorder a line.
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
        c => c,
    }
}

/// Whether `c` would be replaced by [`visible_char`].
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    visible_char(c) != c
}

/// The text with every control character replaced by a visible symbol.
#[must_use]
pub fn visible(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        Cow::Owned(text.chars().map(visible_char).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// The display width of `c` once made visible: control characters take one column.
#[must_use]
pub fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(visible_char(c)).unwrap_or(1)
}

/// The display width of `text` once made visible.
#[must_use]
pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_symbols() {
        let title = "a\u{1b}]0;pwned\u{7}b";
        let shown = visible(title);
        assert_eq!(shown, "a\u{241b}]0;pwned\u{2407}b");
        assert!(!shown.chars().any(|c| c.is_control()));
    }

    #[test]
    fn c1_del_and_bidi_are_replaced_one_for_one() {
        let text = "x\u{9b}31m\u{7f}\u{202e}y";
        let shown = visible(text);
        assert_eq!(shown.chars().count(), text.chars().count());
        assert_eq!(shown, "x\u{fffd}31m\u{2421}\u{fffd}y");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(visible("Paris, ¶5 — été"), Cow::Borrowed(_)));
    }

    #[test]
    fn widths_count_wide_and_control_characters() {
        assert_eq!(width("ab"), 2);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("\u{1b}"), 1);
        assert_eq!(char_width('\u{301}'), 0);
    }
}
