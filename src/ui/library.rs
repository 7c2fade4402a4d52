//! The library screens: loading progress, the table of cables ([`super::table`]), the
//! skipped report, and the list of cables drawn over the reader. A pure function of `&Session`.

use super::theme::Theme;
use super::truncate;
use crate::session::action::Action;
use crate::session::layout;
use crate::session::{CableList, ListCursor, Loading, Overlay, Session, View};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

impl Widget for &Session {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &super::theme::styled(&self.theme);
        buf.set_style(area, theme.ui.text);
        // One minimum size for every screen, and one frame saying so.
        if layout::too_small(area) {
            super::too_small(area, buf);
            return;
        }
        match self.view() {
            View::Loading(state) => loading(self, state, theme, area, buf),
            View::Library { .. } => super::table::table(self, theme, area, buf),
            View::Reader(open) => {
                let app = open.reader();
                crate::ui::ReaderScreen { app, theme }.render(area, buf);
                if !self.is_single() && self.help().is_none() {
                    across_cables(self, theme, open.cable(), app, area, buf);
                }
            }
        }
        for overlay in self.overlays() {
            draw_overlay(self, theme, overlay, area, buf);
        }
    }
}

/// Draws one overlay over what is drawn already.
fn draw_overlay(session: &Session, theme: &Theme, overlay: &Overlay, area: Rect, buf: &mut Buffer) {
    let key = |action: Action| {
        session
            .keymap()
            .library_key(&action)
            .map_or_else(|| "-".to_string(), |k| k.to_string())
    };
    match overlay {
        Overlay::Help(cursor) => {
            let (lines, title) = (session.help_lines(), session.help_title());
            super::help::render_lines(&theme.ui, &title, &lines, area, cursor.selected, buf);
        }
        Overlay::Correct(menu) => {
            if let Some(app) = session.reader() {
                super::correct::draw(app, menu, theme, area, buf);
            }
        }
        Overlay::Skipped(report) => {
            // The report fills the screen.
            Clear.render(area, buf);
            buf.set_style(area, theme.ui.text);
            skipped(session, theme, report, area, buf);
        }
        Overlay::Cables(list) => cable_list(session, theme, list, area, buf),
        Overlay::Tags(picker) => super::picker::TagPickerView {
            picker,
            ui: &theme.ui,
            keys: (key(Action::Open), key(Action::Cancel)),
        }
        .render(area, buf),
        Overlay::Export(prompt) => {
            let table = session.table();
            let query = table.query().text.trim();
            let what = if table.searches_index() && !query.is_empty() {
                format!("every match of {query}")
            } else {
                format!("the {} rows shown", table.rows().len())
            };
            super::export::ExportView {
                prompt,
                what,
                ui: &theme.ui,
            }
            .render(area, buf);
        }
        Overlay::Map(map) => {
            let key = |action: Action| {
                session
                    .keymap()
                    .library_key(&action)
                    .or_else(|| session.keymap().key(&action))
                    .map_or_else(|| "-".to_string(), |k| k.to_string())
            };
            let narrows = if map.narrows {
                format!("{} narrows · ", key(Action::Open))
            } else {
                String::new()
            };
            let hint = format!(
                "{narrows}{} places · {} closes",
                key(Action::ToggleLoc),
                key(Action::Cancel)
            );
            super::map::MapView { map, theme, hint }.render(area, buf);
        }
    }
}

fn loading(browser: &Session, state: &Loading, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let ui = &theme.ui;
    let text = match (state.progress(), state.indexing()) {
        _ if state.opening_index().is_some() => format!(
            "Opening the index: the table of {} documents…",
            super::grouped(state.opening_index().unwrap_or(0))
        ),
        (_, true) => "Indexing cables…".to_string(),
        (Some(p), false) => format!(
            "Loading cables: {} of {} ({:.0} files/s)",
            p.done,
            p.total,
            p.rate()
        ),
        (None, false) => "Looking for cables…".to_string(),
    };
    let [_, middle, hint, _] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    Line::from(truncate(&text, area.width as usize))
        .centered()
        .render(middle, buf);
    let quit = browser
        .keymap()
        .library_key(&Action::Quit)
        .map_or_else(String::new, |k| format!("{k} quits"));
    Line::from(quit).style(ui.dim).centered().render(hint, buf);
}

