//! A library on the corpus index: the table of every indexed cable, built from the index's
//! stored columns without parsing a body, and each cable read from the index when opened.

use super::entry::{Entry, Source};
use super::index::CableEntity;
use super::refs::CableKey;
use super::table::Row;
use super::{FastMap, Library, LoadOptions};
use crate::cable::{Classification, Header};
use crate::search_index::{IndexError, RowView, SearchIndex};
use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

/// Every classification level, to read the index's stored names back.
const LEVELS: [Classification; 5] = [
    Classification::Unclassified,
    Classification::SensitiveButUnclassified,
    Classification::Confidential,
    Classification::Secret,
    Classification::TopSecret,
];

impl Library {
    /// The library of every cable in `index`. Opening one reads it from the index.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn from_index(index: SearchIndex) -> Result<Self, IndexError> {
        Self::from_index_with(index, LoadOptions::default())
    }

    /// The library of every cable in `index`, its cables opened with `options`' aliases
    /// and corrections applied.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn from_index_with(index: SearchIndex, options: LoadOptions) -> Result<Self, IndexError> {
        let dir = index.dir().to_path_buf();
        let count = usize::try_from(index.len()).unwrap_or(0);
        let mut slim = Vec::with_capacity(count);
        let mut dated = Vec::with_capacity(count);
        index.for_each_row(|row| {
            dated.push(row.seconds().is_some());
            slim.push((entry_of(&dir, &row), Vec::new()));
        })?;
        // An index built before one document per cable keeps a cable's text and page as
        // two documents: their rows merge as a folder's do, which needs their header fields.
        for i in shared_ids(&slim) {
            let entry = &mut slim[i].0;
            let header = header_of(&entry.row, &entry.tags, dated[i]);
            entry.keep_header(header);
        }
        let mut library = Self::build(slim, Vec::new(), options);
        library.index = Some(Indexed(Arc::new(index)));
        Ok(library)
    }

    /// The corpus index the library reads its cables from, if it is on one.
    #[must_use]
    pub fn search_index(&self) -> Option<&SearchIndex> {
        self.index.as_ref().map(|i| &*i.0)
    }
}

/// The index a library reads its cables from (a wrapper, so the library can be printed).
#[derive(Clone)]
pub(super) struct Indexed(pub(super) Arc<SearchIndex>);

impl std::fmt::Debug for Indexed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Indexed({})", crate::sanitize::path(self.0.dir()))
    }
}

/// A table entry from the index's columns; the body stays in the index.
fn entry_of(dir: &Path, view: &RowView<'_>) -> Entry {
    let id = view.id().into_owned();
    let classification = view.classification().and_then(|name| {
        LEVELS
            .into_iter()
            .find(|l| l.name().eq_ignore_ascii_case(&name))
    });
    let origin = view.origin().map(Cow::into_owned).unwrap_or_default();
    let subject = view.subject().map(Cow::into_owned).unwrap_or_default();
    let tags: Vec<String> = view.tags().map(|t| t.to_uppercase()).collect();
    let haystack = haystack(&[&id, &subject, &origin, &tags.join(" ")]);
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let row = Row::from_columns(
        id,
        view.date(),
        classification,
        origin,
        subject,
        count(view.paragraphs()),
        count(view.mentions()),
    );
    Entry::from_index(
        Source {
            path: dir.to_path_buf(),
            csv_row: None,
            cable: None,
            indexed: Some(view.key()),
        },
        row,
        haystack,
        tags,
        view.annotated(),
    )
}

/// The entries whose reference ID another entry has too.
fn shared_ids(slim: &[(Entry, Vec<CableEntity>)]) -> Vec<usize> {
    let mut count: FastMap<&CableKey, u32> =
        FastMap::with_capacity_and_hasher(slim.len(), Default::default());
    for (entry, _) in slim {
        if let Some(key) = entry.key() {
            *count.entry(key).or_default() += 1;
        }
    }
    slim.iter()
        .enumerate()
        .filter(|(_, (entry, _))| entry.key().is_some_and(|k| count.get(k) > Some(&1)))
        .map(|(i, _)| i)
        .collect()
}

/// The header fields a row shows, to merge with another file's: the date only when the
/// index holds one (a row without shows the ID's year), as a page has and a text lacks.
fn header_of(row: &Row, tags: &[String], dated: bool) -> Header {
    let some = |text: &str| (!text.is_empty()).then(|| text.to_string());
    Header {
        classification: row.classification,
        origin: some(&row.origin),
        subject: some(&row.subject),
        created: row.date.clone().filter(|_| dated),
        tags: tags.to_vec(),
        ..Header::default()
    }
}

/// The filter's text of a row: its fields lower-cased, one a line, as a file's
/// (`table::haystack`) begins.
fn haystack(fields: &[&str]) -> String {
    let mut text = String::with_capacity(fields.iter().map(|f| f.len() + 1).sum());
    for field in fields {
        text.push_str(field);
        text.push('\n');
    }
    if text.is_ascii() {
        text.make_ascii_lowercase();
        text
    } else {
        text.to_lowercase()
    }
}
