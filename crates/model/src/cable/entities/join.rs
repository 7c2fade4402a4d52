//! Which groups of spellings name one entity: case and punctuation variants, an acronym
//! defined in the text, a person's last name(s), the user's aliases. Joining never crosses
//! kinds, and an ambiguous last name (two people share it) joins nobody.

use crate::aliases::Aliases;
use hashbrown::HashMap;

/// The key spellings are compared by: lower case, `.` and apostrophes dropped, every
/// other run of non-alphanumeric characters one space (`U.S.` and `us` give `us`,
/// `Al-Qaida` and `al Qaida` give `al qaida`).
#[must_use]
pub fn spelling_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    push_spelling_key(&mut key, text);
    key
}

/// Appends [`spelling_key`] of `text` to `key`, so that the keys of a cable's spellings
/// can share one buffer.
pub(crate) fn push_spelling_key(key: &mut String, text: &str) {
    let start = key.len();
    let mut gap = false;
    if text.is_ascii() {
        // Nearly every spelling: bytes, with no case table and no UTF-8 encoding.
        for &b in text.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if gap && key.len() > start {
                    key.push(' ');
                }
                gap = false;
                key.push(char::from(b.to_ascii_lowercase()));
            } else if !matches!(b, b'.' | b'\'') {
                gap = true;
            }
        }
        return;
    }
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && key.len() > start {
                key.push(' ');
            }
            gap = false;
            if c.is_ascii() {
                key.push(c.to_ascii_lowercase());
            } else {
                key.extend(c.to_lowercase());
            }
        } else if !matches!(c, '.' | '\'' | '\u{2019}') {
            gap = true;
        }
    }
}

/// Whether `text` reads as an acronym: 2 to 8 capitals, digits or `&`, starting with a
/// capital (`ICE`, `G8`, `AT&T`).
#[must_use]
pub fn is_acronym(text: &str) -> bool {
    (2..=8).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
}

/// Whether `acronym` may stand for `long`: the long form has two words at least and
/// starts with the acronym's first letter.
#[must_use]
pub fn may_abbreviate(acronym: &str, long: &str) -> bool {
    let first = |s: &str| {
        s.chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
    };
    long.split_whitespace().count() >= 2 && first(acronym) == first(long)
}

/// One group of spellings as the joining sees it.
pub struct Node<'a> {
    /// The kind, as a number the caller chose.
    pub kind: usize,
    /// [`spelling_key`] of its spellings (all of them share it up to case).
    pub key: &'a str,
}

/// The outcome: each group's root, and which groups are short forms (a last name, an
/// acronym) that must not give the entity its name.
pub struct Joined {
    /// Per group, the group it joined into.
    pub root: Vec<usize>,
    /// Per group, whether it is a short form.
    pub short: Vec<bool>,
    /// Per group, the alias (index into the user's table) its root is named by.
    pub alias: Vec<Option<usize>>,
}

struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut at: usize) -> usize {
        while self.0[at] != at {
            self.0[at] = self.0[self.0[at]];
            at = self.0[at];
        }
        at
    }

    /// Joins two sets; the lower index stays root, so roots are stable and first-seen.
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (low, high) = (a.min(b), a.max(b));
            self.0[high] = low;
        }
    }
}

