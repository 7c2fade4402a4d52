//! What no tagger's mention may be, whoever tagged it (the inline tagger, a side file's
//! tool, cableview's own): header keywords and markings, redactions, office words and
//! titles standing alone, numbers and punctuation. An annotated corpus's facets showed
//! `Embassy 211`, `Poloff 130`, `XXXXXXXXXXXX 34` and `E.O. 12958: DECL 37` among people.

use hashbrown::HashSet;
use std::sync::LazyLock;

/// Header keywords a tagger may take for a name.
const KEYWORDS: [&str; 12] = [
    "DECL:", "DECL", "TAGS:", "TAGS", "SUBJECT:", "SUBJ:", "REF:", "REFS:", "E.O.", "EO",
    "SUBJECT", "REF",
];

/// Markings and notes' leads.
const MARKINGS: [&str; 24] = [
    "SBU",
    "NOFORN",
    "NF",
    "SIPDIS",
    "UNCLAS",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
    "NOTE",
    "NOTE:",
    "COMMENT",
    "COMMENT:",
    "END NOTE",
    "END COMMENT",
    "END NOTE.",
    "END COMMENT.",
    "FOUO",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "SUMMARY",
    "END SUMMARY",
    "CLASSIFIED BY",
];

/// Offices, roles and titles: words a cable uses for whoever holds them, never a name
/// when alone (`Ambassador`, but not `Ambassador Stapleton`).
const OFFICE_WORDS: [&str; 46] = [
    "embassy",
    "embassies",
    "amembassy",
    "poloff",
    "poloffs",
    "emboff",
    "emboffs",
    "econoff",
    "econoffs",
    "polcouns",
    "econcouns",
    "pol/econ",
    "polecon",
    "deptoff",
    "conoff",
    "refcoord",
    "ambassador",
    "charge",
    "chargé",
    "dcm",
    "mission",
    "post",
    "consulate",
    "consul",
    "department",
    "dept",
    "septel",
    "reftel",
    "minister",
    "president",
    "secretary",
    "government",
    "ministry",
    "deputy",
    "director",
    "spokesman",
    "a/dcm",
    "polchief",
    "econchief",
    "pao",
    "rso",
    "dao",
    "ambassadors",
    "contact",
    "contacts",
    "s/ct",
];

/// Whether `word` is a header keyword that a tagger may have tagged as an entity.
#[must_use]
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// Whether a mention's text is no entity (see the module's list), whatever tagged it.
#[must_use]
pub fn is_noise(text: &str) -> bool {
    let text = text.trim();
    let bare = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .or_else(|| text.strip_prefix("THE "))
        .unwrap_or(text)
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '/' && c != '.');
    // `G-8` and `EU` are names; `S`, `1.4` and `--` are not.
    bare.chars()
        .filter(|c| c.is_alphanumeric())
        .nth(1)
        .is_none()
        || !bare.chars().any(char::is_alphabetic)
        || is_listed(&HEADER_WORDS, text)
        || is_redaction(bare)
        || is_marking(bare)
        || is_listed(&OFFICE, bare)
        || holds_header_field(text)
}

/// The keywords and markings, to be looked up by hash: every mention is asked, and
/// comparing it with each listed word in turn was most of this test.
static HEADER_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(KEYWORDS.iter().chain(&MARKINGS)));
/// [`OFFICE_WORDS`], to be looked up.
static OFFICE: LazyLock<Words> = LazyLock::new(|| Words::new(&OFFICE_WORDS));

/// A list of words, lower-cased.
struct Words {
    set: HashSet<Vec<u8>>,
    /// Per length, a bit for each word's first byte (lower-cased, its low six bits): most
    /// names are ruled out by it before any hashing.
    first_bytes: [u64; LONGEST_WORD + 1],
}

