//! Reading cables from disk (or the bundled sample), with errors that say what went wrong.

use crate::aliases::Aliases;
use crate::cable::side::{self, LabelMap};
use crate::cable::{self, Cable, ParseError, SideAnnotations, Tagging};
use crate::corrections::{Corrections, CorrectionsError, Everywhere};
use crate::regular_file::{self, Limit, Refusal, Special};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

pub mod corpus;
mod each;
pub mod release_csv;
mod skipped;
pub mod walk;

pub use corpus::{CorpusError, SideCorpus};
pub use each::load_paths_each;
pub use skipped::{Skipped, skipped_summary};

/// Why a path could not be opened as a cable.
#[derive(Debug, Error)]
pub enum LoadError {
    /// Nothing exists at the path.
    #[error("{}: no such file", crate::sanitize::path(.0))]
    Missing(PathBuf),
    /// The path is a directory where a file was expected.
    #[error("{}: is a directory, expected a cable file", crate::sanitize::path(.0))]
    Directory(PathBuf),
    /// The file exists but could not be read.
    #[error("{}: cannot read: {source}", crate::sanitize::path(path))]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file was read but could not be parsed.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The file was read but does not look like a cable (`README.md`, `/etc/os-release`).
    #[error("{}: {}", crate::sanitize::path(.0), NOT_A_CABLE)]
    NotACable(PathBuf),
    /// The cable's corrections file is corrupt.
    #[error(transparent)]
    Corrections(#[from] CorrectionsError),
    /// The collection's side file (`--annotations FILE.jsonl`) cannot be read.
    #[error(transparent)]
    Annotations(#[from] CorpusError),
}

/// Why a file is refused as not a cable: the same words whether it was named on the
/// command line or met in a folder.
pub const NOT_A_CABLE: &str = "not a cable: no reference ID in its name and no classification";

/// A file's name as the source view's title shows it: a CSV's with the byte its row
/// starts at.
#[must_use]
pub fn source_name(path: &Path, row: Option<u64>) -> String {
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

/// Whether a parsed file looks like a cable: a reference ID in its name or a
/// classification in its text. Every cable has one or the other; a README has neither.
#[must_use]
pub fn looks_like_a_cable(cable: &Cable) -> bool {
    cable.id.is_some() || cable.header.classification.is_some()
}

/// The bundled sample cable, parsed.
///
/// # Panics
/// Never in practice: the sample is checked by the test suite.
#[must_use]
pub fn sample() -> Cable {
    cable::parse(crate::SAMPLE, crate::SAMPLE_NAME).expect("the bundled sample parses")
}

/// How to load a cable: where its side-file annotations are, how to read their labels,
/// and how much of a file may be read.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// A side file of annotations (brat `.ann` or displaCy JSON); none looks beside the
    /// cable for `FILE.ann` / `FILE.ents.json` (see [`side_file_for`]).
    pub annotations: Option<PathBuf>,
    /// How the side file's labels map to entity kinds.
    pub labels: LabelMap,
    /// The most read of the cable, and of its side file (`max_file_mb`).
    pub limit: Limit,
    /// The user's aliases (`aliases.toml`), joining the spellings they list.
    pub aliases: Option<Arc<Aliases>>,
    /// The data dir whose corrections apply to the cable; none applies none.
    pub corrections: Option<PathBuf>,
    /// Whether a cable without annotations is tagged (`--tagger`, `tagger` in config).
    pub tagging: Tagging,
    /// The corrections for every cable and the names the aliases drop, applied before
    /// the cable's own corrections (which were made on a cable showing them).
    pub everywhere: Arc<Everywhere>,
    /// A collection's side file (`--annotations FILE.jsonl`): a cable with a document
    /// there, found by reference ID, takes its entities from it rather than from a side
    /// file beside it or the tagger.
    pub corpus: Option<Arc<SideCorpus>>,
}

impl From<Limit> for LoadOptions {
    fn from(limit: Limit) -> Self {
        Self {
            limit,
            ..Self::default()
        }
    }
}

impl LoadOptions {
    /// Applies the user's aliases and corrections (for every cable, then its own) to a
    /// cable just parsed.
    pub fn adjust(&self, mut cable: Cable) -> Result<Cable, LoadError> {
        let regrouped = self.everywhere.apply(&mut cable, self.aliases.as_deref());
        if let Some(dir) = &self.corrections
            && let Some(id) = cable.id.clone()
        {
            let corrections = Corrections::load(dir, &id).map_err(LoadError::Corrections)?;
            if !corrections.is_empty() {
                corrections.apply(&mut cable, self.aliases.as_deref());
                return Ok(cable);
            }
        }
        if !regrouped && let Some(aliases) = self.aliases.as_deref().filter(|a| !a.is_empty()) {
            cable::entities::regroup(&mut cable, Some(aliases));
        }
        Ok(cable)
    }
}

/// Reads and parses one cable file, with the annotations of a side file beside it if any.
pub fn load(path: &Path) -> Result<Cable, LoadError> {
    load_with(path, &LoadOptions::default())
}

/// Reads and parses one cable file with these options; a file with neither a reference
/// ID in its name nor a classification is [`LoadError::NotACable`].
pub fn load_with(path: &Path, options: &LoadOptions) -> Result<Cable, LoadError> {
    let side_path = match &options.annotations {
        Some(explicit) => Some(explicit.clone()),
        None => side_file_for(path),
    };
    load_with_side(path, side_path, options)
}

/// [`load_with`], the side file already found (or known to be absent).
fn load_with_side(
    path: &Path,
    side_path: Option<PathBuf>,
    options: &LoadOptions,
) -> Result<Cable, LoadError> {
    let bytes = read_file(path, options.limit)?;
    let shown = crate::sanitize::path(path);
    if let Some(corpus) = &options.corpus
        && let Some(document) = corpus::file_annotations(corpus, &shown)?
    {
        let document = SideAnnotations {
            annotations: &document,
            labels: &corpus.labels,
        };
        let cable =
            cable::parse_bytes_with_document(&bytes, &shown, Some(document), options.tagging)?;
        return checked(path, cable, options);
    }
    let annotations = match side_path {
        Some(side_path) => {
            let side_bytes = read_file(&side_path, options.limit)?;
            let text = String::from_utf8_lossy(&side_bytes);
            Some(side::read(&text, &crate::sanitize::path(&side_path)).map_err(ParseError::from)?)
        }
        None => None,
    };
    let side = annotations.as_ref().map(|annotations| SideAnnotations {
        annotations,
        labels: &options.labels,
    });
    let cable = cable::parse_bytes_with(&bytes, &shown, side, options.tagging)?;
    checked(path, cable, options)
}

/// The cable read from `path`, refused if it is none, with aliases and corrections.
fn checked(path: &Path, cable: Cable, options: &LoadOptions) -> Result<Cable, LoadError> {
    // Refused here rather than by each caller, so that the reader, `export`, `entities`
    // and a folder scan all turn a stray file away alike.
    if !looks_like_a_cable(&cable) {
        return Err(LoadError::NotACable(path.to_path_buf()));
    }
    options.adjust(cable)
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

/// Reads a cable or side file: a pipe, a device or a file past `limit` is
/// [`LoadError::Unreadable`] with the reason.
fn read_file(path: &Path, limit: Limit) -> Result<Vec<u8>, LoadError> {
    regular_file::read(path, limit).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            return LoadError::Missing(path.to_path_buf());
        }
        match regular_file::refusal(&source) {
            Some(Refusal::NotRegular(Special::Directory)) => {
                LoadError::Directory(path.to_path_buf())
            }
            _ => LoadError::Unreadable {
                path: path.to_path_buf(),
                source,
            },
        }
    })
}

