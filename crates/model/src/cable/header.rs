//! The cable header: fields read from the header's text.
//!
//! Real headers run their fields together, miss some of them and write their keywords in
//! many ways, so the reader finds each field by its keyword (`scan`) and takes its value
//! up to where it ends (`value`): the next keyword, a blank line, a page marker's
//! noise cut out, a paragraph start. Every field is optional.

mod classifier;
mod preamble;
mod references;
mod routing;
mod scan;
mod summary;
mod tags;
mod value;

pub use routing::Transmission;

use super::Mention;
use super::marking::{self, Classification};
use scan::Field;
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
    /// The action recipients of the routing lines (`TO`), one each, without routing
    /// indicator, precedence or serial: `SECSTATE WASHDC`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<String>,
    /// The `INFO` recipients of the routing lines, as [`Header::to`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub info: Vec<String>,
    /// The transmission line: precedence and date-time group (`R 291648Z MAR 10`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transmission: Option<Transmission>,
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
    /// Who classified the cable, as the classifier line writes it: `DEPUTY CHIEF OF
    /// MISSION ALEX WOLFF`.
    pub classified_by: Option<String>,
    /// The classifier's name alone, for grouping across cables: `ALEX WOLFF`.
    pub classified_by_name: Option<String>,
    /// The classification reasons: `1.4 B/D`.
    pub reasons: Option<String>,
    /// The summary (`SUMMARY: ... END SUMMARY`) as one line; it stays in the text too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
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

/// Reads the header fields out of a header's text. Lines are separated by `\n` where the
/// source has them (a page, a plain-text cable); a blank line ends a field. The annotated
/// format has none: there the keywords and the other ends of a field bound it.
#[must_use]
pub fn parse_fields(text: &str) -> Header {
    parse_fields_with_tags(text, Vec::new())
}

/// As [`parse_fields`], with the TAGS links of the text, which are its TAGS when there
/// are any (text after them is not a tag).
pub(crate) fn parse_fields_with_tags(text: &str, tag_links: Vec<String>) -> Header {
    let mut header = Header::default();
    let keywords = scan::keywords(text);
    let preamble_end = keywords.first().map_or(text.len(), |k| k.start);
    preamble::read(&text[..preamble_end], &mut header);
    let origin = header.origin.clone();
    let values = |field| field_values(text, &keywords, field, origin.as_deref());
    if let Some(value) = values(Field::ExecutiveOrder).next() {
        preamble::read_executive_order(&value, &mut header);
    }
    if !tag_links.is_empty() {
        header.tags = tag_links;
    } else if let Some(value) = values(Field::Tags).next() {
        header.tags = tags::read(&value);
    }
    header.subject = subject(values(Field::Subject));
    if let Some(value) = references_value(text, &keywords, origin.as_deref()) {
        header.references = references::read(&value);
    }
    let mut classifiers = values(Field::ClassifiedBy).take(2);
    if let Some(first) = classifiers.next() {
        // `Classified By: (C) CLASSIFIED BY MINISTER ...`: a value without a name before
        // the keyword written again gives way to the one after it.
        let value = match classifiers.next() {
            Some(next) if classifier::read(&first).name.is_none() => next,
            _ => first,
        };
        apply_classifier(&value, &mut header);
    }
    read_routing(text, &mut header);
    header
}

/// Puts the routing lines of `text` into the header: its `TO` and `INFO` lists and the
/// transmission line, each when `text` has it and the header has none yet.
pub(crate) fn read_routing(text: &str, header: &mut Header) {
    let routing = routing::read(text);
    if header.to.is_empty() && header.info.is_empty() {
        header.to = routing.to;
        header.info = routing.info;
    }
    if header.transmission.is_none() {
        header.transmission = routing.transmission;
    }
}

/// Reads the summary from the header's text (with its lines) and the paragraphs.
pub(crate) fn read_summary(text: &str, paragraphs: &[super::Paragraph], header: &mut Header) {
    header.summary = summary::find(text, paragraphs);
}

/// The values of a field's keywords in `text`, in order, each read when it is asked for:
/// most fields only want the first that says something.
fn field_values<'a>(
    text: &'a str,
    keywords: &'a [scan::Keyword],
    field: Field,
    origin: Option<&'a str>,
) -> impl Iterator<Item = String> + 'a {
    keywords
        .iter()
        .enumerate()
        .filter(move |(_, k)| k.field == Some(field))
        .map(move |(i, k)| {
            let end = keywords.get(i + 1).map_or(text.len(), |next| next.start);
            value::extent(&text[k.value..end.max(k.value)], field, origin)
        })
        .filter(|value| !value.is_empty())
}

