//! The grouper: spellings gathered block by block, joined into entities at the end.

use super::join::{Node, is_acronym, join, may_abbreviate, push_spelling_key, spelling_key};
use super::{Entity, EntityKind, Mention};
use crate::aliases::Aliases;
use hashbrown::HashTable;
use std::cmp::Reverse;
use std::hash::BuildHasher;
use std::ops::Range;

/// The entities of a cable, and the entity of each mention in the order they were added.
pub(crate) struct Grouping {
    /// Most frequent first, then by kind and name.
    pub entities: Vec<Entity>,
    /// Per mention added, the index of its entity in `entities`.
    pub ids: Vec<usize>,
}

/// One case-insensitive spelling of one kind while mentions are gathered.
struct Group {
    kind: usize,
    lower: String,
    hash: u64,
    count: usize,
    /// The blocks it appears in, each once, with its paragraph label (an index into
    /// [`Grouper::labels`]).
    blocks: Vec<(usize, usize)>,
}

/// One exact spelling of one kind, and the group it belongs to.
struct Form {
    kind: usize,
    /// Where its text stands in [`Grouper::form_text`].
    text: Range<usize>,
    hash: u64,
    count: usize,
    group: usize,
}

/// Gathers mentions into entities block by block, in document order, so a parser can
/// feed each paragraph as it finishes it, while its text is still in the cache.
///
/// Long cables have a hundred thousand mentions of a few thousand spellings, so a mention
/// is looked up by its exact spelling first: a known spelling costs one hash probe and one
/// comparison, with nothing lower-cased, allocated or compared by label. Only a new
/// spelling is lower-cased and looked up among the groups; joining works on groups.
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
    /// The form of each mention, in the order they came.
    mention_forms: Vec<usize>,
    /// A group and the acronym defined right after one of its mentions (`... (ICE)`).
    acronyms: Vec<(usize, String)>,
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
            self.mention_forms.push(form);
            self.forms[form].count += 1;
            let group_at = self.forms[form].group;
            let group = &mut self.groups[group_at];
            group.count += 1;
            if group.blocks.last().is_none_or(|&(b, _)| b != self.blocks) {
                group.blocks.push((self.blocks, label));
            }
            let after = text.get(mention.bytes.end..).unwrap_or_default();
            if let Some(acronym) = defined_acronym(mention_text, after) {
                self.acronyms.push((group_at, acronym));
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

    /// The form of `kind` spelt `text`, made (with its group, if new) when first seen.
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

    /// The group of `kind` spelt `text` case-insensitively, made when first seen.
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
            blocks: Vec::new(),
        });
        let groups = &self.groups;
        self.group_table
            .insert_unique(hash, at, |&at| groups[at].hash);
        at
    }

    /// Joins the groups into entities: most frequent first, then by kind and name, then
    /// by first mention; and each mention's entity.
    ///
    /// A cable read alone pays this once: its few hundred spellings' keys share one
    /// buffer, each entity's groups and forms are slices of one list, and the working
    /// lists are reused from entity to entity.
    pub fn finish(self, aliases: Option<&Aliases>) -> Grouping {
        let mut key_text = String::new();
        let mut key_ends = Vec::with_capacity(self.groups.len());
        for group in &self.groups {
            push_spelling_key(&mut key_text, &group.lower);
            key_ends.push(key_text.len());
        }
        let nodes: Vec<Node> = self
            .groups
            .iter()
            .zip(&key_ends)
            .scan(0, |start, (g, &end)| {
                let key = &key_text[*start..end];
                *start = end;
                Some(Node { kind: g.kind, key })
            })
            .collect();
        let person = self.kinds.iter().position(|k| *k == EntityKind::Per);
        let joined = join(&nodes, &self.acronyms, person, aliases);
        // Entities are numbered by root; `members` lists each root's groups.
        let mut entity_of_root = vec![usize::MAX; self.groups.len()];
        let mut roots = Vec::new();
        for &root in &joined.root {
            if entity_of_root[root] == usize::MAX {
                entity_of_root[root] = roots.len();
                roots.push(root);
            }
        }
        let entity_of_group = |group: usize| entity_of_root[joined.root[group]];
        let members = Buckets::new(roots.len(), self.groups.len(), entity_of_group);
        let forms_of = Buckets::new(roots.len(), self.forms.len(), |at| {
            entity_of_group(self.forms[at].group)
        });
        let spelt = |at: usize| &self.form_text[self.forms[at].text.clone()];
        let (mut full, mut others, mut blocks) = (Vec::new(), Vec::new(), Vec::new());
        let entities: Vec<Entity> = roots
            .iter()
            .enumerate()
            .map(|(entity, &root)| {
                let forms = forms_of.get(entity);
                full.clear();
                full.extend(
                    forms
                        .iter()
                        .copied()
                        .filter(|&f| !joined.short[self.forms[f].group]),
                );
                let shown = best_form(if full.is_empty() { forms } else { &full }, |f| {
                    (spelt(f), self.forms[f].count)
                });
                let name = match joined.alias[root].zip(aliases) {
                    Some((alias, aliases)) => aliases.name(alias).to_string(),
                    None => shown.map(spelt).unwrap_or_default().to_string(),
                };
                others.clear();
                others.extend(forms.iter().copied().filter(|&f| spelt(f) != name));
                others.sort_by_key(|&f| Reverse(self.forms[f].count));
                let group_list = members.get(entity);
                blocks.clear();
                blocks.extend(
                    group_list
                        .iter()
                        .flat_map(|&g| self.groups[g].blocks.iter().copied()),
                );
                // One group's blocks came in order; several groups' interleave.
                if group_list.len() > 1 {
                    blocks.sort_unstable();
                }
                // Runs of one label give one paragraph each: counted first, to allocate once.
                let runs = blocks
                    .iter()
                    .enumerate()
                    .filter(|&(at, &(_, label))| at == 0 || blocks[at - 1].1 != label)
                    .map(|(_, &(_, label))| label);
                let mut paragraphs = Vec::with_capacity(runs.clone().count());
                paragraphs.extend(runs.map(|label| self.labels[label].clone()));
                Entity {
                    kind: self.kinds[self.groups[root].kind].clone(),
                    name,
                    count: group_list.iter().map(|&g| self.groups[g].count).sum(),
                    paragraphs,
                    spellings: others.iter().map(|&f| spelt(f).to_string()).collect(),
                }
            })
            .collect();
        // Kinds compare by their rank among the kinds seen, entities by a key built once.
        let mut ranked: Vec<usize> = (0..self.kinds.len()).collect();
        ranked.sort_unstable_by(|&a, &b| self.kinds[a].cmp(&self.kinds[b]));
        let mut rank = vec![0; self.kinds.len()];
        for (place, &kind) in ranked.iter().enumerate() {
            rank[kind] = place;
        }
        let mut lowered = String::new();
        let mut lowered_ends = Vec::with_capacity(entities.len());
        for entity in &entities {
            push_lowercase_str(&mut lowered, &entity.name);
            lowered_ends.push(lowered.len());
        }
        let lowered_name = |at: usize| {
            let start = if at == 0 { 0 } else { lowered_ends[at - 1] };
            &lowered[start..lowered_ends[at]]
        };
        let mut keys: Vec<_> = entities
            .iter()
            .enumerate()
            .map(|(at, e)| {
                (
                    Reverse(e.count),
                    rank[self.groups[roots[at]].kind],
                    lowered_name(at),
                    at,
                )
            })
            .collect();
        keys.sort_unstable();
        let order: Vec<usize> = keys.iter().map(|&(.., at)| at).collect();
        let mut place = vec![0; order.len()];
        for (to, &from) in order.iter().enumerate() {
            place[from] = to;
        }
        let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
        let entities = order.iter().filter_map(|&at| slots[at].take()).collect();
        let ids = self
            .mention_forms
            .iter()
            .map(|&form| place[entity_of_group(self.forms[form].group)])
            .collect();
        Grouping { entities, ids }
    }
}

