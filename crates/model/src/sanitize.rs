//! Control characters made visible, so text from a file never drives a terminal, a
//! clipboard or a shell that a paste lands in.
//!
//! One rule for every way text leaves cableview: C0 codes become the Unicode "control
//! pictures" (`ESC` -> `␛`), DEL becomes `␡`, C1 codes (0x80-0x9f) and bidirectional
//! overrides become `�`. Every character maps to exactly one character, so offsets counted
//! in characters stay valid. [`printable`] keeps line feeds and tabs (standard output,
//! exports, the clipboard, JSON strings through [`json`]); [`visible`] shows them too, and
//! marks the zero-width and format characters ([`invisible_mark`]) that would move what
//! is drawn after them (the screen, a path in a message).

use std::borrow::Cow;
use std::path::Path;

pub mod json;

/// The stand-in for one character in text that keeps its lines: itself for a line feed,
/// a tab or any character that is not a control.
#[must_use]
pub fn printable_char(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        // C1 controls (CSI, OSC, ...) and the bidi overrides that can reorder a line.
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
        c => c,
    }
}

/// The text with every control character but line feeds and tabs made visible: what
/// cableview prints, exports or copies.
#[must_use]
pub fn printable(text: &str) -> Cow<'_, str> {
    // Most text is plain ASCII: a byte scan settles it without decoding characters.
    if text
        .bytes()
        .all(|b| matches!(b, b' '..=b'~' | b'\n' | b'\t'))
    {
        return Cow::Borrowed(text);
    }
    map_if_needed(text, printable_char)
}

/// The visible stand-in for one character on one line of the screen: tabs read as a
/// space (the reader lays text out itself), a line feed as `␊`, and characters that
/// show nothing but that terminals measure each their own way as a one-column mark
/// ([`invisible_mark`]), so no row shifts and no pane border moves.
#[must_use]
pub fn visible_char(c: char) -> char {
    match c {
        '\t' => ' ',
        '\n' => '\u{240a}',
        c => invisible_mark(c).unwrap_or_else(|| printable_char(c)),
    }
}

/// The mark the screen shows for a zero-width or format character: a soft hyphen as
/// `-`, a line or paragraph separator as `␤`, and `�` for the rest (zero-width space,
/// joiners and their emoji sequences, direction marks, word joiner and invisible
/// operators, byte order mark, Mongolian selectors, interlinear annotation, tag
/// characters). Terminals draw these as zero, one or two columns, or break the line.
#[must_use]
pub fn invisible_mark(c: char) -> Option<char> {
    match c {
        '\u{ad}' => Some('-'),
        '\u{2028}' | '\u{2029}' => Some('\u{2424}'),
        '\u{34f}'
        | '\u{61c}'
        | '\u{17b4}'
        | '\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2060}'..='\u{2065}'
        | '\u{206a}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e007f}' => Some('\u{fffd}'),
        _ => None,
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
    map_if_needed(text, visible_char)
}

/// A path as a message shows it: lossy UTF-8, every control character visible, so a
/// file named `x\e]0;T\a.txt` cannot set the terminal's title from an error message.
#[must_use]
pub fn path(path: &Path) -> String {
    visible(&path.to_string_lossy()).into_owned()
}

fn map_if_needed(text: &str, map: fn(char) -> char) -> Cow<'_, str> {
    if text.chars().all(|c| map(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(map).collect())
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
    // Printable ASCII, the bulk of a cable's fields, is one column a byte: measuring a
    // table of the whole release needs no per-character lookup.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.len();
    }
    text.chars().map(char_width).sum()
}

/// `text` cut to `width` columns with an ellipsis, control characters made visible.
///
/// Reads only as far as the cut: a 50 MB subject or entity name costs what a short one
/// does. Characters of no width (combining marks) count toward a budget too, so a run
/// of them cannot make it read the whole text either.
#[must_use]
pub fn truncate(text: &str, width: usize) -> String {
    // More characters than any row of `width` columns needs, combining marks included.
    let budget = width.saturating_mul(8).saturating_add(64);
    let mut out = String::new();
    let mut used = 0;
    // Where the ellipsis goes if the text turns out not to fit: the longest prefix that
    // leaves a column for it.
    let mut cut = None;
    for (count, c) in text.chars().enumerate() {
        let w = char_width(c);
        if cut.is_none() && used + w + 1 > width {
            cut = Some(out.len());
        }
        if used + w > width || count >= budget {
            out.truncate(cut.unwrap_or(out.len()));
            if width > 0 {
                out.push('…');
            }
            return out;
        }
        used += w;
        out.push(visible_char(c));
    }
    out
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
    fn printable_keeps_lines_and_shows_controls_one_for_one() {
        assert!(matches!(printable("plain\ttext\n¶"), Cow::Borrowed(_)));
        let shown = printable("a\u{1b}]52;c;x\u{7}b\r\u{7f}\u{9b}\u{202e}\n");
        assert_eq!(shown, "a␛]52;c;x␇b␍␡\u{fffd}\u{fffd}\n");
        assert_eq!(shown.chars().count(), 16);
    }

    #[test]
    fn paths_show_controls_and_line_breaks() {
        let name = Path::new("x\u{1b}]0;T\u{7}\n.txt");
        assert_eq!(path(name), "x␛]0;T␇␊.txt");
    }

    #[test]
    fn zero_width_and_format_characters_show_as_one_column_marks() {
        let text = "co\u{ad}op\u{200b}x\u{200d}y\u{feff}z\u{2028}w\u{2029}\u{200e}\u{e0041}";
        let shown = visible(text);
        assert_eq!(
            shown,
            "co-op\u{fffd}x\u{fffd}y\u{fffd}z\u{2424}w\u{2424}\u{fffd}\u{fffd}"
        );
        assert_eq!(
            width(text),
            shown.chars().count(),
            "every mark takes one column"
        );
        // A family emoji of three people joined by ZWJ: three emoji and two marks.
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(width(family), 2 + 1 + 2 + 1 + 2);
        assert_eq!(truncate(family, 5), "\u{1f468}\u{fffd}…");
        // Text outputs keep them: they are text, and drive no terminal.
        assert_eq!(printable(text), text);
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
        // The ASCII shortcut measures as the per-character path does.
        for byte in 0..=127u8 {
            let c = char::from(byte);
            assert_eq!(width(&format!("a{c}")), 1 + char_width(c), "{byte:#x}");
        }
        assert_eq!(width("Hezbollah's \u{7f}"), 13);
    }

    #[test]
    fn truncate_cuts_by_width_and_sanitizes() {
        assert_eq!(truncate("Hezbollah", 20), "Hezbollah");
        assert_eq!(truncate("Hezbollah", 5), "Hezb…");
        assert_eq!(truncate("a\u{1b}b", 5), "a\u{241b}b");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("日本語", 5), "日本…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("e\u{301}", 1), "e\u{301}");
    }

    #[test]
    fn truncate_reads_only_as_far_as_the_cut() {
        let huge = "word ".repeat(2_000_000);
        let start = std::time::Instant::now();
        for _ in 0..100 {
            assert_eq!(truncate(&huge, 10), "word word…");
        }
        // A whole-text scan is ~10 ms a call here; a hundred calls of the cut alone
        // take microseconds.
        assert!(start.elapsed() < std::time::Duration::from_millis(200));
        let marks = format!("a{}", "\u{301}".repeat(100_000));
        let cut = truncate(&marks, 2);
        assert!(
            cut.ends_with('…') && cut.chars().count() < 100,
            "{}",
            cut.len()
        );
    }
}
