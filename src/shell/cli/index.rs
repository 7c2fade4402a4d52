//! `cableview index`: the corpus index built or updated from the command line.

use super::{Failure, load::report_skipped, shown, write_out};
use crate::sanitize::visible;
use crate::search_index::{self, IndexError, IndexProgress};
use crate::shell::paths::Paths;
use std::io::{IsTerminal, Write};
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

/// `cableview index [--index DIR] [--annotations FILE.jsonl] PATH...`.
pub(super) fn index_command(
    given: Option<&Path>,
    annotations: Option<&Path>,
    paths: &[PathBuf],
) -> Result<(), Failure> {
    let dir = index_dir(given)?;
    let options = super::load::load_options()?;
    let annotations = match annotations {
        Some(path) => Some(super::load::open_corpus(path, &options)?),
        None => None,
    };
    let cancel = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        // Ctrl-C stops reading; what is done is committed, the last commit stays whole.
        // A hang-up (the terminal closed, an ssh session dropped) and SIGTERM alike.
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            let _ = signal_hook::flag::register(signal, Arc::clone(&cancel));
        }
    }
    let meter = Meter::new(std::io::stderr().is_terminal());
    let reading = search_index::Reading {
        tagging: options.tagging,
        everywhere: options.everywhere,
        annotations,
    };
    let report = search_index::update_with(&dir, paths, &reading, &|p| meter.show(p), &cancel);
    meter.finish();
    let report = report.map_err(|e| failure(&e))?;
    report_skipped(&report.skipped);
    if let Some(retagged) = &report.retagged {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            crate::sanitize::printable(&format!(
                "the tagging changed since the last update (was `{}`, now `{}`): {} files whose entities came or would come from the tagger read again",
                retagged.before, retagged.now, retagged.files
            ))
        );
    }
    let summary = format!(
        "{}: {} {} added, {} unchanged, {} removed, {} skipped\n",
        shown(&dir),
        report.added,
        if report.added == 1 { "cable" } else { "cables" },
        report.unchanged,
        report.removed,
        // Files and rows counted apart: a CSV's bad row is no skipped file.
        if report.skipped.is_empty() {
            "0".to_string()
        } else {
            crate::input::skipped_summary(&report.skipped)
        }
    );
    // `write!`, not `eprint!`: after a hang-up there may be no terminal to say it on.
    let _ = write!(
        std::io::stderr(),
        "{}",
        crate::sanitize::printable(&summary)
    );
    if report.interrupted {
        return Err(Failure {
            message: "interrupted: the work done is committed; run the same command to go on"
                .into(),
            code: INTERRUPTED,
        });
    }
    Ok(())
}

/// `cableview index --check [--index DIR]`: the checksum of every file of the index;
/// the damaged ones named, and exit status 1, when there are any.
pub(super) fn check_command(given: Option<&Path>) -> Result<(), Failure> {
    let dir = index_dir(given)?;
    let checked = search_index::check(&dir).map_err(|e| failure(&e))?;
    if checked.damaged.is_empty() {
        return Ok(write_out(&format!(
            "{}: {} files checked, no damage found\n",
            shown(&dir),
            checked.files
        ))?);
    }
    let mut out = String::new();
    for damaged in &checked.damaged {
        out.push_str(&format!(
            "{}: {}\n",
            shown(&dir.join(&damaged.file)),
            visible(&damaged.why)
        ));
    }
    write_out(&out)?;
    Err(Failure::from(format!(
        "{}: {} of {} files damaged; delete the folder and run `cableview index` again",
        shown(&dir),
        checked.damaged.len(),
        checked.files
            + checked
                .damaged
                .iter()
                .filter(|d| d.why == "missing")
                .count()
    )))
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
            "{}: {} cables, {:.0}/{:.0} MB, {rate:.1} MB/s, ETA {}",
            if p.retagging {
                "indexing (re-tagging: the tagging changed)"
            } else {
                "indexing"
            },
            p.cables,
            p.bytes as f64 / 1e6,
            p.total_bytes as f64 / 1e6,
            duration(left)
        );
        // Not `eprint!`, which panics when standard error is gone (a terminal closed
        // under the update): the update goes on and commits.
        let _ = if self.terminal {
            write!(std::io::stderr(), "\r{line}\x1b[K")
        } else {
            writeln!(std::io::stderr(), "{line}")
        };
    }

    fn finish(&self) {
        if self.terminal {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
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
