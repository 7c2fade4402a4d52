//! Corrections that apply to every cable, kept in ONE file of the data dir,
//! `corrections/everywhere.tsv`: a kind, a name and what to do, tab-separated.
//!
//! ```text
//! # cableview: corrections that apply to every cable (kind, name, what)
//! PER<TAB>Embassy<TAB>not-an-entity
//! ORG<TAB>Chirac<TAB>relabel PER
//! ```
//!
//! A rule applies, in every cable, to each entity of its kind the name names (its name or
//! one of its spellings, case and punctuation aside), as a cable's own relabel or removal
//! does; the mentions it relabels say `correction`. The user's aliases add names dropped
//! whatever their kind (`"Embassy" = []`), matched mention by mention before grouping.
//! Rules are shared by everything reading cables (an `Arc`): the event loop replaces them
//! when the user adds one in the reader, so the next cable opened has it.

use super::apply::{for_each_mention, retain_mentions};
use super::{CORRECTIONS_DIR, CorrectionsError};
use crate::aliases::Aliases;
use crate::cable::entities::{regroup, spelling_key};
use crate::cable::{Cable, EntityKind, Mention, MentionSource};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

/// The file's name in the data dir's corrections folder.
pub const EVERYWHERE_FILE: &str = "everywhere.tsv";

/// The file's first line, written on every save.
const TITLE: &str = "# cableview: corrections that apply to every cable (kind, name, what)";

/// What a rule does to the entities it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleAction {
    /// They are no entities.
    NotAnEntity,
    /// They are of this kind.
    Relabel(EntityKind),
}

/// One correction for every cable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The kind of the entities it applies to.
    pub kind: EntityKind,
    /// A name or spelling of them.
    pub name: String,
    /// What it does.
    pub action: RuleAction,
}

impl Rule {
    /// A line for `cableview corrections` and the status line.
    #[must_use]
    pub fn describe(&self) -> String {
        match &self.action {
            RuleAction::NotAnEntity => {
                format!("not an entity everywhere: {} {}", self.kind, self.name)
            }
            RuleAction::Relabel(to) => {
                format!("relabel {} {} as {to} everywhere", self.kind, self.name)
            }
        }
    }
}

/// The rules for every cable and the names the aliases drop.
#[derive(Debug, Default)]
pub struct Everywhere {
    rules: RwLock<Vec<Rule>>,
    /// Spelling keys of names dropped whatever their kind (`"Embassy" = []`).
    dropped: HashSet<String>,
}

impl Everywhere {
    /// The rules kept in `data_dir` (none when the file is missing) and the names
    /// `aliases` drops.
    ///
    /// # Errors
    /// The file cannot be read, or a line is out of shape (its file and line named).
    pub fn load(
        data_dir: Option<&Path>,
        aliases: Option<&Aliases>,
    ) -> Result<Self, CorrectionsError> {
        let rules = match data_dir {
            Some(dir) => read(dir)?,
            None => Vec::new(),
        };
        let dropped = aliases
            .into_iter()
            .flat_map(Aliases::dropped)
            .map(spelling_key)
            .collect();
        Ok(Self {
            rules: RwLock::new(rules),
            dropped,
        })
    }

    /// The file of `data_dir`.
    #[must_use]
    pub fn path_of(data_dir: &Path) -> PathBuf {
        data_dir.join(CORRECTIONS_DIR).join(EVERYWHERE_FILE)
    }

    /// The rules, oldest first.
    #[must_use]
    pub fn rules(&self) -> Vec<Rule> {
        self.rules.read().map(|r| r.clone()).unwrap_or_default()
    }

    /// Puts `rules` in place of the ones held (after the file was changed).
    pub fn set_rules(&self, rules: Vec<Rule>) {
        if let Ok(mut held) = self.rules.write() {
            *held = rules;
        }
    }

    /// Whether nothing is to be done to any cable.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.dropped.is_empty() && self.rules.read().map_or(true, |r| r.is_empty())
    }

    /// Applies the dropped names and the rules to a cable; its entities are grouped
    /// again (with `aliases`) when anything changed. Returns whether anything did.
    pub fn apply(&self, cable: &mut Cable, aliases: Option<&Aliases>) -> bool {
        let mut changed = false;
        if !self.dropped.is_empty() {
            let before = count(cable);
            retain_mentions(cable, |m| !self.dropped.contains(&spelling_key(&m.text)));
            changed = count(cable) != before;
        }
        let Ok(rules) = self.rules.read() else {
            return changed;
        };
        if rules.is_empty() {
            if changed {
                regroup(cable, aliases);
            }
            return changed;
        }
        regroup(cable, aliases);
        for rule in rules.iter() {
            let hit: Vec<usize> = (0..cable.entities.len())
                .filter(|&e| cable.entities[e].matches(&rule.kind, &rule.name))
                .collect();
            if hit.is_empty() {
                continue;
            }
            let of_hit = |m: &Mention| m.entity.is_some_and(|e| hit.contains(&e));
            match &rule.action {
                RuleAction::NotAnEntity => retain_mentions(cable, |m| !of_hit(m)),
                RuleAction::Relabel(to) => for_each_mention(cable, |m| {
                    if of_hit(m) {
                        m.kind = to.clone();
                        m.source = MentionSource::Correction;
                    }
                }),
            }
            regroup(cable, aliases);
            changed = true;
        }
        changed
    }
}

