//! The signature: the sender's name on the last lines of the body (`LEACH`), under which
//! the transmission may have left end marks (`NNNN`, `BT`), the classification again,
//! line-end backslashes or a release stamp, none of which is a name.

use super::{header, marking};

/// Whether a last line marks the end of the transmission: blank, a line-end backslash,
/// `NNNN`, `BT`, `#5480`, `End Cable Text`, `=====CABLE ENDS=====`. Such lines are never
/// the cable's text.
pub(crate) fn is_end_mark_line(line: &str) -> bool {
    let t = line.trim();
    t.is_empty()
        || t.bytes().all(|b| b == b'\\' || b.is_ascii_whitespace())
        || t == "BT"
        || is_end_mark(t)
        || (t.starts_with('#') && t[1..].bytes().all(|b| b.is_ascii_digit()))
        || t.eq_ignore_ascii_case("End Cable Text")
        || t.contains("CABLE ENDS")
}

/// Whether a last line may stand under the signature: an end mark
/// ([`is_end_mark_line`]), only punctuation (`##`, `>`), the classification, `SIPDIS`, or
/// the release stamp (`Declassified/Released US Department of State ...`).
pub(crate) fn is_end_line(line: &str) -> bool {
    let t = line.trim();
    is_end_mark_line(t)
        || !t.chars().any(char::is_alphanumeric)
        || t.get(..21)
            .is_some_and(|s| s.eq_ignore_ascii_case("Declassified/Released"))
        || t.eq_ignore_ascii_case("SIPDIS")
        || is_classification(t)
}

/// `NNN`, `NNNN`: the teletype's end of message.
fn is_end_mark(word: &str) -> bool {
    word.len() >= 3 && word.bytes().all(|b| b == b'N')
}

/// A whole classification: `CONFIDENTIAL`, `S E C R E T`, `UNCLASSIFIED//FOUO`.
fn is_classification(text: &str) -> bool {
    marking::classification(text).is_ok_and(|(rest, _)| rest.trim().is_empty())
}

/// Reads a signature from the words of a last line: one to four capitalised words
/// (`LEACH`, `VAN VOORST`) once punctuation around them (`DOE##`, `WOOD \`, `"CASON ,,,,"`)
/// and end marks, a classification or the release stamp after them (`DOE CONFIDENTIAL
/// Declassified/Released ...`, where the tagger's sentence split joined the lines) are
/// dropped.
pub(crate) fn from_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut words: Vec<&str> = words
        .into_iter()
        .take_while(|w| {
            !w.get(..21)
                .is_some_and(|s| s.eq_ignore_ascii_case("Declassified/Released"))
        })
        .map(|w| w.trim_matches(['"', '#', '\\', ',', '*', ';']))
        .filter(|w| !w.is_empty() && *w != ".")
        .collect();
    while words.last().is_some_and(|w| {
        !w.chars().any(char::is_alphanumeric)
            || is_end_mark(w)
            || is_classification(w)
            || w.eq_ignore_ascii_case("SIPDIS")
    }) {
        words.pop();
    }
    let is_name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            && !w.contains("..")
            && !header::is_keyword(w)
    };
    // A redaction may stand for part of a name, not for all of it.
    let redacted = |w: &&str| w.chars().all(|c| c == 'X');
    let is_signature = !words.is_empty()
        && words.len() <= 4
        && words.iter().all(is_name_word)
        && words
            .iter()
            .any(|w| !redacted(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    is_signature.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(line: &str) -> Option<String> {
        from_words(line.split_whitespace())
    }

    #[test]
    fn names_with_their_noise_dropped() {
        assert_eq!(sign("LEACH").as_deref(), Some("LEACH"));
        assert_eq!(sign("VAN VOORST").as_deref(), Some("VAN VOORST"));
        assert_eq!(sign("DOE##").as_deref(), Some("DOE"));
        assert_eq!(sign("WOOD \\").as_deref(), Some("WOOD"));
        assert_eq!(sign("\"CASON ,,,,\"").as_deref(), Some("CASON"));
        assert_eq!(sign("MANZANARES .").as_deref(), Some("MANZANARES"));
        assert_eq!(sign("DOE CONFIDENTIAL").as_deref(), Some("DOE"));
        assert_eq!(sign("MCDONALD CONFIDENTIAL >").as_deref(), Some("MCDONALD"));
        assert_eq!(
            sign("XXXXXXXXXXXX SOLOMONT").as_deref(),
            Some("XXXXXXXXXXXX SOLOMONT")
        );
        assert_eq!(sign("ENDERS NNNN").as_deref(), Some("ENDERS"));
        assert_eq!(
            sign("DOE UNCLASSIFIED Declassified/Released US Department of State EO Review")
                .as_deref(),
            Some("DOE")
        );
    }

    #[test]
    fn what_is_never_a_signature() {
        for line in [
            "SIPDIS",
            "NNNN",
            "CONFIDENTIAL",
            "XXXXXXXXXXXX",
            "Rea...",
            "TAGS",
            "the end.",
            "1. (C) Text",
            "ONE TWO THREE FOUR FIVE",
            "EPET @ EL PAIS",
        ] {
            assert_eq!(sign(line), None, "{line}");
        }
    }

    #[test]
    fn end_lines() {
        for line in [
            "",
            "  \\",
            "##",
            ">",
            "NNNN",
            "BT",
            "#5480",
            "End Cable Text",
            "=======================CABLE ENDS=================",
            "UNCLASSIFIED",
            "S E C R E T",
            "Declassified/Released US Department of State EO Systematic Review 30 JUN 2005",
            "SIPDIS",
        ] {
            assert!(is_end_line(line), "{line}");
        }
        assert!(!is_end_line("LEACH"));
        assert!(is_end_mark_line("NNNN") && is_end_mark_line(" \\ "));
        assert!(!is_end_mark_line("UNCLASSIFIED") && !is_end_mark_line("."));
        assert!(!is_end_line("CONFIDENTIAL >"));
    }
}
