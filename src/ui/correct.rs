//! The correction menu over the reader: what `E` offers on an entity or at the search
//! match, its second steps, and the list of entities to join it with.

use super::{layout, truncate};
use crate::cable::Entity;
use crate::session::reader::{Correcting, Reader, Then};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// Draws the correction menu over the reader at `area`, and the status line saying what
/// it corrects and which keys it takes.
pub fn draw(app: &Reader, menu: &Correcting, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // The status line drawn again, as it is under the menu: cleared to the reader's colours.
    let status = layout::panes(area, app).status;
    Clear.render(status, buf);
    buf.set_style(status, theme.ui.text);
    super::status::render(app, Some(menu), theme, status, buf);
    let candidates = match (menu.join, menu.entity) {
        (Some(_), Some(entity)) => app.join_candidates(entity),
        _ => Vec::new(),
    };
    CorrectionMenu {
        entities: &app.cable().entities,
        menu,
        matched: app
            .current_hit()
            .map(|hit| &app.block_text(hit.block)[hit.bytes.clone()]),
        candidates: &candidates,
        theme,
    }
    .render(area, buf);
}

/// What the correction menu draws.
pub struct CorrectionMenu<'a> {
    /// The cable's entities.
    pub entities: &'a [Entity],
    /// The menu's state.
    pub menu: &'a Correcting,
    /// The text of the search match, when there is one (`a` adds it).
    pub matched: Option<&'a str>,
    /// The entities it may join with, when picking one.
    pub candidates: &'a [usize],
    /// The colours.
    pub theme: &'a Theme,
}

/// The kinds, for the second steps.
const KINDS: [(&str, &str); 4] = [
    ("P", "person (PER)"),
    ("O", "organisation (ORG)"),
    ("L", "location (LOC)"),
    ("M", "miscellaneous (MISC)"),
];

/// What the menu offers on an entity.
const ON_ENTITY: [(&str, &str); 5] = [
    ("d", "not an entity"),
    ("j", "join with another entity"),
    ("D", "not an entity everywhere"),
    ("e", "everywhere: relabel or d..."),
    ("Esc", "cancel"),
];

const ADD: (&str, &str) = ("a", "add the match as a mention...");

impl CorrectionMenu<'_> {
    /// The choices shown, and the title.
    fn choices(&self) -> (Vec<(&'static str, &'static str)>, String) {
        let entity = self.menu.entity.and_then(|e| self.entities.get(e));
        let matched = self.matched.unwrap_or_default();
        match (self.menu.then, entity) {
            (Some(Then::Add), _) => {
                let mut rows = KINDS.to_vec();
                rows.push(("Esc", "cancel"));
                (rows, format!(" add {matched:?} as "))
            }
            (Some(Then::Everywhere), Some(e)) => {
                let mut rows = KINDS.to_vec();
                rows.extend([("d", "not an entity"), ("Esc", "cancel")]);
                (rows, format!(" everywhere: {} {} ", e.kind, e.name))
            }
            (_, Some(e)) => {
                let mut rows = KINDS.to_vec();
                rows.extend(ON_ENTITY);
                if self.matched.is_some() {
                    rows.insert(rows.len() - 1, ADD);
                }
                (rows, format!(" correct {} {} ", e.kind, e.name))
            }
            (_, None) => (vec![ADD, ("Esc", "cancel")], format!(" at {matched:?} ")),
        }
    }
}

impl Widget for CorrectionMenu<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ui = &self.theme.ui;
        let (choices, title) = self.choices();
        let picking = self.menu.join.is_some();
        let rows = if picking {
            self.candidates.len().max(1) + 1
        } else {
            choices.len()
        };
        let width = area.width.saturating_sub(4).min(48);
        let height = u16::try_from(rows + 2)
            .unwrap_or(u16::MAX)
            .min(area.height.saturating_sub(2));
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        Clear.render(popup, buf);
        buf.set_style(popup, ui.text);
        let inner_width = usize::from(width.saturating_sub(2));
        let title = match self.menu.entity.and_then(|e| self.entities.get(e)) {
            Some(entity) if picking => format!(" join {} {} ", entity.kind, entity.name),
            _ => title,
        };
        Block::bordered()
            .border_style(ui.border_focused)
            .title(Line::from(Span::styled(
                truncate(&title, inner_width),
                ui.title,
            )))
            .render(popup, buf);
        let inner = layout::inner(popup);
        let lines: Vec<Line> = match self.menu.join {
            None => choices
                .iter()
                .map(|(key, what)| {
                    Line::from(vec![
                        Span::styled(format!(" {key:>3}  "), ui.label),
                        Span::raw(*what),
                    ])
                })
                .collect(),
            Some(cursor) => {
                let height = usize::from(inner.height.saturating_sub(1));
                let offset = layout::list_offset(cursor, self.candidates.len(), height);
                let mut lines = vec![Line::from(Span::styled(
                    " j/k move · Enter join · Esc cancel",
                    ui.dim,
                ))];
                lines.extend(
                    self.candidates
                        .iter()
                        .enumerate()
                        .skip(offset)
                        .take(height)
                        .map(|(i, &other)| {
                            let e = &self.entities[other];
                            let text = format!(
                                " {} {} ({})",
                                if i == cursor { "›" } else { " " },
                                e.name,
                                e.count
                            );
                            let line = Line::from(truncate(&text, inner_width));
                            if i == cursor {
                                line.style(ui.cursor)
                            } else {
                                line
                            }
                        }),
                );
                lines
            }
        };
        for (i, line) in lines.iter().enumerate().take(usize::from(inner.height)) {
            let y = inner.y + u16::try_from(i).unwrap_or(0);
            buf.set_line(inner.x, y, line, inner.width);
        }
    }
}
