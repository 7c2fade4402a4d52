//! The mouse: the wheel scrolls the pane under the pointer; clicks jump and select, and
//! in a library a click on a header link asks for that cable.

use super::{EntityItem, Focus, Reader};
use crate::session::action::{Action, Mouse};
use crate::session::layout;
use crate::session::text_layout::RowKind;
use ratatui::layout::{Position, Rect};

fn contains(rect: Rect, x: u16, y: u16) -> bool {
    rect.contains(Position { x, y })
}

impl Reader {
    pub(super) fn mouse(&mut self, mouse: Mouse) {
        let area = self.area();
        if layout::too_small(area) {
            return;
        }
        let panes = layout::panes(area, self);
        let (x, y) = match mouse {
            Mouse::Click(x, y) | Mouse::WheelDown(x, y) | Mouse::WheelUp(x, y) => (x, y),
        };
        if let Mouse::Click(..) = mouse
            && let Some(cable) = layout::link_at(self, area, panes.header, x, y)
        {
            self.effects.push(super::Effect::OpenCable(cable));
            return;
        }
        let pane = if panes.navigator.is_some_and(|r| contains(r, x, y)) {
            Focus::Navigator
        } else if panes.entities.is_some_and(|r| contains(r, x, y)) {
            Focus::Entities
        } else if contains(panes.reader, x, y) {
            Focus::Reader
        } else {
            return;
        };
        match mouse {
            Mouse::WheelDown(..) | Mouse::WheelUp(..) => {
                let down = matches!(mouse, Mouse::WheelDown(..));
                let saved = self.focus;
                self.focus = pane;
                let step = if pane == Focus::Reader { 3 } else { 1 };
                self.normal_action(if down { Action::Down } else { Action::Up });
                for _ in 1..step {
                    self.normal_action(if down { Action::Down } else { Action::Up });
                }
                self.focus = saved;
            }
            Mouse::Click(..) => {
                self.focus = pane;
                match pane {
                    Focus::Navigator => {
                        self.click_navigator(panes.navigator.unwrap_or_default(), y)
                    }
                    Focus::Entities => self.click_entities(panes.entities.unwrap_or_default(), y),
                    Focus::Reader => self.click_reader(x, y),
                }
            }
        }
    }

    fn click_navigator(&mut self, pane: Rect, y: u16) {
        let inner = layout::inner(pane);
        if !contains(inner, inner.x, y) {
            return;
        }
        let offset = layout::list_offset(
            self.current_nav_row(),
            self.nav_rows.len(),
            usize::from(inner.height),
        );
        if let Some(block) = self.nav_target(offset + usize::from(y - inner.y)) {
            self.jump_to_block(block);
        }
    }

    fn click_entities(&mut self, pane: Rect, y: u16) {
        let geometry = layout::entities_geometry(pane);
        if contains(geometry.filter, geometry.filter.x, y) {
            self.mode = super::Mode::Filter;
            return;
        }
        if !contains(geometry.list, geometry.list.x, y) {
            return;
        }
        let list = &self.entity_list;
        let offset = layout::list_offset(
            list.cursor,
            list.items.len(),
            usize::from(geometry.list.height),
        );
        match list
            .items
            .get(offset + usize::from(y - geometry.list.y))
            .cloned()
        {
            Some(EntityItem::Entity(entity)) => self.select_entity(entity, true),
            Some(EntityItem::Group { kind, .. }) => self.toggle_kind(kind),
            None => {}
        }
    }

    fn click_reader(&mut self, x: u16, y: u16) {
        if self.source_view {
            return;
        }
        let text = self.reader_geometry(self.area()).text;
        if !contains(text, x, y) {
            return;
        }
        let doc = self.doc_layout();
        let row = self.top_row(&doc) + usize::from(y - text.y);
        let Some(crate::session::text_layout::Row {
            block,
            kind: RowKind::Text { bytes, .. },
        }) = doc.rows.get(row)
        else {
            return;
        };
        let block_text = self.block_text(*block);
        let mut column = 0;
        let mut offset = None;
        for (i, c) in block_text[bytes.clone()].char_indices() {
            column += crate::sanitize::char_width(c);
            if column > usize::from(x - text.x) {
                offset = Some(bytes.start + i);
                break;
            }
        }
        let Some(offset) = offset else { return };
        // Mentions are in text order (as the reader draws them): a binary search, not a
        // scan of a paragraph's million mentions.
        let mentions = self.block_mentions(*block);
        let first = mentions.partition_point(|m| m.bytes.end <= offset);
        let hit = mentions[first..]
            .iter()
            .take_while(|m| m.bytes.start <= offset)
            .position(|m| m.bytes.contains(&offset))
            .map(|i| first + i);
        if let Some(mention) = hit
            && let Some(entity) = self.mention_entity(*block, mention)
        {
            self.select_entity(entity, false);
            self.mention_cursor = self
                .selected_mentions
                .iter()
                .position(|&bm| bm == (*block, mention));
        }
    }
}
