//! A library on the corpus index: the table of every indexed cable, built from the index's
//! stored columns without parsing a body, and each cable read from the index when opened.

use super::entry::{Entry, Source};
use super::table::Row;
use super::{Library, LoadOptions};
use crate::cable::{Classification, Header};
use crate::search_index::{IndexError, SearchIndex, TableRow};
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
        let rows = one_per_cable(index.all()?);
        let index = Arc::new(index);
        let slim = rows
            .into_iter()
            .map(|row| (entry_of(&index, row), Vec::new()))
            .collect();
        let mut library = Self::build(slim, Vec::new(), options);
        library.index = Some(Indexed(index));
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

/// The rows of the index with one per cable: the documents of one ID (its annotated
/// text and its page) are one cable, which [`SearchIndex::load_cable`] reads whole. Each
/// field is the first document's that has it (a page alone has a creation date).
fn one_per_cable(rows: Vec<TableRow>) -> Vec<TableRow> {
    let mut at: std::collections::HashMap<String, usize> =
        std::collections::HashMap::with_capacity(rows.len());
    let mut merged: Vec<TableRow> = Vec::with_capacity(rows.len());
    for row in rows {
        let key = row.id.to_ascii_uppercase();
        let Some(&i) = at.get(&key).filter(|_| !row.id.is_empty()) else {
            at.insert(key, merged.len());
            merged.push(row);
            continue;
        };
        let kept = &mut merged[i];
        kept.date = kept.date.take().or(row.date);
        kept.origin = kept.origin.take().or(row.origin);
        kept.classification = kept.classification.take().or(row.classification);
        kept.subject = kept.subject.take().or(row.subject);
        if kept.tags.is_empty() {
            kept.tags = row.tags;
        }
        kept.paragraphs = kept.paragraphs.max(row.paragraphs);
    }
    merged
}

/// A table entry from the index's columns; the body stays in the index.
fn entry_of(index: &SearchIndex, row: TableRow) -> Entry {
    let classification = row.classification.as_deref().and_then(|name| {
        LEVELS
            .into_iter()
            .find(|l| l.name().eq_ignore_ascii_case(name))
    });
    let header = Header {
        classification,
        origin: row.origin.clone(),
        subject: row.subject.clone(),
        created: row.date.clone(),
        tags: row.tags.iter().map(|t| t.to_uppercase()).collect(),
        ..Header::default()
    };
    let paragraphs = usize::try_from(row.paragraphs).unwrap_or(usize::MAX);
    let table_row = Row::from_parts(&row.id, Some(&row.id), &header, paragraphs, 0);
    let haystack = [
        row.id.as_str(),
        row.subject.as_deref().unwrap_or(""),
        row.origin.as_deref().unwrap_or(""),
        &row.tags.join(" "),
    ]
    .join("\n")
    .to_lowercase();
    Entry::from_index(
        Source {
            path: index.dir().to_path_buf(),
            csv_row: None,
            cable: None,
            indexed: Some(row.id),
        },
        table_row,
        haystack,
        header.tags,
    )
}