/// The first REF value that says something. A REF keyword right after an item's label
/// (`REF: A. REF A STATE 122214 B. REF B LONDON 2649`, `REF: A. REF: KATHMANDU 2282`) is
/// the list's own text, not a new list: the value runs on over it.
fn references_value(
    text: &str,
    keywords: &[scan::Keyword],
    origin: Option<&str>,
) -> Option<String> {
    let is_ref = |i: usize| {
        keywords
            .get(i)
            .is_some_and(|k| k.field == Some(Field::References))
    };
    (0..keywords.len())
        .filter(|&i| is_ref(i))
        .map(|i| {
            let mut last = i;
            while is_ref(last + 1) {
                let between = &text[keywords[last].value..keywords[last + 1].start];
                let before = between.split_whitespace().next_back().unwrap_or_default();
                match references::label(before) {
                    Some((_, len)) if len == before.len() => last += 1,
                    _ => break,
                }
            }
            let end = keywords.get(last + 1).map_or(text.len(), |next| next.start);
            let start = keywords[i].value;
            value::extent(&text[start..end.max(start)], Field::References, origin)
        })
        .find(|value| !value.is_empty())
}

/// Reads the classifier from the first paragraph, where older cables put it (`1. (U)
/// CLASSIFIED BY JOHN Q. DOE, DEPUTY CHIEF OF MISSION. REASONS 1.5 (B) AND (D).`), when
/// the header has none. `text` is the paragraph's text without its number and marking.
pub(crate) fn classifier_in_paragraph(text: &str, header: &mut Header) {
    let opens_with_it = text
        .get(..10)
        .is_some_and(|start| start.eq_ignore_ascii_case("CLASSIFIED"));
    if header.classified_by.is_some() || !opens_with_it {
        return;
    }
    let keywords = scan::keywords(text);
    let Some((i, first)) = keywords.iter().enumerate().next() else {
        return;
    };
    if first.start != 0 || first.field != Some(Field::ClassifiedBy) {
        return;
    }
    let end = keywords.get(i + 1).map_or(text.len(), |next| next.start);
    let value = value::extent(
        &text[first.value..end.max(first.value)],
        Field::ClassifiedBy,
        None,
    );
    apply_classifier(&value, header);
}

fn apply_classifier(value: &str, header: &mut Header) {
    let classifier = classifier::read(value);
    header.classified_by = classifier.by;
    header.classified_by_name = classifier.name;
    header.reasons = classifier.reasons;
}

/// The subject: the first SUBJECT line's, unless it is cut short with `...` and a later
/// one (a header repeated in full) says it all.
fn subject(mut values: impl Iterator<Item = String>) -> Option<String> {
    let first = values.next()?;
    let mut chosen = first.as_str();
    let full;
    if let Some(stem) = first.strip_suffix("...")
        && let Some(found) = values.find(|v| v.len() > stem.len() && v.starts_with(stem))
    {
        full = found;
        chosen = &full;
    }
    // A subject line sometimes repeats its keyword: `SUBJECT: SUBJECT: ...`.
    let mut value = chosen.trim();
    while let Some((Some(Field::Subject), start)) = scan::keyword_at_start(value) {
        value = value[start..].trim_start();
    }
    // `(C) COLOMBIA'S STRATEGY ...`: the subject line's own marking is no part of it.
    if let Ok((after, _)) = marking::portion_marking(value) {
        value = after.trim_start();
    }
    let mut value = value.trim_end_matches([',', ';', ':', '(', ' ']);
    // The sentence's period goes, an abbreviation's (`WASHINGTON, D.C.`) stays.
    if let Some(stem) = value.strip_suffix('.')
        && !stem.rsplit(' ').next().unwrap_or(stem).contains('.')
    {
        value = stem.trim_end_matches(['.', ' ']);
    }
    (!value.is_empty()).then(|| value.to_string())
}

fn non_empty(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

pub(crate) use super::noise::is_keyword;

/// Whether a tagger's entity is no entity but a header keyword, a marking, a redaction or
/// an office word alone: see [`super::noise`].
pub(crate) fn is_tagger_noise(text: &str) -> bool {
    super::noise::is_noise(text)
}

#[cfg(test)]
mod tests;
