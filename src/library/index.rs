//! The cross-cable entity index: which cables name an entity, how often, and where first.

use crate::cable::{Cable, Entity, EntityKind};
use rayon::prelude::*;
use std::collections::HashMap;

/// An entity across cables: its kind and lower-cased name, as [`Entity::key`] gives it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityKey {
    /// The entity kind.
    pub kind: EntityKind,
    /// The name, lower-cased.
    pub name: String,
}

impl EntityKey {
    /// The key of a cable's entity.
    #[must_use]
    pub fn of(entity: &Entity) -> Self {
        Self {
            kind: entity.kind.clone(),
            name: entity.name.to_lowercase(),
        }
    }
}

/// One cable's share of an entity: indices into the library, so a posting is 8 bytes and
/// the count and first paragraph are read from the cable's own [`Entity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Index of the cable in the library.
    pub cable: u32,
    /// Index of the entity in that cable's `entities`.
    pub entity: u32,
}

/// Entity key -> the cables that name it, in library order.
#[derive(Debug, Default)]
pub struct EntityIndex {
    postings: HashMap<EntityKey, Vec<Posting>>,
}

impl EntityIndex {
    /// Indexes every entity of every cable. Keys are made in parallel (lower-casing is
    /// the costly part); the merge into one map is sequential and in cable order.
    #[must_use]
    pub fn build(cables: &[Cable]) -> Self {
        let keyed: Vec<Vec<(EntityKey, Posting)>> = cables
            .par_iter()
            .enumerate()
            .map(|(c, cable)| {
                cable
                    .entities
                    .iter()
                    .enumerate()
                    .map(|(e, entity)| (EntityKey::of(entity), posting(c, e)))
                    .collect()
            })
            .collect();
        let mut postings: HashMap<EntityKey, Vec<Posting>> =
            HashMap::with_capacity(keyed.iter().map(Vec::len).sum::<usize>() / 4);
        for (key, posting) in keyed.into_iter().flatten() {
            let list = postings.entry(key).or_default();
            // A cable lists each key once, but a parser change must not double-count.
            if list.last().is_none_or(|p| p.cable != posting.cable) {
                list.push(posting);
            }
        }
        Self { postings }
    }

    /// The cables that name this entity, in library order; empty if none.
    #[must_use]
    pub fn get(&self, key: &EntityKey) -> &[Posting] {
        self.postings.get(key).map_or(&[], Vec::as_slice)
    }

    /// How many distinct entities the index holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.postings.len()
    }

    /// Whether the index is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.postings.is_empty()
    }

    /// Every key with its postings, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&EntityKey, &[Posting])> {
        self.postings.iter().map(|(k, v)| (k, v.as_slice()))
    }
}

fn posting(cable: usize, entity: usize) -> Posting {
    // A library of more than 4 billion cables or entities per cable is not a use case;
    // saturating keeps this total rather than panicking.
    Posting {
        cable: u32::try_from(cable).unwrap_or(u32::MAX),
        entity: u32::try_from(entity).unwrap_or(u32::MAX),
    }
}
