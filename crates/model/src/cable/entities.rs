//! Grouping mentions into entities: spellings of one name under one kind, joined by the
//! rules of [`join`] (case and punctuation, acronyms defined in the text, last names, the
//! user's aliases); each mention then carries its entity's index.

mod grouper;
pub mod join;

use super::{Cable, EntityKind, HEADER_LABEL, Mention, SIGNATURE_LABEL};
use crate::aliases::Aliases;
pub(crate) use grouper::{Grouper, Grouping};
pub use join::{is_acronym, may_abbreviate, spelling_key};
use serde::Serialize;

/// An entity: every mention of one name, in its spellings, under one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The kind of every mention grouped here.
    pub kind: EntityKind,
    /// The display name: the user's alias, else the most frequent full spelling (mixed
    /// case before capitals before lower case; a last name or an acronym only when the
    /// entity has no other).
    pub name: String,
    /// How many mentions.
    pub count: usize,
    /// Labels of the paragraphs it appears in (`header` first), in document order.
    pub paragraphs: Vec<String>,
    /// Its other spellings, most frequent first (`Beghal` for `Djamel Beghal`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<String>,
}

impl Entity {
    /// The grouping key: kind and lower-cased name.
    #[must_use]
    pub fn key(&self) -> (EntityKind, String) {
        (self.kind.clone(), self.name.to_lowercase())
    }

    /// Whether a mention of `kind` with `text` belongs to this entity: its name or one of
    /// its spellings, whatever the case and punctuation.
    #[must_use]
    pub fn matches(&self, kind: &EntityKind, text: &str) -> bool {
        if self.kind != *kind {
            return false;
        }
        let key = spelling_key(text);
        let same =
            |s: &str| s.eq_ignore_ascii_case(text) || (!key.is_empty() && spelling_key(s) == key);
        same(&self.name) || self.spellings.iter().any(|s| same(s))
    }
}

/// Groups the mentions of a cable into entities, most frequent first, then by kind and name.
#[must_use]
pub fn group(cable: &Cable) -> Vec<Entity> {
    grouping(cable, None).entities
}

/// Groups the mentions again (after a correction, or with the user's aliases) and gives
/// each mention its entity's index.
pub fn regroup(cable: &mut Cable, aliases: Option<&Aliases>) {
    let grouping = grouping(cable, aliases);
    grouping.assign(cable);
}

fn grouping(cable: &Cable, aliases: Option<&Aliases>) -> Grouping {
    let mut grouper = Grouper::default();
    grouper.add(HEADER_LABEL, &cable.header.text, &cable.header.mentions);
    for paragraph in &cable.paragraphs {
        if let Some(heading) = &paragraph.heading {
            grouper.add(&paragraph.label, heading, &paragraph.heading_mentions);
        }
        grouper.add(&paragraph.label, &paragraph.text, &paragraph.mentions);
    }
    if let Some(signature) = &cable.signature {
        grouper.add(SIGNATURE_LABEL, signature, &cable.signature_mentions());
    }
    grouper.finish(aliases)
}

impl Grouping {
    /// Puts the entities in the cable and each mention's entity index on it; the mentions
    /// are walked in the order [`Grouper::add`] took them (header, then each paragraph's
    /// heading and text), the signature's being found on demand.
    pub fn assign(self, cable: &mut Cable) {
        let mut ids = self.ids.into_iter();
        let mut set = |mentions: &mut [Mention]| {
            for mention in mentions {
                mention.entity = ids.next();
            }
        };
        set(&mut cable.header.mentions);
        for paragraph in &mut cable.paragraphs {
            if paragraph.heading.is_some() {
                set(&mut paragraph.heading_mentions);
            }
            set(&mut paragraph.mentions);
        }
        cable.entities = self.entities;
    }
}

impl Cable {
    /// The index of the entity a mention of `kind` spelt `text` belongs to.
    #[must_use]
    pub fn entity_of(&self, kind: &EntityKind, text: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.matches(kind, text))
    }
}

/// How a spelling ranks as an entity's name by its case: mixed case (`Paris`) before
/// capitals (`PARIS`, a header's) before lower case (a stray `u.s.`).
#[must_use]
pub fn case_rank(text: &str) -> u8 {
    let upper = text.chars().any(char::is_uppercase);
    let lower = text.chars().any(char::is_lowercase);
    match (upper, lower) {
        (true, true) => 2,
        (_, false) => 1,
        (false, true) => 0,
    }
}
