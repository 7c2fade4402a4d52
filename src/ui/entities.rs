//! The entity sidebar: a filter line, entities grouped by kind with counts, a legend.

use super::{layout, pane_block, truncate};
use crate::app::{App, EntityItem, Focus, Mode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the entity sidebar.
pub fn render(app: &App, pane: Rect, buf: &mut Buffer) {
    let ui = &app.theme.ui;
    let focused = app.focus == Focus::Entities;
    let title = format!(" Entities {} ", app.cable.entities.len());
    pane_block(app, title, focused).render(pane, buf);
    let geometry = layout::entities_geometry(pane);
    let width = usize::from(geometry.list.width);
    let list = &app.entity_list;
    let filter = if app.mode == Mode::Filter {
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
        let why = if app.cable.entities.is_empty() {
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
        item_line(app, item, width).render(area, buf);
        if i == list.cursor && focused {
            buf.set_style(area, ui.cursor);
        }
    }
    legend(app).render(geometry.legend, buf);
}

fn item_line(app: &App, item: &EntityItem, width: usize) -> Line<'static> {
    let ui = &app.theme.ui;
    match item {
        EntityItem::Group { kind, entities, .. } => {
            let hidden = app.hidden.contains(kind);
            let style = if hidden {
                ui.hidden
            } else {
                app.theme.kind(kind)
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
            let entity = &app.cable.entities[*index];
            let selected = app.selected == Some(*index);
            let style = if app.hidden.contains(&entity.kind) {
                ui.text
            } else {
                app.theme.kind(&entity.kind)
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

fn legend(app: &App) -> Line<'static> {
    let mut spans = Vec::new();
    for kind in app.kinds() {
        let style: Style = if app.hidden.contains(kind) {
            app.theme.ui.hidden
        } else {
            app.theme.kind(kind)
        };
        if !spans.is_empty() {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(kind.label().to_string(), style));
    }
    Line::from(spans)
}
