//! The entity sidebar: a filter line, entities grouped by kind with counts, a legend.

use super::{layout, pane_block, truncate};
use crate::app::{EntityItem, EntityList};
use crate::cable::{Entity, EntityKind};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::collections::BTreeSet;

/// What the entity sidebar draws.
pub struct EntitySidebar<'a> {
    /// The cable's entities.
    pub entities: &'a [Entity],
    /// The rows shown, the filter and the cursor.
    pub list: &'a EntityList,
    /// The kinds in the cable, in legend order.
    pub kinds: &'a [EntityKind],
    /// The kinds whose highlights are hidden.
    pub hidden: &'a BTreeSet<EntityKind>,
    /// The selected entity.
    pub selected: Option<usize>,
    /// Whether the pane has the focus.
    pub focused: bool,
    /// Whether keys type into the filter.
    pub typing: bool,
    /// The colours.
    pub theme: &'a Theme,
}

impl Widget for EntitySidebar<'_> {
    fn render(self, pane: Rect, buf: &mut Buffer) {
        render(&self, pane, buf);
    }
}

fn render(side: &EntitySidebar, pane: Rect, buf: &mut Buffer) {
    let ui = &side.theme.ui;
    let focused = side.focused;
    let title = format!(" Entities {} ", side.entities.len());
    pane_block(ui, title, focused).render(pane, buf);
    let geometry = layout::entities_geometry(pane);
    let width = usize::from(geometry.list.width);
    let list = side.list;
    let filter = if side.typing {
        Line::from(vec![
            Span::styled("filter: ", ui.label),
            Span::raw(truncate(&list.filter, width.saturating_sub(9))),
            Span::styled("▏", ui.label),
        ])
    } else if !list.filter.is_empty() {
        Line::from(vec![
            Span::styled("filter: ", ui.dim),
            Span::raw(truncate(&list.filter, width.saturating_sub(8))),
        ])
    } else {
        Line::from(Span::styled("f: filter by name", ui.dim))
    };
    filter.render(geometry.filter, buf);
    let height = usize::from(geometry.list.height);
    let offset = layout::list_offset(list.cursor, list.items.len(), height);
    if list.items.is_empty() && height > 0 {
        // A cable without annotations is not a filter that matched nothing.
        let why = if side.entities.is_empty() {
            "no entities here"
        } else {
            "no entity matches"
        };
        Line::from(Span::styled(why, ui.dim)).render(
            Rect {
                height: 1,
                ..geometry.list
            },
            buf,
        );
    }
    for (i, item) in list.items.iter().enumerate().skip(offset).take(height) {
        let area = Rect {
            y: geometry.list.y + u16::try_from(i - offset).unwrap_or(0),
            height: 1,
            ..geometry.list
        };
        item_line(side, item, width).render(area, buf);
        if i == list.cursor && focused {
            buf.set_style(area, ui.cursor);
        }
    }
    legend(side).render(geometry.legend, buf);
}

fn item_line(side: &EntitySidebar, item: &EntityItem, width: usize) -> Line<'static> {
    let ui = &side.theme.ui;
    match item {
        EntityItem::Group { kind, entities, .. } => {
            let hidden = side.hidden.contains(kind);
            let style = if hidden {
                ui.hidden
            } else {
                side.theme.kind(kind)
            };
            let counts = format!(" {} ({entities})", kind.description());
            let mut spans = vec![
                Span::styled(kind.label().to_string(), style),
                Span::styled(counts, ui.dim),
            ];
            if hidden {
                spans.push(Span::styled(" hidden", ui.hidden));
            }
            Line::from(spans)
        }
        EntityItem::Entity(index) => {
            let entity = &side.entities[*index];
            let selected = side.selected == Some(*index);
            let style = if side.hidden.contains(&entity.kind) {
                ui.text
            } else {
                side.theme.kind(&entity.kind)
            };
            let style = if selected {
                style.patch(ui.selected_mention)
            } else {
                style
            };
            let count = entity.count.to_string();
            let name_width = width.saturating_sub(count.len() + 3);
            let name = truncate(&entity.name, name_width);
            let pad = name_width.saturating_sub(crate::sanitize::width(&name)) + 1;
            Line::from(vec![
                Span::raw(if selected { "● " } else { "  " }),
                Span::styled(name, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, ui.dim),
            ])
        }
    }
}

fn legend(side: &EntitySidebar) -> Line<'static> {
    let mut spans = Vec::new();
    for kind in side.kinds {
        let style: Style = if side.hidden.contains(kind) {
            side.theme.ui.hidden
        } else {
            side.theme.kind(kind)
        };
        if !spans.is_empty() {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(kind.label().to_string(), style));
    }
    Line::from(spans)
}
