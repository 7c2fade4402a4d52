//! brat's configuration beside the exported documents: `annotation.conf` declares the
//! entity types, `visual.conf` names and colours them.
//!
//! A configuration the user already has is kept and only completed: the types it lacks are
//! added at the end of their section, so an edited file is neither overwritten nor stale.

use crate::cable::{Cable, EntityKind};
use crate::theme::{Color, Theme};

/// A configuration file to write into the brat directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfFile {
    /// `annotation.conf` or `visual.conf`.
    pub name: &'static str,
    /// The whole file to write.
    pub contents: String,
    /// The types added to a file that existed; empty for a new file.
    pub added: Vec<String>,
}

/// The entity kinds cables use: the four standard ones first, then others as met.
/// Gathered a cable at a time, so an export that streams need not keep its cables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kinds(Vec<EntityKind>);

impl Default for Kinds {
    fn default() -> Self {
        Self(EntityKind::STANDARD.to_vec())
    }
}

impl Kinds {
    /// The kinds of these cables.
    #[must_use]
    pub fn of(cables: &[Cable]) -> Self {
        let mut kinds = Self::default();
        for cable in cables {
            kinds.add(cable);
        }
        kinds
    }

    /// Adds the kinds a cable's mentions use.
    pub fn add(&mut self, cable: &Cable) {
        for (_, m) in cable.mentions() {
            if !self.0.contains(&m.kind) {
                self.0.push(m.kind.clone());
            }
        }
    }

    /// Adds the kinds of another gathering, in its order.
    pub fn extend(&mut self, other: Self) {
        for kind in other.0 {
            if !self.0.contains(&kind) {
                self.0.push(kind);
            }
        }
    }
}

/// A fresh `annotation.conf` declaring the entity types the cables use.
#[must_use]
pub fn annotation_conf(cables: &[Cable]) -> String {
    annotation_conf_of(&Kinds::of(cables))
}

fn annotation_conf_of(kinds: &Kinds) -> String {
    let mut out = String::from("[entities]\n");
    for kind in &kinds.0 {
        out.push_str(kind.label());
        out.push('\n');
    }
    out.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
    out
}

/// A fresh `visual.conf`: each type's name, and a box in the default theme's colour for
/// its kind (brat draws a mention as a coloured box behind dark text).
#[must_use]
pub fn visual_conf(cables: &[Cable]) -> String {
    visual_conf_of(&Kinds::of(cables))
}

fn visual_conf_of(kinds: &Kinds) -> String {
    let kinds = &kinds.0;
    let mut out = String::from("[labels]\n");
    for kind in kinds {
        out.push_str(&label_line(kind));
        out.push('\n');
    }
    out.push_str(
        "\n[drawing]\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgray, borderColor:darken\n",
    );
    for line in drawing_lines(kinds) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `PER | Person | PER`: the label brat shows, long and short.
fn label_line(kind: &EntityKind) -> String {
    let name = kind.description();
    let mut title: String = name.chars().take(1).flat_map(char::to_uppercase).collect();
    title.extend(name.chars().skip(1));
    format!("{} | {title} | {}", kind.label(), kind.label())
}

/// `PER<TAB>bgColor:#E69F00` for each kind, in the colour the default theme gives it.
fn drawing_lines(kinds: &[EntityKind]) -> Vec<String> {
    let theme = Theme::builtin("default").unwrap_or_default();
    kinds
        .iter()
        .map(|kind| {
            let colour = match theme.kind(kind).fg {
                Some(Color::Rgb(r, g, b)) => format!("#{r:02X}{g:02X}{b:02X}"),
                _ => "lightgray".to_string(),
            };
            format!("{}\tbgColor:{colour}", kind.label())
        })
        .collect()
}

/// A section of a configuration file and the lines it should declare.
type Section<'a> = (&'a str, Vec<String>);

/// The configuration files to write for the cables, given what the directory holds
/// already (`existing(name)`): a new file where there is none, the types an existing file
/// lacks added to it, and nothing for a file that lacks none.
pub fn conf_files(cables: &[Cable], existing: impl Fn(&str) -> Option<String>) -> Vec<ConfFile> {
    conf_files_of(&Kinds::of(cables), existing)
}

