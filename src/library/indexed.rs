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
    pub fn from_index(index: SearchIndex) -> Result<Self, IndexError> {
        let rows = index.all()?;
        let index = Arc::new(index);
        let slim = rows
            .into_iter()
            .map(|row| (entry_of(&index, row), Vec::new()))
            .collect();
        let mut library = Self::build(slim, Vec::new(), LoadOptions::default());
        library.index = Some(Indexed(index));
        Ok(library)
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
