//! Loading many paths as a stream: each cable handed on in path order as soon as its
//! batch is parsed, so a caller that writes each one out holds a batch, never the whole.

use super::{LoadOptions, Location, Progress, Skipped, load_one, load_table, walk};
use crate::cable::Cable;
use std::path::PathBuf;

/// How many files are parsed in parallel before they are handed on: enough to keep every
/// core busy, few enough that a batch of cables is small beside the whole.
const BATCH: usize = 512;

/// The parallel load itself, as [`super::load_paths_located`] but handing each result to
/// `emit`, in path order, batch by batch on the calling thread: walking errors first,
/// then the files, then each release CSV's rows. `keep` runs on the worker that parsed
/// the cable, so the cable can be turned into what `emit` needs (a summary, an export)
/// in parallel.
pub fn load_paths_each<T: Send>(
    paths: &[PathBuf],
    options: impl Into<LoadOptions>,
    on_progress: &(dyn Fn(Progress) + Sync),
    cancel: &std::sync::atomic::AtomicBool,
    keep: impl Fn(Location, Cable) -> T + Sync,
    mut emit: impl FnMut(Result<T, Skipped>),
) {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
    // Each file finds its own side file: a named one applies to one cable only.
    let options = LoadOptions {
        annotations: None,
        ..options.into()
    };
    let start = std::time::Instant::now();
    let mut skipped = Vec::new();
    let files = walk::files(paths, &mut skipped);
    skipped.into_iter().map(Err).for_each(&mut emit);
    let total = files.len();
    let done = AtomicUsize::new(0);
    let bytes = AtomicU64::new(0);
    let report = |n: usize| {
        on_progress(Progress {
            done: n,
            total,
            bytes: bytes.load(Ordering::Relaxed),
            elapsed: start.elapsed(),
        });
    };
    report(0);
    // Report about a hundred times per load, and at least every 64 files.
    let step = (total / 100).clamp(1, 64);
    let (tables, singles): (Vec<walk::Found>, Vec<walk::Found>) = files
        .into_iter()
        .partition(|f| super::release_csv::is_release_csv(&f.path));
    for batch in singles.chunks(BATCH) {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        let results: Vec<Result<T, Skipped>> = batch
            .par_iter()
            .filter_map(|file| {
                if cancel.load(Ordering::Relaxed) {
                    return None;
                }
                let (result, size) = load_one(file, &options);
                let result = result.map(|(path, cable)| keep(Location { path, row: None }, cable));
                bytes.fetch_add(size, Ordering::Relaxed);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if n.is_multiple_of(step) || n == total {
                    report(n);
                }
                Some(result)
            })
            .collect();
        results.into_iter().for_each(&mut emit);
    }
    for table in tables {
        let on_rows = |rows: u64| {
            bytes.fetch_add(rows, Ordering::Relaxed);
            report(done.load(Ordering::Relaxed));
        };
        load_table(&table.path, &options, cancel, &on_rows, &keep, &mut emit);
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        report(n);
    }
}
