//! The reader: the text laid out in rows, mentions and matches highlighted, a scroll bar.

use super::{pane_block, safe_span};
use crate::session::layout::ReaderGeometry;
use crate::session::reader::{Focus, Reader};
use crate::session::text_layout::{DocLayout, RowKind};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::ops::Range;

/// Draws the reader pane (or the source view).
pub fn render(app: &Reader, theme: &Theme, geometry: ReaderGeometry, buf: &mut Buffer) {
    let focused = app.focus() == Focus::Reader;
    let title = match app.source_file() {
        // A cable read from several files names the one shown, and `s` steps to the next.
        Some((name, n, of)) if app.source_view() => {
            let next = if n < of {
                "next file"
            } else {
                "back to reading"
            };
            let name = crate::sanitize::visible(name);
            format!(" Source {n}/{of}: {name} (s: {next}) ")
        }
        _ if app.source_view() => " Source (s: back to reading) ".to_string(),
        _ => " Text ".to_string(),
    };
    pane_block(&theme.ui, title, focused).render(geometry.pane, buf);
    let text = geometry.text;
    if text.width == 0 || text.height == 0 {
        return;
    }
    let (doc, top) = if app.source_view() {
        let doc = app.source_layout_for(usize::from(text.width));
        let top = app.source_top().min(doc.len().saturating_sub(1));
        (doc, top)
    } else {
        let doc = app.layout_for(usize::from(text.width));
        let top = app.top_row(&doc);
        (doc, top)
    };
    for (i, row) in doc
        .rows
        .iter()
        .skip(top)
        .take(usize::from(text.height))
        .enumerate()
    {
        let y = text.y + u16::try_from(i).unwrap_or(0);
        match &row.kind {
            RowKind::Blank => {}
            RowKind::Heading(bytes) => {
                // The folded header's row is the header's place: label it as its text would be.
                let folded_header = row.block == 0
                    && !app.source_view()
                    && !app.header_open()
                    && doc.text_rows.first() == Some(&(top + i));
                if folded_header && geometry.gutter.width > 0 {
                    let gutter = Rect {
                        y,
                        height: 1,
                        ..geometry.gutter
                    };
                    gutter_label(app, theme, 0, gutter, buf);
                }
                let heading = app
                    .block_heading(row.block)
                    .and_then(|h| h.get(bytes.clone()))
                    .unwrap_or("");
                buf.set_span(text.x, y, &safe_span(heading, theme.ui.heading), text.width);
            }
            RowKind::Text { bytes, first } => {
                if *first && geometry.gutter.width > 0 {
                    let gutter = Rect {
                        y,
                        height: 1,
                        ..geometry.gutter
                    };
                    gutter_label(app, theme, row.block, gutter, buf);
                }
                let line = if app.source_view() {
                    source_line(app, theme, row.block, bytes.clone())
                } else {
                    text_line(app, theme, row.block, bytes.clone())
                };
                buf.set_line(text.x, y, &line, text.width);
            }
        }
    }
    scrollbar(theme, &doc, top, geometry.scrollbar, buf);
}

fn gutter_label(app: &Reader, theme: &Theme, block: usize, area: Rect, buf: &mut Buffer) {
    let ui = &theme.ui;
    let width = area.width.saturating_sub(1);
    if app.source_view() {
        let number = format!("{:>w$}", block + 1, w = usize::from(width));
        buf.set_stringn(area.x, area.y, number, usize::from(width), ui.dim);
        return;
    }
    let line = match block {
        0 => Line::from(Span::styled("hdr", ui.label)),
        b => match app.cable().paragraphs.get(b - 1) {
            Some(p) => {
                let mut spans = vec![safe_span(&format!("¶{}", p.label), ui.label)];
                if let Some(m) = &p.marking {
                    spans.push(Span::raw(" "));
                    spans.push(safe_span(&m.code, ui.marking));
                }
                Line::from(spans)
            }
            None => Line::default(),
        },
    };
    buf.set_line(area.x, area.y, &line, width);
}

