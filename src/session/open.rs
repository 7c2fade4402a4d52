//! Opening a cable in the reader of the library: where it arrives (a mention, or where it
//! was left), its saved position, and the links its header shows to other cables.

use super::{Arrival, Effect, Lookup, OpenCable, Session, View};
use crate::cable::entities::spelling_key;
use crate::cable::{CableId, Entity, EntityKind, Reference};
use crate::library::{CableIndex, EntityKey};
use crate::session::action::{CableRead, Corrected};
use crate::session::message::Message;
use crate::session::reader::{CableLink, Links, Reader, ReadingPosition, RefItem};

impl Session {
    /// Opens a cable in the reader: at the first mention of `entity` when given, else
    /// where it was left last time (unless `--fresh`). The same cable keeps its reader as
    /// it is; another one is read by the event loop ([`Effect::ReadCable`]) and arrives
    /// with [`Message::CableRead`].
    pub(super) fn open(&mut self, cable: CableIndex, entity: Option<EntityKey>) {
        let arrival = entity.map_or(Arrival::Resume, Arrival::Entity);
        self.go(cable, arrival);
    }

    /// Goes to `cable`, arriving as `arrival` says.
    pub(super) fn go(&mut self, cable: CableIndex, arrival: Arrival) {
        if self.view.open().is_some_and(|open| open.cable() == cable) {
            self.view.back_to_reader();
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
                self.tell(e.to_string());
                return;
            }
        };
        // Leaving a cable records where it was left.
        self.save_position(true);
        let mut app = Reader::new(parsed, self.options.clone());
        if !self.single {
            let links = self.links(cable, &app.cable().header.references);
            app.set_links(links);
            // On an index, the cables citing this one are looked up (they come later).
            if self.on_index() {
                self.effects.push(Effect::Lookup(Lookup::CitedBy {
                    cable,
                    id: CableId::new(self.cable_id(cable)),
                }));
            }
        }
        app.update(Message::Resize(self.size.0, self.size.1));
        // What was said before a single cable opened is said in its reader.
        if let Some(text) = self.notice.take().filter(|_| self.single) {
            app.notify(text);
        }
        let saved = read.saved.clone().filter(|_| !self.fresh);
        self.positions.open(read.key, read.saved);
        // A menu open on the cable left would correct this one's entities.
        self.drop_correction_menu();
        self.view = View::Reader(Box::new(OpenCable::new(cable, app)));
        self.land(arrival, saved.as_ref());
    }

    /// Puts the reader where `arrival` says, `saved` being where the cable was left.
    fn land(&mut self, arrival: Arrival, saved: Option<&ReadingPosition>) {
        let Some(app) = self.reader_mut() else {
            return;
        };
        match arrival {
            Arrival::Resume => {
                if let Some(position) = saved {
                    app.restore(position);
                    let block = app.position().paragraph;
                    if block > 0 {
                        let resumed = format!("resumed at {}", app.block_label(block));
                        let text = match app.take_notice() {
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
                if let Some(i) = entity_for_key(&app.cable().entities, &key) {
                    app.select_entity(i, true);
                }
                self.note_selected_entity();
            }
            // A cable that does not say the words (the query matched its ID or
            // subject) opens as any other.
            Arrival::Matches(_, words) if !app.says_any(&words) => {
                self.land(Arrival::Resume, saved)
            }
            Arrival::Matches(query, words) => {
                if let Some(position) = saved {
                    app.restore(position);
                }
                app.show_matches(&query, words);
            }
            Arrival::Jump(jump) => {
                app.restore(&jump.position);
                // The exact place: the pane in focus and the mention the cursor was on too.
                app.return_to(jump.focus, jump.mention_cursor);
            }
        }
    }

    /// The event loop saved a correction and read the cable again: show it as it is now,
    /// where the reader was, with the corrected entity selected.
    pub(super) fn corrected(&mut self, corrected: Corrected) {
        let Some(open) = self.view.open_mut() else {
            return;
        };
        if open.cable() != corrected.cable {
            return;
        }
        let app = open.reader_mut();
        let parsed = match corrected.parsed {
            Ok(parsed) => parsed,
            Err(e) => {
                app.notify(e.to_string());
                return;
            }
        };
        let position = app.position();
        let mut fresh = Reader::new(parsed, self.options.clone());
        fresh.keep_from(app, (!corrected.undone).then_some(corrected.scope));
        fresh.update(Message::Resize(self.size.0, self.size.1));
        fresh.restore(&position);
        if let Some((kind, text)) = &corrected.select
            && let Some(i) = fresh.cable().entity_of(kind, text)
        {
            fresh.select_entity(i, false);
        }
        fresh.notify(corrected.message);
        *app = fresh;
        // A menu opened before the cable was read again names entities of the old one.
        self.drop_correction_menu();
        self.save_position(false);
    }

    /// A cable's REF items (as its document has them) and the cables citing it, as the
    /// reader's header links them. On a corpus index, the citing cables come later, from
    /// a lookup.
    fn links(&self, cable: CableIndex, references: &[Reference]) -> Links {
        let link = |target: CableIndex| CableLink {
            cable: target,
            id: self.cable_id(target).to_string(),
        };
        let targets = self.library.resolve_references(cable, references);
        Links {
            references: references
                .iter()
                .zip(targets)
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

/// The entity of a cable that `key` names: its own key, else one of its spellings (an
/// alias, an acronym joined to its long form), else, for a person, the one full name
/// the key is the last name(s) of. Cables join spellings each in their own way, so the
/// cable arrived at may hold the entity under another name than the one left.
fn entity_for_key(entities: &[Entity], key: &EntityKey) -> Option<usize> {
    let same_kind = || {
        entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == key.kind)
    };
    let keyed = |s: &str| EntityKey::new(key.kind.clone(), s).name == key.name;
    if let Some(i) = entities.iter().position(|e| EntityKey::of(e) == *key) {
        return Some(i);
    }
    if let Some((i, _)) = same_kind().find(|(_, e)| e.spellings.iter().any(|s| keyed(s))) {
        return Some(i);
    }
    if key.kind != EntityKind::Per {
        return None;
    }
    let tail = format!(" {}", key.name);
    let mut people = same_kind().filter(|(_, e)| {
        std::iter::once(&e.name)
            .chain(&e.spellings)
            .any(|s| spelling_key(s).ends_with(&tail))
    });
    // Two people sharing the last name: which one is meant is not known.
    match (people.next(), people.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(kind: EntityKind, name: &str, spellings: &[&str]) -> Entity {
        Entity {
            kind,
            name: name.to_string(),
            count: 1,
            paragraphs: Vec::new(),
            spellings: spellings.iter().map(|s| (*s).to_string()).collect(),
        }
    }

    #[test]
    fn an_entity_is_found_under_its_key_a_spelling_or_its_last_name() {
        let entities = vec![
            entity(EntityKind::Org, "Hezbollah", &[]),
            entity(
                EntityKind::Org,
                "Immigration and Customs Enforcement",
                &["ICE"],
            ),
            entity(EntityKind::Loc, "United States", &["U.S.", "US"]),
            entity(EntityKind::Per, "Djamel Beghal", &[]),
            entity(EntityKind::Per, "Jacques Chirac", &[]),
            entity(EntityKind::Per, "Bernadette Chirac", &[]),
        ];
        let find = |kind, name| entity_for_key(&entities, &EntityKey::new(kind, name));
        assert_eq!(find(EntityKind::Org, "hezbollah"), Some(0));
        assert_eq!(find(EntityKind::Org, "ICE"), Some(1));
        assert_eq!(find(EntityKind::Loc, "U.S."), Some(2));
        assert_eq!(find(EntityKind::Per, "Beghal"), Some(3));
        assert_eq!(find(EntityKind::Per, "Chirac"), None, "two Chiracs");
        assert_eq!(find(EntityKind::Loc, "ICE"), None, "never across kinds");
        assert_eq!(find(EntityKind::Org, "Beghal"), None);
    }
}
