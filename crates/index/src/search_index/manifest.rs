//! The commit payload: every file an update read, with its size and modification time,
//! so that the next update skips the unchanged and a cable opened is checked against it.

use super::IndexError;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::UNIX_EPOCH;
use tantivy::Index;

/// One file as the last commit saw it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(super) struct Seen {
    pub(super) size: u64,
    pub(super) modified_ns: u128,
    pub(super) cables: u64,
    /// Whether a cable of the file has no mentions of its own, so its entities came (or,
    /// with the tagger off, would come) from the tagger: another tagging setting must
    /// read it again.
    #[serde(default = "yes")]
    pub(super) tagged: bool,
}

/// An older manifest did not say: read the file again when the setting changes.
fn yes() -> bool {
    true
}

/// The commit payload.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Manifest {
    pub(super) files: BTreeMap<String, Seen>,
    /// The tagging the files were read with ([`setting`]), `None` before it was recorded.
    #[serde(default)]
    pub(super) tagging: Option<String>,
}

/// A tagging setting as the manifest records it: `off`, or `builtin` with the shipped
/// model's version, so a new model re-tags as a new setting does.
pub(super) fn setting(tagging: crate::cable::Tagging) -> String {
    match tagging {
        crate::cable::Tagging::Off => "off".to_string(),
        crate::cable::Tagging::Builtin => {
            format!("builtin: {}", crate::tagger::MODEL_VERSION.trim())
        }
    }
}

impl Manifest {
    /// The manifest of the last commit of `index`.
    pub(super) fn of(dir: &Path, index: &Index) -> Result<Self, IndexError> {
        let metas = index
            .load_metas()
            .map_err(|e| IndexError::from_tantivy(dir, e))?;
        match metas.payload.as_deref() {
            Some(text) => serde_json::from_str(text).map_err(|e| {
                IndexError::Corrupt(dir.to_path_buf(), format!("commit payload: {e}"))
            }),
            None => Ok(Self::default()),
        }
    }
}

/// A file's modification time in nanoseconds since 1970, 0 when unknown.
pub(super) fn modified_ns(metadata: &std::fs::Metadata) -> u128 {
    metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}
