//! Looking for damage: the checksums of every file of the last commit (`cableview index
//! --check`, and before an update writes anything), and a quick probe when the index is
//! opened, which reads a little of every part of every segment so that the commonest
//! damage is met at once rather than halfway through building a table.

use super::columns::{Columns, RowView};
use super::{IndexError, SearchIndex, guard};
use std::path::{Path, PathBuf};
use tantivy::{DocAddress, Index, TantivyDocument};

/// A file of the index that failed its check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    /// The file, relative to the index folder.
    pub file: PathBuf,
    /// What is wrong with it.
    pub why: String,
}

/// What a check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    /// Files of the last commit read through.
    pub files: usize,
    /// Those whose checksum did not match, or that are missing or unreadable.
    pub damaged: Vec<Damaged>,
}

/// Verifies the checksum of every file the last commit of the index in `dir` uses.
///
/// # Errors
/// When there is no index there, or its commit (`meta.json`) cannot be read.
pub fn check(dir: &Path) -> Result<Checked, IndexError> {
    let index = SearchIndex::open_files(dir)?;
    guard::guarded(dir, || checksums(dir, &index))
}

/// The checksums of the last commit's files.
pub(super) fn checksums(dir: &Path, index: &Index) -> Result<Checked, IndexError> {
    let metas = index
        .load_metas()
        .map_err(|e| IndexError::from_tantivy(dir, e))?;
    let deleting: Vec<String> = metas
        .segments
        .iter()
        .filter(|m| m.has_deletes())
        .map(|m| m.id().uuid_string())
        .collect();
    let mut checked = Checked::default();
    let mut files: Vec<PathBuf> = metas.list_segment_files().into_iter().collect();
    files.sort();
    for file in files {
        if !dir.join(&file).is_file() {
            // A segment without deletes names a deletes file it never wrote.
            let name = file.to_string_lossy();
            if name.ends_with(".del") && !deleting.iter().any(|id| name.starts_with(id.as_str())) {
                continue;
            }
            checked.damaged.push(Damaged {
                file,
                why: "missing".to_string(),
            });
            continue;
        }
        checked.files += 1;
        let why = match index.directory().validate_checksum(&file) {
            Ok(true) => continue,
            Ok(false) => "checksum mismatch".to_string(),
            Err(e) => format!("unreadable: {e}"),
        };
        checked.damaged.push(Damaged { file, why });
    }
    Ok(checked)
}

/// The damaged files of a check, as one line for an error.
#[must_use]
pub fn listed(damaged: &[Damaged]) -> String {
    let names: Vec<String> = damaged
        .iter()
        .map(|d| format!("{} ({})", d.file.display(), d.why))
        .collect();
    format!("damaged: {}", names.join(", "))
}

impl SearchIndex {
    /// Reads a little of every part of every segment: its columns and the first and
    /// last rows from them, the first and last stored documents, and the words of the
    /// text. Run guarded, when the index is opened.
    pub(super) fn probe(&self) -> tantivy::Result<()> {
        let searcher = self.reader.searcher();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let ord = u32::try_from(ord).unwrap_or(u32::MAX);
            let columns = Columns::of(segment.fast_fields(), 0)?;
            let last = segment.max_doc().saturating_sub(1);
            for doc in [0, last].into_iter().filter(|_| segment.max_doc() > 0) {
                let _ = RowView::new(&columns, doc).to_row();
                let _: TantivyDocument = searcher.doc(DocAddress::new(ord, doc))?;
            }
            let text = segment.inverted_index(self.fields.text)?;
            let mut terms = text.terms().stream()?;
            terms.advance();
            segment.get_fieldnorms_reader(self.fields.text)?;
        }
        Ok(())
    }
}
