//! Correcting an entity in the reader: the correction menu (relabel, not an entity, join
//! with another, the same for every cable, a mention added at the search match) and undo.
//! The menu is an overlay of the session, which opens it with [`Reader::correction_menu`]
//! and hands it each key with [`Reader::correct`] while it is on top.
//! The event loop saves each correction ([`Effect::SaveCorrection`]) in the cable's
//! overlay or the rules for every cable, and reads the cable again with it applied, so
//! what is shown is what `entities` and the exports give.

use super::search::Hit;
use super::{Focus, Reader};
use crate::cable::EntityKind;
use crate::corrections::{Correction, Corrections, Rule, RuleAction, Span};
use crate::session::action::Action;
use crate::session::message::Message;
use crate::session::{CorrectionChange, Effect, Scope};

/// The correction menu, open on one mention of an entity, or on the search match alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correcting {
    /// The entity corrected (index into `cable.entities`); none when the menu only adds a
    /// mention at the search match.
    pub entity: Option<usize>,
    /// The mention the correction is recorded on: (block, index in the block).
    pub mention: (usize, usize),
    /// While picking the entity to join with: the cursor in [`Reader::join_candidates`].
    pub join: Option<usize>,
    /// A second step waiting for its kind (or `d`).
    pub then: Option<Then>,
}

/// What a kind key does in the menu's second step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// `a`: a mention of the kind is added at the search match.
    Add,
    /// `e`: the entity is relabelled (or with `d` removed) in every cable.
    Everywhere,
}

impl Reader {
    /// The correction menu on the selected entity (at the mention under the cursor), else
    /// on the entity under the sidebar's cursor; with neither, on the search match, where
    /// a mention can be added. `None` when there is nothing to correct, with a notice
    /// saying why.
    pub fn correction_menu(&mut self) -> Option<Correcting> {
        if self.cable.id.is_none() {
            self.notify("this cable has no reference ID to keep corrections under");
            return None;
        }
        let entity = self.selected.or_else(|| {
            (self.focus == Focus::Entities)
                .then(|| self.entity_list.entity_at_cursor())
                .flatten()
        });
        let under_cursor = self
            .mention_cursor
            .filter(|_| self.selected.is_some() && self.selected == entity)
            .and_then(|i| self.selected_mentions.get(i).copied());
        let mention = entity.and_then(|e| under_cursor.or_else(|| self.first_mention(e)));
        let menu = |entity, mention| Correcting {
            entity,
            mention,
            join: None,
            then: None,
        };
        match (entity, mention) {
            (Some(entity), Some(mention)) => return Some(menu(Some(entity), mention)),
            _ if self.current_hit().is_some() => return Some(menu(None, (0, 0))),
            (Some(_), None) => {
                self.notify("this entity is named only in headings or the signature");
            }
            (None, _) => self
                .notify("select an entity to correct first, or search (/) a phrase to add as one"),
        }
        None
    }

    /// A key while the correction menu is open: the menu back if it stays open, and what
    /// to ask of the event loop (a correction to save). Does no I/O.
    pub fn correct(
        &mut self,
        menu: Correcting,
        message: Message,
    ) -> (Option<Correcting>, Vec<Effect>) {
        if !matches!(message, Message::Tick | Message::Resize(..)) {
            self.notice = None;
        }
        let menu = self.correcting_key(menu, message);
        (menu, std::mem::take(&mut self.effects))
    }

    /// The search match the cursor is on, once the query is entered.
    #[must_use]
    pub fn current_hit(&self) -> Option<&Hit> {
        let search = self.search.as_ref().filter(|s| !s.editing)?;
        search.hits.get(search.current?)
    }

