//! The index's columns (fast fields) read back: a segment's text columns decoded once
//! when many rows are read, and a cable's row borrowed from them.

use super::fields::Name;
use super::schema::date_text;
use super::search::TableRow;
use crate::cable::CableId;
use std::borrow::Cow;
use tantivy::columnar::{Column, StrColumn};

/// One segment's columns.
pub(super) struct Columns {
    id: Text,
    origin: Text,
    class: Text,
    subject: Text,
    tag: Text,
    date: Column<tantivy::DateTime>,
    paragraphs: Column<u64>,
    mentions: Column<u64>,
    provenance: Column<u64>,
    key: Column<u64>,
}

impl Columns {
    /// The columns of a segment from which `wanted` rows will be read.
    pub(super) fn of(
        fast: &tantivy::fastfield::FastFieldReaders,
        wanted: usize,
    ) -> tantivy::Result<Self> {
        let text =
            |name: Name| -> tantivy::Result<Text> { Text::of(fast.str(name.as_str())?, wanted) };
        Ok(Self {
            id: text(Name::Id)?,
            origin: text(Name::Origin)?,
            class: text(Name::Class)?,
            subject: text(Name::Subject)?,
            tag: text(Name::Tag)?,
            date: fast.date(Name::Date.as_str())?,
            paragraphs: fast.u64(Name::Paragraphs.as_str())?,
            mentions: fast.u64(Name::Mentions.as_str())?,
            provenance: fast.u64(Name::Provenance.as_str())?,
            key: fast.u64(Name::Key.as_str())?,
        })
    }
}

/// A text column: a cable's values are term ordinals into the column's dictionary.
struct Text {
    column: Option<StrColumn>,
    /// The whole dictionary, decoded once, when many rows are read: looking a term up
    /// seeks and scans a block of the dictionary, which a table of the whole release
    /// would do a million times.
    terms: Option<Terms>,
}

impl Text {
    fn of(column: Option<StrColumn>, wanted: usize) -> tantivy::Result<Self> {
        let terms = match &column {
            // Decoding costs a pass over the dictionary: worth it when the rows read
            // outnumber its terms, or nearly (a column of IDs read whole).
            Some(c) if c.num_terms() <= wanted.saturating_mul(4) => Some(Terms::of(c)?),
            _ => None,
        };
        Ok(Self { column, terms })
    }

    /// The values of a document.
    fn values(&self, doc: u32) -> impl Iterator<Item = Cow<'_, str>> {
        self.column
            .iter()
            .flat_map(move |column| column.term_ords(doc))
            .filter_map(move |ord| self.term(ord))
    }

    /// A document's first value, when it is not empty.
    fn first(&self, doc: u32) -> Option<Cow<'_, str>> {
        self.values(doc).next().filter(|s| !s.is_empty())
    }

    fn term(&self, ord: u64) -> Option<Cow<'_, str>> {
        if let Some(terms) = &self.terms {
            return terms.get(ord).map(Cow::Borrowed);
        }
        let mut text = String::new();
        self.column.as_ref()?.ord_to_str(ord, &mut text).ok()?;
        Some(Cow::Owned(text))
    }
}

/// A dictionary decoded: term `ord` is `text[ends[ord - 1]..ends[ord]]`.
struct Terms {
    text: String,
    ends: Vec<usize>,
}

impl Terms {
    fn of(column: &StrColumn) -> std::io::Result<Self> {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(column.num_terms());
        let mut stream = column.dictionary().stream()?;
        while stream.advance() {
            // Every term was written from a `&str`.
            text.push_str(&String::from_utf8_lossy(stream.key()));
            ends.push(text.len());
        }
        Ok(Self { text, ends })
    }

    fn get(&self, ord: u64) -> Option<&str> {
        let ord = usize::try_from(ord).ok()?;
        let end = *self.ends.get(ord)?;
        let start = if ord == 0 { 0 } else { self.ends[ord - 1] };
        self.text.get(start..end)
    }
}

/// A cable's row read from the index's columns, borrowing their text: a library on the
/// index builds its own rows from it without an owned copy of each field in between.
pub struct RowView<'a> {
    columns: &'a Columns,
    doc: u32,
}

impl<'a> RowView<'a> {
    /// The row of document `doc` of the segment whose columns these are.
    pub(super) fn new(columns: &'a Columns, doc: u32) -> Self {
        Self { columns, doc }
    }
}

impl<'a> RowView<'a> {
    /// The reference ID.
    #[must_use]
    pub fn id(&self) -> Cow<'a, str> {
        self.columns.id.first(self.doc).unwrap_or_default()
    }

    /// The creation date as seconds since 1970, when known.
    #[must_use]
    pub fn seconds(&self) -> Option<i64> {
        self.columns
            .date
            .first(self.doc)
            .map(|d| d.into_timestamp_secs())
    }

    /// `YYYY-MM-DD HH:MM`, when known.
    #[must_use]
    pub fn date(&self) -> Option<String> {
        self.seconds().map(date_text)
    }

    /// The sending post.
    #[must_use]
    pub fn origin(&self) -> Option<Cow<'a, str>> {
        self.columns.origin.first(self.doc)
    }

    /// The classification level's name.
    #[must_use]
    pub fn classification(&self) -> Option<Cow<'a, str>> {
        self.columns.class.first(self.doc)
    }

    /// The subject line.
    #[must_use]
    pub fn subject(&self) -> Option<Cow<'a, str>> {
        self.columns.subject.first(self.doc)
    }

    /// TAGS, as the index keeps them.
    pub fn tags(&self) -> impl Iterator<Item = Cow<'a, str>> + use<'a> {
        self.columns.tag.values(self.doc)
    }

    /// Numbered paragraphs.
    #[must_use]
    pub fn paragraphs(&self) -> u64 {
        self.columns.paragraphs.first(self.doc).unwrap_or(0)
    }

    /// Mentions of entities, header included.
    #[must_use]
    pub fn mentions(&self) -> u64 {
        self.columns.mentions.first(self.doc).unwrap_or(0)
    }

    /// Whether the cable's mentions are its own (inline, a side file, a correction)
    /// rather than only the tagger's: of two files of a cable, such a one is the base.
    #[must_use]
    pub fn annotated(&self) -> bool {
        self.columns.provenance.first(self.doc).unwrap_or(0) >= super::schema::OWN_MENTIONS
    }

    /// The document's key, for [`SearchIndex::load_document`].
    #[must_use]
    pub fn key(&self) -> u64 {
        self.columns.key.first(self.doc).unwrap_or(0)
    }

    /// The row, owned.
    #[must_use]
    pub fn to_row(&self) -> TableRow {
        TableRow {
            id: CableId::new(self.id()),
            date: self.date(),
            origin: self.origin().map(Cow::into_owned),
            classification: self.classification().map(Cow::into_owned),
            subject: self.subject().map(Cow::into_owned),
            tags: self.tags().map(Cow::into_owned).collect(),
            paragraphs: self.paragraphs(),
            mentions: self.mentions(),
        }
    }
}