impl Words {
    fn new<'a>(words: impl IntoIterator<Item = &'a &'a str>) -> Self {
        let mut first_bytes = [0; LONGEST_WORD + 1];
        let set: HashSet<Vec<u8>> = words
            .into_iter()
            .map(|word| word.as_bytes().to_ascii_lowercase())
            .collect();
        for word in &set {
            first_bytes[word.len()] |= first_byte_bit(word[0]);
        }
        Self { set, first_bytes }
    }
}

/// The bit of a lower-cased first byte in [`Words::first_bytes`].
fn first_byte_bit(byte: u8) -> u64 {
    1 << (byte & 63)
}

/// Whether `text` is one of `words`, whatever its ASCII case: the same as comparing it
/// with each by `eq_ignore_ascii_case`.
fn is_listed(words: &Words, text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some((&first, _)) = bytes.split_first() else {
        return false;
    };
    let may_be = words
        .first_bytes
        .get(bytes.len())
        .is_some_and(|bits| bits & first_byte_bit(first.to_ascii_lowercase()) != 0);
    if !may_be {
        return false;
    }
    let mut buffer = [0; LONGEST_WORD];
    let lower = &mut buffer[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    words.set.contains(&*lower)
}

/// The length in bytes of the longest word of the three lists.
const LONGEST_WORD: usize = longest(&[&KEYWORDS, &MARKINGS, &OFFICE_WORDS]);

/// The length of the longest word in `lists`.
const fn longest(lists: &[&[&str]]) -> usize {
    let mut longest = 0;
    let mut list = 0;
    while list < lists.len() {
        let mut word = 0;
        while word < lists[list].len() {
            if lists[list][word].len() > longest {
                longest = lists[list][word].len();
            }
            word += 1;
        }
        list += 1;
    }
    longest
}

/// `XXXXXXXXXXXX`, `xxxxx`, `XXXXXXXXXXXX's`: a redaction, not a name.
fn is_redaction(text: &str) -> bool {
    let redacted = |b: u8| b == b'X' || b == b'x' || b == b' ';
    // Every mention is asked: most fail on their first byte, before any trimming.
    if !text.bytes().next().is_some_and(redacted) {
        return false;
    }
    let letters = strip_all(strip_all(text, "'s"), "’s");
    letters.len() >= 3 && letters.bytes().all(redacted)
}

/// `text` without every `suffix` it ends with, as `trim_end_matches` does, without
/// building a string searcher for every mention.
fn strip_all<'a>(mut text: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = text.strip_suffix(suffix) {
        text = rest;
    }
    text
}

/// A portion marking: `S`, `C/NF`, `S/REL NATO`, `U//FOUO`, `SBU`, `TS`.
fn is_marking(text: &str) -> bool {
    if !text.starts_with(['U', 'C', 'S', 'T']) {
        return false;
    }
    let (head, caveats) = text.split_once('/').unwrap_or((text, ""));
    matches!(head, "U" | "C" | "S" | "TS" | "SBU")
        && caveats.split('/').all(|part| {
            part.is_empty() || part.bytes().all(|b| b.is_ascii_uppercase() || b == b' ')
        })
}

/// A span over a header field's lead: `E.O. 12958: DECL`, `Classified By: Econ MC`,
/// `REF: A. STATE`. Compared without case, byte by byte: every mention of a cable is
/// asked, and upper-casing each into a new string cost a fifth of a parse.
fn holds_header_field(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `ref C`, `REF A`: a reference's letter, not a name.
    let reference = strip_prefix_ignore_case(bytes, b"REF ")
        .or_else(|| strip_prefix_ignore_case(bytes, b"REFTEL "));
    if reference.is_some_and(|rest| rest.len() <= 2) {
        return true;
    }
    // Every field but `CLASSIFIED BY` holds a colon or a `1`; most names hold neither.
    if memchr::memchr2(b':', b'1', bytes).is_none() {
        return contains_ignore_case(bytes, b"CLASSIFIED BY");
    }
    [
        b"12958".as_slice(),
        b"13526",
        b"DECL:",
        b"TAGS:",
        b"SUBJECT:",
        b"REF:",
        b"CLASSIFIED BY",
        b"REASON 1.",
        b"REASONS 1.",
    ]
    .iter()
    .any(|field| contains_ignore_case(bytes, field))
}

