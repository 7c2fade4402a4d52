//! The library table: one summary row per cable, sorting by any column, filtering.

use super::refs::CableKey;
use crate::cable::{Cable, Classification, Header};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The summary of one cable, as the library table shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The reference ID, else the cable's title.
    pub id: String,
    /// When the cable was sent: the header's `created` date, else the year of the ID.
    pub date: Option<String>,
    /// The classification level, when known.
    pub classification: Option<Classification>,
    /// The sending post.
    pub origin: String,
    /// The subject line.
    pub subject: String,
    /// How many body paragraphs.
    pub paragraphs: usize,
    /// How many mentions, header included.
    pub mentions: usize,
    /// The ID's parts, for a natural sort (`STATE 9` before `STATE 10`).
    key: Option<CableKey>,
}

impl Row {
    /// Summarises a cable.
    #[must_use]
    pub fn of(cable: &Cable) -> Self {
        Self::from_parts(
            cable.title(),
            cable.id.as_deref(),
            &cable.header,
            cable.paragraphs.len(),
            cable.mention_count(),
        )
    }

    /// Summarises a cable from its parts: the library builds the row of a cable read from
    /// several files from their merged header.
    #[must_use]
    pub fn from_parts(
        title: &str,
        id: Option<&str>,
        header: &Header,
        paragraphs: usize,
        mentions: usize,
    ) -> Self {
        let key = id.and_then(CableKey::from_id);
        let date = header.created.clone().or_else(|| year_of(key.as_ref()));
        Self {
            id: title.to_string(),
            date,
            classification: header.classification,
            origin: header.origin.clone().unwrap_or_default(),
            subject: header.subject.clone().unwrap_or_default(),
            paragraphs,
            mentions,
            key,
        }
    }

    /// A row from its fields, owned, as a corpus index's columns give them: the ID is the
    /// title, and without a date the ID's year stands in.
    #[must_use]
    pub(crate) fn from_columns(
        id: String,
        date: Option<String>,
        classification: Option<Classification>,
        origin: String,
        subject: String,
        paragraphs: usize,
        mentions: usize,
    ) -> Self {
        let key = CableKey::from_id(&id);
        let date = date.or_else(|| year_of(key.as_ref()));
        Self {
            id,
            date,
            classification,
            origin,
            subject,
            paragraphs,
            mentions,
            key,
        }
    }

    /// The reference ID's parts, when the row's ID is one.
    #[must_use]
    pub(crate) fn key(&self) -> Option<&CableKey> {
        self.key.as_ref()
    }
}

/// The year of an ID, as a row's date when the cable has none.
fn year_of(key: Option<&CableKey>) -> Option<String> {
    key.and_then(CableKey::full_year).map(|y| y.to_string())
}

/// A column of the library table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Column {
    /// Reference ID.
    #[default]
    Id,
    /// Date (or year).
    Date,
    /// Classification level.
    Classification,
    /// Sending post.
    Origin,
    /// Subject line.
    Subject,
    /// Paragraph count.
    Paragraphs,
    /// Mention count.
    Mentions,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 7] = [
        Column::Id,
        Column::Date,
        Column::Classification,
        Column::Origin,
        Column::Subject,
        Column::Paragraphs,
        Column::Mentions,
    ];

    /// The column's heading.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Column::Id => "ID",
            Column::Date => "Date",
            Column::Classification => "Class",
            Column::Origin => "Origin",
            Column::Subject => "Subject",
            Column::Paragraphs => "¶",
            Column::Mentions => "Mentions",
        }
    }

    /// The next column, wrapping: a single key can cycle the sort.
    #[must_use]
    pub fn next(self) -> Self {
        let at = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(at + 1) % Self::ALL.len()]
    }

    /// Orders two rows by this column; ties fall back to the ID so the order is stable.
    #[must_use]
    pub fn compare(self, a: &Row, b: &Row) -> Ordering {
        self.primary(a, b).then_with(|| id_key(a).cmp(&id_key(b)))
    }

    /// Orders two rows by this column alone (every ID is a tie).
    #[must_use]
    pub(crate) fn primary(self, a: &Row, b: &Row) -> Ordering {
        match self {
            Column::Id => Ordering::Equal,
            // Unknown dates and levels sort first, as `None` does.
            Column::Date => a.date.cmp(&b.date),
            Column::Classification => a.classification.cmp(&b.classification),
            Column::Origin => a.origin.cmp(&b.origin),
            Column::Subject => a.subject.cmp(&b.subject),
            Column::Paragraphs => a.paragraphs.cmp(&b.paragraphs),
            Column::Mentions => a.mentions.cmp(&b.mentions),
        }
    }
}

/// A row's place in natural ID order: year, post, then serial by number; IDs that are
/// not IDs after, by text. Computed once per row, a sort compares these rather than
/// parsing years at every comparison.
pub(crate) type IdKey<'a> = (bool, Option<u16>, &'a str, &'a str, usize, &'a str, &'a str);

/// The [`IdKey`] of a row.
#[must_use]
pub(crate) fn id_key(row: &Row) -> IdKey<'_> {
    match &row.key {
        Some(k) => (
            false,
            k.full_year(),
            &k.year,
            &k.post,
            k.serial.len(),
            &k.serial,
            &row.id,
        ),
        None => (true, None, "", "", 0, "", &row.id),
    }
}

/// What the table shows: a text filter, facet filters and the sort.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Typed text: every whitespace-separated word must occur (case-insensitively) in the
    /// cable's ID, subject, origin, TAGS or entity names.
    pub text: String,
    /// Only cables at this level.
    pub classification: Option<Classification>,
    /// Only cables with this TAGS code (case-insensitive).
    pub tag: Option<String>,
    /// The sort column.
    pub sort: Column,
    /// Sort descending.
    pub descending: bool,
}

/// The lower-cased text the filter searches: ID, subject, origin, TAGS, entity names,
/// one per line so a word cannot match across two fields.
#[must_use]
pub fn haystack(cable: &Cable) -> String {
    let mut text = String::new();
    let mut push = |s: &str| {
        text.push_str(s);
        text.push('\n');
    };
    push(cable.title());
    push(cable.header.subject.as_deref().unwrap_or_default());
    push(cable.header.origin.as_deref().unwrap_or_default());
    push(&cable.header.tags.join(" "));
    for entity in &cable.entities {
        push(&entity.name);
    }
    text.to_lowercase()
}

/// The typed filter, compiled once per keystroke: one SIMD searcher per word.
#[derive(Debug)]
pub struct Needles(Vec<memchr::memmem::Finder<'static>>);

impl Needles {
    /// Lower-cases `text` and splits it into words.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self(
            text.to_lowercase()
                .split_whitespace()
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect(),
        )
    }

    /// Whether a haystack holds every word.
    #[must_use]
    pub fn matches(&self, haystack: &str) -> bool {
        self.0.iter().all(|f| f.find(haystack.as_bytes()).is_some())
    }
}
