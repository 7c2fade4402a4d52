//! JSON whose strings hold no control character, raw or escaped.
//!
//! An escape such as `\u001b` is no control in the JSON text, but `jq -r` turns it back
//! into one: an entity named `Evil<ESC>]52;c;...<BEL>` would set the clipboard of whoever
//! pipes an export through it. So strings are written as [`super::printable`] gives them
//! (C0 codes as control pictures, DEL, C1 and bidi overrides replaced), keeping only the
//! `\n` and `\t` escapes: one character for one, so character offsets into a string hold.

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};
use std::io;

/// `value` as compact JSON, its strings' control characters made visible.
#[must_use]
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Printable);
    // Serializing into memory fails only for a map with keys JSON cannot have; none of
    // cableview's types has one, and an empty output says so if one ever does.
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    // The serializer writes only UTF-8: the strings it was given and ASCII around them.
    String::from_utf8(out).unwrap_or_default()
}

/// [`CompactFormatter`], but strings as [`super::printable`] shows them.
struct Printable;

impl Formatter for Printable {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        writer.write_all(super::printable(fragment).as_bytes())
    }

    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        let control = match escape {
            CharEscape::Backspace => 0x08,
            CharEscape::FormFeed => 0x0c,
            CharEscape::CarriageReturn => 0x0d,
            CharEscape::AsciiControl(byte) => byte,
            // Quotes, backslashes, line feeds and tabs keep their escapes.
            other => return CompactFormatter.write_char_escape(writer, other),
        };
        let shown = super::printable_char(char::from(control));
        let mut buffer = [0; 4];
        writer.write_all(shown.encode_utf8(&mut buffer).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_come_out_as_pictures_and_lines_as_escapes() {
        let name = "Evil\u{1b}]52;c;cm0gLXJmIH4K\u{7}\r\u{c}\u{8}\u{0}\u{9b}\u{202e}\"\\\n\t";
        let json = to_string(&[name]);
        assert_eq!(
            json,
            "[\"Evil␛]52;c;cm0gLXJmIH4K␇␍␌␈␀\u{fffd}\u{fffd}\\\"\\\\\\n\\t\"]"
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back[0].chars().count(), name.chars().count());
        assert!(
            !back[0]
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        );
    }

    #[test]
    fn keys_are_shown_too() {
        let map = std::collections::BTreeMap::from([("k\u{1b}", 1)]);
        assert_eq!(to_string(&map), "{\"k␛\":1}");
    }
}
