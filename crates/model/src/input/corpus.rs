//! A side file for a whole collection (`--annotations FILE.jsonl`): one spaCy-style
//! document a line, `{"id": "05PARIS2333", "text": ..., "ents": [{"start", "end",
//! "label"}]}`, found by the cable's reference ID.
//!
//! The file can hold every cable of the release, so it is read once to check every line
//! and note where each ID's line starts; a cable's line is read again, and parsed whole,
//! only when that cable is parsed. No text is held.

use crate::cable::release::ReleaseRow;
use crate::cable::side::{Annotations, Entry, LabelMap};
use crate::cable::{self, Cable, CableId, SideAnnotations, Tagging};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::collections::HashMap;
use std::io::{self, BufRead, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The longest line read: a cable's text and entities, with room to spare (the longest
/// cables are a few hundred KB); a file without line breaks is not read whole.
const MAX_LINE_BYTES: u64 = 64 << 20;

/// What each line must be, for messages.
const SHAPE: &str =
    r#"a JSON object {"id": REFERENCE ID, "text": ..., "ents": [{"start", "end", "label"}]}"#;

/// Why a collection's side file cannot be used.
#[derive(Debug, Error)]
pub enum CorpusError {
    /// The file cannot be opened or read.
    #[error("{name}: cannot read: {source}")]
    Unreadable {
        /// The file, as shown.
        name: String,
        /// What the system said.
        source: io::Error,
    },
    /// A line is not a document of the expected shape.
    #[error("{name}:{line}: {message}")]
    Line {
        /// The file, as shown.
        name: String,
        /// 1-based line.
        line: usize,
        /// What was expected and found.
        message: String,
    },
}

/// Where one document's line is in the file.
#[derive(Debug, Clone, Copy)]
struct Place {
    byte: u64,
    len: u32,
    line: usize,
}

/// A collection's side file, checked and mapped by reference ID (upper-cased).
#[derive(Debug)]
pub struct SideCorpus {
    path: PathBuf,
    name: String,
    places: HashMap<String, Place>,
    /// How its labels map to entity kinds.
    pub labels: LabelMap,
}

/// One line as checked when the file is opened: the text is skipped, not kept.
#[derive(Deserialize)]
struct Checked {
    id: String,
    #[serde(default, rename = "text")]
    _text: Option<IgnoredAny>,
    #[serde(default, rename = "ents")]
    _ents: Vec<Ent>,
}

/// One line read whole when its cable is parsed.
#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    ents: Vec<Ent>,
}

#[derive(Deserialize)]
struct Ent {
    start: usize,
    end: usize,
    label: String,
}

impl SideCorpus {
    /// Reads `path` through once, checking every line; the first line of an ID is its
    /// document. Blank lines are skipped.
    ///
    /// # Errors
    /// When the file cannot be read, or at the first line that is not a document.
    pub fn open(path: &Path, labels: LabelMap) -> Result<Self, CorpusError> {
        let name = crate::sanitize::path(path);
        let unreadable = |source| CorpusError::Unreadable {
            name: name.clone(),
            source,
        };
        let file = crate::regular_file::open_stream(path).map_err(unreadable)?;
        let mut reader = io::BufReader::with_capacity(1 << 20, file);
        let mut places = HashMap::new();
        let mut buffer = Vec::new();
        let (mut byte, mut line) = (0u64, 0usize);
        loop {
            buffer.clear();
            let read = (&mut reader)
                .take(MAX_LINE_BYTES + 1)
                .read_until(b'\n', &mut buffer)
                .map_err(unreadable)?;
            if read == 0 {
                break;
            }
            line += 1;
            let at = byte;
            byte += read as u64;
            let bad = |message: String| CorpusError::Line {
                name: name.clone(),
                line,
                message,
            };
            if read as u64 > MAX_LINE_BYTES {
                return Err(bad(format!(
                    "a line longer than {} MB: expected one document a line",
                    MAX_LINE_BYTES >> 20
                )));
            }
            let content = trimmed(&buffer, line == 1);
            if content.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let checked: Checked = serde_json::from_slice(content)
                .map_err(|e| bad(format!("expected {SHAPE}: {}", without_position(&e))))?;
            let id = checked.id.trim().to_ascii_uppercase();
            if id.is_empty() {
                return Err(bad(
                    "expected the cable's reference ID in \"id\", found an empty string".into(),
                ));
            }
            places.entry(id).or_insert(Place {
                byte: at,
                len: u32::try_from(read).unwrap_or(u32::MAX),
                line,
            });
        }
        Ok(Self {
            path: path.to_path_buf(),
            name,
            places,
            labels,
        })
    }