/// The result of loading many paths: the cables, in path order, and what was skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Each cable with the file it came from.
    pub cables: Vec<(PathBuf, Cable)>,
    /// Files that could not be read or are not cables.
    pub skipped: Vec<Skipped>,
}

/// How far a load has come, reported while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files handled so far (loaded or skipped).
    pub done: usize,
    /// Files found in all.
    pub total: usize,
    /// Bytes read so far.
    pub bytes: u64,
    /// Time since the load began.
    pub elapsed: std::time::Duration,
}

impl Progress {
    /// Files per second so far (0 before any time has passed).
    #[must_use]
    pub fn rate(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.done as f64 / seconds
        } else {
            0.0
        }
    }
}

/// Loads files and directories (walked recursively, hidden entries skipped), parsing in
/// parallel on every core, each file read up to the default limit. Never stops on a bad
/// file: it goes to [`Loaded::skipped`].
#[must_use]
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let never = std::sync::atomic::AtomicBool::new(false);
    load_paths_with(paths, Limit::default(), &|_| {}, &never)
}

/// As [`load_paths`], reading no more than `limit` of a file, calling `on_progress` now
/// and then (from worker threads) and stopping early, with what was loaded so far, once
/// `cancel` is set.
pub fn load_paths_with(
    paths: &[PathBuf],
    limit: impl Into<LoadOptions>,
    on_progress: &(dyn Fn(Progress) + Sync),
    cancel: &std::sync::atomic::AtomicBool,
) -> Loaded {
    let (cables, skipped) = load_paths_map(paths, limit, on_progress, cancel, |path, cable| {
        (path, cable)
    });
    Loaded { cables, skipped }
}

/// The parallel load itself: each cable goes through `keep` on the worker that parsed
/// it, so a caller that keeps only a summary never holds every full cable at once.
/// Results come back in path order, with the skipped report.
pub fn load_paths_map<T: Send>(
    paths: &[PathBuf],
    options: impl Into<LoadOptions>,
    on_progress: &(dyn Fn(Progress) + Sync),
    cancel: &std::sync::atomic::AtomicBool,
    keep: impl Fn(PathBuf, Cable) -> T + Sync,
) -> (Vec<T>, Vec<Skipped>) {
    load_paths_located(paths, options, on_progress, cancel, |at, cable| {
        keep(at.path, cable)
    })
}

