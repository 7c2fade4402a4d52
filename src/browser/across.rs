//! Moving across cables: the other cables naming an entity, REF links and cited-by,
//! and the jump list (`Ctrl-o` / `Ctrl-i`).

use super::{Browser, CableList, Jump, ListItem};
use crate::action::Action;
use crate::library::EntityKey;

impl Browser {
    pub(super) fn list_other_cables(&mut self) {
        let Some((cable, app)) = &self.reader else {
            return;
        };
        let Some(entity) = app.selected.and_then(|i| app.cable.entities.get(i)) else {
            let how = self
                .options
                .keymap
                .key(&Action::Activate)
                .map_or_else(String::new, |k| format!(" ({k} on one in the sidebar)"));
            self.tell(format!("select an entity first{how}"));
            return;
        };
        let key = EntityKey::of(entity);
        let items: Vec<ListItem> = self
            .library
            .appearances(&key)
            .iter()
            .filter(|a| a.cable != *cable)
            .map(|a| ListItem {
                cable: a.cable,
                entity: Some(key.clone()),
                text: format!(
                    "{}  {} mentions, first in ¶{}",
                    self.library.row(a.cable).map_or("?", |r| r.id.as_str()),
                    a.count,
                    a.first_paragraph
                ),
            })
            .collect();
        self.list = Some(CableList {
            title: format!("{} in {} other cables", entity.name, items.len()),
            items,
            selected: 0,
        });
    }

    pub(super) fn list_references(&mut self) {
        let Some((cable, _)) = &self.reader else {
            return;
        };
        let cable = *cable;
        let id = |i: usize| {
            self.library
                .row(i)
                .map_or("?", |r| r.id.as_str())
                .to_string()
        };
        let mut items: Vec<ListItem> = self
            .library
            .references(cable)
            .filter_map(|(reference, link)| {
                let target = link?;
                let label = reference.label.as_deref().unwrap_or("-");
                Some(ListItem {
                    cable: target,
                    entity: None,
                    text: format!("REF {label}. {} -> {}", reference.text, id(target)),
                })
            })
            .collect();
        items.extend(self.library.cited_by(cable).iter().map(|&c| ListItem {
            cable: c,
            entity: None,
            text: format!("cited by {}", id(c)),
        }));
        self.list = Some(CableList {
            title: format!("{}: REF links and cited by", id(cable)),
            items,
            selected: 0,
        });
    }

    /// Records the current place before going elsewhere; forward history is dropped.
    pub(super) fn remember(&mut self) {
        if let Some((cable, app)) = &self.reader {
            self.jumps.truncate(self.jump_at);
            self.jumps.push(Jump {
                cable: *cable,
                position: app.position(),
            });
            self.jump_at = self.jumps.len();
        }
    }

    pub(super) fn jump_back(&mut self) {
        if self.jump_at == 0 {
            return;
        }
        if self.jump_at == self.jumps.len() {
            // Keep the newest place so Ctrl-i can return to it.
            self.remember();
            self.jump_at -= 1;
        }
        self.jump_at -= 1;
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
        let Some(jump) = self.jumps.get(self.jump_at).cloned() else {
            return;
        };
        self.open(jump.cable, None);
        if let Some((_, app)) = &mut self.reader {
            app.restore(&jump.position);
        }
    }
}
