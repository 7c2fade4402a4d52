//! The cable header: fields read from the header's clean text.
//!
//! Real headers run their fields together on one line and miss some of them, so the
//! reader finds each field by its keyword (`TAGS:`, `SUBJECT:`, `REF:`, ...) and takes the
//! text up to the next keyword. Every field is optional.

use super::Mention;
use super::marking::{self, Classification};
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{map_res, opt, recognize};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use serde::{Serialize, Serializer};

/// `SECTION 01 OF 03`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Section {
    /// This section's number, from 1.
    pub number: u32,
    /// How many sections the cable has.
    pub of: u32,
}

/// One item of the REF list: `A. STATE 60796`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The item's letter, when the list is lettered.
    pub label: Option<String>,
    /// The reference as written: `STATE 60796`, `04 PARIS 8983`.
    pub text: String,
}

/// The header fields of a cable. Every field is optional: real headers miss fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Header {
    /// The cable's classification level.
    #[serde(serialize_with = "serialize_classification")]
    pub classification: Option<Classification>,
    /// Handling caveats: `SIPDIS`, `NOFORN`, `SENSITIVE`, ...
    pub caveats: Vec<String>,
    /// `SECTION 01 OF 03`.
    pub section: Option<Section>,
    /// The sending post: `PARIS`, `STATE`.
    pub origin: Option<String>,
    /// The cable's serial number as written: `002333`.
    pub serial: Option<String>,
    /// The addressee line: `STATE FOR EUR/PGI (BUCKNEBERG) AND S/CT`.
    pub addressees: Option<String>,
    /// The executive order: `12958`.
    pub executive_order: Option<String>,
    /// The declassification date as written: `04/06/2014`.
    pub declassify_on: Option<String>,
    /// TAGS codes, upper-cased: `PTER`, `PREL`, `FR`.
    pub tags: Vec<String>,
    /// The subject line.
    pub subject: Option<String>,
    /// The REF list.
    pub references: Vec<Reference>,
    /// Who classified the cable.
    pub classified_by: Option<String>,
    /// The classification reasons: `1.4 B/D`.
    pub reasons: Option<String>,
    /// When the cable was created, where the source says (cable pages do).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// When the cable was released, where the source says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub released: Option<String>,
    /// The header's clean text.
    pub text: String,
    /// Mentions in the header, offsets into `text`.
    pub mentions: Vec<Mention>,
}

#[allow(
    clippy::ref_option,
    reason = "serde's serialize_with passes a reference"
)]
fn serialize_classification<S: Serializer>(
    value: &Option<Classification>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(level) => serializer.serialize_str(level.name()),
        None => serializer.serialize_none(),
    }
}

/// Handling caveats that may follow the serial number.
const CAVEATS: [&str; 12] = [
    "SIPDIS",
    "NOFORN",
    "SENSITIVE",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "ORCON",
    "PROPIN",
    "NOCONTRACT",
    "CHEROKEE",
    "ROGER",
];

/// The keywords that open header fields, in the order they usually come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    ExecutiveOrder,
    Tags,
    Subject,
    Summary,
    References,
    ClassifiedBy,
}

fn field_keyword(input: &str) -> IResult<&str, Field> {
    alt((
        tag("E.O.").map(|_| Field::ExecutiveOrder),
        tag_no_case("E.O.").map(|_| Field::ExecutiveOrder),
        recognize((tag("EO"), space1, digit1)).map(|_| Field::ExecutiveOrder),
        recognize((tag_no_case("TAGS"), opt(char(':')))).map(|_| Field::Tags),
        recognize((tag_no_case("TAG"), alt((tag(":"), tag(" "), tag("\u{a0}")))))
            .map(|_| Field::Tags),
        tag_no_case("SUBJECT:").map(|_| Field::Subject),
        tag_no_case("SUBJ:").map(|_| Field::Subject),
        tag("SUMMARY:").map(|_| Field::Summary),
        alt((
            tag_no_case("REFS:"),
            tag_no_case("REF:"),
            tag_no_case("REFTEL:"),
        ))
        .map(|_| Field::References),
        tag_no_case("CLASSIFIED BY").map(|_| Field::ClassifiedBy),
    ))
    .parse(input)
}

