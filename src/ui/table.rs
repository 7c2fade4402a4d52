//! The table of cables: its title and filter line, the rows fitted to the width, the
//! snippet of the selected row and the facets pane on a corpus index, the status line.

use super::theme::{Theme, UiStyles};
use super::{grouped, truncate};
use crate::library::Column;
use crate::session::Session;
use crate::session::action::Action;
use crate::session::export::ExportPrompt;
use crate::session::table::columns::{self, Fitted};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The keys of the facets pane, while it has them.
fn facets_hint(browser: &Session) -> String {
    let key = |action| {
        browser
            .keymap()
            .library_key(&action)
            .map_or_else(|| "-".to_string(), |k| k.to_string())
    };
    format!(
        "facets: {} narrows (again: takes it out)  {} back to the table  {} hides them",
        key(Action::Open),
        key(Action::Cancel),
        key(Action::Facets)
    )
}

/// The export prompt's keys, while it is open: the table's are not the ones that work.
fn export_hint(browser: &Session, prompt: &ExportPrompt) -> String {
    let key = |action| {
        browser
            .keymap()
            .library_key(&action)
            .map_or_else(|| "-".to_string(), |k| k.to_string())
    };
    let (open, cancel) = (key(Action::Open), key(Action::Cancel));
    match prompt {
        ExportPrompt::What(_) => format!(
            "{}/{} move  {open} chooses  {cancel} closes",
            key(Action::Up),
            key(Action::Down)
        ),
        ExportPrompt::Folder { .. } => {
            format!("{open} exports  {cancel} closes  (no folder typed: the default)")
        }
        ExportPrompt::Overwrite { .. } => {
            "y writes over the files  any other key exports nothing".to_string()
        }
    }
}

/// `enter open  / filter  ...`: the first key of each action the table's status line
/// names, as the keymap binds them (an unbound action is left out), fitted to `width`:
/// what matters least goes first, and the help key, which lists them all, stays.
fn table_hint(browser: &Session, width: usize) -> String {
    // In the order shown, each with its rank in dropping (lowest goes first).
    const HINTS: [(Action, &str, u8); 10] = [
        (Action::Open, "open", 7),
        (Action::Filter, "filter", 6),
        (Action::Facets, "facets", 5),
        (Action::NextSort, "sort", 4),
        (Action::Reverse, "reverse", 1),
        (Action::NextClassification, "class", 3),
        (Action::PickTag, "tag", 5),
        (Action::Skipped, "skipped", 2),
        (Action::Help, "help", u8::MAX),
        (Action::Quit, "quit", 8),
    ];
    let keymap = browser.keymap();
    let mut hints: Vec<(String, u8)> = HINTS
        .iter()
        .filter_map(|(action, what, rank)| {
            let on_index = browser.table().searches_index();
            let what = match action {
                Action::Filter if on_index => "search",
                Action::Facets if !on_index => return None,
                _ => what,
            };
            Some((format!("{} {what}", keymap.library_key(action)?), *rank))
        })
        .collect();
    let line = |hints: &[(String, u8)]| {
        hints
            .iter()
            .map(|(h, _)| h.as_str())
            .collect::<Vec<_>>()
            .join("  ")
    };
    while crate::sanitize::width(&line(&hints)) > width && hints.len() > 1 {
        let least = hints
            .iter()
            .enumerate()
            .min_by_key(|(_, (_, rank))| *rank)
            .map(|(i, _)| i);
        if let Some(i) = least {
            hints.remove(i);
        }
    }
    line(&hints)
}

