//! Reading cables from disk (or the bundled sample), with errors that say what went wrong.

use crate::cable::{self, Cable, ParseError};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a path could not be opened as a cable.
#[derive(Debug, Error)]
pub enum LoadError {
    /// Nothing exists at the path.
    #[error("{0}: no such file")]
    Missing(PathBuf),
    /// The path is a directory where a file was expected.
    #[error("{0}: is a directory, expected a cable file")]
    Directory(PathBuf),
    /// The file exists but could not be read.
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file was read but is not a cable.
    #[error(transparent)]
    Parse(#[from] ParseError),
}

/// The bundled sample cable, parsed.
///
/// # Panics
/// Never in practice: the sample is checked by the test suite.
#[must_use]
pub fn sample() -> Cable {
    cable::parse(crate::SAMPLE, crate::SAMPLE_NAME).expect("the bundled sample parses")
}

/// Reads and parses one cable file.
pub fn load(path: &Path) -> Result<Cable, LoadError> {
    let metadata = std::fs::metadata(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => LoadError::Missing(path.to_path_buf()),
        _ => LoadError::Unreadable {
            path: path.to_path_buf(),
            source,
        },
    })?;
    if metadata.is_dir() {
        return Err(LoadError::Directory(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(cable::parse_bytes(&bytes, &path.display().to_string())?)
}
