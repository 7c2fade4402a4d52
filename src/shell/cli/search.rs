//! `cableview search`: the corpus index queried from the command line, its hits as text,
//! CSV or JSON lines, their number, or their facets. Exit status as grep's: 0 found,
//! 1 nothing found, 2 an error.

use super::args::SearchFormat;
use super::index::{failure, index_dir};
use super::{Failure, write_out};
use crate::cable::EntityKind;
use crate::export::rows::{self, ResultRow};
use crate::sanitize::visible;
use crate::search_index::{Facets, Hit, IndexError, SearchIndex, SearchOrder};
use crate::session::facets::{FacetsPane, Row};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// What `cableview search` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Output {
    /// The hits, in a format and order.
    Hits(SearchFormat, SearchOrder),
    /// How many cables match.
    Count,
    /// The facets of the cables found, as JSON or not.
    Facets { json: bool },
}

/// `cableview search [--index DIR] [--format F] [--sort S] [--count] [--facets] QUERY`.
pub(super) fn search_command(
    given: Option<&Path>,
    output: Output,
    limit: usize,
    query: &str,
) -> Result<(), Failure> {
    let errors = |e: IndexError| as_error(e, query);
    let dir = index_dir(given).map_err(|f| Failure { code: 2, ..f })?;
    let mut index = SearchIndex::open(&dir).map_err(errors)?;
    // `~qadhafi` searches the user's spelling group.
    let options = super::load::load_options().map_err(|f| Failure { code: 2, ..f })?;
    index.set_aliases(options.aliases);
    let nothing = || Failure {
        message: format!("no cable matches {}", visible(query)),
        code: 1,
    };
    match output {
        Output::Count => {
            let count = index.count(query).map_err(errors)?;
            write_out(&format!("{count}\n"))?;
            if count == 0 { Err(nothing()) } else { Ok(()) }
        }
        Output::Facets { json } => {
            let facets = index.facets(query).map_err(errors)?;
            if facets.total == 0 {
                return Err(nothing());
            }
            write_out(&if json {
                facets_json(&facets)
            } else {
                facets_text(facets)
            })?;
            Ok(())
        }
        Output::Hits(format, order) => {
            let hits = index.search_in_order(query, limit, order).map_err(errors)?;
            if hits.is_empty() {
                return Err(nothing());
            }
            match format {
                SearchFormat::Jsonl => {
                    let lines: String = hits.iter().map(|h| json_line(h) + "\n").collect();
                    write_out(&lines)?;
                }
                SearchFormat::Csv => write_out(&csv(&hits))?,
                SearchFormat::Text => {
                    let bold = std::io::stdout().is_terminal() && !crate::theme::no_color_env();
                    write_marked(&hits.iter().map(|h| human(h, bold)).collect::<String>())?;
                }
            }
            Ok(())
        }
    }
}

/// An error of the index or the query, exit status 2; a query error with a caret under
/// its column.
pub(super) fn as_error(error: IndexError, query: &str) -> Failure {
    let failure = match error {
        IndexError::Query(q) => Failure::from(format!(
            "query error at column {}: {}\n  {}\n  {}^",
            q.column,
            q.message,
            visible(query),
            " ".repeat(q.column.saturating_sub(1))
        )),
        other => failure(&other),
    };
    Failure { code: 2, ..failure }
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

/// The hits as CSV: [`crate::export::rows::COLUMNS`], the snippet on one line.
fn csv(hits: &[Hit]) -> String {
    let or_empty = |s: &Option<String>| s.as_deref().unwrap_or_default().to_string();
    let mut out = rows::header(true);
    for hit in hits {
        let (date, origin) = (or_empty(&hit.date), or_empty(&hit.origin));
        let (classification, subject) = (or_empty(&hit.classification), or_empty(&hit.subject));
        out.push_str(&rows::row(&ResultRow {
            id: &hit.id,
            date: &date,
            origin: &origin,
            classification: &classification,
            subject: &subject,
            score: Some(hit.score),
            snippet: Some(&hit.snippet),
        }));
    }
    out
}

/// The facets as the pane shows them: the number of cables, then each section's heading
/// and its values with their counts.
fn facets_text(facets: Facets) -> String {
    let total = facets.total;
    let pane = FacetsPane::new(facets);
    let width = pane
        .rows()
        .iter()
        .filter_map(|row| match row {
            Row::Value { name, .. } => Some(crate::sanitize::width(name)),
            Row::Heading(_) => None,
        })
        .max()
        .unwrap_or(0)
        .min(60);
    let cables = if total == 1 { "cable" } else { "cables" };
    let mut out = format!("{total} {cables}\n");
    for row in pane.rows() {
        match row {
            Row::Heading(section) => {
                let _ = writeln!(out, "{}", section.heading());
            }
            Row::Value { name, count, .. } => {
                let pad = width.saturating_sub(crate::sanitize::width(name));
                let _ = writeln!(out, "  {name}{}  {count:>7}", " ".repeat(pad));
            }
        }
    }
    out
}

/// The facets as one JSON object: `total`, then each section (`classification`,
/// `origin`, `year`, `tag`, `people`, `organisations`, `places`, `other`) as a list of
/// `{"value", "count"}`, most frequent first (years oldest first).
fn facets_json(facets: &Facets) -> String {
    let list = |values: &[(String, u64)]| -> serde_json::Value {
        values
            .iter()
            .map(|(value, count)| serde_json::json!({ "value": value, "count": count }))
            .collect()
    };
    let kind = |wanted: &EntityKind| {
        facets
            .entities
            .iter()
            .find(|(kind, _)| kind == wanted)
            .map_or_else(|| serde_json::json!([]), |(_, values)| list(values))
    };
    let object = serde_json::json!({
        "total": facets.total,
        "classification": list(&facets.classification),
        "origin": list(&facets.origin),
        "year": list(&facets.year),
        "tag": list(&facets.tag),
        "people": kind(&EntityKind::Per),
        "organisations": kind(&EntityKind::Org),
        "places": kind(&EntityKind::Loc),
        "other": kind(&EntityKind::Misc),
    });
    format!("{}\n", crate::sanitize::json::to_string(&object))
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
fn write_marked(text: &str) -> Result<(), super::CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(super::CliError::Write(e)),
        _ => Ok(()),
    }
}