/// Where a cable was read from: a file of its own, or one row of a release CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// The byte offset of the cable's row, when the file is a release CSV
    /// ([`release_csv::read_at`] reads it again).
    pub row: Option<u64>,
}

/// As [`load_paths_map`], telling `keep` where each cable is: a release CSV (`.csv`)
/// gives one cable per row, read in order and parsed in parallel; its bad rows go to the
/// skipped report with their line.
pub fn load_paths_located<T: Send>(
    paths: &[PathBuf],
    options: impl Into<LoadOptions>,
    on_progress: &(dyn Fn(Progress) + Sync),
    cancel: &std::sync::atomic::AtomicBool,
    keep: impl Fn(Location, Cable) -> T + Sync,
) -> (Vec<T>, Vec<Skipped>) {
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    load_paths_each(
        paths,
        options,
        on_progress,
        cancel,
        keep,
        |result| match result {
            Ok(value) => kept.push(value),
            Err(skip) => skipped.push(skip),
        },
    );
    (kept, skipped)
}

/// The rows of one release CSV, read in batches and each batch parsed in parallel.
fn load_table<T: Send>(
    path: &Path,
    options: &LoadOptions,
    cancel: &std::sync::atomic::AtomicBool,
    on_bytes: &dyn Fn(u64),
    keep: &(impl Fn(Location, Cable) -> T + Sync),
    emit: &mut impl FnMut(Result<T, Skipped>),
) {
    use rayon::prelude::*;
    let skip_row = |line: u64, reason: String| Skipped::row(path, line, reason);
    let rows = match release_csv::open(path) {
        Ok(rows) => rows,
        Err(e) => return emit(Err(Skipped::file(path, format!("cannot read: {e}")))),
    };
    let name = crate::sanitize::path(path);
    let mut batch = Vec::with_capacity(512);
    let mut rows = rows.peekable();
    while rows.peek().is_some() {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        batch.clear();
        batch.extend(rows.by_ref().take(512));
        let size: u64 = batch.iter().flatten().map(|r| r.len).sum();
        let parsed: Vec<Result<T, Skipped>> = batch
            .par_drain(..)
            .map(|row| {
                let row = row.map_err(|e| skip_row(e.line, e.to_string()))?;
                let located = format!("{name}:{}", row.line);
                let cable = row_cable(&row.row, &located, options).map_err(|e| {
                    let message = e.to_string();
                    let reason = message
                        .strip_prefix(&format!("{located}: "))
                        .unwrap_or(&message);
                    skip_row(row.line, format!("line {}: {reason}", row.line))
                })?;
                // The user's aliases and corrections, as for a cable of its own file.
                let cable = options
                    .adjust(cable)
                    .map_err(|e| skip_row(row.line, format!("line {}: {e}", row.line)))?;
                let at = Location {
                    path: path.to_path_buf(),
                    row: Some(row.byte),
                };
                Ok(keep(at, cable))
            })
            .collect();
        parsed.into_iter().for_each(&mut *emit);
        on_bytes(size);
    }
}

/// The cable of a release CSV row (`name` names it in messages), with its document from
/// the collection's side file when `options` has one.
///
/// # Errors
/// When the row is no cable, or its document cannot be read again.
pub fn row_cable(
    row: &cable::release::ReleaseRow,
    name: &str,
    options: &LoadOptions,
) -> Result<Cable, LoadError> {
    match &options.corpus {
        Some(corpus) => corpus.row_cable(row, name, options.tagging),
        None => Ok(cable::release::cable(row, name, options.tagging)?),
    }
}

/// Loads one file; also returns its size for the progress report.
///
/// One limit holds whether the file was named or found in a folder, so a cable that
/// opens alone also opens in its folder; a bigger file is refused from its size alone,
/// before any of it is read, so a stray disk image costs nothing to skip.
fn load_one(file: &walk::Found, options: &LoadOptions) -> (Result<(PathBuf, Cable), Skipped>, u64) {
    let skip = |reason: String| Skipped::file(&file.path, reason);
    let size = std::fs::metadata(&file.path).map_or(0, |m| m.len());
    let side = match &file.side {
        walk::SideFile::Look => side_file_for(&file.path),
        walk::SideFile::Absent => None,
        walk::SideFile::At(side) => Some(side.clone()),
    };
    match load_with_side(&file.path, side, options) {
        Ok(cable) => (Ok((file.path.clone(), cable)), size),
        Err(e) => (Err(skip(reason_of(&file.path, &e))), size),
    }
}

/// The error without the leading path, which the skipped report shows in its own column.
/// Going through the message keeps this right when new error variants appear.
fn reason_of(path: &Path, error: &LoadError) -> String {
    let message = error.to_string();
    let prefix = format!("{}: ", crate::sanitize::path(path));
    message
        .strip_prefix(&prefix)
        .map_or_else(|| message.clone(), str::to_string)
}