fn skipped(browser: &Session, theme: &Theme, report: &ListCursor, area: Rect, buf: &mut Buffer) {
    let ui = &theme.ui;
    let skipped = browser.library.skipped();
    let back = browser
        .keymap()
        .library_key(&Action::Cancel)
        .map_or_else(String::new, |k| format!(" ({k} returns)"));
    let rows = usize::from(area.height.saturating_sub(2));
    let top = report.selected.min(skipped.len().saturating_sub(rows));
    let shown = if skipped.len() > rows {
        format!(", {}–{}", top + 1, (top + rows).min(skipped.len()))
    } else {
        String::new()
    };
    let what = crate::input::skipped_summary(skipped);
    let title = format!(" {what} skipped{shown}{back} ");
    let block = Block::bordered()
        .border_style(ui.border)
        .title(Line::from(title).style(ui.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let width = inner.width as usize;
    let lines: Vec<Line> = skipped
        .iter()
        .skip(top)
        .take(inner.height as usize)
        .map(|s| {
            Line::from(truncate(
                &format!("{}: {}", s.path.display(), s.reason),
                width,
            ))
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

fn cable_list(browser: &Session, theme: &Theme, list: &CableList, area: Rect, buf: &mut Buffer) {
    let ui = &theme.ui;
    let rect = layout::cable_list_popup(area, list.items.len());
    let width = rect.width;
    Clear.render(rect, buf);
    let keymap = browser.keymap();
    let key = |action| {
        keymap
            .library_key(&action)
            .map_or_else(|| "-".to_string(), |k| k.to_string())
    };
    let title = format!(
        " {} ({} opens, {} closes) ",
        list.title,
        key(Action::Open),
        key(Action::Cancel)
    );
    let block = Block::bordered()
        .border_style(ui.border_focused)
        .title(Line::from(truncate(&title, width.saturating_sub(2) as usize)).style(ui.title));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if list.items.is_empty() {
        Line::from("none in this library")
            .style(ui.dim)
            .render(inner, buf);
        return;
    }
    let visible = inner.height as usize;
    let selected = list.cursor.selected;
    let offset = list
        .cursor
        .offset
        .min(selected)
        .max((selected + 1).saturating_sub(visible));
    for (line, item) in list.items.iter().enumerate().skip(offset).take(visible) {
        let style = if line == selected { ui.cursor } else { ui.text };
        let y = inner.y + u16::try_from(line - offset).unwrap_or(u16::MAX);
        Line::from(truncate(&item.text, inner.width as usize))
            .style(style)
            .render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
    }
}

/// What the library adds to the reader's screen beyond the header's links: on the entity
/// sidebar's bottom border, how many other cables name the selected entity.
fn across_cables(
    browser: &Session,
    theme: &Theme,
    cable: crate::library::CableIndex,
    app: &crate::session::reader::Reader,
    area: Rect,
    buf: &mut Buffer,
) {
    let ui = &theme.ui;
    let panes = layout::panes(area, app);
    let selected = app.selected().and_then(|i| app.cable().entities.get(i));
    if let (Some(pane), Some(entity)) = (panes.entities, selected) {
        // On a corpus index the count is known once the index answered.
        let Some(others) = browser.others_naming(cable, &crate::library::EntityKey::of(entity))
        else {
            return;
        };
        let key = match browser.keymap().library_key(&Action::OtherCables) {
            Some(key) if others > 0 => format!("· {key} "),
            _ => String::new(),
        };
        let text = format!(" {} {key}", crate::session::other_cables(others));
        let width = pane.width.saturating_sub(2);
        let line = Line::from(truncate(&text, width as usize)).style(ui.title);
        let y = pane.y + pane.height.saturating_sub(1);
        line.render(
            Rect {
                x: pane.x + 1,
                y,
                width,
                height: 1,
            },
            buf,
        );
    }
}