/// Draws the table's screen: each part where [`crate::session::layout::table`] puts it.
pub(super) fn table(browser: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let t = browser.table();
    let parts = t.layout(area);
    if let (Some(side), Some(facets)) = (parts.facets, t.facets()) {
        super::facets::FacetsView {
            pane: facets.pane(),
            theme,
            focused: facets.focused(),
        }
        .render(side, buf);
    }
    Line::from(truncate(&title(browser), area.width as usize))
        .style(theme.ui.title)
        .render(parts.title, buf);
    filter_line(t, &theme.ui, area.width).render(parts.filter, buf);
    if t.full_text().is_some() {
        snippet(browser, &theme.ui, parts.snippet, buf);
    }
    rows(browser, theme, parts.heading, parts.body, buf);
    let hint = browser.notice.clone().unwrap_or_else(|| {
        if let Some(prompt) = browser.export_prompt() {
            export_hint(browser, prompt)
        } else if t.facets_focused() {
            facets_hint(browser)
        } else {
            table_hint(browser, area.width as usize)
        }
    });
    Line::from(truncate(&hint, area.width as usize))
        .style(theme.ui.status)
        .render(parts.status, buf);
}

/// `sort Date ↑`, or `best first` over full-text results ranked by the index.
fn sort_label(t: &crate::session::Table) -> String {
    if t.full_text().is_some_and(|f| f.by_rank()) {
        return "best first".to_string();
    }
    let q = t.query();
    format!(
        "sort {} {}",
        q.sort.title(),
        if q.descending { "↓" } else { "↑" }
    )
}

/// The title line: how many rows of how many cables (or that the query cannot run), the
/// sort and the filters.
fn title(browser: &Session) -> String {
    let t = browser.table();
    let q = t.query();
    let sort = sort_label(t);
    let rows = grouped(t.rows().len() as u64);
    let cables = grouped(browser.library.len() as u64);
    let mut title = match t.full_text() {
        // A query the index could not run has no count: the rows shown (an earlier
        // answer's, or every cable) belong to no query on the line.
        _ if t.query_error().is_some() => {
            "cableview library: the query cannot run (see below), no count".to_string()
        }
        // The index gives its best: say so when more match than it gave.
        Some(full_text) if !full_text.complete() => {
            format!(
                "cableview library: the best {rows} of {} matches in {cables} cables · {sort}",
                grouped(full_text.total())
            )
        }
        Some(_) => format!("cableview library: {rows} of {cables} cables match · {sort}"),
        None => format!("cableview library: {rows} of {cables} cables · {sort}"),
    };
    if let Some(level) = q.classification {
        title.push_str(&format!(" · class {}", level.name()));
    }
    if let Some(tag) = &q.tag {
        title.push_str(&format!(" · TAG {tag}"));
    }
    if !q.text.is_empty() {
        title.push_str(&format!(" · /{}", q.text));
    }
    if t.filtered()
        && let Some(key) = browser.keymap().library_key(&Action::Cancel)
    {
        title.push_str(&format!(" ({key} clears)"));
    }
    title
}

/// The filter line: `/` and the text (with the cursor while typing), then why the query
/// cannot run, or what a search on the index takes.
fn filter_line(t: &crate::session::Table, ui: &UiStyles, width: u16) -> Line<'static> {
    let q = t.query();
    let text = if t.is_typing() {
        let (before, after) = crate::session::line::split(&q.text, t.line_cursor());
        format!("/{before}▏{after}")
    } else {
        format!("/{}", q.text)
    };
    let style = if t.is_typing() || !q.text.is_empty() {
        ui.text
    } else {
        ui.dim
    };
    let mut spans = vec![Span::styled(text, style)];
    if let Some(error) = t.query_error() {
        spans.push(Span::styled(format!("  {error}"), ui.notice));
    } else if t.searches_index() && t.is_typing() {
        spans.push(Span::styled(
            "  full text: words, \"phrases\", field:value",
            ui.dim,
        ));
    }
    fit_line(spans, width)
}

