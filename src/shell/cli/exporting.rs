//! `cableview export`: each cable read, rendered, written and dropped in turn, so memory
//! stays flat whatever the input's size, as `entities` does.

use super::error::CliError;
use super::load::{load_annotated, names_a_directory, report_skipped};
use super::{shown, warn};
use crate::cable::{Cable, CableId, Warning};
use crate::export::folder::Folder;
use crate::export::{self, Format, Joiner, brat::Kinds};
use crate::input::{self, LoadOptions};
use crate::library::bundle::Picked;
use crate::library::{CableKey, Library};
use crate::sanitize::printable;
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// `cableview export`: the sample, one `--annotations` cable, named files (the first that
/// fails stops the export) or a collection (bad files skipped and counted).
pub(super) fn export_command(
    format: Format,
    out: Option<&Path>,
    annotations: Option<&Path>,
    paths: &[PathBuf],
    options: &LoadOptions,
) -> Result<(), CliError> {
    let (mut sink, to) = sink_for(format, out)?;
    let mut listing = Listing::new();
    if annotations.is_none() && names_a_directory(paths) {
        export_collection(to, paths, options, &mut sink, &mut listing)?;
    } else if annotations.is_none() && !paths.is_empty() {
        export_files(to, paths, options, &mut sink, &mut listing)?;
    } else {
        let cable = match annotations {
            Some(annotations) => load_annotated(paths, annotations, options)?,
            None => options.adjust(input::sample())?,
        };
        // Its warnings are out already (`load_annotated` says them).
        let path = paths.first().map(PathBuf::as_path);
        sink.write(to.render(&cable, path, false), &mut listing)?;
    }
    sink.finish(&mut listing)
}

/// Cables of a library (on a corpus index), one after another, each read (merged from
/// its files) when its turn comes: to standard output or one file each under `out`. A
/// cable that cannot be read is said and skipped; `Ok` holds how many were.
pub(super) fn export_picked(
    library: &Library,
    picked: &[Picked],
    format: Format,
    out: Option<&Path>,
) -> Result<usize, CliError> {
    let (mut sink, to) = sink_for(format, out)?;
    let mut listing = Listing::new();
    let mut unread = 0;
    for p in picked {
        match library.open(p.cable) {
            Ok(cable) => sink.write(to.render(&cable, None, false), &mut listing)?,
            Err(e) => {
                warn(&e.to_string());
                unread += 1;
            }
        }
        if sink.stopped(&listing) {
            break;
        }
    }
    sink.finish(&mut listing)?;
    Ok(unread)
}

/// Named files, one after another; a typo in any name is caught before anything is
/// written.
fn export_files(
    to: Target,
    paths: &[PathBuf],
    options: &LoadOptions,
    sink: &mut Sink,
    listing: &mut Listing,
) -> Result<(), CliError> {
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        return Err(input::LoadError::Missing(missing.clone()).into());
    }
    for path in paths {
        let cable = input::load_with(path, options)?;
        sink.write(to.render(&cable, Some(path), true), listing)?;
        if sink.stopped(listing) {
            break;
        }
    }
    Ok(())
}

/// Folders and release CSVs: parsed and rendered in parallel a batch at a time, written
/// in order; bad files skipped and counted; a closed standard output (`| head`) stops
/// the reading.
fn export_collection(
    to: Target,
    paths: &[PathBuf],
    options: &LoadOptions,
    sink: &mut Sink,
    listing: &mut Listing,
) -> Result<(), CliError> {
    let stop = AtomicBool::new(false);
    let mut skipped = Vec::new();
    let mut written = 0_usize;
    let mut failure = None;
    let shared = shared_files(paths, options);
    // Each file finds its own side file, as the load does.
    let each = LoadOptions {
        annotations: None,
        ..options.clone()
    };
    input::load_paths_each(
        paths,
        options.clone(),
        &|_| {},
        &stop,
        |at, cable| match shared.get(&at.path) {
            None => Some(to.render(&cable, Some(&at.path), true)),
            // The cable's first file writes it, its other files merged in.
            Some(files) if files[0] == at.path => {
                let merged = merge_with_others(cable, files, &each);
                Some(to.render(&merged, Some(&at.path), true))
            }
            Some(_) => None,
        },
        |result| match result {
            Err(skip) => skipped.push(skip),
            Ok(None) => {}
            Ok(_) if stop.load(Ordering::Relaxed) => {}
            Ok(Some(rendered)) => {
                written += 1;
                if let Err(e) = sink.write(rendered, listing) {
                    failure = Some(e);
                }
                if failure.is_some() || sink.stopped(listing) {
                    stop.store(true, Ordering::Relaxed);
                }
            }
        },
    );
    report_skipped(&skipped);
    if let Some(failure) = failure {
        return Err(failure);
    }
    if written == 0 {
        return Err(CliError::NoCable);
    }
    Ok(())
}

