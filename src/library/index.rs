//! The cross-cable entity index: which cables name an entity, how often, and where first.
//!
//! The library does not keep every cable in memory, so the index keeps what the "other
//! cables" list shows: per cable, the count and the first paragraph's label (interned:
//! labels repeat across cables), 12 bytes a posting.

use crate::cable::entities::{join, spelling_key};
use crate::cable::{Cable, Entity, EntityKind};
use crate::library::FastMap;

/// An entity across cables: its kind and its name's [`spelling_key`] (case and
/// punctuation aside: `U.S.` and `US` are one).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityKey {
    /// The entity kind.
    pub kind: EntityKind,
    /// The name's spelling key.
    pub name: String,
}

impl EntityKey {
    /// The key of a cable's entity.
    #[must_use]
    pub fn of(entity: &Entity) -> Self {
        Self::new(entity.kind.clone(), &entity.name)
    }

    /// The key of a name of `kind`; a name of punctuation alone keys by itself.
    #[must_use]
    pub fn new(kind: EntityKind, name: &str) -> Self {
        let key = spelling_key(name);
        Self {
            kind,
            name: if key.is_empty() {
                name.to_lowercase()
            } else {
                key
            },
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
    /// Keys of the other spellings the cable joined to it as one (an acronym defined in
    /// the text), which may join other cables' entities; a person's last names are not
    /// kept, as two people share them across a corpus.
    pub aliases: Vec<String>,
}

impl CableEntity {
    /// The entities of a cable, in its order (most frequent first).
    #[must_use]
    pub fn of_cable(cable: &Cable) -> Vec<Self> {
        cable
            .entities
            .iter()
            .cloned()
            .map(Self::of_entity)
            .collect()
    }

    /// As [`CableEntity::of_cable`], taking the cable's entities: `entities DIR` keeps
    /// nothing else of a cable, and moving the names out spares a copy of each.
    #[must_use]
    pub fn from_cable(cable: Cable) -> Vec<Self> {
        cable.entities.into_iter().map(Self::of_entity).collect()
    }

    fn of_entity(e: Entity) -> Self {
        let key = EntityKey::of(&e);
        let mut aliases: Vec<String> = Vec::new();
        if e.kind != EntityKind::Per {
            for spelling in &e.spellings {
                // Most spellings differ from the name in case alone: compare keys before
                // keeping one, so those cost no allocation.
                if spelling_key_eq(spelling, &key.name) {
                    continue;
                }
                let alias = spelling_key(spelling);
                if !alias.is_empty() && !aliases.contains(&alias) {
                    aliases.push(alias);
                }
            }
        }
        let first_paragraph = e.paragraphs.into_iter().next().unwrap_or_default();
        Self {
            key,
            name: e.name,
            count: e.count,
            first_paragraph,
            aliases,
        }
    }
}

/// Whether [`spelling_key`] of `text` is `key`, without building it: ASCII text (nearly
/// every name) is compared as it is keyed; other text builds the key.
fn spelling_key_eq(text: &str, key: &str) -> bool {
    if !text.is_ascii() {
        return spelling_key(text) == key;
    }
    let mut want = key.bytes();
    let mut gap = false;
    let mut started = false;
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && started && want.next() != Some(b' ') {
                return false;
            }
            gap = false;
            started = true;
            if want.next() != Some(b.to_ascii_lowercase()) {
                return false;
            }
        } else if !matches!(b, b'.' | b'\'') {
            gap = true;
        }
    }
    want.next().is_none()
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
    /// The display name: the most frequent spelling, mixed case first.
    name: String,
    /// Each name cables give it, with its mentions, while the index is built.
    names: Vec<(String, usize)>,
    postings: Vec<Posting>,
}

/// Entity key -> the cables that name it, in library order.
#[derive(Debug, Default)]
pub struct EntityIndex {
    entries: FastMap<EntityKey, Indexed>,
    /// Keys joined into another across cables (a last name into the one person it
    /// ends, an acronym into the one long form cables define it as).
    joined: FastMap<EntityKey, EntityKey>,
    labels: Vec<Box<str>>,
}

