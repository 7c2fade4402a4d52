//! The entity sidebar's list: grouped by kind, narrowed by a fuzzy filter.

use super::position::EntityOrder;
use crate::cable::{Cable, EntityKind};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// One row of the entity list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityItem {
    /// A kind's group heading, with the number of its entities shown and their mentions.
    Group {
        /// The kind.
        kind: EntityKind,
        /// Entities listed under it.
        entities: usize,
        /// Their mentions.
        mentions: usize,
    },
    /// An entity: its index in `cable.entities`.
    Entity(usize),
}

/// The sidebar's rows, filter text and cursor.
#[derive(Debug, Clone, Default)]
pub struct EntityList {
    /// The filter as typed.
    pub filter: String,
    /// The rows after filtering.
    pub items: Vec<EntityItem>,
    /// The row the cursor is on (always an entity row when there is one).
    pub cursor: usize,
    /// Grouped by kind, or by count across kinds.
    pub order: EntityOrder,
    /// The label of the paragraph the list is narrowed to (`None`: the whole cable).
    pub paragraph: Option<String>,
}

/// The kinds of a cable in display order: the standard four, then others by label.
#[must_use]
pub fn kinds_in_order(cable: &Cable) -> Vec<EntityKind> {
    let mut kinds: Vec<EntityKind> = EntityKind::STANDARD.to_vec();
    let mut others: Vec<EntityKind> = cable
        .entities
        .iter()
        .map(|e| e.kind.clone())
        .filter(|k| matches!(k, EntityKind::Other(_)))
        .collect();
    others.sort();
    others.dedup();
    kinds.extend(others);
    kinds
}

impl EntityList {
    /// Rebuilds the rows for the current filter, order and scope, keeping the cursor on the
    /// same entity.
    pub fn rebuild(&mut self, cable: &Cable) {
        let keep = self.entity_at_cursor();
        let pattern = Pattern::parse(&self.filter, CaseMatching::Ignore, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buf = Vec::new();
        let mut members = |kind: Option<&EntityKind>| -> Vec<usize> {
            let mut members: Vec<(u32, usize)> = cable
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| kind.is_none_or(|k| e.kind == *k))
                .filter(|(_, e)| {
                    self.paragraph
                        .as_ref()
                        .is_none_or(|label| e.paragraphs.contains(label))
                })
                .filter_map(|(i, e)| {
                    if self.filter.is_empty() {
                        return Some((0, i));
                    }
                    pattern
                        .score(Utf32Str::new(&e.name, &mut buf), &mut matcher)
                        .map(|s| (s, i))
                })
                .collect();
            // Best matches first when filtering; otherwise the cable's order (most frequent).
            members.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            members.into_iter().map(|(_, i)| i).collect()
        };
        let mut items = Vec::new();
        match self.order {
            EntityOrder::Count => {
                items.extend(members(None).into_iter().map(EntityItem::Entity));
            }
            EntityOrder::Kind => {
                for kind in kinds_in_order(cable) {
                    let members = members(Some(&kind));
                    if members.is_empty() {
                        continue;
                    }
                    let mentions = members.iter().map(|i| cable.entities[*i].count).sum();
                    items.push(EntityItem::Group {
                        kind,
                        entities: members.len(),
                        mentions,
                    });
                    items.extend(members.into_iter().map(EntityItem::Entity));
                }
            }
        }
        self.items = items;
        self.cursor = keep
            .and_then(|e| {
                self.items
                    .iter()
                    .position(|it| *it == EntityItem::Entity(e))
            })
            .unwrap_or_else(|| self.first_entity_row().unwrap_or(0));
    }

    /// How many entities the rows list.
    #[must_use]
    pub fn shown(&self) -> usize {
        self.items
            .iter()
            .filter(|it| matches!(it, EntityItem::Entity(_)))
            .count()
    }

    /// The entity under the cursor.
    #[must_use]
    pub fn entity_at_cursor(&self) -> Option<usize> {
        match self.items.get(self.cursor) {
            Some(EntityItem::Entity(i)) => Some(*i),
            _ => None,
        }
    }

    fn first_entity_row(&self) -> Option<usize> {
        self.items
            .iter()
            .position(|it| matches!(it, EntityItem::Entity(_)))
    }

    /// Moves the cursor by `delta` entity rows, stopping at the ends.
    ///
    /// Steps over the rows between (group headings), so a key costs the rows it moves
    /// over, not the length of a list of a million entities.
    pub fn move_cursor(&mut self, delta: isize) {
        let is_entity = |i: &usize| matches!(self.items[*i], EntityItem::Entity(_));
        // The entity row at or after the cursor, else the first one.
        let Some(mut here) = (self.cursor..self.items.len())
            .find(is_entity)
            .or_else(|| (0..self.items.len()).find(is_entity))
        else {
            return;
        };
        for _ in 0..delta.unsigned_abs() {
            let next = if delta > 0 {
                (here + 1..self.items.len()).find(is_entity)
            } else {
                (0..here).rev().find(is_entity)
            };
            match next {
                Some(row) => here = row,
                None => break,
            }
        }
        self.cursor = here;
    }

    /// Puts the cursor on the first or the last entity.
    pub fn cursor_to_end(&mut self, last: bool) {
        let mut rows = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| matches!(it, EntityItem::Entity(_)));
        let row = if last { rows.next_back() } else { rows.next() };
        if let Some((i, _)) = row {
            self.cursor = i;
        }
    }

    /// Puts the cursor on an entity if it is listed.
    pub fn cursor_to_entity(&mut self, entity: usize) {
        if let Some(i) = self
            .items
            .iter()
            .position(|it| *it == EntityItem::Entity(entity))
        {
            self.cursor = i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `move_cursor` did before it stepped: index the entity rows, move in that list.
    fn moved_by_index(items: &[EntityItem], cursor: usize, delta: isize) -> usize {
        let rows: Vec<usize> = (0..items.len())
            .filter(|&i| matches!(items[i], EntityItem::Entity(_)))
            .collect();
        if rows.is_empty() {
            return cursor;
        }
        let here = rows.iter().position(|&r| r >= cursor).unwrap_or(0);
        rows[here.saturating_add_signed(delta).min(rows.len() - 1)]
    }

    #[test]
    fn stepping_the_cursor_moves_as_indexing_the_rows_did() {
        let group = |kind| EntityItem::Group {
            kind,
            entities: 1,
            mentions: 1,
        };
        let items = vec![
            group(EntityKind::Per),
            EntityItem::Entity(0),
            EntityItem::Entity(1),
            group(EntityKind::Org),
            EntityItem::Entity(2),
            group(EntityKind::Loc),
            group(EntityKind::Misc),
            EntityItem::Entity(3),
        ];
        for cursor in 0..=items.len() + 1 {
            for delta in [
                -100,
                -3,
                -2,
                -1,
                0,
                1,
                2,
                3,
                100,
                isize::MAX / 2,
                isize::MIN / 2,
            ] {
                let mut list = EntityList {
                    items: items.clone(),
                    cursor,
                    ..EntityList::default()
                };
                list.move_cursor(delta);
                assert_eq!(
                    list.cursor,
                    moved_by_index(&items, cursor, delta),
                    "from {cursor} by {delta}"
                );
            }
        }
        let mut empty = EntityList::default();
        empty.move_cursor(1);
        assert_eq!(empty.cursor, 0);
    }
}
