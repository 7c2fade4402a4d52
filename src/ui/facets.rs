//! The facets pane beside the table of a corpus index: each section's heading, then its
//! values with their counts right-aligned, scrolled to keep the cursor in view.

use super::{grouped, pane_block, truncate};
use crate::session::facets::{FacetsPane, Row, Section};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// What the facets pane draws.
pub struct FacetsView<'a> {
    /// The facets and the cursor.
    pub pane: &'a FacetsPane,
    /// The colours.
    pub theme: &'a Theme,
    /// Whether the pane has the focus (its cursor row is highlighted only then).
    pub focused: bool,
}

impl Widget for FacetsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (pane, ui) = (self.pane, &self.theme.ui);
        let inner_width = usize::from(area.width.saturating_sub(2));
        pane_block(ui, title(pane.total(), inner_width), self.focused).render(area, buf);
        let list = Rect {
            x: area.x.saturating_add(1),
            y: area.y.saturating_add(1),
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        };
        if list.width == 0 || list.height == 0 {
            return;
        }
        let rows = pane.rows();
        if rows.is_empty() {
            let why = if pane.total() == 0 {
                "no cable matches"
            } else {
                "nothing to count"
            };
            Line::from(Span::styled(truncate(why, inner_width), ui.dim)).render(list, buf);
            return;
        }
        let peak = super::timeline::peak(rows);
        let height = usize::from(list.height);
        let cursor = pane.cursor_row();
        // The session scrolls by the height it was told; the frame may differ.
        let offset = pane
            .offset()
            .min(cursor)
            .max((cursor + 1).saturating_sub(height))
            .min(rows.len().saturating_sub(height));
        for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
            let line = Rect {
                y: list.y + u16::try_from(i - offset).unwrap_or(u16::MAX),
                height: 1,
                ..list
            };
            let line_text = match row {
                Row::Value {
                    section: Section::Timeline(_),
                    name,
                    count,
                } => {
                    let is_peak = peak.1 == Some(i);
                    let bar = (name.as_str(), *count);
                    super::timeline::bar_row(self.theme, bar, peak.0, is_peak, inner_width)
                }
                row => self.row(row, inner_width),
            };
            line_text.render(line, buf);
            if i == cursor && self.focused {
                buf.set_style(line, ui.cursor);
            }
        }
    }
}

impl FacetsView<'_> {
    /// A heading, or ` name   count` with the name cut to leave the count its columns.
    fn row(&self, row: &Row, width: usize) -> Line<'static> {
        let theme = self.theme;
        match row {
            Row::Heading(section) => {
                let style = match section {
                    Section::Entity(kind) => theme.ui.heading.patch(theme.kind(kind)),
                    _ => theme.ui.heading,
                };
                Line::from(Span::styled(truncate(section.heading(), width), style))
            }
            Row::Value {
                section,
                name,
                count,
            } => {
                let style = match section {
                    Section::Entity(kind) => theme.kind(kind),
                    _ => theme.ui.text,
                };
                let count = grouped(*count);
                // One column of indent, one between name and count.
                let room = width.saturating_sub(count.len() + 2);
                let name = truncate(name, room);
                let pad = room.saturating_sub(crate::sanitize::width(&name)) + 1;
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(name, style),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(count, theme.ui.dim),
                ])
            }
        }
    }
}

/// ` Facets · 1,234 cables `, shortened to fit `width`.
fn title(total: u64, width: usize) -> String {
    let n = grouped(total);
    let cables = if total == 1 { "cable" } else { "cables" };
    [
        format!(" Facets · {n} {cables} "),
        format!(" Facets · {n} "),
        format!(" {n} {cables} "),
        format!(" {n} "),
    ]
    .into_iter()
    .find(|t| crate::sanitize::width(t) <= width)
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::title;
    use crate::ui::grouped;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(251_287), "251,287");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn the_title_gives_way_to_the_width() {
        assert_eq!(title(1_234, 30), " Facets · 1,234 cables ");
        assert_eq!(title(1, 30), " Facets · 1 cable ");
        assert_eq!(title(251_287, 22), " Facets · 251,287 ");
        assert_eq!(title(251_287, 10), " 251,287 ");
        assert_eq!(title(251_287, 4), "");
    }
}
