//! Grouping mentions into entities: one entity per kind and case-insensitive name.

use super::{Cable, EntityKind};
use serde::Serialize;
use std::collections::HashMap;

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
struct Group<'a> {
    kind: &'a EntityKind,
    lower: String,
    count: usize,
    forms: Vec<(&'a str, usize)>,
    paragraphs: Vec<String>,
}

/// Groups the mentions of a cable into entities, most frequent first, then by kind and name.
///
/// One pass in document order, hashing a reused `kind NUL lower-case text` key: long
/// cables have a hundred thousand mentions, so nothing here may be worse than linear.
#[must_use]
pub fn group(cable: &Cable) -> Vec<Entity> {
    let mentions = cable.mention_count();
    let mut index: HashMap<String, usize, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(mentions, foldhash::fast::RandomState::default());
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut key = String::new();
    for (paragraph, mention) in cable.mentions() {
        key.clear();
        key.push_str(mention.kind.label());
        key.push('\0');
        let lower_start = key.len();
        push_lowercase(&mut key, &mention.text);
        let at = match index.get(key.as_str()) {
            Some(&at) => at,
            None => {
                index.insert(key.clone(), groups.len());
                groups.push(Group {
                    kind: &mention.kind,
                    lower: key[lower_start..].to_string(),
                    count: 0,
                    forms: Vec::new(),
                    paragraphs: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[at];
        group.count += 1;
        match group
            .forms
            .iter_mut()
            .find(|(form, _)| *form == mention.text)
        {
            Some((_, n)) => *n += 1,
            None => group.forms.push((&mention.text, 1)),
        }
        // Mentions come in document order, so comparing with the last paragraph is enough.
        if group.paragraphs.last().is_none_or(|last| last != paragraph) {
            group.paragraphs.push(paragraph.to_string());
        }
    }
    // Groups are in order of first appearance, so a stable sort keeps that as the last tie-break.
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.kind.cmp(b.kind))
            .then_with(|| a.lower.cmp(&b.lower))
    });
    groups
        .into_iter()
        .map(|g| Entity {
            kind: g.kind.clone(),
            name: display_name(&g.forms),
            count: g.count,
            paragraphs: g.paragraphs,
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