/// Joins `nodes`. `acronyms` pairs a long form's group with an acronym key defined right
/// after it in the text; `person` is the kind number of people, if any.
pub fn join(
    nodes: &[Node<'_>],
    acronyms: &[(usize, String)],
    person: Option<usize>,
    aliases: Option<&Aliases>,
) -> Joined {
    let mut sets = Sets((0..nodes.len()).collect());
    let mut short = vec![false; nodes.len()];
    let mut alias_of_root: HashMap<usize, usize> = HashMap::new();
    // Same key, same kind: case and punctuation variants. A key can be empty (`--`):
    // such spellings stay apart.
    let mut by_key: HashMap<(usize, &str), usize> = HashMap::with_capacity(nodes.len());
    for (at, node) in nodes.iter().enumerate() {
        if node.key.is_empty() {
            continue;
        }
        match by_key.get(&(node.kind, node.key)) {
            Some(&first) => sets.union(first, at),
            None => {
                by_key.insert((node.kind, node.key), at);
            }
        }
    }
    if let Some(aliases) = aliases.filter(|a| !a.is_empty()) {
        let mut by_alias: HashMap<(usize, usize), usize> = HashMap::new();
        for (at, node) in nodes.iter().enumerate() {
            if let Some(alias) = aliases.find(node.key) {
                let first = *by_alias.entry((node.kind, alias)).or_insert(at);
                sets.union(first, at);
                alias_of_root.insert(at, alias);
            }
        }
    }
    for (long, acronym) in acronyms {
        if let Some(&at) = by_key.get(&(nodes[*long].kind, acronym.as_str()))
            && sets.find(at) != sets.find(*long)
        {
            sets.union(*long, at);
            short[at] = true;
        }
    }
    if let Some(person) = person {
        join_last_names(nodes, person, &mut sets, &mut short);
    }
    let root: Vec<usize> = (0..nodes.len()).map(|at| sets.find(at)).collect();
    let mut alias = vec![None; nodes.len()];
    for (at, id) in alias_of_root {
        alias[root[at]] = Some(id);
    }
    let alias = (0..nodes.len()).map(|at| alias[root[at]]).collect();
    Joined { root, short, alias }
}

/// A person's last name(s) join the one longer name of the same person they end
/// (`Beghal`, `Djamel Beghal`); when two people share them, nobody.
fn join_last_names(nodes: &[Node<'_>], person: usize, sets: &mut Sets, short: &mut [bool]) {
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for (at, node) in nodes.iter().enumerate() {
        if node.kind == person
            && let Some(last) = node.key.rsplit(' ').next().filter(|l| !l.is_empty())
        {
            by_last.entry(last).or_default().push(at);
        }
    }
    for members in by_last.values().filter(|m| m.len() > 1) {
        for &at in members {
            let words = nodes[at].key.split(' ').count();
            let suffix = nodes[at].key;
            let mut longer = members.iter().filter(|&&other| {
                let key = nodes[other].key;
                key.split(' ').count() > words
                    && key.ends_with(suffix)
                    && key.as_bytes()[key.len() - suffix.len() - 1] == b' '
            });
            let Some(&first) = longer.next() else {
                continue;
            };
            let target = sets.find(first);
            if longer.all(|&other| sets.find(other) == target) {
                sets.union(at, first);
                short[at] = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_punctuation() {
        assert_eq!(spelling_key("U.S."), "us");
        assert_eq!(spelling_key("u.s."), "us");
        assert_eq!(spelling_key("US"), "us");
        assert_eq!(spelling_key("Al-Qaida"), "al qaida");
        assert_eq!(spelling_key(" al  Qaida "), "al qaida");
        assert_eq!(spelling_key("Cote d'Ivoire"), "cote divoire");
        assert_eq!(spelling_key("--"), "");
    }

    #[test]
    fn acronyms_are_short_capitals() {
        assert!(is_acronym("ICE"));
        assert!(is_acronym("G8"));
        assert!(!is_acronym("Paris"));
        assert!(!is_acronym("A"));
        assert!(!is_acronym("ABCDEFGHI"));
        assert!(may_abbreviate("ICE", "Immigration and Customs Enforcement"));
        assert!(!may_abbreviate("ICE", "Transportation Security"));
        assert!(!may_abbreviate("ICE", "Iceland"));
    }

    fn roots(keys: &[(usize, &str)]) -> Vec<usize> {
        let nodes: Vec<Node> = keys.iter().map(|&(kind, key)| Node { kind, key }).collect();
        join(&nodes, &[], Some(0), None).root
    }

    #[test]
    fn last_names_join_the_one_person_they_end() {
        assert_eq!(roots(&[(0, "beghal"), (0, "djamel beghal")]), [0, 0]);
        // Two people named Bush: a bare `Bush` is neither.
        assert_eq!(
            roots(&[(0, "bush"), (0, "george w bush"), (0, "laura bush")]),
            [0, 1, 2]
        );
        // Not across kinds, nor inside a word.
        assert_eq!(roots(&[(1, "beghal"), (0, "djamel beghal")]), [0, 1]);
        assert_eq!(roots(&[(0, "ghal"), (0, "djamel beghal")]), [0, 1]);
    }
}