impl EntityIndex {
    /// Indexes the entities of each cable; `per_cable[i]` belongs to cable `i`.
    #[must_use]
    pub fn build(per_cable: Vec<Vec<CableEntity>>) -> Self {
        let mut index = Self::default();
        let mut label_ids: FastMap<String, u32> = FastMap::default();
        // Acronym key -> the one long form cables define it as (`None`: several).
        let mut acronyms: FastMap<(EntityKind, String), Option<String>> = FastMap::default();
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
                for alias in entity.aliases {
                    let long = &entity.key.name;
                    acronyms
                        .entry((entity.key.kind.clone(), alias))
                        .and_modify(|known| {
                            if known.as_ref().is_some_and(|k| k != long) {
                                *known = None;
                            }
                        })
                        .or_insert_with(|| Some(long.clone()));
                }
                let indexed = index.entries.entry(entity.key).or_default();
                match indexed.names.iter_mut().find(|(n, _)| *n == entity.name) {
                    Some((_, count)) => *count += entity.count,
                    None => indexed.names.push((entity.name, entity.count)),
                }
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
        index.join_across(&acronyms);
        for indexed in index.entries.values_mut() {
            indexed.name = best_name(&indexed.names).to_string();
            indexed.names = Vec::new();
        }
        index
    }

    /// Joins entries across cables by the rules a cable's entities follow: a person's last
    /// name(s) into the one longer name they end, an acronym into the one long form
    /// cables define it as. An ambiguous one joins nothing.
    fn join_across(&mut self, acronyms: &FastMap<(EntityKind, String), Option<String>>) {
        // The map's order changes from run to run; joining keeps the lowest index as
        // root, so sorted keys give the same table every run.
        let mut keys: Vec<EntityKey> = self.entries.keys().cloned().collect();
        keys.sort_unstable();
        let mut kinds: Vec<EntityKind> = Vec::new();
        let mut kind_of = |kind: &EntityKind| -> usize {
            kinds.iter().position(|k| k == kind).unwrap_or_else(|| {
                kinds.push(kind.clone());
                kinds.len() - 1
            })
        };
        let nodes: Vec<join::Node> = keys
            .iter()
            .map(|k| join::Node {
                kind: kind_of(&k.kind),
                key: &k.name,
            })
            .collect();
        let person = kinds.iter().position(|k| *k == EntityKind::Per);
        let at: FastMap<&EntityKey, usize> = keys.iter().enumerate().map(|(i, k)| (k, i)).collect();
        let links: Vec<(usize, String)> = acronyms
            .iter()
            .filter_map(|((kind, acronym), long)| {
                let long = EntityKey {
                    kind: kind.clone(),
                    name: long.clone()?,
                };
                Some((*at.get(&long)?, acronym.clone()))
            })
            .collect();
        let joined = join::join(&nodes, &links, person, None);
        // A short form (a last name, an acronym) names nothing it joins: when it is the
        // root, its own names go and the longer names it joined come in below.
        for (at, &root) in joined.root.iter().enumerate() {
            if at == root
                && joined.short[at]
                && let Some(entry) = self.entries.get_mut(&keys[at])
            {
                entry.names.clear();
            }
        }
        for (from, &root) in joined.root.iter().enumerate() {
            if from == root {
                continue;
            }
            let Some(gone) = self.entries.remove(&keys[from]) else {
                continue;
            };
            let target = self.entries.entry(keys[root].clone()).or_default();
            if !joined.short[from] {
                target.names.extend(gone.names);
            }
            target.postings.extend(gone.postings);
            target.postings.sort_by_key(|p| p.cable);
            // One cable may name both: one posting, counts summed.
            target.postings.dedup_by(|later, kept| {
                let same = later.cable == kept.cable;
                if same {
                    kept.count = kept.count.saturating_add(later.count);
                }
                same
            });
            self.joined.insert(keys[from].clone(), keys[root].clone());
        }
    }

    /// Indexes cables held in memory.
    #[must_use]
    pub fn from_cables(cables: &[Cable]) -> Self {
        Self::build(cables.iter().map(CableEntity::of_cable).collect())
    }

