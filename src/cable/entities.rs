//! Grouping mentions into entities: one entity per kind and case-insensitive name.

use super::{Cable, EntityKind, HEADER_LABEL, Mention};
use hashbrown::HashTable;
use serde::Serialize;
use std::cmp::Reverse;
use std::hash::BuildHasher;

/// An entity: every mention of one name (case-insensitively) under one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The kind of every mention grouped here.
    pub kind: EntityKind,
    /// The display name: the most frequent mixed-case form.
    pub name: String,
    /// How many mentions.
    pub count: usize,
    /// Labels of the paragraphs it appears in (`header` first), in document order.
    pub paragraphs: Vec<String>,
}

impl Entity {
    /// The grouping key: kind and lower-cased name.
    #[must_use]
    pub fn key(&self) -> (EntityKind, String) {
        (self.kind.clone(), self.name.to_lowercase())
    }

    /// Whether a mention of `kind` with `text` belongs to this entity.
    #[must_use]
    pub fn matches(&self, kind: &EntityKind, text: &str) -> bool {
        self.kind == *kind && self.name.to_lowercase() == text.to_lowercase()
    }
}

/// One entity while mentions are gathered.
struct Group {
    kind: EntityKind,
    lower: String,
    hash: u64,
    count: usize,
    /// Each spelling and how often it occurs, in order of appearance.
    forms: Vec<(String, usize)>,
    paragraphs: Vec<String>,
    /// The number of the block [`Grouper::add`] last saw this entity in.
    last_block: usize,
}

/// Groups the mentions of a cable into entities, most frequent first, then by kind and name.
#[must_use]
pub fn group(cable: &Cable) -> Vec<Entity> {
    let mut grouper = Grouper::default();
    grouper.add(HEADER_LABEL, &cable.header.text, &cable.header.mentions);
    for paragraph in &cable.paragraphs {
        grouper.add(&paragraph.label, &paragraph.text, &paragraph.mentions);
    }
    grouper.finish()
}

/// Gathers mentions into entities block by block, in document order, so a parser can
/// feed each paragraph as it finishes it, while its text is still in the cache.
///
/// One pass over a hash table of group indexes keyed by kind and lower-cased text: long
/// cables have a hundred thousand mentions, so nothing here may be worse than linear, and
/// nothing is allocated for a mention of a name already seen.
#[derive(Default)]
pub(crate) struct Grouper {
    state: foldhash::fast::FixedState,
    table: HashTable<usize>,
    groups: Vec<Group>,
    lower: String,
    /// How many blocks [`Grouper::add`] has taken.
    blocks: usize,
}

impl Grouper {
    /// Adds the mentions of one block (`label` is its paragraph label, `text` its text).
    pub fn add(&mut self, label: &str, text: &str, mentions: &[Mention]) {
        self.blocks += 1;
        for mention in mentions {
            let mention_text = text.get(mention.bytes.clone()).unwrap_or(&mention.text);
            self.add_one(label, &mention.kind, mention_text);
        }
    }

    fn add_one(&mut self, label: &str, kind: &EntityKind, text: &str) {
        self.lower.clear();
        push_lowercase(&mut self.lower, text);
        let hash = self.state.hash_one((kind, self.lower.as_str()));
        let groups = &mut self.groups;
        let lower = &self.lower;
        let found = self.table.find(hash, |&at| {
            groups[at].kind == *kind && groups[at].lower == *lower
        });
        let at = if let Some(&at) = found {
            at
        } else {
            let at = groups.len();
            groups.push(Group {
                kind: kind.clone(),
                lower: lower.clone(),
                hash,
                count: 0,
                forms: Vec::new(),
                paragraphs: Vec::new(),
                last_block: 0,
            });
            self.table.insert_unique(hash, at, |&at| groups[at].hash);
            at
        };
        let group = &mut groups[at];
        group.count += 1;
        match group.forms.iter_mut().find(|(form, _)| form == text) {
            Some((_, n)) => *n += 1,
            None => group.forms.push((text.to_string(), 1)),
        }
        // Blocks come in document order, so comparing with the last paragraph is enough,
        // and only needed once per block (labels can repeat: one cable has two ¶6).
        if group.last_block != self.blocks {
            group.last_block = self.blocks;
            if group.paragraphs.last().is_none_or(|last| last != label) {
                group.paragraphs.push(label.to_string());
            }
        }
    }

    /// The entities, most frequent first, then by kind and name, then by first mention.
    pub fn finish(self) -> Vec<Entity> {
        let mut keys: Vec<(Reverse<usize>, &EntityKind, &str, usize)> = self
            .groups
            .iter()
            .enumerate()
            .map(|(at, g)| (Reverse(g.count), &g.kind, g.lower.as_str(), at))
            .collect();
        keys.sort_unstable();
        let order: Vec<usize> = keys.into_iter().map(|(_, _, _, at)| at).collect();
        let mut groups: Vec<Option<Group>> = self.groups.into_iter().map(Some).collect();
        order
            .into_iter()
            .filter_map(|at| groups[at].take())
            .map(|group| Entity {
                name: display_name(&group.forms),
                kind: group.kind,
                count: group.count,
                paragraphs: group.paragraphs,
            })
            .collect()
    }
}

/// Appends `text` lower-cased; ASCII (nearly every mention) skips Unicode case tables.
fn push_lowercase(key: &mut String, text: &str) {
    if text.is_ascii() {
        let start = key.len();
        key.push_str(text);
        key[start..].make_ascii_lowercase();
    } else {
        key.extend(text.chars().flat_map(char::to_lowercase));
    }
}

/// The most frequent mixed-case form; all-capitals forms only when there is no other.
/// Ties go to the form seen first.
fn display_name<S: AsRef<str>>(forms: &[(S, usize)]) -> String {
    let is_mixed = |form: &S| form.as_ref().chars().any(char::is_lowercase);
    let best = |candidates: &mut dyn Iterator<Item = &(S, usize)>| {
        candidates
            .fold(None::<&(S, usize)>, |best, form| match best {
                Some(b) if b.1 >= form.1 => Some(b),
                _ => Some(form),
            })
            .map(|(form, _)| form.as_ref().to_string())
    };
    best(&mut forms.iter().filter(|(f, _)| is_mixed(f)))
        .or_else(|| best(&mut forms.iter()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms<'a>(list: &[(&'a str, usize)]) -> Vec<(&'a str, usize)> {
        list.to_vec()
    }

    #[test]
    fn display_name_prefers_frequent_mixed_case() {
        assert_eq!(display_name(&forms(&[("PARIS", 4), ("Paris", 6)])), "Paris");
        assert_eq!(display_name(&forms(&[("PARIS", 9), ("Paris", 1)])), "Paris");
        assert_eq!(display_name(&forms(&[("GOF", 3)])), "GOF");
        assert_eq!(display_name(&forms(&[("Foo", 2), ("foo", 2)])), "Foo");
        assert_eq!(display_name(&forms(&[("foo", 1), ("Foo", 2)])), "Foo");
    }
}
