//! Building and updating an index from release CSVs, folders and files.
//!
//! Incremental: the last commit's payload lists every file read with its size and
//! modification time; a file unchanged since is not read again. A changed CSV is read
//! again, but only its rows whose hash the index does not hold are parsed; rows gone from
//! it are deleted. Work is committed every [`COMMIT_EVERY`] cables and at the end, so a
//! stop (Ctrl-C, a crash) loses at most the work since the last commit, which tantivy
//! keeps intact.

mod files;
mod group;
mod table;

pub(super) use group::{parts_of, shown_name};

use super::IndexError;
use super::manifest::{Manifest, Seen, modified_ns, setting};
use super::schema::{self, Fields};
use crate::cable::Tagging;
use crate::corrections::Everywhere;
use crate::input::{SideCorpus, Skipped, release_csv, walk};
use crate::regular_file::Limit;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

/// Cables added between two commits.
pub const COMMIT_EVERY: usize = 50_000;
/// Rows or files parsed together, in parallel.
const BATCH: usize = 512;
/// The writer's memory, shared by its threads.
const WRITER_HEAP: usize = 400 << 20;

/// How far an update has come.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndexProgress {
    /// Cables looked at (added or unchanged).
    pub cables: u64,
    /// Bytes of input read so far.
    pub bytes: u64,
    /// Bytes of input in all (files to read; unchanged ones are not counted).
    pub total_bytes: u64,
    /// Seconds since the update began.
    pub seconds: f64,
    /// Whether files are read again because the tagging setting (or the tagger's model)
    /// changed since they were indexed.
    pub retagging: bool,
}

/// What an update did.
#[derive(Debug, Default)]
pub struct Report {
    /// Cables parsed and added (or replaced).
    pub added: u64,
    /// Cables not parsed again: their file or row had not changed.
    pub unchanged: u64,
    /// Cables removed: their row or file is gone.
    pub removed: u64,
    /// Files and rows not indexed, and why.
    pub skipped: Vec<Skipped>,
    /// Stopped by the cancel flag: what was done is committed, the rest is not.
    pub interrupted: bool,
    /// When the tagging setting or the tagger's model changed since the last update:
    /// the setting before and now (`off`, `builtin: <model version>`), and how many
    /// files whose entities came or would come from the tagger are read again.
    pub retagged: Option<Retagged>,
}

/// The files an update read again because the tagging changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retagged {
    /// The setting the index was built with.
    pub before: String,
    /// The setting now.
    pub now: String,
    /// Files read again for it (unchanged otherwise).
    pub files: u64,
}

/// Builds the index in `dir` (created if missing) or brings it up to date with `paths`.
///
/// # Errors
/// When the folder cannot hold an index: not writable, locked by another writer, corrupt,
/// or holding other files. Bad input files are [`Report::skipped`], not errors.
pub fn update(
    dir: &Path,
    paths: &[PathBuf],
    on_progress: &(dyn Fn(IndexProgress) + Sync),
    cancel: &AtomicBool,
) -> Result<Report, IndexError> {
    update_tagged(dir, paths, Tagging::Builtin, on_progress, cancel)
}

/// [`update`], cables without annotations tagged as `tagging` says.
///
/// # Errors
/// As [`update`].
pub fn update_tagged(
    dir: &Path,
    paths: &[PathBuf],
    tagging: Tagging,
    on_progress: &(dyn Fn(IndexProgress) + Sync),
    cancel: &AtomicBool,
) -> Result<Report, IndexError> {
    update_with(
        dir,
        paths,
        &Reading {
            tagging,
            ..Reading::default()
        },
        on_progress,
        cancel,
    )
}

/// How an update reads the cables it parses: what tags those without annotations, the
/// user's corrections for every cable (and the names the aliases drop), and a
/// collection's side file, whose documents take the tagger's place. They apply to the
/// cables parsed now: a row or file unchanged since the last update is not read again.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// Whether cables without annotations of their own are tagged.
    pub tagging: Tagging,
    /// Corrections for every cable, applied so facets and `per:` agree with the reader.
    pub everywhere: Arc<Everywhere>,
    /// `--annotations FILE.jsonl`: a cable with a document there takes its entities from it.
    pub annotations: Option<Arc<SideCorpus>>,
}