    /// The cables that name this entity, in library order; empty if none.
    #[must_use]
    pub fn get(&self, key: &EntityKey) -> &[Posting] {
        self.entry(key).map_or(&[], |e| e.postings.as_slice())
    }

    /// The display name of an entity: its most frequent spelling across cables.
    #[must_use]
    pub fn name(&self, key: &EntityKey) -> Option<&str> {
        self.entry(key).map(|e| e.name.as_str())
    }

    fn entry(&self, key: &EntityKey) -> Option<&Indexed> {
        let key = self.joined.get(key).unwrap_or(key);
        self.entries.get(key)
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

    /// The entity table: most widely cited first, then most mentioned, then by kind and
    /// name; only `kind` when given.
    #[must_use]
    pub fn table(&self, kind: Option<&EntityKind>) -> Vec<super::CollectionEntity> {
        let mut table: Vec<super::CollectionEntity> = self
            .iter()
            .filter(|(key, _, _)| kind.is_none_or(|k| key.kind == *k))
            .map(|(key, name, postings)| super::CollectionEntity {
                kind: key.kind.clone(),
                name: name.to_string(),
                cables: postings.len(),
                count: postings.iter().map(|p| p.count as usize).sum(),
            })
            .collect();
        table.sort_unstable_by(|a, b| {
            b.cables
                .cmp(&a.cables)
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| a.kind.cmp(&b.kind))
                .then_with(|| a.name.cmp(&b.name))
        });
        table
    }

    /// Every entity: key, display name, postings; in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&EntityKey, &str, &[Posting])> {
        self.entries
            .iter()
            .map(|(k, e)| (k, e.name.as_str(), e.postings.as_slice()))
    }
}

/// The name most mentions give, mixed case first (`U.S.` over `u.s.`, `Paris` over
/// `PARIS`), then the first met.
fn best_name(names: &[(String, usize)]) -> &str {
    let class = crate::cable::entities::case_rank;
    names
        .iter()
        .enumerate()
        .max_by_key(|(seen, (name, count))| (class(name), *count, std::cmp::Reverse(*seen)))
        .map_or("", |(_, (name, _))| name.as_str())
}

/// More than 4 billion cables, mentions or labels is not a use case; saturating keeps
/// the conversion total rather than panicking.
fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::{CableEntity, EntityIndex, EntityKey, spelling_key, spelling_key_eq};
    use crate::cable::EntityKind;

    fn person(name: &str, count: usize) -> CableEntity {
        CableEntity {
            key: EntityKey::new(EntityKind::Per, name),
            name: name.to_string(),
            count,
            first_paragraph: "1".to_string(),
            aliases: Vec::new(),
        }
    }

    /// A last name joins the one person it ends and never names them, whichever key the
    /// join keeps: twelve pairs, every run (the map's order is random per process).
    #[test]
    fn last_names_never_name_the_person_they_join() {
        let pairs: Vec<(String, String)> = (b'a'..=b'l')
            .map(|c| {
                let last = format!("{}ast", char::from(c).to_ascii_uppercase());
                (last.clone(), format!("Zed {last}"))
            })
            .collect();
        let cables = pairs
            .iter()
            // The last name alone is the more frequent spelling.
            .map(|(last, full)| vec![person(last, 5), person(full, 1)])
            .collect();
        let index = EntityIndex::build(cables);
        let mut names: Vec<String> = index.table(None).into_iter().map(|e| e.name).collect();
        names.sort();
        let mut expected: Vec<String> = pairs.into_iter().map(|(_, full)| full).collect();
        expected.sort();
        assert_eq!(names, expected);
    }

    #[test]
    fn keys_compare_as_built() {
        let texts = [
            "U.S.",
            "us",
            "US",
            "u s",
            "Al-Qaida",
            " al  Qaida ",
            "al qaida",
            "alqaida",
            "Cote d'Ivoire",
            "cote divoire",
            "--",
            "",
            "G8",
            "g 8",
            "Côte",
            "A.B",
            "a b",
        ];
        for text in texts {
            for key in texts.iter().map(|t| spelling_key(t)) {
                assert_eq!(
                    spelling_key_eq(text, &key),
                    spelling_key(text) == key,
                    "{text:?} against {key:?}"
                );
            }
        }
    }
}
