//! Opening a cable in the reader of the library: where it arrives (a mention, or where it
//! was left), its saved position, and the links its header shows to other cables.

use super::{Browser, Screen};
use crate::action::Action;
use crate::app::{App, CableLink, Links, RefItem};
use crate::library::EntityKey;

impl Browser {
    /// Opens a cable in the reader, at the first mention of `entity` when given, else
    /// where it was left last time (unless `--fresh`). The same cable keeps its reader as
    /// it is (position, hidden kinds); another one saves the position of the one left.
    pub(super) fn open(&mut self, cable: usize, entity: Option<&EntityKey>) {
        let same = matches!(&self.reader, Some((current, _)) if *current == cable);
        let mut resumed = None;
        if !same {
            let parsed = match self.library.open(cable) {
                Ok(parsed) => parsed,
                Err(e) => {
                    self.tell(e.to_string());
                    return;
                }
            };
            if let Some((_, left)) = &mut self.reader {
                self.session.save_now(left);
            }
            let mut app = App::new(parsed, self.options.clone());
            app.links = Some(self.links(cable));
            app.update(Action::Resize(self.size.0, self.size.1));
            resumed = self.session.open(&mut app, self.fresh);
            self.reader = Some((cable, app));
        }
        let Some((_, app)) = &mut self.reader else {
            return;
        };
        app.update(Action::Resize(self.size.0, self.size.1));
        if let Some(key) = entity {
            let found = app
                .cable
                .entities
                .iter()
                .position(|e| EntityKey::of(e) == *key);
            if let Some(i) = found {
                app.select_entity(i, true);
            }
        }
        self.screen = Screen::Reader;
        match resumed {
            Some(notice) if entity.is_none() => app.notify(notice),
            _ => self.note_selected_entity(),
        }
    }

    /// A cable's REF items and the cables citing it, as the reader's header links them.
    fn links(&self, cable: usize) -> Links {
        let link = |target: usize| CableLink {
            cable: target,
            id: self.cable_id(target).to_string(),
        };
        Links {
            references: self
                .library
                .references(cable)
                .map(|(reference, target)| RefItem {
                    label: reference.label.clone(),
                    text: reference.text.clone(),
                    target: target.map(link),
                })
                .collect(),
            cited_by: self
                .library
                .cited_by(cable)
                .iter()
                .map(|&c| link(c))
                .collect(),
        }
    }
}
