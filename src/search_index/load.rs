//! Reading a cable of the index whole: every file the index holds it from (its annotated
//! text and its WikiLeaks page are two documents), merged as a library merges them.

use super::{IndexError, SearchIndex};
use crate::cable::{Cable, OtherSource};
use crate::library::merge_header;
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// At most this many files of one cable are read (an ID is one cable: a few at most).
const MAX_FILES: usize = 16;

impl SearchIndex {
    /// The whole cable `id`, parsed again from its files or CSV rows: the one with the
    /// most mentions gives the document, the others their header fields and their text
    /// for the source view.
    ///
    /// # Errors
    /// When the index does not hold it, or none of its files can be read any more.
    pub fn load_cable(&self, id: &str) -> Result<Cable, IndexError> {
        let sources = self.sources_of(id)?;
        let mut cables = Vec::with_capacity(sources.len());
        let mut failures = Vec::new();
        for (source, row) in &sources {
            let path = PathBuf::from(source);
            let loaded = match row {
                Some(byte) => crate::input::release_csv::load_at(&path, *byte),
                None => crate::input::load(&path),
            };
            match loaded {
                Ok(cable) => cables.push((cable, name_of(&path, *row))),
                Err(e) => failures.push(e.to_string()),
            }
        }
        // Stable: among files with as many mentions, the first indexed is the base.
        cables.sort_by_key(|(cable, _)| std::cmp::Reverse(cable.mentions().count()));
        let mut files = cables.into_iter();
        let Some((mut cable, name)) = files.next() else {
            let why = failures.join("; ");
            return Err(IndexError::Other(self.dir.clone(), why));
        };
        if files.len() > 0 {
            cable.source_name = Some(name);
        }
        for (other, name) in files {
            merge_header(&mut cable.header, &other.header);
            cable.other_sources.push(OtherSource {
                name,
                text: other.source,
                spans: other.source_spans,
            });
        }
        for why in failures {
            cable.warnings.push(crate::cable::Warning {
                line: None,
                message: format!("another file of this cable could not be read: {why}"),
            });
        }
        Ok(cable)
    }

    /// The file (and CSV row) of every document of cable `id`, in index order.
    fn sources_of(&self, id: &str) -> Result<Vec<(String, Option<u64>)>, IndexError> {
        let searcher = self.reader.searcher();
        let err = |e| IndexError::from_tantivy(&self.dir, e);
        // The ID field keeps codes lower-cased, as its tokenizer made them.
        let term = Term::from_field_text(self.fields.id, &id.to_lowercase());
        let mut found = searcher
            .search(
                &TermQuery::new(term, IndexRecordOption::Basic),
                &TopDocs::with_limit(MAX_FILES).order_by_score(),
            )
            .map_err(err)?;
        found.sort_by_key(|(_, address)| *address);
        let mut sources = Vec::with_capacity(found.len());
        for (_, address) in found {
            let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
            let source = doc
                .get_first(self.fields.source)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string();
            let row = doc.get_first(self.fields.row).and_then(|v| v.as_u64());
            sources.push((source, row));
        }
        if sources.is_empty() {
            return Err(IndexError::Other(
                self.dir.clone(),
                format!("no cable {id} in the index"),
            ));
        }
        Ok(sources)
    }
}

/// A file's name as the source view's title shows it (a CSV's with its row).
fn name_of(path: &Path, row: Option<u64>) -> String {
    let name = path
        .file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned();
    match row {
        Some(byte) => format!("{name} (row at byte {byte})"),
        None => name,
    }
}
