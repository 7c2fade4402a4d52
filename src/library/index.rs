//! The cross-cable entity index: which cables name an entity, how often, and where first.
//!
//! The library does not keep every cable in memory, so the index keeps what the "other
//! cables" list shows: per cable, the count and the first paragraph's label (interned:
//! labels repeat across cables), 12 bytes a posting.

use crate::cable::{Cable, Entity, EntityKind};
use crate::library::FastMap;

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

/// What the index needs of one entity of one cable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CableEntity {
    /// The index key, made on the worker that parsed the cable: lower-casing is the
    /// costly part of indexing and the merge into one map is sequential.
    pub key: EntityKey,
    /// The display name.
    pub name: String,
    /// Mentions in the cable.
    pub count: usize,
    /// The label of the first paragraph naming it (`header` for the header).
    pub first_paragraph: String,
}

impl CableEntity {
    /// The entities of a cable, in its order (most frequent first).
    #[must_use]
    pub fn of_cable(cable: &Cable) -> Vec<Self> {
        cable
            .entities
            .iter()
            .map(|e| Self {
                key: EntityKey::of(e),
                name: e.name.clone(),
                count: e.count,
                first_paragraph: e.paragraphs.first().cloned().unwrap_or_default(),
            })
            .collect()
    }
}

/// One cable's share of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Index of the cable in the library.
    pub cable: u32,
    /// How many times the cable names the entity.
    pub count: u32,
    label: u32,
}

#[derive(Debug, Default)]
struct Indexed {
    /// The display name, from the first cable naming the entity.
    name: String,
    postings: Vec<Posting>,
}

/// Entity key -> the cables that name it, in library order.
#[derive(Debug, Default)]
pub struct EntityIndex {
    entries: FastMap<EntityKey, Indexed>,
    labels: Vec<Box<str>>,
}

impl EntityIndex {
    /// Indexes the entities of each cable; `per_cable[i]` belongs to cable `i`.
    #[must_use]
    pub fn build(per_cable: Vec<Vec<CableEntity>>) -> Self {
        let mut index = Self::default();
        let mut label_ids: FastMap<String, u32> = FastMap::default();
        for (cable, entities) in per_cable.into_iter().enumerate() {
            let cable = saturate(cable);
            for entity in entities {
                let next = saturate(index.labels.len());
                let label = *label_ids
                    .entry(entity.first_paragraph)
                    .or_insert_with_key(|l| {
                        index.labels.push(l.as_str().into());
                        next
                    });
                let indexed = index.entries.entry(entity.key).or_insert_with(|| Indexed {
                    name: entity.name,
                    postings: Vec::new(),
                });
                // A cable lists each key once; a parser change must not double-count.
                if indexed.postings.last().is_none_or(|p| p.cable != cable) {
                    indexed.postings.push(Posting {
                        cable,
                        count: saturate(entity.count),
                        label,
                    });
                }
            }
        }
        index
    }

    /// Indexes cables held in memory.
    #[must_use]
    pub fn from_cables(cables: &[Cable]) -> Self {
        Self::build(cables.iter().map(CableEntity::of_cable).collect())
    }

    /// The cables that name this entity, in library order; empty if none.
    #[must_use]
    pub fn get(&self, key: &EntityKey) -> &[Posting] {
        self.entries.get(key).map_or(&[], |e| e.postings.as_slice())
    }

    /// The display name of an entity, from the first cable naming it.
    #[must_use]
    pub fn name(&self, key: &EntityKey) -> Option<&str> {
        self.entries.get(key).map(|e| e.name.as_str())
    }

    /// The first paragraph's label of a posting.
    #[must_use]
    pub fn first_paragraph(&self, posting: &Posting) -> &str {
        self.labels.get(posting.label as usize).map_or("", |l| l)
    }

    /// How many distinct entities the index holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entity: key, display name, postings; in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&EntityKey, &str, &[Posting])> {
        self.entries
            .iter()
            .map(|(k, e)| (k, e.name.as_str(), e.postings.as_slice()))
    }
}

/// More than 4 billion cables, mentions or labels is not a use case; saturating keeps
/// the conversion total rather than panicking.
fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
