//! The correction menu over the reader: what `E` offers on an entity, and the list of
//! entities to join it with.

use super::{layout, truncate};
use crate::cable::Entity;
use crate::session::reader::Correcting;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// What the correction menu draws.
pub struct CorrectionMenu<'a> {
    /// The cable's entities.
    pub entities: &'a [Entity],
    /// The menu's state.
    pub menu: &'a Correcting,
    /// The entities it may join with, when picking one.
    pub candidates: &'a [usize],
    /// The colours.
    pub theme: &'a Theme,
}

const CHOICES: [(&str, &str); 7] = [
    ("P", "person (PER)"),
    ("O", "organisation (ORG)"),
    ("L", "location (LOC)"),
    ("M", "miscellaneous (MISC)"),
    ("d", "not an entity"),
    ("j", "join with another entity"),
    ("Esc", "cancel"),
];

impl Widget for CorrectionMenu<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ui = &self.theme.ui;
        let Some(entity) = self.entities.get(self.menu.entity) else {
            return;
        };
        let picking = self.menu.join.is_some();
        let rows = if picking {
            self.candidates.len().max(1) + 1
        } else {
            CHOICES.len()
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
        let verb = if picking { "join" } else { "correct" };
        let title = format!(" {verb} {} {} ", entity.kind, entity.name);
        Block::bordered()
            .border_style(ui.border_focused)
            .title(Line::from(Span::styled(
                truncate(&title, inner_width),
                ui.title,
            )))
            .render(popup, buf);
        let inner = layout::inner(popup);
        let lines: Vec<Line> = match self.menu.join {
            None => CHOICES
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
