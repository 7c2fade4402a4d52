//! The TAG picker over the table of cables (`T`): the TAGS codes the library uses, with how
//! many cables carry each and their names from the TAGS table, narrowed fuzzily as you
//! type (`pgov`, `france`, `terror`); `enter` filters the table by the one under the
//! cursor.

use super::ListCursor;
use crate::session::action::Action;
use crate::session::message::Message;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui::layout::Rect;

/// One TAG the library uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagItem {
    /// The code as the cables write it: `PGOV`.
    pub code: String,
    /// How many cables carry it.
    pub count: usize,
    /// Its name in the TAGS table, when it is there.
    pub name: Option<&'static str>,
}

/// What a key did to the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// Still picking.
    Open,
    /// Closed without a choice.
    Closed,
    /// Closed on this TAG.
    Tag(String),
}

/// The picker's state: every TAG, the query, the ones it matches and the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagPicker {
    /// Every TAG of the library, most used first.
    pub items: Vec<TagItem>,
    /// What was typed.
    pub query: String,
    /// The items the query matches (indices into `items`), best first.
    pub shown: Vec<usize>,
    /// The cursor over `shown`.
    pub cursor: ListCursor,
}

impl TagPicker {
    /// A picker over `tags` (code and count, most used first), its cursor on `current`
    /// (the TAG filtering the table now) when there is one.
    #[must_use]
    pub fn new(tags: Vec<(String, usize)>, current: Option<&str>) -> Self {
        let items: Vec<TagItem> = tags
            .into_iter()
            .map(|(code, count)| TagItem {
                name: crate::tags::lookup(&code).map(|info| info.name),
                code,
                count,
            })
            .collect();
        let mut picker = Self {
            shown: (0..items.len()).collect(),
            items,
            query: String::new(),
            cursor: ListCursor::default(),
        };
        let at = current.and_then(|c| picker.items.iter().position(|i| i.code == c));
        picker.cursor.select(at.unwrap_or(0), picker.shown.len());
        picker
    }

    /// The TAG under the cursor.
    #[must_use]
    pub fn selected(&self) -> Option<&TagItem> {
        self.shown
            .get(self.cursor.selected)
            .and_then(|&i| self.items.get(i))
    }

    /// Takes the height of the rows the popup shows in a terminal of `size`.
    pub fn fit(&mut self, size: (u16, u16)) {
        let rows = usize::from(list_area(popup(Rect::new(0, 0, size.0, size.1))).height);
        self.cursor.set_height(rows, self.shown.len());
    }

    /// Applies a key's action: typing narrows, movements move, `enter` picks, `esc`
    /// closes.
    pub fn apply(&mut self, message: &Message) -> Picked {
        let action = match message {
            Message::Type(c) => {
                self.query.push(*c);
                self.refilter();
                return Picked::Open;
            }
            Message::Backspace => {
                self.query.pop();
                self.refilter();
                return Picked::Open;
            }
            Message::Action(action) => action,
            _ => return Picked::Open,
        };
        match action {
            Action::Open => {
                return self
                    .selected()
                    .map_or(Picked::Closed, |item| Picked::Tag(item.code.clone()));
            }
            Action::Cancel | Action::Back => return Picked::Closed,
            action => {
                self.cursor.apply(action, self.shown.len());
            }
        }
        Picked::Open
    }

    /// Matches the query against each TAG's code and name: best first, then most used.
    fn refilter(&mut self) {
        if self.query.trim().is_empty() {
            self.shown = (0..self.items.len()).collect();
        } else {
            let pattern = Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
            let mut matcher = Matcher::new(Config::DEFAULT);
            let mut buf = Vec::new();
            let mut scored: Vec<(u32, usize)> = self
                .items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let text = format!("{} {}", item.code, item.name.unwrap_or(""));
                    let score = pattern.score(Utf32Str::new(&text, &mut buf), &mut matcher)?;
                    Some((score, i))
                })
                .collect();
            // Items are most used first, so a stable sort by score keeps that among equals.
            scored.sort_by_key(|s| std::cmp::Reverse(s.0));
            self.shown = scored.into_iter().map(|(_, i)| i).collect();
        }
        self.cursor.select(0, self.shown.len());
    }
}

/// Where the picker sits in `area`: centred, up to 72 columns wide and 20 rows high.
#[must_use]
pub fn popup(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(72);
    let height = area.height.saturating_sub(2).min(20);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The query line inside the popup's border.
#[must_use]
pub fn query_area(popup: Rect) -> Rect {
    let inner = crate::session::layout::inner(popup);
    Rect {
        height: inner.height.min(1),
        ..inner
    }
}

/// The rows of TAGs under the query line.
#[must_use]
pub fn list_area(popup: Rect) -> Rect {
    let inner = crate::session::layout::inner(popup);
    Rect {
        y: inner.y + inner.height.min(1),
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker() -> TagPicker {
        let tags = [("PREL", 9), ("PGOV", 7), ("FR", 3), ("ZZZZ", 1)];
        TagPicker::new(
            tags.iter().map(|(t, n)| ((*t).to_string(), *n)).collect(),
            None,
        )
    }

    fn typed(p: &mut TagPicker, text: &str) {
        for c in text.chars() {
            p.apply(&Message::Type(c));
        }
    }

    #[test]
    fn names_come_from_the_tags_table_and_typing_matches_them() {
        let mut p = picker();
        assert_eq!(p.items[2].name, Some("France"));
        assert_eq!(p.items[3].name, None, "an unknown code has no name");
        typed(&mut p, "france");
        assert_eq!(p.selected().map(|i| i.code.as_str()), Some("FR"));
        p.apply(&Message::Backspace);
        assert_eq!(p.query, "franc");
        for _ in 0..5 {
            p.apply(&Message::Backspace);
        }
        assert_eq!(p.shown.len(), 4, "an empty query shows every TAG");
        typed(&mut p, "pgov");
        assert_eq!(p.apply(&Action::Open.into()), Picked::Tag("PGOV".into()));
        typed(&mut p, "qqqqq");
        assert!(p.shown.is_empty());
        assert_eq!(p.apply(&Action::Open.into()), Picked::Closed);
        assert_eq!(p.apply(&Action::Cancel.into()), Picked::Closed);
    }

    #[test]
    fn the_cursor_starts_on_the_tag_in_use_and_moves() {
        let tags = vec![("PREL".to_string(), 2), ("PGOV".to_string(), 1)];
        let mut p = TagPicker::new(tags, Some("PGOV"));
        assert_eq!(p.selected().unwrap().code, "PGOV");
        p.apply(&Action::Up.into());
        assert_eq!(p.selected().unwrap().code, "PREL");
    }
}