/// A row of reading text with mentions, the selected entity and search matches styled.
fn text_line(app: &Reader, theme: &Theme, block: usize, bytes: Range<usize>) -> Line<'static> {
    let theme = &theme;
    let mut marks: Vec<(Range<usize>, Style)> = Vec::new();
    let mentions = app.block_mentions(block);
    let first = mentions.partition_point(|m| m.bytes.end <= bytes.start);
    for (index, mention) in mentions.iter().enumerate().skip(first) {
        if mention.bytes.start >= bytes.end {
            break;
        }
        let mut style = if app.hidden().contains(&mention.kind) {
            Style::default()
        } else {
            theme.kind(&mention.kind)
        };
        if app.selected().is_some() && app.mention_entity(block, index) == app.selected() {
            style = style.patch(theme.ui.selected_mention);
            let at_cursor = app
                .mention_cursor()
                .and_then(|c| app.selected_mentions().get(c))
                == Some(&(block, index));
            if at_cursor && app.search().is_none() {
                style = style.patch(theme.ui.search_current);
            }
        }
        marks.push((mention.bytes.clone(), style));
    }
    if let Some(search) = app.search() {
        let hits = &search.hits;
        let start = hits.partition_point(|h| (h.block, h.bytes.end) <= (block, bytes.start));
        for (i, hit) in hits.iter().enumerate().skip(start) {
            if hit.block != block || hit.bytes.start >= bytes.end {
                break;
            }
            let style = if search.current == Some(i) {
                theme.ui.search_current
            } else {
                theme.ui.search_match
            };
            marks.push((hit.bytes.clone(), style));
        }
    }
    paint(app.block_text(block), bytes, &marks, theme.ui.text)
}

/// A row of the source file with the tagger's brackets styled by kind.
fn source_line(app: &Reader, theme: &Theme, line: usize, bytes: Range<usize>) -> Line<'static> {
    let marks: Vec<(Range<usize>, Style)> = app
        .source_spans_near(line, bytes.clone())
        .iter()
        .filter(|s| s.line == line && s.bytes.end > bytes.start && s.bytes.start < bytes.end)
        .map(|s| {
            let style = if app.hidden().contains(&s.kind) {
                Style::default()
            } else {
                theme.kind(&s.kind)
            };
            (s.bytes.clone(), style)
        })
        .collect();
    paint(app.source_line(line), bytes, &marks, theme.ui.text)
}

/// Cuts `text[row]` at every mark boundary and styles each piece by the marks covering it.
fn paint(
    text: &str,
    row: Range<usize>,
    marks: &[(Range<usize>, Style)],
    base: Style,
) -> Line<'static> {
    let mut points = vec![row.start, row.end];
    for (range, _) in marks {
        points.push(range.start.clamp(row.start, row.end));
        points.push(range.end.clamp(row.start, row.end));
    }
    points.sort_unstable();
    points.dedup();
    let spans = points
        .windows(2)
        .filter_map(|w| {
            let piece = text.get(w[0]..w[1])?;
            let style = marks
                .iter()
                .filter(|(r, _)| r.start <= w[0] && r.end >= w[1])
                .fold(base, |style, (_, mark)| style.patch(*mark));
            Some(safe_span(piece, style))
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

fn scrollbar(theme: &Theme, doc: &DocLayout, top: usize, area: Rect, buf: &mut Buffer) {
    let height = usize::from(area.height);
    let total = doc.len();
    if area.width == 0 || height == 0 || total <= height {
        return;
    }
    let thumb = (height * height / total).clamp(1, height);
    let position = (top * (height - thumb))
        .checked_div(total.saturating_sub(height))
        .unwrap_or(0)
        .min(height - thumb);
    for i in 0..height {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        let (symbol, style) = if (position..position + thumb).contains(&i) {
            ("┃", theme.ui.scrollbar)
        } else {
            ("│", theme.ui.dim)
        };
        buf.set_string(area.x, y, symbol, style);
    }
}