/// A cheap test before the parser: every keyword starts with one of these pairs of
/// letters, in any case (`E.O.`, `EO`, `TAGS`, `SUBJECT`, `REF`, `CLASSIFIED`).
fn could_be_keyword(word: &[u8]) -> bool {
    let [first, second, ..] = word else {
        return false;
    };
    matches!(
        (first.to_ascii_uppercase(), second.to_ascii_uppercase()),
        (b'E', b'.' | b'O') | (b'T', b'A') | (b'S', b'U') | (b'R', b'E') | (b'C', b'L')
    )
}

/// Finds the first occurrence of each field keyword at a word start.
/// Returns (field, keyword start, value start), sorted by position.
fn locate_fields(text: &str) -> Vec<(Field, usize, usize)> {
    let mut found: Vec<(Field, usize, usize)> = Vec::new();
    let word_starts = std::iter::once(0).chain(
        text.char_indices()
            .filter(|(_, c)| c.is_whitespace() || *c == '(')
            .map(|(i, c)| i + c.len_utf8()),
    );
    for start in word_starts {
        if start >= text.len() {
            break;
        }
        if !could_be_keyword(&text.as_bytes()[start..]) {
            continue;
        }
        if let Ok((rest, field)) = field_keyword(&text[start..])
            && found.iter().all(|(f, _, _)| *f != field)
        {
            found.push((field, start, text.len() - rest.len()));
        }
    }
    found.sort_by_key(|(_, start, _)| *start);
    found
}

/// Reads the header fields out of a header's clean text.
#[must_use]
pub fn parse_fields(text: &str) -> Header {
    let mut header = Header::default();
    let fields = locate_fields(text);
    let preamble_end = fields.first().map_or(text.len(), |(_, start, _)| *start);
    read_preamble(&text[..preamble_end], &mut header);
    for (i, (field, _, value_start)) in fields.iter().enumerate() {
        let value_end = fields.get(i + 1).map_or(text.len(), |(_, start, _)| *start);
        let value = text[*value_start..value_end].trim();
        match field {
            Field::ExecutiveOrder => read_executive_order(value, &mut header),
            Field::Tags => header.tags = read_tags(value),
            Field::Subject => header.subject = read_subject(value),
            Field::Summary => {}
            Field::References => header.references = read_references(value),
            Field::ClassifiedBy => read_classified_by(value, &mut header),
        }
    }
    header
}

/// Byte offsets where words start (after white space).
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(
        text.char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8()),
    )
}

fn read_subject(value: &str) -> Option<String> {
    // A subject line sometimes repeats its keyword: `SUBJECT: SUBJECT: ...`.
    let mut value = value.trim();
    while let Ok((rest, Field::Subject)) = field_keyword(value) {
        value = rest.trim_start();
    }
    non_empty(value.trim_end_matches('.'))
}

