//! The header bar: a classification banner, then the cable's identity and subject; in a
//! library, the REF links and the cables citing this one.

use super::truncate;
use crate::session::layout::{self, PieceStyle};
use crate::session::reader::Reader;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the header bar in `area` of the `screen`: three rows, then the link rows of a
/// library session.
pub fn render(app: &Reader, theme: &Theme, screen: Rect, area: Rect, buf: &mut Buffer) {
    let header = &app.cable().header;
    let ui = &theme.ui;
    let width = usize::from(area.width);
    let level = header.classification;
    let banner_style = theme.level(level);
    let mut banner = level.map_or("UNMARKED", |l| l.name()).to_string();
    for caveat in &header.caveats {
        banner.push_str(" // ");
        banner.push_str(caveat);
    }
    let rows = [
        Line::from(truncate(&banner, width))
            .style(banner_style)
            .centered(),
        identity(app, theme, width),
        Line::from(vec![
            Span::styled(" SUBJECT: ", ui.dim),
            Span::styled(
                truncate(
                    header.subject.as_deref().unwrap_or("(none)"),
                    width.saturating_sub(10),
                ),
                ui.title,
            ),
        ]),
    ];
    for (i, line) in rows.iter().enumerate().take(usize::from(area.height)) {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        if i == 0 {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                banner_style,
            );
        }
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        ratatui::widgets::Widget::render(line, row, buf);
    }
    links(app, theme, screen, area, buf);
}

/// The link rows under the subject, laid out by [`layout::link_rows`].
fn links(app: &Reader, theme: &Theme, screen: Rect, area: Rect, buf: &mut Buffer) {
    let ui = &theme.ui;
    let rows = layout::link_rows(app, screen);
    for (i, row) in rows.iter().enumerate() {
        let y =
            (area.y + layout::HEADER_HEIGHT).saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
        if y >= area.bottom() {
            break;
        }
        let spans: Vec<Span> = row
            .iter()
            .map(|piece| {
                let style = match piece.style {
                    PieceStyle::Label => ui.dim,
                    PieceStyle::Text => ui.text,
                    PieceStyle::Link => ui.link,
                    PieceStyle::Dim => ui.dim,
                };
                Span::styled(piece.text.clone(), style)
            })
            .collect();
        buf.set_line(area.x, y, &Line::from(spans), area.width);
    }
}

fn identity(app: &Reader, theme: &Theme, width: usize) -> Line<'static> {
    let header = &app.cable().header;
    let ui = &theme.ui;
    let mut parts: Vec<String> = vec![app.cable().title().to_string()];
    if let Some(origin) = &header.origin {
        parts.push(format!("from {origin}"));
    }
    if let Some(section) = header.section {
        parts.push(format!("section {} of {}", section.number, section.of));
    }
    if let Some(date) = header.created.as_ref().or(header.declassify_on.as_ref()) {
        let what = if header.created.is_some() {
            "created"
        } else {
            "declassify on"
        };
        parts.push(format!("{what} {date}"));
    }
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(
            truncate(&parts.join(" · "), width.saturating_sub(2)),
            ui.title,
        ),
    ];
    if !header.tags.is_empty() {
        spans.push(Span::styled("  TAGS ", ui.dim));
        spans.push(Span::styled(
            truncate(&header.tags.join(" "), width / 2),
            ui.label,
        ));
    }
    Line::from(spans)
}
