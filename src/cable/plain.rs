//! A plain-text cable: the body as text, line breaks kept.
//!
//! Plain text has no anchors, so they are put where the WikiLeaks page generator put
//! them: at a line that starts with a number or a capital letter and a period (`1. (C)`,
//! `B. STATE 1234`). The shared paragraph logic then tells paragraphs from REF items, years
//! and sub-items exactly as it does for pages.

use super::natural::{Body, BodyAnchor};

/// Reads a plain-text cable into a body with anchors at its numbered lines.
pub(crate) fn read(text: &str) -> Body {
    let layout = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    let mut anchors = Vec::new();
    let mut start = 0;
    for line in layout.split('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some((id, label_len)) = numbered(&line[indent..]) {
            let at = start + indent;
            anchors.push(BodyAnchor {
                at,
                id: id.to_string(),
                text_start: at + label_len,
            });
        }
        start += line.len() + 1;
    }
    Body { layout, anchors }
}

/// `12. ` or `12.(C)` or `B. ` at a line start: the id and the label's length.
fn numbered(line: &str) -> Option<(&str, usize)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let id_len = if digits > 0 {
        digits
    } else if line.starts_with(|c: char| c.is_ascii_uppercase()) {
        1
    } else {
        return None;
    };
    let after = line[id_len..].strip_prefix('.')?;
    let opens_text = after.starts_with([' ', '\t']) || (digits > 0 && after.starts_with('('));
    (digits <= 4 && opens_text).then_some((&line[..id_len], id_len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_at_numbered_lines_only() {
        let body = read(
            "REF: A. STATE 1\r\nB. STATE 2\r\n\r\n1. (C) One.\r\n  2.(S) Two 3. inline\r\nU.S. policy\r\n1993. A year\r\n",
        );
        let ids: Vec<&str> = body.anchors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["B", "1", "2", "1993"]);
        assert!(!body.layout.contains('\r'));
        let two = &body.anchors[2];
        assert_eq!(&body.layout[two.at..two.text_start], "2.");
    }
}