/// The selected row's passage, under the rows of full-text results.
fn snippet(browser: &Session, ui: &UiStyles, area: Rect, buf: &mut Buffer) {
    let t = browser.table();
    let id = t
        .current()
        .and_then(|c| browser.library.row(c))
        .map_or("", |r| r.id.as_str());
    let fetched = t.current_snippet().or_else(|| {
        // Asked for and not come: nothing to show yet. Not asked (no row): empty.
        t.current().is_none().then_some(&EMPTY_SNIPPET)
    });
    super::snippet::SnippetView {
        snippet: fetched,
        id,
        ui,
    }
    .render(area, buf);
}

/// The headings and the rows shown, the cursor's highlighted, each fitted to the width.
fn rows(browser: &Session, theme: &Theme, heading: Rect, body: Rect, buf: &mut Buffer) {
    let ui = &theme.ui;
    let t = browser.table();
    let q = t.query();
    let ranked = t.full_text().is_some_and(|f| f.by_rank());
    let fitted = Fitted::new(t.measure(), heading.width);
    let titles: Vec<String> = fitted
        .columns
        .iter()
        .map(|&(c, _)| {
            let mark = if c == q.sort && !ranked {
                if q.descending { "↓" } else { "↑" }
            } else {
                ""
            };
            format!("{}{mark}", c.title())
        })
        .collect();
    row_line(&titles, &fitted.columns, |_| ui.heading).render(heading, buf);
    if t.rows().is_empty() {
        Line::from("no cable matches")
            .style(ui.dim)
            .render(body, buf);
        return;
    }
    let height = body.height as usize;
    // The session pages by the same layout; the cursor's offset is kept in view anyway.
    let selected = t.cursor().selected;
    let offset = t
        .cursor()
        .offset
        .min(selected)
        .max((selected + 1).saturating_sub(height));
    for (line, &cable) in t.rows().iter().skip(offset).take(height).enumerate() {
        let Some(row) = browser.library.row(cable) else {
            continue;
        };
        let level = theme.level(row.classification);
        let cells: Vec<String> = fitted
            .columns
            .iter()
            .map(|&(c, _)| columns::cell(row, c, fitted.narrow))
            .collect();
        let mut l = row_line(&cells, &fitted.columns, |c| {
            if c == Column::Classification {
                level
            } else {
                ui.text
            }
        });
        if offset + line == selected {
            l = l.style(ui.cursor);
        }
        let y = body.y + u16::try_from(line).unwrap_or(u16::MAX);
        l.render(
            Rect {
                y,
                height: 1,
                ..body
            },
            buf,
        );
    }
}

/// A snippet with nothing in it, for results with no row.
static EMPTY_SNIPPET: crate::search_index::Snippet = crate::search_index::Snippet {
    text: String::new(),
    highlights: Vec::new(),
};

/// Spans cut to `width` columns: the text of each made safe, the last one cut short.
fn fit_line(spans: Vec<Span<'static>>, width: u16) -> Line<'static> {
    let mut left = usize::from(width);
    let mut fitted = Vec::new();
    for span in spans {
        if left == 0 {
            break;
        }
        let text = truncate(&span.content, left);
        left = left.saturating_sub(crate::sanitize::width(&text));
        fitted.push(Span::styled(text, span.style));
    }
    Line::from(fitted)
}

/// One table line: each cell cut to its column, made safe, one space apart.
fn row_line(
    cells: &[String],
    columns: &[(Column, u16)],
    style: impl Fn(Column) -> Style,
) -> Line<'static> {
    let mut spans = Vec::new();
    for (cell, &(column, width)) in cells.iter().zip(columns) {
        let text = truncate(cell, width as usize);
        let pad = (width as usize).saturating_sub(crate::sanitize::width(&text));
        // Numbers read best right-aligned.
        let padded = if matches!(column, Column::Paragraphs | Column::Mentions) {
            format!("{}{text} ", " ".repeat(pad))
        } else {
            format!("{text}{} ", " ".repeat(pad))
        };
        spans.push(Span::styled(padded, style(column)));
    }
    Line::from(spans)
}
