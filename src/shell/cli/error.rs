//! Why a command failed, typed: each variant says what the user gave and what was
//! expected; [`super::Failure`] adds the exit status.

use crate::corrections::CorrectionsError;
use crate::export::ExportError;
use crate::export::folder::FolderError;
use crate::input::LoadError;
use thiserror::Error;

/// Why a command that reads, prints or exports cables stopped (exit status 1).
#[derive(Debug, Error)]
pub enum CliError {
    /// A cable, its side file or its corrections could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The export's format cannot be written where it was asked.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The `--out` folder could not be written.
    #[error(transparent)]
    Folder(#[from] FolderError),
    /// An overlay of corrections could not be read.
    #[error(transparent)]
    Corrections(#[from] CorrectionsError),
    /// Standard output could not be written (a closed pipe is not this).
    #[error("cannot write output: {0}")]
    Write(#[source] std::io::Error),
    /// A collection held no cable at all.
    #[error("no cable found in the given paths")]
    NoCable,
    /// `--annotations` names one cable's side file, and several files (or none) were given.
    #[error("--annotations applies to one cable; give exactly one FILE")]
    AnnotationsForOne,
    /// The reader was asked to open cables, and there were none.
    #[error("no cable to open")]
    NothingToOpen,
    /// The terminal could not be set up, drawn on or read.
    #[error("terminal error: {0}")]
    Terminal(#[source] std::io::Error),
    /// Corrections live in the data dir, and none is known.
    #[error("no data dir known, so no corrections")]
    NoDataDir,
}
