//! A folder of exported cables: one file (brat: two) per cable named by its reference ID
//! ([`super::Stems`]), the folder created with the first file, and for brat the
//! configuration files completed with the entity kinds the cables used.

use super::Format;
use super::brat::Kinds;
use crate::cable::CableId;
use crate::sanitize::path as shown;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why the folder could not be written.
#[derive(Debug, Error)]
pub enum FolderError {
    /// The destination is a file.
    #[error("{}: is a file, expected a directory for --out", shown(.0))]
    NotADirectory(PathBuf),
    /// The folder cannot be created.
    #[error("{}: cannot create directory: {}", shown(.0), .1)]
    Create(PathBuf, std::io::Error),
    /// A file cannot be written.
    #[error("{}: cannot write: {}", shown(.0), .1)]
    Write(PathBuf, std::io::Error),
    /// A brat configuration file there cannot be read (so is not overwritten).
    #[error("{}: cannot read: {}", shown(.0), .1)]
    Read(PathBuf, std::io::Error),
}

/// A brat configuration file written at the end, and the entity types added to it.
#[derive(Debug)]
pub struct Conf {
    /// Where it was written.
    pub path: PathBuf,
    /// The types it did not declare before, for a warning (empty for a new file).
    pub added: Vec<String>,
}

/// The folder, created when the first file is written.
#[derive(Debug)]
pub struct Folder {
    path: PathBuf,
    format: Format,
    stems: super::Stems,
    /// The entity kinds the cables used, for brat's configuration.
    kinds: Kinds,
    /// brat's configuration files as the folder held them before the export.
    confs: Vec<(&'static str, String)>,
    created: bool,
}

impl Folder {
    /// The folder at `path` for cables in `format`.
    ///
    /// # Errors
    /// When `path` is a file, or a brat configuration there cannot be read.
    pub fn new(path: &Path, format: Format) -> Result<Self, FolderError> {
        if path.is_file() {
            return Err(FolderError::NotADirectory(path.to_path_buf()));
        }
        let confs = if format == Format::Brat {
            existing_confs(path)?
        } else {
            Vec::new()
        };
        Ok(Self {
            path: path.to_path_buf(),
            format,
            stems: super::Stems::default(),
            kinds: Kinds::default(),
            confs,
            created: false,
        })
    }

    /// Writes one cable's files (`export::contents`), named by its ID, else `fallback`;
    /// returns their paths.
    ///
    /// # Errors
    /// When the folder or a file cannot be written.
    pub fn put(
        &mut self,
        id: Option<&CableId>,
        fallback: Option<&str>,
        files: Vec<(&'static str, String)>,
        kinds: Option<Kinds>,
    ) -> Result<Vec<PathBuf>, FolderError> {
        let stem = self.stems.next(id, fallback);
        let mut written = Vec::with_capacity(files.len());
        for (extension, contents) in files {
            written.push(self.write(&format!("{stem}.{extension}"), &contents)?);
        }
        if let Some(kinds) = kinds {
            self.kinds.extend(kinds);
        }
        Ok(written)
    }

    /// Writes a file of this name into the folder (never through a link or onto a
    /// special file, as [`crate::regular_file::write`] guards).
    ///
    /// # Errors
    /// When the folder or the file cannot be written.
    pub fn write(&mut self, name: &str, contents: &str) -> Result<PathBuf, FolderError> {
        if !self.created {
            std::fs::create_dir_all(&self.path)
                .map_err(|e| FolderError::Create(self.path.clone(), e))?;
            self.created = true;
        }
        let path = self.path.join(name);
        crate::regular_file::write(&path, contents.as_bytes())
            .map_err(|e| FolderError::Write(path.clone(), e))?;
        Ok(path)
    }

    /// Writes what ends the export: brat shows only the entity types its configuration
    /// declares, so the user's files are completed rather than overwritten or ignored.
    ///
    /// # Errors
    /// When a configuration file cannot be written.
    pub fn finish(&mut self) -> Result<Vec<Conf>, FolderError> {
        if self.format != Format::Brat {
            return Ok(Vec::new());
        }
        let confs = std::mem::take(&mut self.confs);
        let existing = |name: &str| {
            confs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| text.clone())
        };
        let mut written = Vec::new();
        for conf in super::brat::conf_files_of(&self.kinds, existing) {
            let path = self.write(conf.name, &conf.contents)?;
            written.push(Conf {
                path,
                added: conf.added,
            });
        }
        Ok(written)
    }
}

/// The brat configuration files `dir` holds already, read before anything is written:
/// one that exists but cannot be read stops the export rather than being overwritten.
fn existing_confs(dir: &Path) -> Result<Vec<(&'static str, String)>, FolderError> {
    let mut found = Vec::new();
    for name in ["annotation.conf", "visual.conf"] {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => found.push((name, text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(FolderError::Read(path, e)),
        }
    }
    Ok(found)
}
