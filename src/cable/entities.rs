//! Grouping mentions into entities: one entity per kind and case-insensitive name.

use super::{Cable, EntityKind, HEADER_LABEL, Mention, SIGNATURE_LABEL};
use hashbrown::HashTable;
use serde::Serialize;
use std::cmp::Reverse;
use std::hash::BuildHasher;
use std::ops::Range;

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
    kind: usize,
    lower: String,
    hash: u64,
    count: usize,
    /// Indexes into [`Grouper::labels`] of the paragraphs it appears in.
    paragraphs: Vec<usize>,
    /// The label [`Grouper::add`] last pushed onto `paragraphs`.
    last_label: Option<usize>,
    /// The number of the block [`Grouper::add`] last saw this entity in.
    last_block: usize,
}

/// One exact spelling of one kind, and the entity it belongs to.
struct Form {
    kind: usize,
    /// Where its text stands in [`Grouper::form_text`].
    text: Range<usize>,
    hash: u64,
    count: usize,
    group: usize,
}

/// Groups the mentions of a cable into entities, most frequent first, then by kind and name.
#[must_use]
pub fn group(cable: &Cable) -> Vec<Entity> {
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
    grouper.finish()
}

/// Gathers mentions into entities block by block, in document order, so a parser can
/// feed each paragraph as it finishes it, while its text is still in the cache.
///
/// Long cables have a hundred thousand mentions of a few thousand spellings, so a mention
/// is looked up by its exact spelling first: a known spelling costs one hash probe and one
/// comparison, with nothing lower-cased, allocated or compared by label. Only a new
/// spelling is lower-cased and looked up among the entities.
#[derive(Default)]
pub(crate) struct Grouper {
    state: foldhash::fast::FixedState,
    /// Indexes into `forms`, keyed by kind and exact text.
    form_table: HashTable<usize>,
    forms: Vec<Form>,
    /// The text of every form, one after the other.
    form_text: String,
    /// Indexes into `groups`, keyed by kind and lower-cased text.
    group_table: HashTable<usize>,
    groups: Vec<Group>,
    /// Every kind seen, so forms and groups compare kinds as numbers.
    kinds: Vec<EntityKind>,
    /// Every paragraph label seen, once each.
    labels: Vec<String>,
    label_table: HashTable<usize>,
    lower: String,
    /// How many blocks [`Grouper::add`] has taken.
    blocks: usize,
}

impl Grouper {
    /// Adds the mentions of one block (`label` is its paragraph label, `text` its text).
    pub fn add(&mut self, label: &str, text: &str, mentions: &[Mention]) {
        self.blocks += 1;
        if mentions.is_empty() {
            return;
        }
        let label = self.label_index(label);
        // At most every mention is new: growing once here beats growing a table mid-block.
        let (forms, groups) = (&self.forms, &self.groups);
        self.form_table
            .reserve(mentions.len(), |&at| forms[at].hash);
        self.group_table
            .reserve(mentions.len(), |&at| groups[at].hash);
        for mention in mentions {
            let mention_text = text.get(mention.bytes.clone()).unwrap_or(&mention.text);
            let kind = self.kind_index(&mention.kind);
            let form = self.form_index(kind, mention_text);
            self.forms[form].count += 1;
            let group = &mut self.groups[self.forms[form].group];
            group.count += 1;
            // Blocks come in document order, so comparing with the last paragraph is enough,
            // and only needed once per block (labels can repeat: one cable has two ¶6).
            if group.last_block != self.blocks {
                group.last_block = self.blocks;
                if group.last_label != Some(label) {
                    group.last_label = Some(label);
                    group.paragraphs.push(label);
                }
            }
        }
    }

    fn label_index(&mut self, label: &str) -> usize {
        let hash = self.state.hash_one(label);
        let labels = &mut self.labels;
        if let Some(&at) = self.label_table.find(hash, |&at| labels[at] == label) {
            return at;
        }
        let at = labels.len();
        labels.push(label.to_string());
        let state = &self.state;
        self.label_table
            .insert_unique(hash, at, |&at| state.hash_one(labels[at].as_str()));
        at
    }

    fn kind_index(&mut self, kind: &EntityKind) -> usize {
        if let Some(at) = self.kinds.iter().position(|k| k == kind) {
            return at;
        }
        self.kinds.push(kind.clone());
        self.kinds.len() - 1
    }

    /// The form of `kind` spelt `text`, made (with its entity, if new) when first seen.
    fn form_index(&mut self, kind: usize, text: &str) -> usize {
        let hash = self.state.hash_one((kind, text));
        let (forms, form_text) = (&self.forms, &self.form_text);
        let found = self.form_table.find(hash, |&at| {
            forms[at].kind == kind && form_text[forms[at].text.clone()] == *text
        });
        if let Some(&at) = found {
            return at;
        }
        let group = self.group_index(kind, text);
        let at = self.forms.len();
        let start = self.form_text.len();
        self.form_text.push_str(text);
        self.forms.push(Form {
            kind,
            text: start..self.form_text.len(),
            hash,
            count: 0,
            group,
        });
        let forms = &self.forms;
        self.form_table
            .insert_unique(hash, at, |&at| forms[at].hash);
        at
    }

