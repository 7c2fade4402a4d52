//! `cableview index` and `cableview search`: the corpus index from the command line.

use super::{Failure, load::report_skipped, shown, write_out};
use crate::sanitize::visible;
use crate::search_index::{self, Hit, IndexError, IndexProgress, SearchIndex};
use crate::shell::paths::Paths;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The exit status of an update stopped by Ctrl-C, as shells report SIGINT.
const INTERRUPTED: u8 = 130;

/// The index folder: `--index`, else the data dir's.
fn index_dir(given: Option<&Path>) -> Result<PathBuf, Failure> {
    match given {
        Some(dir) => Ok(dir.to_path_buf()),
        None => Paths::from_env().index_dir().ok_or_else(|| {
            Failure::from("no data dir known for the default index: give --index DIR".to_string())
        }),
    }
}

fn failure(error: &IndexError) -> Failure {
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
        // Files and rows counted apart: a CSV's bad row is no skipped file.
        if report.skipped.is_empty() {
            "0".to_string()
        } else {
            crate::input::skipped_summary(&report.skipped)
        }
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

/// `cableview search [--index DIR] [--json] [--limit N] QUERY`.
pub(super) fn search_command(
    given: Option<&Path>,
    json: bool,
    limit: usize,
    query: &str,
) -> Result<(), Failure> {
    let dir = index_dir(given)?;
    let index = SearchIndex::open(&dir).map_err(|e| failure(&e))?;
    let hits = index.search(query, limit).map_err(|e| match e {
        IndexError::Query(q) => Failure::from(format!(
            "query error at column {}: {}\n  {}\n  {}^",
            q.column,
            q.message,
            visible(query),
            " ".repeat(q.column.saturating_sub(1))
        )),
        other => failure(&other),
    })?;
    if json {
        let mut out = String::new();
        for hit in &hits {
            out.push_str(&json_line(hit));
            out.push('\n');
        }
        return write_out(&out).map_err(Failure::from);
    }
    let bold = std::io::stdout().is_terminal() && !crate::theme::no_color_env();
    write_marked(&hits.iter().map(|h| human(h, bold)).collect::<String>()).map_err(Failure::from)
}

/// One hit as a JSON line, its strings as [`crate::sanitize::json`] writes them: the
/// highlights, byte ranges, are moved to where they fall in the snippet as written.
fn json_line(hit: &Hit) -> String {
    let shown = |byte: usize| {
        hit.snippet
            .get(..byte)
            .map_or(byte, |before| crate::sanitize::printable(before).len())
    };
    let highlights: Vec<[usize; 2]> = hit
        .highlights
        .iter()
        .map(|r| [shown(r.start), shown(r.end)])
        .collect();
    let line = serde_json::json!({
        "id": hit.id,
        "score": hit.score,
        "date": hit.date,
        "origin": hit.origin,
        "classification": hit.classification,
        "subject": hit.subject,
        "snippet": hit.snippet,
        "highlights": highlights,
    });
    crate::sanitize::json::to_string(&line)
}

/// One hit for a reader: a line of columns, the subject, the snippet with its matches in
/// bold (on a terminal) or as they are (piped). The text is made visible before the bold
/// codes go in, so only cableview's own codes reach the terminal.
fn human(hit: &Hit, bold: bool) -> String {
    let clean = |s: &str| visible(&s.replace(['\n', '\t'], " ")).into_owned();
    let mut snippet = String::new();
    let mut at = 0;
    for range in &hit.highlights {
        if range.start < at || range.end > hit.snippet.len() {
            continue;
        }
        snippet.push_str(&clean(&hit.snippet[at..range.start]));
        if bold {
            snippet.push_str("\x1b[1m");
        }
        snippet.push_str(&clean(&hit.snippet[range.clone()]));
        if bold {
            snippet.push_str("\x1b[0m");
        }
        at = range.end;
    }
    snippet.push_str(&clean(&hit.snippet[at..]));
    let dash = |s: &Option<String>| s.as_deref().map_or_else(|| "-".to_string(), &clean);
    format!(
        "{}  {}  {}  {}  ({:.2})\n  {}\n  {}\n\n",
        clean(&hit.id),
        dash(&hit.date),
        dash(&hit.origin),
        dash(&hit.classification),
        hit.score,
        dash(&hit.subject),
        snippet.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// Writes text already made visible, with cableview's own bold codes in it.
fn write_marked(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}"))
        }
        _ => Ok(()),
    }
}
