//! Reading cables from disk (or the bundled sample), with errors that say what went wrong.

use crate::cable::side::{self, LabelMap};
use crate::cable::{self, Cable, ParseError, SideAnnotations};
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

/// How to load a cable: where its side-file annotations are and how to read their labels.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// A side file of annotations (brat `.ann` or displaCy JSON); none looks beside the
    /// cable for `FILE.ann` / `FILE.ents.json` (see [`side_file_for`]).
    pub annotations: Option<PathBuf>,
    /// How the side file's labels map to entity kinds.
    pub labels: LabelMap,
}

/// Reads and parses one cable file, with the annotations of a side file beside it if any.
pub fn load(path: &Path) -> Result<Cable, LoadError> {
    load_with(path, &LoadOptions::default())
}

/// Reads and parses one cable file with these options.
pub fn load_with(path: &Path, options: &LoadOptions) -> Result<Cable, LoadError> {
    let bytes = read_file(path)?;
    let side_path = match &options.annotations {
        Some(explicit) => Some(explicit.clone()),
        None => side_file_for(path),
    };
    let annotations = match side_path {
        Some(side_path) => {
            let side_bytes = read_file(&side_path)?;
            let text = String::from_utf8_lossy(&side_bytes);
            Some(side::read(&text, &side_path.display().to_string()).map_err(ParseError::from)?)
        }
        None => None,
    };
    let side = annotations.as_ref().map(|annotations| SideAnnotations {
        annotations,
        labels: &options.labels,
    });
    Ok(cable::parse_bytes_with(
        &bytes,
        &path.display().to_string(),
        side,
    )?)
}

/// The side file beside a cable, if one exists: `FILE.ann` or `FILE.ents.json`, where FILE
/// is the cable's file name with or without its extension (`09STATE124636.html.ann`,
/// `09STATE124636.ann`).
#[must_use]
pub fn side_file_for(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or(name);
    [name, stem]
        .iter()
        .flat_map(|base| [format!("{base}.ann"), format!("{base}.ents.json")])
        .map(|candidate| path.with_file_name(candidate))
        .find(|candidate| candidate.is_file())
}

fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
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
    std::fs::read(path).map_err(|source| LoadError::Unreadable {
        path: path.to_path_buf(),
        source,
    })
}