/// Adds a rule to the file of `data_dir` (written atomically); returns every rule now.
///
/// # Errors
/// The file cannot be read or written, or is out of shape (then it is left as it is).
pub fn push(data_dir: &Path, rule: Rule) -> Result<Vec<Rule>, CorrectionsError> {
    let mut rules = read(data_dir)?;
    rules.push(rule);
    write(data_dir, &rules)?;
    Ok(rules)
}

/// Takes back the file's last rule; returns it (none when there was none) and the rest.
///
/// # Errors
/// As [`push`].
pub fn undo(data_dir: &Path) -> Result<(Option<Rule>, Vec<Rule>), CorrectionsError> {
    let mut rules = read(data_dir)?;
    let last = rules.pop();
    if last.is_some() {
        write(data_dir, &rules)?;
    }
    Ok((last, rules))
}

/// The rules of the file of `data_dir`, none when it is missing.
///
/// # Errors
/// As [`Everywhere::load`].
pub fn read(data_dir: &Path) -> Result<Vec<Rule>, CorrectionsError> {
    let path = Everywhere::path_of(data_dir);
    let shown = crate::sanitize::path(&path);
    match crate::regular_file::read_to_string(&path, crate::regular_file::Limit::CONFIG) {
        Ok(text) => parse(&text, &shown),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(source) => Err(CorrectionsError::Io {
            file: shown,
            action: "cannot read",
            source,
        }),
    }
}

fn write(data_dir: &Path, rules: &[Rule]) -> Result<(), CorrectionsError> {
    let path = Everywhere::path_of(data_dir);
    let failed = |source| CorrectionsError::Io {
        file: crate::sanitize::path(&path),
        action: "cannot write",
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(failed)?;
    }
    crate::atomic_file::write(&path, render(rules).as_bytes()).map_err(failed)
}

/// The file's text for `rules`.
fn render(rules: &[Rule]) -> String {
    let mut out = format!("{TITLE}\n");
    for rule in rules {
        // A tab or line break in a name would split its line: a space stands in.
        let name: String = rule
            .name
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let what = match &rule.action {
            RuleAction::NotAnEntity => "not-an-entity".to_string(),
            RuleAction::Relabel(to) => format!("relabel {to}"),
        };
        let _ = writeln!(out, "{}\t{name}\t{what}", rule.kind);
    }
    out
}

/// The rules of the file's text; `file` names it in errors. Blank lines and lines
/// starting with `#` are skipped.
fn parse(text: &str, file: &str) -> Result<Vec<Rule>, CorrectionsError> {
    let error = |line: usize, message: String| CorrectionsError::Syntax {
        file: file.to_string(),
        line,
        message,
    };
    let kind = |line: usize, label: &str| {
        if !label.is_empty() && label.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            Ok(EntityKind::from_label(label))
        } else {
            Err(error(
                line,
                format!("{label:?} is no kind: expected one such as PER, ORG, LOC or MISC"),
            ))
        }
    };
    let mut rules = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [from, name, what] = fields.as_slice() else {
            return Err(error(
                line_no,
                format!(
                    "{} tab-separated fields, expected 3: kind, name, and `not-an-entity` or `relabel KIND`",
                    fields.len()
                ),
            ));
        };
        let name = name.trim();
        if spelling_key(name).is_empty() {
            return Err(error(
                line_no,
                format!("no letter or digit in the name {name:?}"),
            ));
        }
        let action = match what.trim().split_once(' ') {
            None if what.trim() == "not-an-entity" => RuleAction::NotAnEntity,
            Some(("relabel", to)) => RuleAction::Relabel(kind(line_no, to.trim())?),
            _ => {
                return Err(error(
                    line_no,
                    format!("{what:?}: expected `not-an-entity` or `relabel KIND`"),
                ));
            }
        };
        rules.push(Rule {
            kind: kind(line_no, from.trim())?,
            name: name.to_string(),
            action,
        });
    }
    Ok(rules)
}

fn count(cable: &Cable) -> usize {
    cable.header.mentions.len()
        + cable
            .paragraphs
            .iter()
            .map(|p| p.mentions.len() + p.heading_mentions.len())
            .sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reads_back_as_written() {
        let rules = vec![
            Rule {
                kind: EntityKind::Per,
                name: "Embassy".into(),
                action: RuleAction::NotAnEntity,
            },
            Rule {
                kind: EntityKind::Org,
                name: "Chirac".into(),
                action: RuleAction::Relabel(EntityKind::Per),
            },
        ];
        assert_eq!(parse(&render(&rules), "e.tsv").unwrap(), rules);
    }

    #[test]
    fn a_bad_line_is_named_with_what_was_expected() {
        let text = "# title\nPER\tEmbassy\tnot-an-entity\n\nPER\tX\tdrop\n";
        let error = parse(text, "everywhere.tsv").unwrap_err().to_string();
        assert_eq!(
            error,
            "everywhere.tsv:4: \"drop\": expected `not-an-entity` or `relabel KIND`"
        );
        let error = parse("PER Embassy drop\n", "e.tsv")
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("e.tsv:1: 1 tab-separated fields, expected 3"),
            "{error}"
        );
        let error = parse("per\tX\tnot-an-entity\n", "e.tsv")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("e.tsv:1: \"per\" is no kind"), "{error}");
        let error = parse("PER\t..\tnot-an-entity\n", "e.tsv")
            .unwrap_err()
            .to_string();
        assert!(error.contains("no letter or digit"), "{error}");
    }
}
