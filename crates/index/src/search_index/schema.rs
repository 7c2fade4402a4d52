//! The index's fields and tokenizers, and a cable made into one document.

use crate::cable::CableKey;
use crate::cable::{Cable, EntityKind, MentionSource};
use tantivy::schema::{Facet, Schema};
use tantivy::tokenizer::{
    LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{DateTime, Index, TantivyDocument};

/// The tokenizer of the text: words are runs of letters and digits (any script), lower-cased.
pub const WORDS: &str = "cable_words";
/// The tokenizer of codes (IDs, TAGS, origins, levels): the whole value, lower-cased.
pub const CODE: &str = "cable_code";
/// Longer runs of letters and digits are not indexed (tantivy's limit is 65,530 bytes).
pub const MAX_WORD_BYTES: usize = 255;

pub use super::fields::Fields;
use super::fields::Name;

/// Why a schema is not this cableview's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// Not a cableview index at all.
    Foreign,
    /// A cableview index from before a field was added: it must be built again.
    Older,
}

/// The fields every cableview index has had, from the first: a schema with them but
/// without every field of [`build`] is an older cableview's.
const FIRST_FIELDS: [Name; 4] = [Name::Id, Name::Text, Name::Source, Name::Key];

/// The fields of an index's schema, or why it is not this cableview's.
///
/// # Errors
/// A schema missing fields: an older cableview's, or another program's.
pub fn fields_of(schema: &Schema) -> Result<Fields, Mismatch> {
    Fields::of(schema).ok_or_else(|| {
        if FIRST_FIELDS
            .iter()
            .all(|f| schema.get_field(f.as_str()).is_ok())
        {
            Mismatch::Older
        } else {
            Mismatch::Foreign
        }
    })
}

/// The schema, and its fields.
#[must_use]
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields::add(&mut b);
    (b.build(), fields)
}

/// Registers the two tokenizers: an index opened without them cannot be searched.
pub fn register_tokenizers(index: &Index) {
    let words = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES + 1))
        .filter(LowerCaser)
        .build();
    let code = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build();
    index.tokenizers().register(WORDS, words);
    index.tokenizers().register(CODE, code);
}

/// The text a search looks in: the header's text, then each paragraph (its heading
/// first), then the signature, a blank line between.
#[must_use]
pub fn document_text(cable: &Cable) -> String {
    let mut parts: Vec<&str> = vec![cable.header.text.as_str()];
    for paragraph in &cable.paragraphs {
        if let Some(heading) = &paragraph.heading {
            parts.push(heading);
        }
        parts.push(&paragraph.text);
    }
    if let Some(signature) = &cable.signature {
        parts.push(signature);
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.join("\n\n")
}

/// An entity's key for [`Fields::entity_key`]: kind and lower-cased name.
#[must_use]
pub fn entity_key(kind: &EntityKind, name: &str) -> String {
    format!(
        "{}\u{1f}{}",
        kind.label().to_ascii_lowercase(),
        name.to_lowercase()
    )
}

/// A [`CableKey`] as one term: `04PARIS8983`.
#[must_use]
pub fn key_text(key: &CableKey) -> String {
    format!("{}{}{}", key.year, key.post, key.serial)
}

/// Where a document came from and its key for updates.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The file, as the manifest names it.
    pub source: &'a str,
    /// The row's byte offset in a release CSV.
    pub row: Option<u64>,
    /// The row's hash, or the file's.
    pub key: u64,
}