    /// The entity of `kind` named `text` case-insensitively, made when first seen.
    fn group_index(&mut self, kind: usize, text: &str) -> usize {
        self.lower.clear();
        push_lowercase(&mut self.lower, text);
        let hash = self.state.hash_one((kind, self.lower.as_str()));
        let (groups, lower) = (&self.groups, &self.lower);
        let found = self.group_table.find(hash, |&at| {
            groups[at].kind == kind && groups[at].lower == *lower
        });
        if let Some(&at) = found {
            return at;
        }
        let at = self.groups.len();
        self.groups.push(Group {
            kind,
            lower: self.lower.clone(),
            hash,
            count: 0,
            paragraphs: Vec::new(),
            last_label: None,
            last_block: 0,
        });
        let groups = &self.groups;
        self.group_table
            .insert_unique(hash, at, |&at| groups[at].hash);
        at
    }

    /// The entities, most frequent first, then by kind and name, then by first mention.
    pub fn finish(self) -> Vec<Entity> {
        let names = self.display_names();
        let (kinds, groups) = (&self.kinds, &self.groups);
        // Kinds compare by their rank among the kinds seen, entities by a key built once.
        let mut ranked: Vec<usize> = (0..kinds.len()).collect();
        ranked.sort_unstable_by(|&a, &b| kinds[a].cmp(&kinds[b]));
        let mut rank = vec![0; kinds.len()];
        for (place, &kind) in ranked.iter().enumerate() {
            rank[kind] = place;
        }
        let mut keys: Vec<(Reverse<usize>, usize, &str, usize)> = groups
            .iter()
            .enumerate()
            .map(|(at, g)| (Reverse(g.count), rank[g.kind], g.lower.as_str(), at))
            .collect();
        keys.sort_unstable();
        let order = keys.into_iter().map(|(_, _, _, at)| at);
        order
            .map(|at| {
                let group = &groups[at];
                Entity {
                    kind: kinds[group.kind].clone(),
                    name: names[at].to_string(),
                    count: group.count,
                    paragraphs: group
                        .paragraphs
                        .iter()
                        .map(|&label| self.labels[label].clone())
                        .collect(),
                }
            })
            .collect()
    }

    /// Each entity's display name: its most frequent mixed-case form; all-capitals forms
    /// only when it has no other. Ties go to the form seen first.
    fn display_names(&self) -> Vec<&str> {
        let mut best_mixed: Vec<Option<usize>> = vec![None; self.groups.len()];
        let mut best_any: Vec<Option<usize>> = vec![None; self.groups.len()];
        let better = |best: Option<usize>, form: usize| {
            best.is_none_or(|b| self.forms[form].count > self.forms[b].count)
        };
        for (at, form) in self.forms.iter().enumerate() {
            let text = &self.form_text[form.text.clone()];
            if text.chars().any(char::is_lowercase) && better(best_mixed[form.group], at) {
                best_mixed[form.group] = Some(at);
            }
            if better(best_any[form.group], at) {
                best_any[form.group] = Some(at);
            }
        }
        best_mixed
            .into_iter()
            .zip(best_any)
            .map(|(mixed, any)| {
                mixed
                    .or(any)
                    .map_or("", |at| &self.form_text[self.forms[at].text.clone()])
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Groups mentions of the given spellings, each repeated as often as given, in order.
    fn entities(blocks: &[(&str, &[(&str, usize)])]) -> Vec<Entity> {
        let mut grouper = Grouper::default();
        for (label, forms) in blocks {
            let mut text = String::new();
            let mut mentions = Vec::new();
            for &(form, times) in *forms {
                for _ in 0..times {
                    let start = text.len();
                    text.push_str(form);
                    mentions.push(Mention {
                        kind: EntityKind::Loc,
                        text: form.to_string(),
                        start,
                        end: text.len(),
                        bytes: start..text.len(),
                    });
                    text.push(' ');
                }
            }
            grouper.add(label, &text, &mentions);
        }
        grouper.finish()
    }

    fn name(forms: &[(&str, usize)]) -> String {
        let found = entities(&[("1", forms)]);
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].name.clone()
    }

    #[test]
    fn display_name_prefers_frequent_mixed_case() {
        assert_eq!(name(&[("PARIS", 4), ("Paris", 6)]), "Paris");
        assert_eq!(name(&[("PARIS", 9), ("Paris", 1)]), "Paris");
        assert_eq!(name(&[("GOF", 3)]), "GOF");
        assert_eq!(name(&[("Foo", 2), ("foo", 2)]), "Foo");
        assert_eq!(name(&[("foo", 1), ("Foo", 2)]), "Foo");
    }

    #[test]
    fn paragraphs_are_listed_once_per_run_of_a_label() {
        let found = entities(&[
            ("header", &[("Paris", 1)]),
            ("1", &[("PARIS", 2), ("Lyon", 1)]),
            ("2", &[("Lyon", 1)]),
            ("2", &[("paris", 1)]),
            ("3", &[]),
            ("4", &[("Paris", 1), ("Lyon", 2)]),
        ]);
        let summary: Vec<_> = found
            .iter()
            .map(|e| (e.name.as_str(), e.count, e.paragraphs.join(",")))
            .collect();
        assert_eq!(
            summary,
            [
                ("Paris", 5, "header,1,2,4".to_string()),
                ("Lyon", 4, "1,2,4".to_string())
            ]
        );
    }

    #[test]
    fn ties_sort_by_kind_then_name_then_first_mention() {
        let found = entities(&[("1", &[("b", 1), ("a", 1), ("B", 1), ("c", 2)])]);
        let names: Vec<_> = found.iter().map(|e| (e.name.as_str(), e.count)).collect();
        assert_eq!(names, [("b", 2), ("c", 2), ("a", 1)]);
    }
}
