//! The entity sidebar: a filter line, entities grouped by kind with counts, a legend.

use super::{layout, pane_block, truncate};
use crate::cable::{Entity, EntityKind};
use crate::session::reader::{EntityItem, EntityList};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::collections::{BTreeSet, HashMap};

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
    /// Whether the entities are cableview's tagger's (the cable carries none of its own).
    pub tagged: bool,
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
    let title = title(side, usize::from(pane.width.saturating_sub(2)));
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
    let names = names_apart(side, width);
    for (i, item) in list.items.iter().enumerate().skip(offset).take(height) {
        let area = Rect {
            y: geometry.list.y + u16::try_from(i - offset).unwrap_or(0),
            height: 1,
            ..geometry.list
        };
        item_line(side, item, width, &names).render(area, buf);
        if i == list.cursor && focused {
            buf.set_style(area, ui.cursor);
        }
    }
    legend(side).render(geometry.legend, buf);
}

/// The columns an entity's name gets in a row of `width`: what its count and the
/// selection mark leave.
fn name_width(entity: &Entity, width: usize) -> usize {
    width.saturating_sub(entity.count.to_string().len() + 3)
}

/// Each listed entity's name as its row shows it, by entity: cut in the middle, and where
/// two different names would read the same, cut where they differ instead.
fn names_apart(side: &EntitySidebar, width: usize) -> HashMap<usize, String> {
    let listed: Vec<(usize, &str, usize)> = side
        .list
        .items
        .iter()
        .filter_map(|item| match item {
            EntityItem::Entity(i) => {
                let entity = side.entities.get(*i)?;
                let w = name_width(entity, width);
                // A name shown whole reads as itself: only cut ones can clash. Most names
                // are short and plain, so this runs over a few of them on every frame.
                (!shown_whole(&entity.name, w)).then_some((*i, entity.name.as_str(), w))
            }
            EntityItem::Group { .. } => None,
        })
        .collect();
    let mut shown: HashMap<usize, String> = listed
        .iter()
        .map(|&(i, name, w)| (i, truncate_middle(name, w)))
        .collect();
    let mut alike: HashMap<&str, Vec<(usize, &str, usize)>> = HashMap::new();
    for &(i, name, w) in &listed {
        alike
            .entry(shown[&i].as_str())
            .or_default()
            .push((i, name, w));
    }
    let clashes: Vec<Vec<(usize, &str, usize)>> = alike
        .into_values()
        .filter(|group| group.iter().any(|&(_, name, _)| name != group[0].1))
        .collect();
    for group in clashes {
        for (i, label) in apart(&group) {
            shown.insert(i, label);
        }
    }
    shown
}

/// Labels for different names whose middle cuts read the same: the first split of head
/// and tail (more tail first, then more head, down to a plain end cut) that tells them
/// all apart, else each cut around where it first differs from the others.
fn apart(group: &[(usize, &str, usize)]) -> Vec<(usize, String)> {
    let widest = group.iter().map(|g| g.2).max().unwrap_or(0);
    // More tail, then more head: `true` and how far from the usual middle cut.
    let shifts = (1..widest)
        .map(|d| (true, d))
        .chain((1..widest).map(|d| (false, d)));
    for (more_tail, d) in shifts {
        let labels: Vec<(usize, String)> = group
            .iter()
            .map(|&(i, name, w)| {
                if w < 5 || fits(name, w) {
                    return (i, truncate_middle(name, w));
                }
                let middle = (w - 1) / 2;
                let tail = if more_tail {
                    (middle + d).min(w - 1)
                } else {
                    middle.saturating_sub(d)
                };
                (i, cut(name, w, tail))
            })
            .collect();
        if tells_apart(group, &labels) {
            return labels;
        }
    }
    group
        .iter()
        .map(|&(i, name, w)| (i, around_difference(name, group, w)))
        .collect()
}

/// Whether no two different names of `group` have the same label.
fn tells_apart(group: &[(usize, &str, usize)], labels: &[(usize, String)]) -> bool {
    group.iter().zip(labels).all(|(a, la)| {
        group
            .iter()
            .zip(labels)
            .all(|(b, lb)| a.1 == b.1 || la.1 != lb.1)
    })
}

/// `text` cut to `width` columns keeping `tail` columns of its end (none: cut at the end).
fn cut(text: &str, width: usize, tail: usize) -> String {
    if tail == 0 || width < 3 {
        return truncate(text, width);
    }
    let head = truncate(text, width - tail);
    let head = head.strip_suffix('…').unwrap_or(&head);
    format!("{head}…{}", tail_of(text, tail))
}