    /// `u`: asks the event loop to take back the last correction made here (one for every
    /// cable), else the cable's last.
    pub(super) fn undo_correction(&mut self) {
        let change = match self.made.last() {
            Some(Scope::Everywhere) => CorrectionChange::UndoEverywhere,
            _ => CorrectionChange::Undo,
        };
        match self.cable.id.clone() {
            Some(id) => self.effects.push(Effect::SaveCorrection { id, change }),
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

    /// A key while the menu is open: the menu if it stays open.
    fn correcting_key(&mut self, mut menu: Correcting, action: Message) -> Option<Correcting> {
        if let Some(cursor) = menu.join {
            return self.joining_key(menu, cursor, action);
        }
        let kind_key = match action {
            Message::Type('P') => Some(EntityKind::Per),
            Message::Type('O') => Some(EntityKind::Org),
            Message::Type('L') => Some(EntityKind::Loc),
            Message::Type('M') => Some(EntityKind::Misc),
            _ => None,
        };
        if action == Message::Action(Action::Cancel) {
            return None;
        }
        if menu.then == Some(Then::Add) {
            match kind_key {
                Some(kind) => self.add_at_match(kind),
                None => return Some(menu),
            }
            return None;
        }
        if action == Message::Type('a') {
            if self.current_hit().is_some() {
                menu.then = Some(Then::Add);
            } else {
                self.notify("search (/) the phrase to add first");
            }
            return Some(menu);
        }
        let Some(entity) = menu.entity else {
            // Open on the search match alone: only `a` applies.
            return Some(menu);
        };
        let (kind, name) = self
            .cable
            .entities
            .get(entity)
            .map(|e| (e.kind.clone(), e.name.clone()))?;
        let everywhere = |action| Rule {
            kind: kind.clone(),
            name: name.clone(),
            action,
        };
        if menu.then == Some(Then::Everywhere) {
            match (action, kind_key) {
                (_, Some(to)) if to == kind => self.notify(format!("already {to}")),
                (_, Some(to)) => self.make_everywhere(everywhere(RuleAction::Relabel(to))),
                (Message::Type('d'), _) => {
                    self.make_everywhere(everywhere(RuleAction::NotAnEntity))
                }
                _ => return Some(menu),
            }
            return None;
        }
        let mention = self.span(menu.mention)?;
        match (action, kind_key) {
            (_, Some(to)) if to == kind => self.notify(format!("already {to}")),
            (_, Some(to)) => self.make(Correction::Relabel { mention, to }),
            (Message::Type('d'), _) => self.make(Correction::NotAnEntity { mention }),
            (Message::Type('D'), _) => self.make_everywhere(everywhere(RuleAction::NotAnEntity)),
            (Message::Type('e'), _) => {
                menu.then = Some(Then::Everywhere);
                return Some(menu);
            }
            (Message::Type('j'), _) if self.join_candidates(entity).is_empty() => {
                self.notify(format!("no other {kind} to join with"));
            }
            (Message::Type('j'), _) => {
                menu.join = Some(0);
                return Some(menu);
            }
            _ => return Some(menu),
        }
        None
    }

    /// A key while picking the entity to join with.
    fn joining_key(
        &mut self,
        mut menu: Correcting,
        cursor: usize,
        action: Message,
    ) -> Option<Correcting> {
        let entity = menu.entity?;
        let candidates = self.join_candidates(entity);
        match action {
            Message::Action(Action::Down) | Message::Type('j') => {
                menu.join = Some((cursor + 1).min(candidates.len().saturating_sub(1)));
            }
            Message::Action(Action::Up) | Message::Type('k') => {
                menu.join = Some(cursor.saturating_sub(1))
            }
            Message::Action(Action::Activate) => {
                let with = candidates
                    .get(cursor)
                    .and_then(|&other| self.first_mention(other))
                    .and_then(|m| self.span(m));
                if let (Some(mention), Some(with)) = (self.span(menu.mention), with) {
                    self.make(Correction::Join { mention, with });
                }
                return None;
            }
            Message::Action(Action::Cancel) => return None,
            _ => {}
        }
        Some(menu)
    }

    /// `E a` and a kind: a mention of `kind` over the search match, unless it overlaps
    /// one already there (correct that one instead).
    fn add_at_match(&mut self, kind: EntityKind) {
        let Some(hit) = self.current_hit().cloned() else {
            return;
        };
        if let Some(other) = self
            .block_mentions(hit.block)
            .iter()
            .find(|m| m.bytes.start < hit.bytes.end && hit.bytes.start < m.bytes.end)
        {
            let said = format!(
                "the match overlaps {} {}: correct that one instead",
                other.kind, other.text
            );
            self.notify(said);
            return;
        }
        match Corrections::span_at(&self.cable, hit.block, hit.bytes, kind) {
            Some(mention) => self.make(Correction::Add { mention }),
            None => self.notify("a mention can be added in the header or a paragraph only"),
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

    fn make_everywhere(&mut self, rule: Rule) {
        if let Some(id) = self.cable.id.clone() {
            self.effects.push(Effect::SaveCorrection {
                id,
                change: CorrectionChange::MakeEverywhere(rule),
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
