//! Finding the header's keywords: `TAGS:`, `SUBJECT:`, `REF:`, `Classified By:` and the
//! forms real cables write them in (no colon, `REFS :`, `Ref(s):`, misspellings), and the
//! words that end a field without opening one (`SUMMARY:`, `SENSITIVE BUT UNCLASSIFIED`).

/// The fields a header keyword opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    ExecutiveOrder,
    Tags,
    Subject,
    References,
    ClassifiedBy,
}

/// A keyword in the header's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Keyword {
    /// The field it opens; `None` for a word that only ends the field before it.
    pub field: Option<Field>,
    /// Where the keyword starts.
    pub start: usize,
    /// Where its value starts (after the keyword, its colon and spaces).
    pub value: usize,
}

/// Every keyword of `text` in order. Keywords stand at a word start (after white space or
/// `(`), except the forms that headers run together with the text before them
/// (`...REAPE.O. 12958`, `08/16/2015TAGS:`), which count wherever they are.
pub(super) fn keywords(text: &str) -> Vec<Keyword> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at_word_start = true;
    // A keyword's own words (`ADDED CLASSIFIED BY LINE`) hold no other keyword.
    let mut covered = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if at_word_start
            && i >= covered
            && could_start_keyword(b)
            && let Some((field, len)) = keyword_at(&text[i..])
        {
            covered = i + len;
            found.push(Keyword {
                field,
                start: i,
                value: value_start(text, i + len),
            });
        }
        at_word_start = b.is_ascii_whitespace() || b == b'(' || b == b'"' || b >= 0x80;
    }
    // The run-together forms end with a colon or the period of `E.O.`: only those bytes
    // are looked at.
    for end in memchr::memchr2_iter(b':', b'.', bytes) {
        let glued = ["TAGS:", "SUBJECT:", "REF:", "E.O."]
            .iter()
            .find(|g| bytes[..=end].ends_with(g.as_bytes()));
        let Some(glued) = glued else { continue };
        let i = end + 1 - glued.len();
        let word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if word_start || found.iter().any(|k| k.start == i) {
            continue;
        }
        if let Some((field, len)) = keyword_at(&text[i..]) {
            found.push(Keyword {
                field,
                start: i,
                value: value_start(text, i + len),
            });
        }
    }
    found.sort_by_key(|k| k.start);
    found
}

/// The keyword at the very start of `text`, if one is there: what it opens and where its
/// value starts.
pub(super) fn keyword_at_start(text: &str) -> Option<(Option<Field>, usize)> {
    keyword_at(text).map(|(field, len)| (field, value_start(text, len)))
}

/// Skips the spaces and the colon between a keyword and its value.
fn value_start(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let rest = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    text.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len()
}

/// The first letters keywords start with, in either case.
fn could_start_keyword(byte: u8) -> bool {
    matches!(
        byte.to_ascii_uppercase(),
        b'A' | b'B' | b'C' | b'D' | b'E' | b'R' | b'S' | b'T'
    )
}

/// Whether `text` starts with `word`, in any case.
fn starts_ci(text: &str, word: &str) -> bool {
    text.len() >= word.len() && text.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
}

/// Whether the word ends at `at`: nothing, or something other than a letter or digit.
fn ends_word(text: &str, at: usize) -> bool {
    !text
        .as_bytes()
        .get(at)
        .is_some_and(u8::is_ascii_alphanumeric)
}