/// The files of the collection that share a reference ID with another (a cable's
/// annotated text and its page), each with its cable's files in walk order: found by a
/// first, lighter pass that keeps only each file's ID, so the export can write each cable
/// once, merged as the library merges it, without holding the collection. Rows of a
/// release CSV are not looked at: a release holds each cable once.
fn shared_files(paths: &[PathBuf], options: &LoadOptions) -> HashMap<PathBuf, Arc<Vec<PathBuf>>> {
    let files: Vec<PathBuf> = input::walk::files(paths, &mut Vec::new())
        .into_iter()
        .map(|found| found.path)
        .filter(|path| !input::release_csv::is_release_csv(path))
        .collect();
    if files.len() < 2 {
        return HashMap::new();
    }
    let mut by_key: HashMap<CableKey, Vec<PathBuf>> = HashMap::new();
    let mut order = Vec::new();
    input::load_paths_each(
        &files,
        options.clone(),
        &|_| {},
        &AtomicBool::new(false),
        |at, cable| (at.path, cable.id.as_deref().and_then(CableKey::from_id)),
        |result| {
            if let Ok((path, Some(key))) = result {
                let group = by_key.entry(key.clone()).or_default();
                if group.is_empty() {
                    order.push(key);
                }
                group.push(path);
            }
        },
    );
    let mut shared = HashMap::new();
    for key in order {
        let Some(group) = by_key.remove(&key).filter(|g| g.len() > 1) else {
            continue;
        };
        let group = Arc::new(group);
        for path in group.iter() {
            shared.insert(path.clone(), Arc::clone(&group));
        }
    }
    shared
}

/// The cable of a collection's first file of it, its other `files` read and merged in
/// as the library merges them; one that cannot be read again is a warning of the cable.
fn merge_with_others(first: Cable, files: &[PathBuf], options: &LoadOptions) -> Cable {
    let name = |path: &Path| {
        path.file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy()
            .into_owned()
    };
    let mut read = vec![(name(&files[0]), first)];
    let mut warnings = Vec::new();
    for path in &files[1..] {
        match input::load_with(path, options) {
            Ok(cable) => read.push((name(path), cable)),
            Err(e) => warnings.push(Warning {
                line: None,
                message: format!("another file of this cable could not be read: {e}"),
            }),
        }
    }
    let Some(mut merged) = crate::library::merge_files(read) else {
        unreachable!("the first file is there")
    };
    merged.warnings.extend(warnings);
    merged
}

/// What an export writes: the format, and whether into files under `--out`.
#[derive(Debug, Clone, Copy)]
struct Target {
    format: Format,
    files: bool,
}

impl Target {
    /// Makes a cable ready to write, on the thread that parsed it, so the cable can be
    /// dropped there; its warnings located at `path` when `warn`.
    fn render(self, cable: &Cable, path: Option<&Path>, warn: bool) -> Rendered {
        let warnings = match path.filter(|_| warn) {
            Some(path) => cable
                .warnings
                .iter()
                .map(|w| w.located(&shown(path)))
                .collect(),
            None => Vec::new(),
        };
        let output = if self.files {
            let kinds = (self.format == Format::Brat).then(|| {
                let mut kinds = Kinds::default();
                kinds.add(cable);
                kinds
            });
            Output::Files(export::contents(cable, self.format), kinds)
        } else {
            Output::Piece(export::piece(cable, self.format))
        };
        Rendered {
            warnings,
            id: cable.id.clone(),
            fallback: path
                .and_then(Path::file_stem)
                .map(|s| s.to_string_lossy().into_owned()),
            output,
        }
    }
}

