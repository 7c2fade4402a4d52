//! The TAG picker drawn over the table: the query, then one TAG a line with how many
//! cables carry it and its name.

use super::truncate;
use crate::session::picker::{self, TagPicker};
use crate::ui::theme::UiStyles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

/// The picker and the theme's styles for it.
pub struct TagPickerView<'a> {
    /// What to draw.
    pub picker: &'a TagPicker,
    /// The styles.
    pub ui: &'a UiStyles,
    /// The keys that pick and close (`enter`, `esc`), for the title.
    pub keys: (String, String),
}

impl Widget for TagPickerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (p, ui) = (self.picker, self.ui);
        let rect = picker::popup(area);
        if rect.width < 8 || rect.height < 4 {
            return;
        }
        Clear.render(rect, buf);
        let title = format!(
            " TAGs: {} of {} · {} filters · {} closes ",
            p.shown.len(),
            p.items.len(),
            self.keys.0,
            self.keys.1
        );
        Block::bordered()
            .border_style(ui.border_focused)
            .title(
                Line::from(truncate(&title, usize::from(rect.width.saturating_sub(2))))
                    .style(ui.title),
            )
            .render(rect, buf);
        let query = picker::query_area(rect);
        Line::from(truncate(
            &format!("› {}▏", p.query),
            usize::from(query.width),
        ))
        .style(ui.text)
        .render(query, buf);
        let list = picker::list_area(rect);
        if p.shown.is_empty() {
            Line::from("no TAG matches").style(ui.dim).render(list, buf);
            return;
        }
        let code_width = p
            .items
            .iter()
            .map(|i| i.code.chars().count())
            .max()
            .unwrap_or(0);
        let count_width = p
            .items
            .iter()
            .map(|i| i.count.to_string().len())
            .max()
            .unwrap_or(0);
        let height = usize::from(list.height);
        let selected = p.cursor.selected;
        // The session pages by the rows it was told; the frame may differ.
        let offset = p
            .cursor
            .offset
            .min(selected)
            .max((selected + 1).saturating_sub(height));
        for (row, &i) in p.shown.iter().enumerate().skip(offset).take(height) {
            let item = &p.items[i];
            let text = format!(
                "{:<code_width$}  {:>count_width$}  {}",
                item.code,
                item.count,
                item.name.unwrap_or("(not in the TAGS table)")
            );
            let style = if row == selected { ui.cursor } else { ui.text };
            let y = list.y + u16::try_from(row - offset).unwrap_or(u16::MAX);
            Line::from(truncate(&text, usize::from(list.width)))
                .style(style)
                .render(
                    Rect {
                        y,
                        height: 1,
                        ..list
                    },
                    buf,
                );
        }
    }
}