/// `bytes` after `prefix` (upper case ASCII), compared without ASCII case.
fn strip_prefix_ignore_case<'a>(bytes: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    let (head, rest) = bytes.split_at_checked(prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then_some(rest)
}

/// Whether `needle` (upper case ASCII) occurs in `bytes`, compared without ASCII case.
fn contains_ignore_case(bytes: &[u8], needle: &[u8]) -> bool {
    bytes
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_whoever_tagged_it() {
        for text in [
            "Embassy",
            "the Embassy",
            "Poloff",
            "Ambassador",
            "XXXXXXXXXXXX",
            "xxxxx",
            "E.O. 12958: DECL",
            "DECL:",
            "S/NF",
            "C",
            "SBU",
            "REF: A. STATE",
            "1.4",
            "--",
            "MOSCOW 1273 Classified By: Econ MC",
            "Note:",
            "U//FOUO",
            "ref C",
        ] {
            assert!(is_noise(text), "{text:?} should be noise");
        }
    }

    /// The header field test as first written: the text upper-cased into a new string,
    /// then searched.
    fn holds_header_field_by_upper_casing(text: &str) -> bool {
        let upper = text.to_ascii_uppercase();
        let reference = upper
            .strip_prefix("REF ")
            .or_else(|| upper.strip_prefix("REFTEL "));
        if reference.is_some_and(|rest| rest.len() <= 2) {
            return true;
        }
        [
            "12958",
            "13526",
            "DECL:",
            "TAGS:",
            "SUBJECT:",
            "REF:",
            "CLASSIFIED BY",
            "REASON 1.",
            "REASONS 1.",
        ]
        .iter()
        .any(|field| upper.contains(field))
    }

    #[test]
    fn header_fields_are_found_as_by_upper_casing() {
        for text in [
            "ref C",
            "Reftel b",
            "REFTEL ABC",
            "ref Cé",
            "Refs A",
            "classified by Econ",
            "Classified By: Econ MC",
            "declassified by",
            "E.O. 12958",
            "eo 13526",
            "Decl: 1",
            "tags: PREL",
            "Subject: x",
            "subject x",
            "ref:",
            "reasons 1.4 (b)",
            "Reason 1.4",
            "Reason 14",
            "Jacques Chirac",
            "1 2 9 5 8",
            "CLASSIFIED B",
            "é classified by é",
            "",
            ":",
            "1",
        ] {
            assert_eq!(
                holds_header_field(text),
                holds_header_field_by_upper_casing(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn listed_words_are_looked_up_as_compared_one_by_one() {
        let one_by_one =
            |list: &[&str], text: &str| list.iter().any(|w| w.eq_ignore_ascii_case(text));
        let header_words: Vec<&str> = KEYWORDS.iter().chain(&MARKINGS).copied().collect();
        let mut texts: Vec<String> = Vec::new();
        for word in header_words.iter().chain(&OFFICE_WORDS) {
            texts.push(word.to_string());
            texts.push(word.to_ascii_uppercase());
            texts.push(word.to_ascii_lowercase());
            texts.push(format!("{word}s"));
            texts.push(word[1..].to_string());
        }
        texts.extend(["CHARGÉ", "Chargé", "", "x", "Embassy of France"].map(String::from));
        for text in &texts {
            assert_eq!(
                is_listed(&HEADER_WORDS, text),
                one_by_one(&header_words, text),
                "{text:?}"
            );
            assert_eq!(
                is_listed(&OFFICE, text),
                one_by_one(&OFFICE_WORDS, text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn names_are_kept() {
        for text in [
            "Jacques Chirac",
            "Paris",
            "G-8",
            "Ambassador Stapleton",
            "U.S.",
            "EU",
            "Hamas",
            "S/CT office",
            "Transportation Security Administration",
            "Ministry of Interior",
            "NATO",
        ] {
            assert!(!is_noise(text), "{text:?} should be kept");
        }
    }
}
