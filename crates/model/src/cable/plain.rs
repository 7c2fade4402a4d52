//! A plain-text cable: the body as text, line breaks kept. Its paragraphs start where it
//! numbers them, as a page's do.

use super::natural::Body;

/// Reads a plain-text cable into a body, `\r\n` and `\r` read as `\n`.
pub(crate) fn read(text: &str) -> Body {
    let layout = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    Body {
        layout,
        tags: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_newlines() {
        assert_eq!(read("a\r\nb\rc\n").layout, "a\nb\nc\n");
    }
}