/// After spaces, a colon (or a period for `REF.`): the length up to and with it.
fn colon_after(text: &str, at: usize, period: bool) -> Option<usize> {
    let rest = &text[at..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    match rest.as_bytes().get(spaces) {
        Some(b':') => Some(at + spaces + 1),
        Some(b'.') if period => Some(at + spaces + 1),
        _ => None,
    }
}

/// The keyword at the start of `text`, if one is there: what it opens and its length.
/// Each word of a header comes here, so only the keywords its first letter can start are
/// tried.
fn keyword_at(text: &str) -> Option<(Option<Field>, usize)> {
    let field = |field| move |len| (Some(field), len);
    let bytes = text.as_bytes();
    let first = bytes.first()?.to_ascii_uppercase();
    let second = bytes.get(1).map_or(0, u8::to_ascii_uppercase);
    // The first two letters of every keyword: most words are ruled out here.
    let could_be = matches!(
        (first, second),
        (b'E', b'.' | b'O' | b' ')
            | (b'T', b'A' | b'G' | b'H')
            | (b'A', b'G' | b'D')
            | (b'S', b'U' | b'E')
            | (b'R', b'E')
            | (b'C', b'L')
            | (b'B' | b'D', b'E')
    );
    if !could_be {
        return None;
    }
    match first {
        b'E' => executive_order(text).map(field(Field::ExecutiveOrder)),
        b'T' => tags(text)
            .map(field(Field::Tags))
            .or_else(|| stop(text).map(|len| (None, len))),
        b'A' => tags(text)
            .map(field(Field::Tags))
            .or_else(|| classified_by(text)),
        b'S' => subject(text)
            .map(field(Field::Subject))
            .or_else(|| stop(text).map(|len| (None, len))),
        b'R' => references(text).map(field(Field::References)),
        b'C' => classified_by(text),
        b'B' | b'D' => stop(text).map(|len| (None, len)),
        _ => None,
    }
}

/// `E.O.`, `E. O.`, `EO 12958`.
fn executive_order(text: &str) -> Option<usize> {
    if starts_ci(text, "E.O.") {
        return Some(4);
    }
    if starts_ci(text, "E. O.") {
        return Some(5);
    }
    let rest = text.get(2..)?;
    let digits_follow = rest
        .trim_start_matches(' ')
        .starts_with(|c: char| c.is_ascii_digit());
    (starts_ci(text, "EO") && rest.starts_with(' ') && digits_follow).then_some(2)
}

/// `TAGS:`, `TAGS `, `TAG:`, `TAG `, and the misspellings `TAGES:`, `TABS:`, `TGS:`,
/// `TAS:`, `AGS:` (only with their colon: alone they are words).
fn tags(text: &str) -> Option<usize> {
    if starts_ci(text, "TAGS") && ends_word(text, 4) {
        return Some(colon_after(text, 4, false).unwrap_or(4));
    }
    if starts_ci(text, "TAG") && text[3..].starts_with([':', ' ', '\u{a0}']) {
        return Some(colon_after(text, 3, false).unwrap_or(3));
    }
    ["TAGES", "TABS", "TGS", "TAS", "AGS"]
        .iter()
        .find(|w| starts_ci(text, w) && ends_word(text, w.len()))
        .and_then(|w| colon_after(text, w.len(), false))
}

/// `SUBJECT:`, `SUBJ:`, `Subject :`, and `SUBJECT` / `SUBJ` without a colon, written in
/// capitals and followed by a space.
fn subject(text: &str) -> Option<usize> {
    for word in ["SUBJECT", "SUBJ"] {
        if !starts_ci(text, word) || !ends_word(text, word.len()) {
            continue;
        }
        if let Some(len) = colon_after(text, word.len(), false) {
            return Some(len);
        }
        if text.starts_with(word) && text[word.len()..].starts_with([' ', '\t', '\n']) {
            return Some(word.len());
        }
    }
    None
}

/// `REF:`, `REF.`, `REFS:`, `REFS :`, `REFTEL:`, `REFTELS:`, `Ref(s):`, and `REF` /
/// `REFS` without a colon, in capitals, before a reference.
fn references(text: &str) -> Option<usize> {
    if starts_ci(text, "REF(S)") {
        return Some(colon_after(text, 6, false).unwrap_or(6));
    }
    for word in ["REFTELS", "REFTEL", "REFS", "REF"] {
        if !starts_ci(text, word) || !ends_word(text, word.len()) {
            continue;
        }
        if let Some(len) = colon_after(text, word.len(), true) {
            return Some(len);
        }
        let bare = matches!(word, "REF" | "REFS")
            && text.starts_with(word)
            && text[word.len()..].starts_with(' ')
            && text[word.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '(');
        if bare {
            return Some(word.len());
        }
    }
    None
}

/// `Classified By:`, `CLASSIFIED BY`; a note about that line (`CLASSIFIED BY LINE ADDED`,
/// `ADDED CLASSIFIED BY LINE`) is not the classifier, and only ends what stands before it.
fn classified_by(text: &str) -> Option<(Option<Field>, usize)> {
    if starts_ci(text, "ADDED CLASSIFIED BY LINE") {
        return Some((None, 24));
    }
    if !starts_ci(text, "CLASSIFIED") {
        return None;
    }
    let rest = &text[10..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t', '\n']).len();
    if spaces == 0 || !starts_ci(&rest[spaces..], "BY") || !ends_word(rest, spaces + 2) {
        return None;
    }
    let len = 10 + spaces + 2;
    let after = text[len..].trim_start_matches([' ', ':']);
    if starts_ci(after, "LINE") && ends_word(after, 4) {
        return Some((None, len));
    }
    Some((
        Some(Field::ClassifiedBy),
        colon_after(text, len, false).unwrap_or(len),
    ))
}

/// Words that end a field: `SUMMARY:`, `Summary.`, `Summary ----`, `BEGIN SUMMARY`,
/// `SENSITIVE BUT UNCLASSIFIED` (the handling note under the header), `Derived from:`
/// (the classification's source), `This is an action request`.
fn stop(text: &str) -> Option<usize> {
    for phrase in [
        "SENSITIVE BUT UNCLASSIFIED",
        "SENSITIVE-BUT-UNCLASSIFIED",
        "BEGIN SUMMARY",
        "DERIVED FROM",
        "THIS IS AN ACTION REQUEST",
    ] {
        if starts_ci(text, phrase) && ends_word(text, phrase.len()) {
            return Some(phrase.len());
        }
    }
    if !text.starts_with('S') || !starts_ci(text, "SUMMARY") || !ends_word(text, 7) {
        return None;
    }
    let rest = &text[7..];
    let after = rest.trim_start_matches([' ', '\t']);
    let stops = after.starts_with(':')
        || (after.len() == rest.len() && rest.starts_with('.'))
        || rest.trim_start().starts_with("--")
        || rest.is_empty()
        || rest.starts_with('\n');
    stops.then_some(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened(text: &str) -> Vec<(Option<Field>, &str)> {
        keywords(text)
            .into_iter()
            .map(|k| (k.field, &text[k.value..]))
            .collect()
    }

    #[test]
    fn keyword_variants_open_their_fields() {
        for (text, field) in [
            ("SUBJECT: X", Field::Subject),
            ("SUBJECT X", Field::Subject),
            ("Subject : X", Field::Subject),
            ("SUBJ: X", Field::Subject),
            ("REF: X", Field::References),
            ("REF X", Field::References),
            ("REF. X", Field::References),
            ("REFS: X", Field::References),
            ("REFS : X", Field::References),
            ("REFTEL: X", Field::References),
            ("REFTELS: X", Field::References),
            ("Ref(s): X", Field::References),
            ("TAGS: X", Field::Tags),
            ("TAGS X", Field::Tags),
            ("TAS: X", Field::Tags),
            ("TABS: X", Field::Tags),
            ("TGS: X", Field::Tags),
            ("TAGES: X", Field::Tags),
            ("AGS: X", Field::Tags),
            ("E.O. X", Field::ExecutiveOrder),
            ("Classified By: X", Field::ClassifiedBy),
            ("CLASSIFIED BY X", Field::ClassifiedBy),
        ] {
            assert_eq!(opened(text), [(Some(field), "X")], "{text}");
        }
    }

    #[test]
    fn words_that_only_look_like_keywords() {
        for text in [
            "subject to approval",
            "SUBJECTS",
            "per reftel X",
            "REFORM",
            "TAS X",
            "FRAUD SUMMARY-TRIPOLI",
            "in summary. X",
            "CLASSIFIED INFORMATION",
        ] {
            assert_eq!(keywords(text), [], "{text}");
        }
    }

    #[test]
    fn notes_about_the_classifier_line_are_not_the_classifier() {
        let k = keywords("CORRECTED COPY - - CLASSIFIED BY LINE ADDED");
        assert_eq!(k.len(), 1);
        assert_eq!(k[0].field, None);
        let k = keywords("(ADDED CLASSIFIED BY LINE) Classified By: X");
        assert_eq!(
            k.iter().map(|k| k.field).collect::<Vec<_>>(),
            [None, Some(Field::ClassifiedBy)]
        );
    }

    #[test]
    fn run_together_headers_still_show_their_keywords() {
        let text = "008305S/CT FOR REAPE.O. 12958: DECL: 11/14/2012TAGS: PTER TU";
        let k = keywords(text);
        let fields: Vec<_> = k
            .iter()
            .map(|k| (k.field, &text[k.start..k.value]))
            .collect();
        assert_eq!(
            fields,
            [
                (Some(Field::ExecutiveOrder), "E.O. "),
                (Some(Field::Tags), "TAGS: ")
            ]
        );
    }

    #[test]
    fn summaries_end_fields() {
        for text in [
            "Summary: x",
            "SUMMARY. x",
            "Summary -------",
            "BEGIN SUMMARY x",
            "Derived from: DSCG 05-1",
            "This is an action request.",
        ] {
            let k = keywords(text);
            assert_eq!(k.len(), 1, "{text}");
            assert_eq!(k[0].field, None, "{text}");
        }
    }
}