/// One cable ready to write.
struct Rendered {
    /// What reading the cable noticed, each after its file.
    warnings: Vec<String>,
    /// The reference ID, which names the files under `--out`...
    id: Option<CableId>,
    /// ... else the input file's stem.
    fallback: Option<String>,
    output: Output,
}

enum Output {
    /// The cable's part of the standard output.
    Piece(String),
    /// The files under `--out`, by extension, and for brat the entity kinds they use.
    Files(Vec<(&'static str, String)>, Option<Kinds>),
}

/// Where the export goes.
enum Sink {
    /// One stream on standard output.
    Stdout(Joiner),
    /// Files in a directory, listed on standard output.
    Dir(Folder),
}

impl Sink {
    fn write(&mut self, rendered: Rendered, listing: &mut Listing) -> Result<(), CliError> {
        for warning in &rendered.warnings {
            warn(warning);
        }
        match (self, rendered.output) {
            (Self::Stdout(joiner), Output::Piece(piece)) => {
                let text = joiner.next(piece)?;
                listing.put(&text)
            }
            (Self::Dir(dir), Output::Files(files, kinds)) => {
                let paths = dir.put(
                    rendered.id.as_ref(),
                    rendered.fallback.as_deref(),
                    files,
                    kinds,
                )?;
                for path in paths {
                    listing.put(&format!("{}\n", shown(&path)))?;
                }
                Ok(())
            }
            // `Target` renders for the sink it was made with.
            _ => Ok(()),
        }
    }

    /// Whether writing on is pointless: standard output was closed.
    fn stopped(&self, listing: &Listing) -> bool {
        matches!(self, Self::Stdout(_)) && listing.closed
    }

    /// Writes what ends the export: a list's end, brat's configuration.
    fn finish(self, listing: &mut Listing) -> Result<(), CliError> {
        match self {
            Self::Stdout(joiner) => listing.put(&joiner.finish())?,
            Self::Dir(mut dir) => {
                // brat's configuration, completed with the kinds the cables used.
                for conf in dir.finish()? {
                    if !conf.added.is_empty() {
                        warn(&format!(
                            "{}: added {}",
                            shown(&conf.path),
                            conf.added.join(", ")
                        ));
                    }
                    listing.put(&format!("{}\n", shown(&conf.path)))?;
                }
            }
        }
        listing.flush()
    }
}

/// Standard output, buffered, control characters made visible like every command's
/// output; once the reader closes it (`| head`), the rest is dropped without an error.
struct Listing {
    out: BufWriter<std::io::StdoutLock<'static>>,
    closed: bool,
}

impl Listing {
    fn new() -> Self {
        Self {
            out: BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
            closed: false,
        }
    }

    fn put(&mut self, text: &str) -> Result<(), CliError> {
        if self.closed {
            return Ok(());
        }
        let written = self.out.write_all(printable(text).as_bytes());
        self.settle(written)
    }

    fn flush(&mut self) -> Result<(), CliError> {
        if self.closed {
            return Ok(());
        }
        let flushed = self.out.flush();
        self.settle(flushed)
    }

    fn settle(&mut self, result: std::io::Result<()>) -> Result<(), CliError> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(CliError::Write(e)),
            Ok(()) => Ok(()),
        }
    }
}

/// Where an export goes: standard output, or one file a cable under `out`.
fn sink_for(format: Format, out: Option<&Path>) -> Result<(Sink, Target), CliError> {
    let sink = match out {
        None => Sink::Stdout(Joiner::new(format)?),
        Some(dir) => Sink::Dir(Folder::new(dir, format)?),
    };
    let to = Target {
        format,
        files: out.is_some(),
    };
    Ok((sink, to))
}