fn non_empty(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn section(input: &str) -> IResult<&str, Section> {
    let number = || map_res(digit1, str::parse::<u32>);
    let (rest, (_, _, number, _, _, _, of)) = (
        tag_no_case("SECTION"),
        space1,
        number(),
        space1,
        tag_no_case("OF"),
        space1,
        number(),
    )
        .parse(input)?;
    Ok((rest, Section { number, of }))
}

/// Classification, section, origin and serial, caveats and addressees: everything before
/// the first keyword.
fn read_preamble(preamble: &str, header: &mut Header) {
    let mut rest = preamble.trim_start();
    // Some pages put a date line (`Wednesday, 29 November 2000, 13:59`) first.
    let classified = word_starts(rest)
        .take(8)
        .find_map(|at| marking::classification(&rest[at..]).ok());
    if let Some((after, (level, caveat))) = classified {
        header.classification = Some(level);
        header.caveats.extend(caveat);
        rest = after.trim_start();
    }
    if let Ok((after, section)) = section(rest) {
        header.section = Some(section);
        rest = after.trim_start();
    }
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    // Old cables give the year before the post: `75 LIBREVILLE 1895`.
    if words.len() > 2 && words[0].len() <= 2 && words[0].bytes().all(|b| b.is_ascii_digit()) {
        words.remove(0);
    }
    // Origin: up to four words of letters, then the serial: a number.
    let serial_at = words
        .iter()
        .take(5)
        .position(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_digit()));
    let mut used = 0;
    if let Some(at) = serial_at {
        let origin_words = &words[..at];
        if origin_words
            .iter()
            .all(|w| w.chars().all(char::is_alphabetic))
            && !origin_words.is_empty()
        {
            header.origin = Some(origin_words.join(" ").to_uppercase());
            header.serial = Some(words[at].to_string());
            used = at + 1;
        }
    }
    let mut remaining = &words[used..];
    while let Some((word, tail)) = remaining.split_first() {
        let upper = word.to_ascii_uppercase();
        if !CAVEATS.contains(&upper.as_str()) {
            break;
        }
        if !header.caveats.contains(&upper) {
            header.caveats.push(upper);
        }
        remaining = tail;
    }
    header.addressees = non_empty(&remaining.join(" "));
}

fn read_executive_order(value: &str, header: &mut Header) {
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        header.executive_order = Some(digits);
    }
    let lower = value.to_ascii_lowercase();
    if let Some(at) = lower.find("decl") {
        let after = value[at..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
        let date = after
            .trim_start_matches([':', ' '])
            .split_whitespace()
            .next()
            .unwrap_or("");
        let date = date.trim_end_matches(['.', ',']);
        if !date.is_empty() && !date.eq_ignore_ascii_case("N/A") {
            header.declassify_on = Some(date.to_string());
        }
    }
}

fn read_tags(value: &str) -> Vec<String> {
    let mut tags = Vec::new();
    for code in value.split(|c: char| c == ',' || c.is_whitespace()) {
        let code = code.trim_matches(|c: char| !c.is_alphanumeric());
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            continue;
        }
        let code = code.to_ascii_uppercase();
        if !tags.contains(&code) {
            tags.push(code);
        }
    }
    tags
}

/// A REF item label at a word start: `A.` or `B)` followed by a space.
fn reference_label(input: &str) -> IResult<&str, char> {
    let (rest, letter) =
        nom::character::complete::satisfy(|c| c.is_ascii_alphabetic()).parse(input)?;
    let (rest, _) = preceded(space0, alt((char('.'), char(')')))).parse(rest)?;
    let (rest, _) = alt((space1, nom::combinator::eof)).parse(rest)?;
    Ok((rest, letter.to_ascii_uppercase()))
}

fn read_references(value: &str) -> Vec<Reference> {
    let value = value.trim();
    let labelled = matches!(reference_label(value), Ok((_, 'A')));
    if !labelled {
        return value
            .split(';')
            .filter_map(non_empty)
            .map(|text| Reference {
                label: None,
                text: text.trim_end_matches('.').trim().to_string(),
            })
            .collect();
    }
    // Labels come in order (A, B, C, ...), so the next label is searched for explicitly;
    // this keeps `STATE 60796 B` style text from being split on an unrelated letter.
    let mut references = Vec::new();
    let mut expected = 'A';
    let mut rest = value;
    while let Ok((after_label, letter)) = reference_label(rest) {
        if letter != expected {
            break;
        }
        let next = char::from(expected as u8 + 1);
        let end = find_label(after_label, next).unwrap_or(after_label.len());
        let text = after_label[..end]
            .trim()
            .trim_end_matches(['.', ';'])
            .trim();
        references.push(Reference {
            label: Some(letter.to_string()),
            text: text.to_string(),
        });
        rest = after_label[end..].trim_start();
        expected = next;
    }
    references
}

