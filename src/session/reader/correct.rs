//! Correcting an entity in the reader: the correction menu (relabel, not an entity, join
//! with another) and undo. The event loop saves each correction in the cable's overlay
//! ([`Effect::SaveCorrection`]) and reads the cable again with it applied, so what is shown
//! is what `entities` and the exports give.

use super::{Focus, Mode, Reader};
use crate::cable::EntityKind;
use crate::corrections::{Correction, Corrections, Span};
use crate::session::action::Action;
use crate::session::{CorrectionChange, Effect};

/// The correction menu, open on one mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correcting {
    /// The entity corrected (index into `cable.entities`).
    pub entity: usize,
    /// The mention the correction is recorded on: (block, index in the block).
    pub mention: (usize, usize),
    /// While picking the entity to join with: the cursor in [`Reader::join_candidates`].
    pub join: Option<usize>,
}

impl Reader {
    /// Opens the correction menu on the selected entity (at the mention under the cursor),
    /// else on the entity under the sidebar's cursor.
    pub(super) fn start_correcting(&mut self) {
        if self.cable.id.is_none() {
            self.notify("this cable has no reference ID to keep corrections under");
            return;
        }
        let entity = self.selected.or_else(|| {
            (self.focus == Focus::Entities)
                .then(|| self.entity_list.entity_at_cursor())
                .flatten()
        });
        let Some(entity) = entity else {
            self.notify("select an entity to correct first");
            return;
        };
        let under_cursor = self
            .mention_cursor
            .filter(|_| self.selected == Some(entity))
            .and_then(|i| self.selected_mentions.get(i).copied());
        let Some(mention) = under_cursor.or_else(|| self.first_mention(entity)) else {
            self.notify("this entity is named only in headings or the signature");
            return;
        };
        self.mode = Mode::Correct(Correcting {
            entity,
            mention,
            join: None,
        });
    }

    /// `u`: asks the event loop to take back the cable's last correction.
    pub(super) fn undo_correction(&mut self) {
        match self.cable.id.clone() {
            Some(id) => self.effects.push(Effect::SaveCorrection {
                id,
                change: CorrectionChange::Undo,
            }),
            None => self.notify("this cable has no reference ID, so no corrections"),
        }
    }

    /// The entities an entity may be joined with: the others of its kind, in the cable's
    /// order (most frequent first).
    #[must_use]
    pub fn join_candidates(&self, entity: usize) -> Vec<usize> {
        let Some(kind) = self.cable.entities.get(entity).map(|e| &e.kind) else {
            return Vec::new();
        };
        (0..self.cable.entities.len())
            .filter(|&i| i != entity && self.cable.entities[i].kind == *kind)
            .filter(|&i| self.first_mention(i).is_some())
            .collect()
    }

    /// A key while the menu is open (the mode is already back to normal).
    pub(super) fn correcting_key(&mut self, mut menu: Correcting, action: Action) {
        if let Some(cursor) = menu.join {
            let candidates = self.join_candidates(menu.entity);
            match action {
                Action::Down | Action::Type('j') => {
                    menu.join = Some((cursor + 1).min(candidates.len().saturating_sub(1)));
                }
                Action::Up | Action::Type('k') => menu.join = Some(cursor.saturating_sub(1)),
                Action::Activate => {
                    let with = candidates
                        .get(cursor)
                        .and_then(|&other| self.first_mention(other))
                        .and_then(|m| self.span(m));
                    if let (Some(mention), Some(with)) = (self.span(menu.mention), with) {
                        self.make(Correction::Join { mention, with });
                    }
                    return;
                }
                Action::Cancel => return,
                _ => {}
            }
            self.mode = Mode::Correct(menu);
            return;
        }
        let Some(kind) = self.cable.entities.get(menu.entity).map(|e| e.kind.clone()) else {
            return;
        };
        let relabel = match action {
            Action::Type('P') => Some(EntityKind::Per),
            Action::Type('O') => Some(EntityKind::Org),
            Action::Type('L') => Some(EntityKind::Loc),
            Action::Type('M') => Some(EntityKind::Misc),
            _ => None,
        };
        let Some(mention) = self.span(menu.mention) else {
            return;
        };
        match (action, relabel) {
            (_, Some(to)) if to == kind => self.notify(format!("already {to}")),
            (_, Some(to)) => self.make(Correction::Relabel { mention, to }),
            (Action::Type('d'), _) => self.make(Correction::NotAnEntity { mention }),
            (Action::Type('j'), _) if self.join_candidates(menu.entity).is_empty() => {
                self.notify(format!("no other {kind} to join with"));
            }
            (Action::Type('j'), _) => {
                menu.join = Some(0);
                self.mode = Mode::Correct(menu);
            }
            (Action::Cancel, _) => {}
            _ => self.mode = Mode::Correct(menu),
        }
    }

    fn make(&mut self, correction: Correction) {
        if let Some(id) = self.cable.id.clone() {
            self.effects.push(Effect::SaveCorrection {
                id,
                change: CorrectionChange::Make(correction),
            });
        }
    }

    fn span(&self, (block, mention): (usize, usize)) -> Option<Span> {
        Corrections::span_of(&self.cable, block, mention)
    }

    /// An entity's first mention in the header or a paragraph, where an overlay can
    /// record it.
    fn first_mention(&self, entity: usize) -> Option<(usize, usize)> {
        (0..=self.cable.paragraphs.len()).find_map(|b| {
            self.block_mentions(b)
                .iter()
                .position(|m| m.entity == Some(entity))
                .map(|m| (b, m))
        })
    }
}
