//! Grouping mentions into entities: one entity per kind and case-insensitive name.

use super::{Cable, EntityKind, HEADER_LABEL};
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

#[derive(Default)]
struct Group {
    first_seen: usize,
    count: usize,
    forms: Vec<(String, usize)>,
    paragraphs: Vec<String>,
}

/// Groups the mentions of a cable into entities, most frequent first, then by kind and name.
#[must_use]
pub fn group(cable: &Cable) -> Vec<Entity> {
    let mut groups: HashMap<(EntityKind, String), Group> = HashMap::new();
    for (order, (paragraph, mention)) in cable.mentions().enumerate() {
        let key = (mention.kind.clone(), mention.text.to_lowercase());
        let group = groups.entry(key).or_insert_with(|| Group {
            first_seen: order,
            ..Group::default()
        });
        group.count += 1;
        match group
            .forms
            .iter_mut()
            .find(|(form, _)| *form == mention.text)
        {
            Some((_, n)) => *n += 1,
            None => group.forms.push((mention.text.clone(), 1)),
        }
        if group.paragraphs.last().map(String::as_str) != Some(paragraph) {
            let label = if paragraph == HEADER_LABEL {
                HEADER_LABEL
            } else {
                paragraph
            };
            if !group.paragraphs.iter().any(|p| p == label) {
                group.paragraphs.push(label.to_string());
            }
        }
    }
    let mut entities: Vec<(usize, Entity)> = groups
        .into_iter()
        .map(|((kind, _), group)| {
            let name = display_name(&group.forms);
            (
                group.first_seen,
                Entity {
                    kind,
                    name,
                    count: group.count,
                    paragraphs: group.paragraphs,
                },
            )
        })
        .collect();
    entities.sort_by(|(a_first, a), (b_first, b)| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a_first.cmp(b_first))
    });
    entities.into_iter().map(|(_, entity)| entity).collect()
}

/// The most frequent mixed-case form; all-capitals forms only when there is no other.
/// Ties go to the form seen first.
fn display_name(forms: &[(String, usize)]) -> String {
    let is_mixed = |form: &str| form.chars().any(char::is_lowercase);
    let best = |candidates: &mut dyn Iterator<Item = &(String, usize)>| {
        candidates
            .fold(None::<&(String, usize)>, |best, form| match best {
                Some(b) if b.1 >= form.1 => Some(b),
                _ => Some(form),
            })
            .map(|(form, _)| form.clone())
    };
    best(&mut forms.iter().filter(|(f, _)| is_mixed(f)))
        .or_else(|| best(&mut forms.iter()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(list: &[(&str, usize)]) -> Vec<(String, usize)> {
        list.iter().map(|(f, n)| ((*f).to_string(), *n)).collect()
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
