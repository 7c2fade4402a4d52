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
/// ([`is_end_mark_line`]), only punctuation (`##`, `>`), the classification, `SIPDIS`, the
/// release stamp (`Declassified/Released US Department of State ...`, wrapped or not), a
/// page header (`PAGE 04 ZAGREB 01569 ...`), the archive's line (`2004CARACA01540 -
/// UNCLASSIFIED`) or the communications center's note (`NOTE BY OC/T: ...`).
pub(crate) fn is_end_line(line: &str) -> bool {
    let t = line.trim();
    let starts = |prefix: &str| {
        t.get(..prefix.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
    };
    is_end_mark_line(t)
        || !t.chars().any(char::is_alphanumeric)
        || starts("Declassified/Released")
        || (starts("Review ") && t.len() < 24 && t.ends_with(|c: char| c.is_ascii_digit()))
        || t.eq_ignore_ascii_case("SIPDIS")
        || is_classification(t)
        || is_page_header(t)
        || is_archive_line(t)
        || starts("NOTE BY OC/T")
        || starts("NOTE: NOT PASSED")
}

/// `PAGE 04        ZAGREB  01569  04 OF 04  071629Z`: a page's header at a page break.
fn is_page_header(t: &str) -> bool {
    let mut words = t.split_whitespace();
    words.next() == Some("PAGE")
        && words
            .next()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && words.next_back().is_some_and(|w| w.ends_with('Z'))
}

/// `2004CARACA01540 - UNCLASSIFIED`, `2002ROME01748 - Classification: SECRET`: the
/// archive's line after the cable, its ID and classification.
fn is_archive_line(t: &str) -> bool {
    t.split_once(" - ").is_some_and(|(id, _)| {
        id.len() > 8
            && id.bytes().take(4).all(|b| b.is_ascii_digit())
            && id.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// The words after a closing phrase on the last line (`BEIRUT MINIMIZE CONSIDERED.
/// EAGLETON`, `END OF TEXT. BAKER`): the signer typed on the line that closes the text.
fn after_closing<'a, 'b>(words: &'b [&'a str]) -> &'b [&'a str] {
    const CLOSINGS: [&[&str]; 4] = [
        &["END", "TEXT."],
        &["END", "OF", "TEXT."],
        &["MINIMIZE", "CONSIDERED."],
        &["END", "FYI."],
    ];
    (1..words.len())
        .rev()
        .find(|&i| CLOSINGS.iter().any(|c| words[..i].ends_with(c)))
        .map_or(words, |i| &words[i..])
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
    words = after_closing(&words).to_vec();
    // `MCNAMARA.`: the sentence's period after a name, not an initial's.
    if let [.., last] = words.as_mut_slice()
        && let Some(stem) = last.strip_suffix('.')
        && stem.len() >= 3
        && !stem.contains('.')
    {
        *last = stem;
    }
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
        // The peer's (heuer/cablemap) cases: a sentence's period, a closing line.
        assert_eq!(sign("MCNAMARA.").as_deref(), Some("MCNAMARA"));
        assert_eq!(sign("J. DOE").as_deref(), Some("J. DOE"));
        assert_eq!(
            sign("21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON").as_deref(),
            Some("EAGLETON")
        );
        assert_eq!(
            sign("REPORT.  END OF TEXT. BAKER").as_deref(),
            Some("BAKER")
        );
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
            "Review 30 JUN 2006",
            "PAGE 04        ZAGREB  01569  04 OF 04  071629Z",
            "2004CARACA01540 - UNCLASSIFIED",
            " 2002ROME01748 - Classification: SECRET",
            "NOTE BY OC/T:  HEADING AS RECEIVED.  CORRECTION TO FOLLOW.",
            "NOTE: NOT PASSED TO ABOVE ADDRESSEE(S)",
        ] {
            assert!(is_end_line(line), "{line}");
        }
        assert!(!is_end_line("LEACH"));
        assert!(is_end_mark_line("NNNN") && is_end_mark_line(" \\ "));
        assert!(!is_end_mark_line("UNCLASSIFIED") && !is_end_mark_line("."));
        assert!(!is_end_line("CONFIDENTIAL >"));
        assert!(!is_end_line("Review of the talks began on 30 JUN 2006"));
        assert!(!is_end_line("PAGE 4 OF THE REPORT"));
    }
}
