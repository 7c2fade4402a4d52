//! Moving across cables: the other cables naming an entity, REF links and cited-by,
//! and the jump list (`Ctrl-o` / `Ctrl-i`).

use super::{Arrival, CableList, Jump, ListCursor, ListItem, Overlay, Session};
use crate::library::{Appearance, CableIndex, EntityKey};
use crate::session::action::Action;

/// `1 mention`, `2 mentions`: a count with its noun, plural unless one.
fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// `no other cable`, `1 other cable`, `6 other cables`.
#[must_use]
pub fn other_cables(count: usize) -> String {
    if count == 0 {
        "no other cable".to_string()
    } else {
        counted(count, "other cable")
    }
}

impl Session {
    /// Where an entity appears in the library's cables other than `cable`.
    #[must_use]
    pub fn elsewhere(&self, cable: CableIndex, entity: &EntityKey) -> Vec<Appearance<'_>> {
        let mut appearances = self.library.appearances(entity);
        appearances.retain(|a| a.cable != cable);
        appearances
    }

    /// A cable's reference ID, `?` for a cable the library does not hold.
    #[must_use]
    pub fn cable_id(&self, cable: CableIndex) -> &str {
        self.library.row(cable).map_or("?", |r| r.id.as_str())
    }

    /// Says in the status line how many other cables name the selected entity.
    pub(super) fn note_selected_entity(&mut self) {
        let Some(open) = self.view.open() else {
            return;
        };
        let (cable, app) = (open.cable(), open.reader());
        let Some(entity) = app.selected().and_then(|i| app.cable().entities.get(i)) else {
            return;
        };
        let (key, name) = (EntityKey::of(entity), entity.name.clone());
        // On an index the count comes from a lookup, and this is said again when it does.
        let Some(others) = self.others_naming(cable, &key) else {
            return self.look_up_naming(false);
        };
        let hint = match self.options.keymap.library_key(&Action::OtherCables) {
            Some(key) if others > 0 => format!(" ({key} to list)"),
            _ => String::new(),
        };
        let text = format!("{name}: in {}{hint}", other_cables(others));
        if let Some(app) = self.reader_mut() {
            app.notify(text);
        }
    }

    pub(super) fn list_other_cables(&mut self) {
        if self.on_index() && self.reader().is_some_and(|app| app.selected().is_some()) {
            return self.look_up_naming(true);
        }
        let Some(open) = self.view.open() else {
            return;
        };
        let (cable, app) = (open.cable(), open.reader());
        let Some(entity) = app.selected().and_then(|i| app.cable().entities.get(i)) else {
            let how = self
                .options
                .keymap
                .key(&Action::Activate)
                .map_or_else(String::new, |k| format!(" ({k} on one in the sidebar)"));
            self.tell(format!("select an entity first{how}"));
            return;
        };
        let key = EntityKey::of(entity);
        let others = self.elsewhere(cable, &key);
        let id_width = others
            .iter()
            .map(|a| self.cable_id(a.cable).chars().count())
            .max()
            .unwrap_or(0);
        let items: Vec<ListItem> = others
            .iter()
            .map(|a| ListItem {
                cable: a.cable,
                entity: Some(key.clone()),
                text: format!(
                    "{:id_width$}  {}, first in ¶{}",
                    self.cable_id(a.cable),
                    counted(a.count, "mention"),
                    a.first_paragraph
                ),
            })
            .collect();
        let list = CableList {
            title: format!("{} in {}", entity.name, other_cables(items.len())),
            items,
            cursor: ListCursor::default(),
        };
        self.show(Overlay::Cables(list));
    }

    /// Lists the open cable's REF items that lead to a cable of the library, then the
    /// cables citing it: the links its header shows.
    pub(super) fn list_references(&mut self) {
        let Some(open) = self.view.open() else {
            return;
        };
        let cable = open.cable();
        let links = open.reader().links().cloned().unwrap_or_default();
        let mut items: Vec<ListItem> = links
            .references
            .iter()
            .filter_map(|reference| {
                let target = reference.target.as_ref()?;
                // Lettered as the header letters it: `B. 04 PARIS 8983`.
                let label = reference
                    .label
                    .as_deref()
                    .map(|l| format!("{l}. "))
                    .unwrap_or_default();
                Some(ListItem {
                    cable: target.cable,
                    entity: None,
                    text: format!("REF {label}{} → {}", reference.text, target.id),
                })
            })
            .collect();
        items.extend(links.cited_by.iter().map(|c| ListItem {
            cable: c.cable,
            entity: None,
            text: format!("cited by {}", c.id),
        }));
        let list = CableList {
            title: format!("{}: REF links and cited by", self.cable_id(cable)),
            items,
            cursor: ListCursor::default(),
        };
        self.show(Overlay::Cables(list));
    }

    /// Records the current place before going elsewhere; forward history is dropped.
    pub(super) fn remember(&mut self) {
        if let Some(open) = self.view.open() {
            let app = open.reader();
            let jump = Jump {
                cable: open.cable(),
                position: app.position(),
                focus: app.focus(),
                mention_cursor: app.mention_cursor(),
            };
            self.push_jump(jump);
        }
    }

    /// Records a jump inside the open cable (paragraph jumps, searches, `g`/`G`, mention
    /// walks, marks): `here` is the place before the action, with
    /// its view moved to `origin`, where the jump left from (for a search, where the view
    /// was at `/`).
    pub(super) fn remember_jump(&mut self, mut here: Jump, origin: crate::session::reader::Anchor) {
        here.position.paragraph = origin.paragraph;
        here.position.row = origin.row;
        self.push_jump(here);
    }

    /// Appends a place after the current one, dropping the forward history (as vim does).
    fn push_jump(&mut self, jump: Jump) {
        self.jumps.truncate(self.jump_at);
        // Twice the same place in a row would make Ctrl-o seem to do nothing.
        if self.jumps.last() != Some(&jump) {
            self.jumps.push(jump);
        }
        self.jump_at = self.jumps.len();
    }

    pub(super) fn jump_back(&mut self) {
        if self.jump_at == 0 {
            return;
        }
        if self.jump_at == self.jumps.len() {
            // Keep the newest place so Ctrl-i can return to it.
            self.remember();
            self.jump_at = self.jump_at.saturating_sub(1);
        }
        self.jump_at = self.jump_at.saturating_sub(1);
        self.go_to_jump();
    }

    pub(super) fn jump_forward(&mut self) {
        if self.jump_at + 1 >= self.jumps.len() {
            return;
        }
        self.jump_at += 1;
        self.go_to_jump();
    }

    pub(super) fn go_to_jump(&mut self) {
        let Some(mut jump) = self.jumps.get(self.jump_at).cloned() else {
            return;
        };
        // Within the open cable the jump moves the view, not the marks set or the kinds
        // hidden since.
        if let Some(open) = self.view.open()
            && open.cable() == jump.cable
        {
            let now = open.reader().position();
            jump.position.marks = now.marks;
            jump.position.hidden_kinds = now.hidden_kinds;
        }
        self.go(jump.cable, Arrival::Jump(jump));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_english() {
        assert_eq!(other_cables(0), "no other cable");
        assert_eq!(other_cables(1), "1 other cable");
        assert_eq!(other_cables(6), "6 other cables");
        assert_eq!(counted(1, "mention"), "1 mention");
        assert_eq!(counted(18, "mention"), "18 mentions");
    }
}