fn find_label(text: &str, letter: char) -> Option<usize> {
    text.char_indices()
        .filter(|(i, _)| *i == 0 || text[..*i].ends_with(' '))
        .map(|(i, _)| i)
        .find(|&i| matches!(reference_label(&text[i..]), Ok((_, l)) if l == letter))
}

fn read_classified_by(value: &str, header: &mut Header) {
    let value = value.trim_start_matches(':').trim();
    let lower = value.to_ascii_lowercase();
    let split = [
        "for reasons",
        "for reason",
        "reasons:",
        "reason:",
        "reasons",
        "reason",
    ]
    .iter()
    .filter_map(|needle| lower.find(needle).map(|at| (at, needle.len())))
    .min_by_key(|(at, _)| *at);
    let (who, reasons) = match split {
        Some((at, len)) => (&value[..at], Some(&value[at + len..])),
        None => (value, None),
    };
    header.classified_by = non_empty(who.trim().trim_end_matches([',', '.', ';']));
    header.reasons = reasons.and_then(|r| {
        non_empty(
            r.trim_start_matches([':', ' '])
                .trim()
                .trim_end_matches(['.', ' ']),
        )
    });
}

/// Whether `word` is a header keyword that a tagger may have tagged as an entity.
pub(crate) fn is_keyword(word: &str) -> bool {
    const KEYWORDS: [&str; 10] = [
        "DECL:", "DECL", "TAGS:", "TAGS", "SUBJECT:", "SUBJ:", "REF:", "REFS:", "E.O.", "EO",
    ];
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "S E C R E T SECTION 01 OF 03 PARIS 002333 SIPDIS STATE FOR EUR/PGI (BUCKNEBERG) AND S/CT E.O. 12958: DECL: 04/06/2014 TAGS: PTER PREL FR SUBJECT: GWOT ASSESSMENT: EMBASSY PARIS FEEDBACK REF: A. STATE 60796 B. 04 PARIS 8983 C. PARIS 280 Classified By: DEPUTY CHIEF OF MISSION ALEX WOLFF, FOR REASONS 1.4 B/D";

    #[test]
    fn sample_header_fields() {
        let h = parse_fields(SAMPLE);
        assert_eq!(h.classification, Some(Classification::Secret));
        assert_eq!(h.section, Some(Section { number: 1, of: 3 }));
        assert_eq!(h.origin.as_deref(), Some("PARIS"));
        assert_eq!(h.serial.as_deref(), Some("002333"));
        assert_eq!(h.caveats, ["SIPDIS"]);
        assert_eq!(
            h.addressees.as_deref(),
            Some("STATE FOR EUR/PGI (BUCKNEBERG) AND S/CT")
        );
        assert_eq!(h.executive_order.as_deref(), Some("12958"));
        assert_eq!(h.declassify_on.as_deref(), Some("04/06/2014"));
        assert_eq!(h.tags, ["PTER", "PREL", "FR"]);
        assert_eq!(
            h.subject.as_deref(),
            Some("GWOT ASSESSMENT: EMBASSY PARIS FEEDBACK")
        );
        let refs: Vec<(Option<&str>, &str)> = h
            .references
            .iter()
            .map(|r| (r.label.as_deref(), r.text.as_str()))
            .collect();
        assert_eq!(
            refs,
            [
                (Some("A"), "STATE 60796"),
                (Some("B"), "04 PARIS 8983"),
                (Some("C"), "PARIS 280")
            ]
        );
        assert_eq!(
            h.classified_by.as_deref(),
            Some("DEPUTY CHIEF OF MISSION ALEX WOLFF")
        );
        assert_eq!(h.reasons.as_deref(), Some("1.4 B/D"));
    }

    #[test]
    fn unlabelled_references_split_on_semicolons() {
        let h = parse_fields("UNCLAS LUANDA 000084 SUBJECT: X REF: SECSTATE 10152; 08 LUANDA 536");
        let texts: Vec<&str> = h.references.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["SECSTATE 10152", "08 LUANDA 536"]);
        assert!(h.references.iter().all(|r| r.label.is_none()));
    }

    #[test]
    fn unlinked_wrapped_and_lowercase_tags() {
        assert_eq!(
            parse_fields("TAGS PGOV, PINR, SCUL SUBJECT: x").tags,
            ["PGOV", "PINR", "SCUL"]
        );
        assert_eq!(
            parse_fields("TAG MASS, PREL, BR SUBJ: x").tags,
            ["MASS", "PREL", "BR"]
        );
        assert_eq!(
            parse_fields("Tags: parm, prel, ettc Subject: x").tags,
            ["PARM", "PREL", "ETTC"]
        );
        assert_eq!(parse_fields("TAG:\u{a0}PREL SUBJECT: x").tags, ["PREL"]);
        assert_eq!(
            parse_fields("SUBJ: SHORT FORM").subject.as_deref(),
            Some("SHORT FORM")
        );
    }

    #[test]
    fn missing_fields_stay_empty() {
        let h = parse_fields("just some words without any keyword");
        assert_eq!(h.classification, None);
        assert!(h.tags.is_empty() && h.references.is_empty());
        assert_eq!(h.subject, None);
        let h = parse_fields("");
        assert_eq!(h, Header::default());
    }

    #[test]
    fn not_applicable_declassification_and_reason_forms() {
        let h = parse_fields("UNCLAS PARIS 008983 E.O. 12958: N/A TAGS: PTER");
        assert_eq!(h.executive_order.as_deref(), Some("12958"));
        assert_eq!(h.declassify_on, None);
        let h =
            parse_fields("Classified By: Ambassador John F. Tefft for reasons 1.4 (b) and (d).");
        assert_eq!(h.classified_by.as_deref(), Some("Ambassador John F. Tefft"));
        assert_eq!(h.reasons.as_deref(), Some("1.4 (b) and (d)"));
        let h =
            parse_fields("Classified By: ELISSA G. PITTERLE, DIRECTOR, INR/OPS. REASON: 1.4 (C).");
        assert_eq!(
            h.classified_by.as_deref(),
            Some("ELISSA G. PITTERLE, DIRECTOR, INR/OPS")
        );
        assert_eq!(h.reasons.as_deref(), Some("1.4 (C)"));
    }

    #[test]
    fn multi_word_origin_and_caveat_runs() {
        let h = parse_fields(
            "UNCLAS SECTION 01 OF 05 KABUL 003934 SIPDIS SENSITIVE SIPDIS STATE FOR SA/FO",
        );
        assert_eq!(h.origin.as_deref(), Some("KABUL"));
        assert_eq!(h.caveats, ["SIPDIS", "SENSITIVE"]);
        assert_eq!(h.addressees.as_deref(), Some("STATE FOR SA/FO"));
        let h = parse_fields("CONFIDENTIAL SAN JOSE 000488 SIPDIS");
        assert_eq!(h.origin.as_deref(), Some("SAN JOSE"));
        let h = parse_fields("C O N F I D E N T I A L 75 LIBREVILLE 1895 E.O. 11652");
        assert_eq!(
            (h.origin.as_deref(), h.serial.as_deref()),
            (Some("LIBREVILLE"), Some("1895"))
        );
    }

    #[test]
    fn date_line_before_the_classification() {
        let h = parse_fields(
            "Wednesday, 29 November 2000, 13:59 C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677 SIPDIS",
        );
        assert_eq!(h.classification, Some(Classification::Confidential));
        assert_eq!(h.origin.as_deref(), Some("HARARE"));
        let h = parse_fields("SUBJECT: SUBJECT: DEPUTY NSA VISIT");
        assert_eq!(h.subject.as_deref(), Some("DEPUTY NSA VISIT"));
    }
}