/// [`update`], cables read as `reading` says.
///
/// # Errors
/// As [`update`].
pub fn update_with(
    dir: &Path,
    paths: &[PathBuf],
    reading: &Reading,
    on_progress: &(dyn Fn(IndexProgress) + Sync),
    cancel: &AtomicBool,
) -> Result<Report, IndexError> {
    let index = super::folder::open_or_create(dir)?;
    // An older cableview's index is refused before anything is written: its documents
    // lack fields this one writes, and an index must not mix the two.
    let fields = super::fields_in(dir, &index)?;
    let tantivy = |e| IndexError::from_tantivy(dir, e);
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let mut writer: IndexWriter = super::guard::guarded(dir, || {
        index
            .writer_with_num_threads(threads, WRITER_HEAP)
            .map_err(tantivy)
    })?;
    // Merging a damaged segment, or deleting from it, would spread the damage: nothing
    // is written to an index whose files fail their checksums.
    let checked = super::guard::guarded(dir, || super::check::checksums(dir, &index))?;
    if !checked.damaged.is_empty() {
        return Err(IndexError::Corrupt(
            dir.to_path_buf(),
            super::check::listed(&checked.damaged),
        ));
    }
    let mut manifest = Manifest::of(dir, &index)?;
    let now = setting(reading.tagging);
    // Another setting (or model) than the files were read with: those whose entities
    // came, or would come, from the tagger are read again.
    let retag = match &manifest.tagging {
        Some(before) if *before != now => Some(before.clone()),
        None if !manifest.files.is_empty() => Some("unrecorded".to_string()),
        _ => None,
    };
    manifest.tagging = Some(now.clone());
    let mut job = Job {
        dir,
        index: &index,
        fields,
        writer: &mut writer,
        report: Report::default(),
        since_commit: 0,
        started: Instant::now(),
        bytes: 0,
        total_bytes: 0,
        cables: 0,
        on_progress,
        cancel,
        tagging: reading.tagging,
        retagging: retag.is_some(),
        everywhere: Arc::clone(&reading.everywhere),
        annotations: reading.annotations.clone(),
        groups: group::Groups::start(&index, fields).map_err(|e| super::damaged(dir, e))?,
    };
    let mut skipped = Vec::new();
    let files = walk::files(paths, &mut skipped);
    job.report.skipped = skipped;
    let mut work = Vec::new();
    let mut seen_now = HashSet::new();
    let mut retagged = 0u64;
    for file in files {
        let name = source_name(&file.path);
        seen_now.insert(name.clone());
        let Ok(metadata) = std::fs::metadata(&file.path) else {
            job.skip(&file.path, "cannot read its size".into());
            continue;
        };
        let mut seen = Seen {
            size: metadata.len(),
            modified_ns: modified_ns(&metadata),
            cables: 0,
            tagged: false,
        };
        match manifest.files.get(&name) {
            Some(old) if old.size == seen.size && old.modified_ns == seen.modified_ns => {
                if retag.is_some() && old.tagged {
                    retagged += 1;
                    job.total_bytes += seen.size;
                    // Every row of a CSV read again, not only those whose hash changed.
                    seen.tagged = true;
                    work.push((file, name, seen, true));
                } else {
                    job.report.unchanged += old.cables;
                    job.cables += old.cables;
                }
            }
            _ => {
                job.total_bytes += seen.size;
                work.push((file, name, seen, false));
            }
        }
    }
    // Files the manifest lists under a folder given now, but no longer there.
    let roots: Vec<String> = paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| source_name(p))
        .collect();
    let gone: Vec<String> = manifest
        .files
        .keys()
        .filter(|name| {
            !seen_now.contains(*name) && roots.iter().any(|r| name.starts_with(&format!("{r}/")))
        })
        .cloned()
        .collect();
    for name in gone {
        if let Some(old) = manifest.files.remove(&name) {
            job.writer
                .delete_term(Term::from_field_text(fields.source, &name));
            // A file of a cable held in others too: the cable stays, made of those.
            if !job.groups.dropped_source(&name) {
                job.report.removed += old.cables;
            }
        }
    }
    let (tables, singles): (Vec<_>, Vec<_>) = work
        .into_iter()
        .partition(|(f, _, _, _)| release_csv::is_release_csv(&f.path));
    let singles: Vec<_> = singles
        .into_iter()
        .map(|(f, name, seen, _)| (f, name, seen))
        .collect();
    job.report.retagged = retag.map(|before| Retagged {
        before,
        now,
        files: retagged,
    });
    for chunk in singles.chunks(BATCH) {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        let done = job.add_files(chunk)?;
        for (name, seen) in done {
            manifest.files.insert(name, seen);
        }
        job.maybe_commit(&manifest)?;
    }
    for (file, name, mut seen, again) in tables {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        if again {
            // Its rows are all parsed again: none is kept by its hash.
            job.writer
                .delete_term(Term::from_field_text(fields.source, &name));
            job.groups.dropped_source(&name);
        }
        job.groups.reread(&name);
        let was_tagged = manifest.files.get(&name).is_some_and(|old| old.tagged) && !again;
        if let Some((cables, tagged)) = job.add_table(&file.path, &name, &manifest, again)? {
            seen.cables = cables;
            seen.tagged = tagged || was_tagged;
            manifest.files.insert(name, seen);
        }
    }
    job.report.interrupted = cancel.load(Ordering::Relaxed);
    job.commit(&manifest)?;
    let mut report = std::mem::take(&mut job.report);
    writer.wait_merging_threads().map_err(tantivy)?;
    // Counted in cables, not files: a cable held in two files is one document.
    let held = index.reader().map_err(tantivy)?.searcher().num_docs();
    report.unchanged = held.saturating_sub(report.added);
    Ok(report)
}