    /// How many cables it has a document for.
    #[must_use]
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether it has no document at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The document for cable `id`, read from its line now; `None` when there is none.
    /// The annotations are named `FILE:LINE`, so every message about them says where.
    ///
    /// # Errors
    /// When the line cannot be read again (the file changed since it was opened).
    pub fn annotations(&self, id: &CableId) -> Result<Option<Annotations>, CorpusError> {
        let Some(place) = self.places.get(&id.trim().to_ascii_uppercase()).copied() else {
            return Ok(None);
        };
        let unreadable = |source| CorpusError::Unreadable {
            name: self.name.clone(),
            source,
        };
        let mut file = crate::regular_file::open_stream(&self.path).map_err(unreadable)?;
        file.seek(SeekFrom::Start(place.byte)).map_err(unreadable)?;
        let mut bytes = vec![0; place.len as usize];
        file.read_exact(&mut bytes).map_err(unreadable)?;
        let doc: Doc = serde_json::from_slice(trimmed(&bytes, place.line == 1)).map_err(|e| {
            CorpusError::Line {
                name: self.name.clone(),
                line: place.line,
                message: format!("no longer {SHAPE} (changed since it was read?): {e}"),
            }
        })?;
        Ok(Some(Annotations {
            name: format!("{}:{} ({})", self.name, place.line, id.trim()),
            text: doc.text,
            entries: doc
                .ents
                .into_iter()
                .map(|e| Entry {
                    line: place.line,
                    label: e.label,
                    start: e.start,
                    end: e.end,
                    text: None,
                })
                .collect(),
        }))
    }

    /// The cable of a release CSV row, with the document of its reference ID (the row's
    /// column) when there is one, else tagged as `tagging` says. The document's offsets
    /// count in the row's body column; one that does not fit the body is a warning.
    ///
    /// # Errors
    /// As [`cable::release::cable`], and when the document cannot be read again.
    pub fn row_cable(
        &self,
        row: &ReleaseRow,
        name: &str,
        tagging: Tagging,
    ) -> Result<Cable, super::LoadError> {
        let annotations = self.annotations(&CableId::new(row.reference_id.as_str()))?;
        let side = annotations.as_ref().map(|annotations| SideAnnotations {
            annotations,
            labels: &self.labels,
        });
        Ok(cable::release::cable_with(row, name, tagging, side)?)
    }
}

/// The line without its line break, and without a byte-order mark on the first line.
fn trimmed(line: &[u8], first: bool) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if first {
        line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line)
    } else {
        line
    }
}

/// serde's message without its `at line 1 column N`, which counts in the line and not
/// in the file; the column is kept.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => format!("{} (column {})", &message[..at], error.column()),
        None => message,
    }
}

/// Whether `--annotations` names a collection's side file (JSON Lines) rather than one
/// cable's: by its extension, `.jsonl` or `.ndjson`, any case.
#[must_use]
pub fn is_corpus_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Parses a cable file's bytes with `corpus`'s document for it, found by the reference
/// ID in the file's name; `None` when the corpus has none for it.
pub(super) fn file_annotations(
    corpus: &SideCorpus,
    name: &str,
) -> Result<Option<Annotations>, CorpusError> {
    match cable::id_from_file_name(name) {
        Some(id) => corpus.annotations(&id),
        None => Ok(None),
    }
}
