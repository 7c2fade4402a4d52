//! A reader's corrections to a cable's entities, kept beside the cable as a brat standoff
//! overlay: `corrections/ID.ann` in the data dir.
//!
//! Each correction is a text-bound annotation on the mention it was made from, with
//! offsets into the brat export's text (so brat shows the overlay over an exported
//! `.txt`), and a note that says what it does:
//!
//! ```text
//! (<TAB> is a tab)
//! T1<TAB>ORG 2034 2040<TAB>Chirac
//! #1<TAB>AnnotatorNotes T1<TAB>cableview relabel PER
//! T2<TAB>MISC 120 126<TAB>Bilaterally
//! #2<TAB>AnnotatorNotes T2<TAB>cableview not-an-entity
//! T3<TAB>PER 900 906<TAB>Beghal
//! T4<TAB>PER 950 963<TAB>Djamel Beghal
//! #3<TAB>AnnotatorNotes T3<TAB>cableview join T4
//! T5<TAB>LOC 1200 1204<TAB>Lyon
//! #4<TAB>AnnotatorNotes T5<TAB>cableview add
//! ```
//!
//! A relabel, a removal and a join apply to the entity the mention belongs to, found by
//! its kind and spelling, so corrections survive a parser that groups or places text a
//! little differently; an added mention goes where its offsets say. Writes are atomic.

mod apply;
pub mod everywhere;
mod format;

pub use everywhere::{Everywhere, Rule, RuleAction};

use crate::cable::{CableId, EntityKind};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The folder of overlays in the data dir.
pub const CORRECTIONS_DIR: &str = "corrections";

/// A mention as the overlay records it: offsets into the brat export's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Its kind (before the correction, for a relabel).
    pub kind: EntityKind,
    /// First character, in Unicode scalar values.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Its text.
    pub text: String,
}

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    /// The mention's entity is of another kind.
    Relabel {
        /// A mention of the entity.
        mention: Span,
        /// The kind it really is.
        to: EntityKind,
    },
    /// The mention's entity is no entity.
    NotAnEntity {
        /// A mention of the entity.
        mention: Span,
    },
    /// The mention's entity and another's are one.
    Join {
        /// A mention of the entity.
        mention: Span,
        /// A mention of the entity it joins.
        with: Span,
    },
    /// A mention the tagger missed.
    Add {
        /// The new mention.
        mention: Span,
    },
}

impl Correction {
    /// A line for `cableview corrections`: `relabel PER Chirac as ORG`.
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Self::Relabel { mention, to } => {
                format!("relabel {} {} as {to}", mention.kind, mention.text)
            }
            Self::NotAnEntity { mention } => {
                format!("not an entity: {} {}", mention.kind, mention.text)
            }
            Self::Join { mention, with } => format!(
                "join {} {} with {} {}",
                mention.kind, mention.text, with.kind, with.text
            ),
            Self::Add { mention } => format!(
                "add {} {} at {}-{}",
                mention.kind, mention.text, mention.start, mention.end
            ),
        }
    }
}

/// Why an overlay could not be read or written.
#[derive(Debug, Error)]
pub enum CorrectionsError {
    /// A line is not in the overlay's shape; the file is left as it is.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The overlay file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What was expected.
        message: String,
    },
    /// The file could not be read or written.
    #[error("{file}: {action}: {source}")]
    Io {
        /// The overlay file.
        file: String,
        /// `cannot read` or `cannot write`.
        action: &'static str,
        /// What the system said.
        source: std::io::Error,
    },
}

/// The corrections of one cable, in the order they were made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrections {
    path: PathBuf,
    list: Vec<Correction>,
}

impl Corrections {
    /// The overlay of cable `id` in `data_dir`; none yet gives an empty list.
    pub fn load(data_dir: &Path, id: &CableId) -> Result<Self, CorrectionsError> {
        let path = Self::path_of(data_dir, id);
        let shown = crate::sanitize::path(&path);
        let list =
            match crate::regular_file::read_to_string(&path, crate::regular_file::Limit::CONFIG) {
                Ok(text) => format::parse(&text, &shown)?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
                Err(source) => {
                    return Err(CorrectionsError::Io {
                        file: shown,
                        action: "cannot read",
                        source,
                    });
                }
            };
        Ok(Self { path, list })
    }

    /// Where the overlay of cable `id` lives: `corrections/ID.ann` in the data dir. An ID
    /// is letters and digits; anything else is replaced so no path can escape the folder.
    #[must_use]
    pub fn path_of(data_dir: &Path, id: &CableId) -> PathBuf {
        let safe: String = id
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        data_dir.join(CORRECTIONS_DIR).join(format!("{safe}.ann"))
    }

    /// The overlay file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The corrections, oldest first.
    #[must_use]
    pub fn list(&self) -> &[Correction] {
        &self.list
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Adds a correction (not saved until [`Corrections::save`]).
    pub fn push(&mut self, correction: Correction) {
        self.list.push(correction);
    }

    /// Takes back the last correction (not saved until [`Corrections::save`]).
    pub fn undo(&mut self) -> Option<Correction> {
        self.list.pop()
    }

    /// Writes the overlay atomically (a crash leaves the old file or the new one); an
    /// empty list removes it.
    pub fn save(&self) -> Result<(), CorrectionsError> {
        let shown = crate::sanitize::path(&self.path);
        let failed = |source| CorrectionsError::Io {
            file: shown.clone(),
            action: "cannot write",
            source,
        };
        if self.list.is_empty() {
            return match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(failed(e)),
                _ => Ok(()),
            };
        }
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(failed)?;
        }
        crate::atomic_file::write(&self.path, format::render(&self.list).as_bytes()).map_err(failed)
    }
}

/// Every overlay in `data_dir`: the cable ID and its corrections, by ID.
pub fn all(data_dir: &Path) -> Result<Vec<(CableId, Corrections)>, CorrectionsError> {
    let dir = data_dir.join(CORRECTIONS_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut ids: Vec<CableId> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".ann")
                .map(CableId::new)
        })
        .collect();
    ids.sort();
    ids.into_iter()
        .map(|id| Corrections::load(data_dir, &id).map(|c| (id, c)))
        .collect()
}