/// How the manifest and the documents name a file: its canonical path.
fn source_name(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// A hash of a file's name, the key its one document is replaced by.
fn file_key(name: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in name.as_bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

struct Job<'a> {
    dir: &'a Path,
    index: &'a Index,
    fields: Fields,
    writer: &'a mut IndexWriter,
    report: Report,
    since_commit: usize,
    started: Instant,
    bytes: u64,
    total_bytes: u64,
    cables: u64,
    on_progress: &'a (dyn Fn(IndexProgress) + Sync),
    cancel: &'a AtomicBool,
    tagging: Tagging,
    retagging: bool,
    everywhere: Arc<Everywhere>,
    annotations: Option<Arc<SideCorpus>>,
    groups: group::Groups,
}

impl Job<'_> {
    fn skip(&mut self, path: &Path, reason: String) {
        self.report.skipped.push(Skipped::file(path, reason));
    }

    fn skip_row(&mut self, path: &Path, line: u64, reason: String) {
        self.report.skipped.push(Skipped::row(path, line, reason));
    }

    fn progress(&self) {
        (self.on_progress)(IndexProgress {
            cables: self.cables,
            bytes: self.bytes,
            total_bytes: self.total_bytes,
            seconds: self.started.elapsed().as_secs_f64(),
            retagging: self.retagging,
        });
    }

    /// Adds the document of a cable read from one file; files of one cable are merged
    /// into one document before the next commit ([`group`]).
    fn add(&mut self, doc: TantivyDocument, id: &str, part: group::Part) -> Result<(), IndexError> {
        // Only a writer whose threads died refuses a document; commit reports that.
        let _ = self.writer.add_document(doc);
        let first = self
            .groups
            .added(id, part)
            .map_err(|e| IndexError::from_tantivy(self.dir, e))?;
        if first {
            self.report.added += 1;
            self.cables += 1;
        }
        self.since_commit += 1;
        Ok(())
    }

    /// Deletes the documents holding the file or row of key `key`.
    fn drop_key(&mut self, key: u64) {
        self.writer
            .delete_term(Term::from_field_u64(self.fields.key, key));
        self.groups.dropped_key(key);
    }

    /// How files and rows are read: `with_everywhere` for a file, whose loading applies
    /// the corrections for every cable (a row's are applied after).
    fn options(&self, with_everywhere: bool) -> crate::input::LoadOptions {
        crate::input::LoadOptions {
            limit: Limit::default(),
            tagging: self.tagging,
            everywhere: if with_everywhere {
                Arc::clone(&self.everywhere)
            } else {
                Arc::default()
            },
            corpus: self.annotations.clone(),
            ..Default::default()
        }
    }

    fn maybe_commit(&mut self, manifest: &Manifest) -> Result<(), IndexError> {
        if self.since_commit >= COMMIT_EVERY {
            self.commit(manifest)?;
        }
        Ok(())
    }

    /// Commits the documents added so far with the manifest of the files finished.
    fn commit(&mut self, manifest: &Manifest) -> Result<(), IndexError> {
        self.settle()?;
        let payload = serde_json::to_string(manifest).unwrap_or_default();
        let mut prepared = self
            .writer
            .prepare_commit()
            .map_err(|e| IndexError::from_tantivy(self.dir, e))?;
        prepared.set_payload(&payload);
        prepared
            .commit()
            .map_err(|e| IndexError::from_tantivy(self.dir, e))?;
        self.since_commit = 0;
        Ok(())
    }
}