/// The document of a cable.
#[must_use]
pub fn document(f: &Fields, cable: &Cable, origin: Origin<'_>) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    let header = &cable.header;
    let id = cable.id.clone().unwrap_or_default();
    doc.add_text(f.id, &id);
    let date = header.created.as_deref().and_then(seconds);
    if let Some(seconds) = date {
        doc.add_date(f.date, DateTime::from_timestamp_secs(seconds));
    }
    let year = header
        .created
        .as_deref()
        .and_then(|d| d.get(..4))
        .map(str::to_string)
        .or_else(|| CableKey::from_id(&id)?.full_year().map(|y| y.to_string()));
    if let Some(year) = year {
        doc.add_facet(f.f_year, Facet::from_path([year]));
    }
    if let Some(origin) = &header.origin {
        doc.add_text(f.origin, origin);
        doc.add_facet(f.f_origin, Facet::from_path([origin.as_str()]));
    }
    if let Some(level) = header.classification {
        doc.add_text(f.class, level.name());
        doc.add_facet(f.f_class, Facet::from_path([level.name()]));
    }
    for tag in &header.tags {
        doc.add_text(f.tag, tag);
        doc.add_facet(f.f_tag, Facet::from_path([tag.as_str()]));
    }
    doc.add_text(f.subject, header.subject.as_deref().unwrap_or(""));
    for recipient in &header.to {
        doc.add_text(f.to, recipient);
    }
    for recipient in &header.info {
        doc.add_text(f.info, recipient);
    }
    doc.add_text(f.text, document_text(cable));
    for entity in &cable.entities {
        let (field, facet) = match entity.kind {
            EntityKind::Per => (f.per, f.f_per),
            EntityKind::Org => (f.org, f.f_org),
            EntityKind::Loc => (f.loc, f.f_loc),
            _ => (f.misc, f.f_misc),
        };
        doc.add_text(field, &entity.name);
        doc.add_text(f.entity, &entity.name);
        doc.add_facet(facet, Facet::from_path([entity.name.as_str()]));
        doc.add_text(f.entity_key, entity_key(&entity.kind, &entity.name));
    }
    let own = CableKey::from_id(&id);
    let context = own.as_ref().map(|k| k.year.as_str());
    for reference in &header.references {
        for citation in crate::cable::refs::citations(&reference.text) {
            for key in citation.keys(context) {
                if Some(&key) != own.as_ref() {
                    doc.add_text(f.cites, key_text(&key));
                }
            }
        }
    }
    doc.add_u64(f.paragraphs, cable.paragraphs.len() as u64);
    doc.add_u64(f.mentions, cable.mention_count() as u64);
    doc.add_u64(f.provenance, provenance_rank(cable));
    doc.add_text(f.source, origin.source);
    if let Some(row) = origin.row {
        doc.add_u64(f.row, row);
    }
    doc.add_u64(f.key, origin.key);
    doc
}

/// Whose mentions a cable holds, as one number that orders files of one cable as a
/// library picks its base: 0 none, 1 only the tagger's, 2 a correction's, 3 a side
/// file's, 4 inline. From 2 up the cable is [`Cable::annotated`].
#[must_use]
pub fn provenance_rank(cable: &Cable) -> u64 {
    cable
        .mentions()
        .map(|(_, m)| match m.source {
            MentionSource::Tagger => 1,
            MentionSource::Correction => 2,
            MentionSource::SideFile => 3,
            MentionSource::Inline => 4,
        })
        .max()
        .unwrap_or(0)
}

/// The lowest [`provenance_rank`] of mentions a cable carries of its own.
pub const OWN_MENTIONS: u64 = 2;

/// `2005-12-28 18:48` (or `2005-12-28`) as seconds since 1970, UTC.
#[must_use]
pub fn seconds(date: &str) -> Option<i64> {
    let year: i64 = date.get(..4)?.parse().ok()?;
    let month: i64 = date.get(5..7)?.parse().ok()?;
    let day: i64 = date.get(8..10)?.parse().ok()?;
    if date.get(4..5)? != "-" || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (hour, minute) = match date.get(11..16) {
        Some(time) => (time.get(..2)?.parse().ok()?, time.get(3..5)?.parse().ok()?),
        None => (0, 0),
    };
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
#[must_use]
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Seconds since 1970 as `YYYY-MM-DD HH:MM`.
#[must_use]
pub fn date_text(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    // The inverse of days_from_civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for date in ["1966-12-28 18:48", "2000-02-29 00:00", "2010-02-28 23:59"] {
            assert_eq!(date_text(seconds(date).unwrap()), date);
        }
        assert_eq!(seconds("1970-01-01"), Some(0));
        assert_eq!(seconds("2005-13-01"), None);
        assert_eq!(seconds("garbage"), None);
    }
}
