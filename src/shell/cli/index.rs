//! `cableview index`: the corpus index built or updated from the command line.

use super::{Failure, load::report_skipped, shown};
use crate::search_index::{self, IndexError, IndexProgress};
use crate::shell::paths::Paths;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The exit status of an update stopped by Ctrl-C, as shells report SIGINT.
const INTERRUPTED: u8 = 130;

/// The index folder: `--index`, else the data dir's.
pub(super) fn index_dir(given: Option<&Path>) -> Result<PathBuf, Failure> {
    match given {
        Some(dir) => Ok(dir.to_path_buf()),
        None => Paths::from_env().index_dir().ok_or_else(|| {
            Failure::from("no data dir known for the default index: give --index DIR".to_string())
        }),
    }
}

pub(super) fn failure(error: &IndexError) -> Failure {
    Failure::from(error.to_string())
}

/// `cableview index [--index DIR] PATH...`.
pub(super) fn index_command(given: Option<&Path>, paths: &[PathBuf]) -> Result<(), Failure> {
    let dir = index_dir(given)?;
    let cancel = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        // Ctrl-C stops reading; what is done is committed, the last commit stays whole.
        let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&cancel));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGTERM, Arc::clone(&cancel));
    }
    let meter = Meter::new(std::io::stderr().is_terminal());
    let report = search_index::update(&dir, paths, &|p| meter.show(p), &cancel);
    meter.finish();
    let report = report.map_err(|e| failure(&e))?;
    report_skipped(&report.skipped);
    let summary = format!(
        "{}: {} cables added, {} unchanged, {} removed, {} skipped\n",
        shown(&dir),
        report.added,
        report.unchanged,
        report.removed,
        report.skipped.len()
    );
    if report.interrupted {
        eprint!("{}", crate::sanitize::printable(&summary));
        return Err(Failure {
            message: "interrupted: the work done is committed; run the same command to go on"
                .into(),
            code: INTERRUPTED,
        });
    }
    eprint!("{}", crate::sanitize::printable(&summary));
    Ok(())
}

/// Progress on standard error: one line redrawn on a terminal, a line every ten
/// seconds otherwise (a log keeps each).
struct Meter {
    terminal: bool,
    last: std::sync::Mutex<f64>,
}

impl Meter {
    fn new(terminal: bool) -> Self {
        Self {
            terminal,
            last: std::sync::Mutex::new(0.0),
        }
    }

    fn show(&self, p: IndexProgress) {
        let Ok(mut last) = self.last.lock() else {
            return;
        };
        let every = if self.terminal { 0.2 } else { 10.0 };
        if p.seconds - *last < every {
            return;
        }
        *last = p.seconds;
        let rate = p.bytes as f64 / p.seconds.max(1e-3) / 1e6;
        let left = p.total_bytes.saturating_sub(p.bytes) as f64 / 1e6 / rate.max(1e-3);
        let line = format!(
            "indexing: {} cables, {:.0}/{:.0} MB, {rate:.1} MB/s, ETA {}",
            p.cables,
            p.bytes as f64 / 1e6,
            p.total_bytes as f64 / 1e6,
            duration(left)
        );
        if self.terminal {
            eprint!("\r{line}\x1b[K");
        } else {
            eprintln!("{line}");
        }
    }

    fn finish(&self) {
        if self.terminal {
            eprint!("\r\x1b[K");
        }
    }
}

fn duration(seconds: f64) -> String {
    let s = seconds.round() as u64;
    if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}
