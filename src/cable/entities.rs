//! Grouping mentions into entities: one entity per kind and case-insensitive name.

use super::{Cable, EntityKind, HEADER_LABEL};
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

/// One entity while mentions are gathered; everything borrowed from the cable.
struct Group<'a> {
    kind: &'a EntityKind,
    lower: String,
    hash: u64,
    count: usize,
    forms: Vec<(&'a str, usize)>,
    paragraphs: Vec<&'a str>,
}

/// Groups the mentions of a cable into entities, most frequent first, then by kind and name.
///
/// One pass in document order over a hash table of group indexes, keyed by kind and
/// lower-cased text: long cables have a hundred thousand mentions, so nothing here may be
/// worse than linear, and nothing is allocated per mention.
#[must_use]
pub fn group(cable: &Cable) -> Vec<Entity> {
    let state = foldhash::fast::FixedState::default();
    let mut table: HashTable<usize> = HashTable::with_capacity(cable.mention_count());
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut lower = String::new();
    // Each mention's text read from its block's text, which lies in one piece in memory,
    // rather than from its own string, which costs a cache miss per mention on long cables.
    let header = std::iter::once((HEADER_LABEL, &cable.header.text, &cable.header.mentions));
    let body = cable
        .paragraphs
        .iter()
        .map(|p| (p.label.as_str(), &p.text, &p.mentions));
    let mentions = header.chain(body).flat_map(|(label, text, mentions)| {
        mentions.iter().map(move |m| {
            let mention_text = text.get(m.bytes.clone()).unwrap_or(&m.text);
            (label, &m.kind, mention_text)
        })
    });
    for (paragraph, kind, text) in mentions {
        lower.clear();
        push_lowercase(&mut lower, text);
        let hash = state.hash_one((kind, lower.as_str()));
        let found = table.find(hash, |&at| {
            let group = &groups[at];
            group.kind == kind && group.lower == lower
        });
        let at = if let Some(&at) = found {
            at
        } else {
            let at = groups.len();
            groups.push(Group {
                kind,
                lower: lower.clone(),
                hash,
                count: 0,
                forms: Vec::new(),
                paragraphs: Vec::new(),
            });
            table.insert_unique(hash, at, |&at| groups[at].hash);
            at
        };
        let group = &mut groups[at];
        group.count += 1;
        match group.forms.iter_mut().find(|(form, _)| *form == text) {
            Some((_, n)) => *n += 1,
            None => group.forms.push((text, 1)),
        }
        // Mentions come in document order, so comparing with the last paragraph is enough.
        if group.paragraphs.last() != Some(&paragraph) {
            group.paragraphs.push(paragraph);
        }
    }
    // Sorting indexes moves less than sorting groups; the index breaks ties by first
    // appearance.
    let mut order: Vec<(Reverse<usize>, &EntityKind, &str, usize)> = groups
        .iter()
        .enumerate()
        .map(|(at, g)| (Reverse(g.count), g.kind, g.lower.as_str(), at))
        .collect();
    order.sort_unstable();
    order
        .into_iter()
        .map(|(_, _, _, at)| {
            let group = &groups[at];
            Entity {
                kind: group.kind.clone(),
                name: display_name(&group.forms),
                count: group.count,
                paragraphs: group.paragraphs.iter().map(|p| (*p).to_string()).collect(),
            }
        })
        .collect()
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
fn display_name(forms: &[(&str, usize)]) -> String {
    let is_mixed = |form: &str| form.chars().any(char::is_lowercase);
    let best = |candidates: &mut dyn Iterator<Item = &(&str, usize)>| {
        candidates
            .fold(None::<&(&str, usize)>, |best, form| match best {
                Some(b) if b.1 >= form.1 => Some(b),
                _ => Some(form),
            })
            .map(|(form, _)| (*form).to_string())
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
