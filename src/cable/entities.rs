//! Grouping mentions into entities: one entity per kind and case-insensitive name.

use super::{Cable, EntityKind};
use serde::Serialize;

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

/// Groups the mentions of a cable into entities, most frequent first, then by kind and name.
///
/// Sorting by (kind, lower-cased text) brings each entity's mentions together; that is
/// cheaper than hashing, and parsing time is dominated by work per mention.
#[must_use]
pub fn group(cable: &Cable) -> Vec<Entity> {
    let mut mentions: Vec<(&EntityKind, String, usize, &str, &str)> = cable
        .mentions()
        .enumerate()
        .map(|(order, (paragraph, m))| {
            (
                &m.kind,
                m.text.to_lowercase(),
                order,
                m.text.as_str(),
                paragraph,
            )
        })
        .collect();
    mentions.sort_unstable_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
    let mut entities: Vec<(usize, &str, Entity)> = Vec::new();
    for run in mentions.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        let mut forms: Vec<(&str, usize)> = Vec::new();
        let mut paragraphs: Vec<String> = Vec::new();
        for (_, _, _, text, paragraph) in run {
            match forms.iter_mut().find(|(form, _)| form == text) {
                Some((_, n)) => *n += 1,
                None => forms.push((text, 1)),
            }
            if !paragraphs.iter().any(|p| p == paragraph) {
                paragraphs.push((*paragraph).to_string());
            }
        }
        // Within a run mentions are in document order, so paragraphs come out in order.
        let first = &run[0];
        let entity = Entity {
            kind: first.0.clone(),
            name: display_name(&forms),
            count: run.len(),
            paragraphs,
        };
        entities.push((first.2, &first.1, entity));
    }
    entities.sort_unstable_by(|(a_first, a_lower, a), (b_first, b_lower, b)| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a_lower.cmp(b_lower))
            .then_with(|| a_first.cmp(b_first))
    });
    entities.into_iter().map(|(_, _, entity)| entity).collect()
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