/// [`conf_files`] for the kinds gathered from the cables.
pub fn conf_files_of(gathered: &Kinds, existing: impl Fn(&str) -> Option<String>) -> Vec<ConfFile> {
    let kinds = &gathered.0;
    let labels: Vec<String> = kinds.iter().map(|k| k.label().to_string()).collect();
    let wanted: [(&'static str, String, Vec<Section>); 2] = [
        (
            "annotation.conf",
            annotation_conf_of(gathered),
            vec![("entities", labels.clone())],
        ),
        (
            "visual.conf",
            visual_conf_of(gathered),
            vec![
                ("labels", kinds.iter().map(label_line).collect()),
                ("drawing", drawing_lines(kinds)),
            ],
        ),
    ];
    let mut out = Vec::new();
    for (name, fresh, sections) in wanted {
        let Some(mut contents) = existing(name) else {
            out.push(ConfFile {
                name,
                contents: fresh,
                added: Vec::new(),
            });
            continue;
        };
        let mut added = Vec::new();
        for (section, lines) in sections {
            for label in merge(&mut contents, section, &lines) {
                if !added.contains(&label) {
                    added.push(label);
                }
            }
        }
        if !added.is_empty() {
            out.push(ConfFile {
                name,
                contents,
                added,
            });
        }
    }
    out
}

/// The type a configuration line declares: its first word, before any `|` or white space,
/// without brat's `!` (a type that only groups others).
fn declared(line: &str) -> Option<&str> {
    let line = line.trim_start();
    if line.is_empty() || line.starts_with('#') || line.starts_with('[') {
        return None;
    }
    let word = line
        .split(|c: char| c.is_whitespace() || c == '|')
        .next()?
        .trim_start_matches('!');
    (!word.is_empty()).then_some(word)
}

/// Adds to `section` of `conf` each of `lines` whose type it does not declare yet, after
/// the section's last line (a new section at the end if there is none); returns the types
/// added.
fn merge(conf: &mut String, section: &str, lines: &[String]) -> Vec<String> {
    let header = format!("[{section}]");
    let mut in_section = false;
    let mut found = false;
    // Byte offset just past the section's last non-blank line.
    let mut insert_at = None;
    let mut declared_here: Vec<String> = Vec::new();
    let mut offset = 0;
    for line in conf.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_section = trimmed == header;
            found |= in_section;
            if in_section {
                insert_at = Some(offset + line.len());
            }
        } else if in_section && !trimmed.is_empty() {
            insert_at = Some(offset + line.len());
            declared_here.extend(declared(line).map(str::to_string));
        }
        offset += line.len();
    }
    let missing: Vec<&String> = lines
        .iter()
        .filter(|l| declared(l).is_some_and(|t| !declared_here.iter().any(|d| d == t)))
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let mut block: String = missing.iter().map(|l| format!("{l}\n")).collect();
    match insert_at.filter(|_| found) {
        Some(at) => {
            // A last line without its line break gets one before the new lines.
            if at == conf.len() && !conf.ends_with('\n') && !conf.is_empty() {
                block.insert(0, '\n');
            }
            conf.insert_str(at, &block);
        }
        None => {
            if !conf.is_empty() && !conf.ends_with('\n') {
                conf.push('\n');
            }
            if !conf.is_empty() {
                conf.push('\n');
            }
            conf.push_str(&header);
            conf.push('\n');
            conf.push_str(&block);
        }
    }
    missing
        .iter()
        .filter_map(|l| declared(l).map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_kind(label: &str) -> Cable {
        let mut cable = crate::input::sample();
        cable.paragraphs[0].mentions[0].kind = EntityKind::Other(label.into());
        cable
    }

    #[test]
    fn fresh_files_declare_and_colour_every_kind() {
        let cables = [with_kind("GPE")];
        let files = conf_files(&cables, |_| None);
        let names: Vec<&str> = files.iter().map(|f| f.name).collect();
        assert_eq!(names, ["annotation.conf", "visual.conf"]);
        assert!(
            files[0]
                .contents
                .starts_with("[entities]\nPER\nORG\nLOC\nMISC\nGPE\n")
        );
        let visual = &files[1].contents;
        assert!(visual.contains("\nPER | Person | PER\n"), "{visual}");
        // The default theme's colours: PER orange, ORG sky blue; an odd kind gets `other`'s.
        assert!(visual.contains("\nPER\tbgColor:#E69F00\n"), "{visual}");
        assert!(visual.contains("\nORG\tbgColor:#56B4E9\n"));
        assert!(visual.contains("\nGPE\tbgColor:#F0E442\n"));
        assert!(files.iter().all(|f| f.added.is_empty()));
    }

    #[test]
    fn an_existing_conf_gets_only_the_types_it_lacks() {
        let cables = [with_kind("GPE")];
        let mine = "# my edits\n[entities]\nPER\n!Place\n\tLOC\nORG\n\n[relations]\nLives_in Arg1:PER, Arg2:LOC\n";
        let files = conf_files(&cables, |name| {
            (name == "annotation.conf").then(|| mine.into())
        });
        let annotation = files.iter().find(|f| f.name == "annotation.conf").unwrap();
        assert_eq!(annotation.added, ["MISC", "GPE"]);
        assert_eq!(
            annotation.contents,
            "# my edits\n[entities]\nPER\n!Place\n\tLOC\nORG\nMISC\nGPE\n\n[relations]\nLives_in Arg1:PER, Arg2:LOC\n"
        );
        // Complete already: nothing to write.
        let complete = annotation.contents.clone();
        let visual = visual_conf(&cables);
        let files = conf_files(&cables, |name| match name {
            "annotation.conf" => Some(complete.clone()),
            _ => Some(visual.clone()),
        });
        assert!(files.is_empty(), "{files:?}");
    }

    #[test]
    fn a_visual_conf_without_a_drawing_section_gets_one() {
        let cables = [crate::input::sample()];
        let mine = "[labels]\nPER | Human | H";
        let files = conf_files(&cables, |name| (name == "visual.conf").then(|| mine.into()));
        let visual = files.iter().find(|f| f.name == "visual.conf").unwrap();
        assert!(
            visual
                .contents
                .starts_with("[labels]\nPER | Human | H\nORG | Organisation | ORG\n")
        );
        assert!(
            visual
                .contents
                .contains("\n\n[drawing]\nPER\tbgColor:#E69F00\n")
        );
        assert_eq!(visual.added, ["ORG", "LOC", "MISC", "PER"]);
    }
}
