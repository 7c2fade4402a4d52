//! Opening a cable in the reader of the library: where it arrives (a mention, or where it
//! was left), its saved position, and the links its header shows to other cables.

use super::{Arrival, Effect, Screen, Session};
use crate::action::{Action, CableRead};
use crate::app::{App, CableLink, Links, ReadingPosition, RefItem};
use crate::library::EntityKey;

impl Session {
    /// Opens a cable in the reader: at the first mention of `entity` when given, else
    /// where it was left last time (unless `--fresh`). The same cable keeps its reader as
    /// it is; another one is read by the event loop ([`Effect::ReadCable`]) and arrives
    /// with [`Action::CableRead`].
    pub(super) fn open(&mut self, cable: usize, entity: Option<EntityKey>) {
        let arrival = entity.map_or(Arrival::Resume, Arrival::Entity);
        self.go(cable, arrival);
    }

    /// Goes to `cable`, arriving as `arrival` says.
    pub(super) fn go(&mut self, cable: usize, arrival: Arrival) {
        if matches!(&self.reader, Some((current, _)) if *current == cable) {
            self.screen = Screen::Reader;
            self.land(arrival, None);
            return;
        }
        self.opening = Some((cable, arrival));
        self.effects.push(Effect::ReadCable { cable });
    }

    /// The event loop read a cable: show it, where it was asked to open.
    pub(super) fn arrive(&mut self, read: CableRead) {
        let Some((cable, arrival)) = self.opening.take().filter(|(c, _)| *c == read.cable) else {
            return;
        };
        let parsed = match read.parsed {
            Ok(parsed) => parsed,
            Err(e) => {
                self.tell(e);
                return;
            }
        };
        // Leaving a cable records where it was left.
        self.save_position(true);
        let mut app = App::new(parsed, self.options.clone());
        if !self.single {
            app.links = Some(self.links(cable));
        }
        app.update(Action::Resize(self.size.0, self.size.1));
        // What was said before a single cable opened is said in its reader.
        if let Some(text) = self.notice.take().filter(|_| self.single) {
            app.notify(text);
        }
        let saved = read.saved.clone().filter(|_| !self.fresh);
        self.positions
            .open(crate::state::cable_key(&app.cable), read.saved);
        self.reader = Some((cable, app));
        self.screen = Screen::Reader;
        self.land(arrival, saved.as_ref());
    }

    /// Puts the reader where `arrival` says, `saved` being where the cable was left.
    fn land(&mut self, arrival: Arrival, saved: Option<&ReadingPosition>) {
        let Some((_, app)) = &mut self.reader else {
            return;
        };
        match arrival {
            Arrival::Resume => {
                if let Some(position) = saved {
                    app.restore(position);
                    let block = app.position().paragraph;
                    if block > 0 {
                        let resumed = format!("resumed at {}", app.block_label(block));
                        let text = match app.notice.take() {
                            Some(before) => format!("{resumed}; {before}"),
                            None => resumed,
                        };
                        app.notify(text);
                    }
                }
            }
            Arrival::Entity(key) => {
                // What was kept (marks, hidden kinds) comes back; the entity sets the place.
                if let Some(position) = saved {
                    app.restore(position);
                }
                let found = app
                    .cable
                    .entities
                    .iter()
                    .position(|e| EntityKey::of(e) == key);
                if let Some(i) = found {
                    app.select_entity(i, true);
                }
                self.note_selected_entity();
            }
            Arrival::Jump(jump) => {
                app.restore(&jump.position);
                // The exact place: the pane in focus and the mention the cursor was on too.
                app.focus = jump.focus;
                if jump
                    .mention_cursor
                    .is_some_and(|at| at < app.selected_mentions.len())
                {
                    app.mention_cursor = jump.mention_cursor;
                }
            }
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