/// The numbers `0..items` put in buckets, each bucket in increasing order, in one list.
struct Buckets {
    /// Where each bucket starts in `items`, and the end of the last.
    starts: Vec<usize>,
    items: Vec<usize>,
}

impl Buckets {
    /// `bucket_of` gives each item's bucket, below `buckets`.
    fn new(buckets: usize, items: usize, bucket_of: impl Fn(usize) -> usize) -> Self {
        let mut starts = vec![0; buckets + 1];
        for item in 0..items {
            starts[bucket_of(item) + 1] += 1;
        }
        for at in 1..starts.len() {
            starts[at] += starts[at - 1];
        }
        let mut next = starts.clone();
        let mut list = vec![0; items];
        for item in 0..items {
            let slot = &mut next[bucket_of(item)];
            list[*slot] = item;
            *slot += 1;
        }
        Self {
            starts,
            items: list,
        }
    }

    fn get(&self, bucket: usize) -> &[usize] {
        &self.items[self.starts[bucket]..self.starts[bucket + 1]]
    }
}

/// The form an entity is shown by: mixed case before capitals before lower case (a
/// header's `PARIS` gives way to `Paris`, a stray `u.s.` to `U.S.`), then the most
/// frequent, then the first seen.
fn best_form<'a>(forms: &[usize], of: impl Fn(usize) -> (&'a str, usize)) -> Option<usize> {
    let class = super::case_rank;
    forms
        .iter()
        .copied()
        .enumerate()
        .max_by_key(|&(seen, f)| {
            let (text, count) = of(f);
            (class(text), count, Reverse(seen))
        })
        .map(|(_, f)| f)
}

/// The acronym defined right after a mention: `Immigration and Customs Enforcement
/// (ICE)`, the acronym tagged or not. `after` is the block's text after the mention.
fn defined_acronym(long: &str, after: &str) -> Option<String> {
    let inside = after.trim_start().strip_prefix('(')?;
    let end = inside.find(')')?;
    let acronym = inside[..end].trim();
    (is_acronym(acronym) && may_abbreviate(acronym, long)).then(|| spelling_key(acronym))
}

/// Appends `text` lower-cased as [`str::to_lowercase`] does; ASCII (nearly every name)
/// skips Unicode case tables.
fn push_lowercase_str(key: &mut String, text: &str) {
    if text.is_ascii() {
        let start = key.len();
        key.push_str(text);
        key[start..].make_ascii_lowercase();
    } else {
        key.push_str(&text.to_lowercase());
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
mod tests;