/// `…` and the `width - 2` columns of `name` up to where it first differs from another
/// name of the group, then `…`: the part that tells it apart.
fn around_difference(name: &str, group: &[(usize, &str, usize)], width: usize) -> String {
    // A name of megabytes is compared only so far.
    const FAR: usize = 4096;
    let differs_at = group
        .iter()
        .filter(|g| g.1 != name)
        .map(|g| {
            name.chars()
                .zip(g.1.chars())
                .take(FAR)
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()
        .unwrap_or(0);
    let upto: String = name.chars().take(differs_at + 1).collect();
    let room = width.saturating_sub(2);
    format!("…{}…", tail_of(&upto, room))
}

/// The last `width` columns of `text`, made safe.
fn tail_of(text: &str, width: usize) -> String {
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    // Marks of no width count toward a budget, as `truncate`'s do.
    for c in text.chars().rev().take(width * 8 + 64) {
        let c = crate::sanitize::visible_char(c);
        let w = crate::sanitize::width(c.encode_utf8(&mut [0; 4]));
        if used + w > width {
            break;
        }
        used += w;
        tail.push(c);
    }
    tail.into_iter().rev().collect()
}

fn item_line(
    side: &EntitySidebar,
    item: &EntityItem,
    width: usize,
    names: &HashMap<usize, String>,
) -> Line<'static> {
    let ui = &side.theme.ui;
    match item {
        EntityItem::Group { kind, entities, .. } => {
            let hidden = side.hidden.contains(kind);
            let style = if hidden {
                ui.hidden
            } else {
                side.theme.kind(kind)
            };
            // `hidden` is what matters most when narrow: the description gives way first,
            // then the count.
            let label = kind.label().to_string();
            let suffix = if hidden { " hidden" } else { "" };
            let room = width.saturating_sub(crate::sanitize::width(&label) + suffix.len());
            let full = format!(" {} ({entities})", kind.description());
            let short = format!(" ({entities})");
            let counts = if crate::sanitize::width(&full) <= room {
                full
            } else if short.len() <= room {
                short
            } else {
                String::new()
            };
            let mut spans = vec![Span::styled(label, style), Span::styled(counts, ui.dim)];
            if hidden {
                spans.push(Span::styled(suffix, ui.hidden));
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
            let name_width = name_width(entity, width);
            let name = names
                .get(index)
                .cloned()
                .unwrap_or_else(|| truncate_middle(&entity.name, name_width));
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

/// ` Entities 77 `, or ` Entities 3 of 77 ` when a filter or the scope narrows the list,
/// ` · tagger` when cableview's tagger found them,
/// with the scope and the order when they are not the usual ones; the words give way
/// first when the pane is narrow (`by count` shows in the list itself), the counts last.
fn title(side: &EntitySidebar, width: usize) -> String {
    let total = side.entities.len();
    let shown = side.list.shown();
    let counts = if shown == total {
        total.to_string()
    } else {
        format!("{shown} of {total}")
    };
    let scope = side.list.paragraph.as_ref().map(|label| {
        let named = [crate::cable::HEADER_LABEL, crate::cable::SIGNATURE_LABEL];
        let mark = if named.contains(&label.as_str()) {
            ""
        } else {
            "¶"
        };
        format!(" · {mark}{}", crate::sanitize::visible(label))
    });
    let scope = scope.unwrap_or_default();
    let order = if side.list.order == crate::session::reader::EntityOrder::Count {
        " · by count"
    } else {
        ""
    };
    let by = if side.tagged { " · tagger" } else { "" };
    [
        format!(" Entities {counts}{scope}{order}{by} "),
        format!(" Entities {counts}{scope}{order} "),
        format!(" {counts}{scope}{order} "),
        format!(" {counts}{scope} "),
    ]
    .into_iter()
    .find(|t| crate::sanitize::width(t) <= width)
    .unwrap_or_else(|| truncate(&format!(" {counts} "), width))
}

/// Whether `name` shows whole and as written in `width` columns: plain ASCII that fits
/// (a cheap test; anything else goes through [`truncate_middle`]).
fn shown_whole(name: &str, width: usize) -> bool {
    name.len() <= width && name.bytes().all(|b| b == b' ' || b.is_ascii_graphic())
}

/// Whether `text` shows whole in `width` columns.
fn fits(text: &str, width: usize) -> bool {
    crate::sanitize::width(&truncate(text, width.saturating_add(1))) <= width
}

/// `text` cut to `width` columns in the middle (`Counter-Ter…Section`), so names sharing a
/// long beginning stay apart; made safe as [`truncate`] makes it.
fn truncate_middle(text: &str, width: usize) -> String {
    if fits(text, width) || width < 5 {
        return truncate(text, width);
    }
    // The head takes a little more than half; the tail the rest after the ellipsis. A
    // name of megabytes is read only as far as its head and back from its end.
    cut(text, width, (width - 1) / 2)
}

#[cfg(test)]
mod tests {
    use super::truncate_middle;

    #[test]
    fn names_cut_in_the_middle_keep_their_ends_apart() {
        let a = truncate_middle("Counter-Terrorism Coordination Section", 20);
        let b = truncate_middle("Counter-Terrorism Finance Unit", 20);
        assert_ne!(a, b);
        assert_eq!(a, "Counter-Te…n Section");
        assert_eq!(crate::sanitize::width(&a), 20);
        assert_eq!(truncate_middle("Hezbollah", 20), "Hezbollah");
        assert_eq!(truncate_middle("Hezbollah", 9), "Hezbollah");
        assert_eq!(crate::sanitize::width(&truncate_middle("Hezbollah", 8)), 8);
        assert!(!truncate_middle("a\x1b[31m and a long red tail", 8).contains('\x1b'));
    }
}
