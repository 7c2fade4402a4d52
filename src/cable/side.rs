//! Entity annotations from a side file: brat standoff (`FILE.ann`) or spaCy/displaCy JSON
//! (`FILE.ents.json`).
//!
//! Offsets count Unicode scalar values (as Python does) in the text the tool saw: the
//! cable's body as sent ([`super::Cable::layout`]). A displaCy file carries that text; when
//! it differs from the cable's (white space, a decoded character), the two are aligned
//! character by character, so an extraction that is nearly the same still fits.

use super::EntityKind;
use super::clean::Span;
use serde::Deserialize;
use std::collections::BTreeMap;
use thiserror::Error;

/// Why a side file could not be applied.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SideError {
    /// A line or value is not in the expected shape.
    #[error("{name}:{line}: {message}")]
    Syntax {
        /// The side file.
        name: String,
        /// 1-based line.
        line: usize,
        /// What was expected.
        message: String,
    },
    /// An entity's offsets do not fit the cable's text.
    #[error(
        "{name}:{line}: offsets {start}-{end} do not fit the cable's text ({length} characters)"
    )]
    Offset {
        /// The side file.
        name: String,
        /// 1-based line of the entity.
        line: usize,
        /// Start offset as written.
        start: usize,
        /// End offset as written.
        end: usize,
        /// The length of the text the offsets count in.
        length: usize,
    },
    /// A brat entity's text is not what its offsets cover.
    #[error(
        "{name}:{line}: offsets {start}-{end} cover {found:?} in the cable, but the side file says {expected:?}"
    )]
    TextMismatch {
        /// The side file.
        name: String,
        /// 1-based line of the entity.
        line: usize,
        /// Start offset as written.
        start: usize,
        /// End offset as written.
        end: usize,
        /// The text in the side file.
        expected: String,
        /// The text of the cable at those offsets.
        found: String,
    },
    /// The displaCy file's text is not the cable's text.
    #[error(
        "{name}: its \"text\" does not match the cable's text (first difference at character {at})"
    )]
    Misaligned {
        /// The side file.
        name: String,
        /// Character offset in the side file's text where alignment failed.
        at: usize,
    },
    /// The cable's format has no text as sent to count offsets in.
    #[error(
        "{name}: side-file annotations apply to pages and plain-text cables; {cable} already carries inline annotations"
    )]
    Unsupported {
        /// The side file.
        name: String,
        /// The cable file.
        cable: String,
    },
}

/// Maps a tool's labels to entity kinds. The default maps spaCy's labels: PERSON to PER,
/// GPE/LOC/FAC to LOC, ORG to ORG, NORP/EVENT/LAW/PRODUCT/WORK_OF_ART/LANGUAGE to MISC,
/// and drops the numeric ones (DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL).
/// A label it does not know is kept under its own name.
///
/// The config layer can change it: deserialized from a table of label to `PER`, `ORG`,
/// `LOC`, `MISC`, any other kind name, or `""` to drop the label; entries override the
/// defaults one by one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMap {
    labels: BTreeMap<String, Option<EntityKind>>,
}

impl Default for LabelMap {
    fn default() -> Self {
        let mut map = LabelMap {
            labels: BTreeMap::new(),
        };
        let kinds = [
            (EntityKind::Per, &["PER", "PERSON"][..]),
            (EntityKind::Org, &["ORG"][..]),
            (EntityKind::Loc, &["LOC", "GPE", "FAC"][..]),
            (
                EntityKind::Misc,
                &[
                    "MISC",
                    "NORP",
                    "EVENT",
                    "LAW",
                    "PRODUCT",
                    "WORK_OF_ART",
                    "LANGUAGE",
                ][..],
            ),
        ];
        for (kind, labels) in kinds {
            for label in labels {
                map.set(label, Some(kind.clone()));
            }
        }
        for label in [
            "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
        ] {
            map.set(label, None);
        }
        map
    }
}

impl LabelMap {
    /// Maps `label` to `kind`, or drops the label's entities when `kind` is `None`.
    pub fn set(&mut self, label: &str, kind: Option<EntityKind>) {
        self.labels.insert(label.to_ascii_uppercase(), kind);
    }

    /// The kind for a label; `None` when the label is dropped.
    #[must_use]
    pub fn kind(&self, label: &str) -> Option<EntityKind> {
        match self.labels.get(&label.to_ascii_uppercase()) {
            Some(kind) => kind.clone(),
            None => Some(EntityKind::from_label(label)),
        }
    }
}

impl<'de> Deserialize<'de> for LabelMap {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = BTreeMap::<String, String>::deserialize(deserializer)?;
        let mut map = LabelMap::default();
        for (label, kind) in entries {
            let kind = kind.trim();
            let kind =
                (!kind.is_empty()).then(|| EntityKind::from_label(&kind.to_ascii_uppercase()));
            map.set(&label, kind);
        }
        Ok(map)
    }
}

/// One entity of a side file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 1-based line of the side file it stands on.
    pub line: usize,
    /// The tool's label.
    pub label: String,
    /// Start offset, in Unicode scalar values.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The entity's text, when the side file gives it (brat does).
    pub text: Option<String>,
}

/// A side file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotations {
    /// The side file's name, for messages.
    pub name: String,
    /// The text the offsets count in, when the file carries it (displaCy does).
    pub text: Option<String>,
    /// The entities, in file order.
    pub entries: Vec<Entry>,
}

/// Reads a side file: displaCy JSON if it starts with `{` or `[`, else brat standoff.
pub fn read(content: &str, name: &str) -> Result<Annotations, SideError> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    if content.trim_start().starts_with(['{', '[']) {
        read_displacy(content, name)
    } else {
        read_brat(content, name)
    }
}

fn syntax(name: &str, line: usize, message: impl Into<String>) -> SideError {
    SideError::Syntax {
        name: name.to_string(),
        line,
        message: message.into(),
    }
}

/// brat standoff: `T1<TAB>PER 10 15<TAB>Beghal`; discontinuous spans (`10 15;20 25`) give
/// one entry per fragment. Relations, events, attributes and notes are skipped.
fn read_brat(content: &str, name: &str) -> Result<Annotations, SideError> {
    let mut entries = Vec::new();
    for (n, line) in content.lines().enumerate() {
        let line_no = n + 1;
        if !line.starts_with('T') {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let (_id, spec, text) = (fields.next(), fields.next(), fields.next());
        let spec = spec
            .ok_or_else(|| syntax(name, line_no, "expected `T1<TAB>LABEL START END<TAB>TEXT`"))?;
        let (label, offsets) = spec.split_once(' ').ok_or_else(|| {
            syntax(
                name,
                line_no,
                format!("expected `LABEL START END`, found {spec:?}"),
            )
        })?;
        let fragments: Vec<&str> = offsets.split(';').collect();
        let texts: Vec<Option<&str>> = match text {
            // A discontinuous entity's text joins its fragments with spaces.
            Some(t) if fragments.len() == 1 => vec![Some(t)],
            _ => vec![None; fragments.len()],
        };
        for (fragment, text) in fragments.iter().zip(texts) {
            let (start, end) = fragment
                .split_once(' ')
                .and_then(|(s, e)| Some((s.trim().parse().ok()?, e.trim().parse().ok()?)))
                .ok_or_else(|| {
                    syntax(
                        name,
                        line_no,
                        format!("expected two offsets, found {fragment:?}"),
                    )
                })?;
            entries.push(Entry {
                line: line_no,
                label: label.to_string(),
                start,
                end,
                text: text.map(str::to_string),
            });
        }
    }
    Ok(Annotations {
        name: name.to_string(),
        text: None,
        entries,
    })
}

#[derive(Deserialize)]
struct DisplacyDoc {
    text: Option<String>,
    #[serde(default)]
    ents: Vec<DisplacyEnt>,
}

#[derive(Deserialize)]
struct DisplacyEnt {
    start: usize,
    end: usize,
    label: String,
}

/// displaCy's manual format: `{"text": ..., "ents": [{"start", "end", "label"}]}`, or a
/// list holding one such document.
fn read_displacy(content: &str, name: &str) -> Result<Annotations, SideError> {
    let json_error = |e: serde_json::Error| {
        syntax(
            name,
            e.line(),
            format!(
                "expected displaCy JSON {{\"text\", \"ents\": [{{\"start\", \"end\", \"label\"}}]}}: {e}"
            ),
        )
    };
    let doc: DisplacyDoc = if content.trim_start().starts_with('[') {
        let mut docs: Vec<DisplacyDoc> = serde_json::from_str(content).map_err(json_error)?;
        if docs.len() != 1 {
            return Err(syntax(
                name,
                1,
                format!("expected one document, found {}", docs.len()),
            ));
        }
        docs.remove(0)
    } else {
        serde_json::from_str(content).map_err(json_error)?
    };
    let lines = entity_lines(content);
    let entries = doc
        .ents
        .into_iter()
        .enumerate()
        .map(|(i, e)| Entry {
            line: lines.get(i).copied().unwrap_or(1),
            label: e.label,
            start: e.start,
            end: e.end,
            text: None,
        })
        .collect();
    Ok(Annotations {
        name: name.to_string(),
        text: doc.text,
        entries,
    })
}

/// The 1-based line of each object in the `"ents"` array, found by walking the JSON's
/// strings and brackets (serde does not give positions of values).
fn entity_lines(content: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut line, mut depth, mut in_string, mut escaped) = (1, 0usize, false, false);
    let mut last_key = String::new();
    let mut string = String::new();
    let mut ents_depth = None;
    for c in content.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => {
                    in_string = false;
                    last_key = std::mem::take(&mut string);
                }
                _ => string.push(c),
            }
            if c == '\n' {
                line += 1;
            }
            continue;
        }
        match c {
            '\n' => line += 1,
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if c == '[' && last_key == "ents" && ents_depth.is_none() {
                    ents_depth = Some(depth);
                } else if c == '{' && ents_depth.is_some_and(|d| depth == d + 1) {
                    lines.push(line);
                }
            }
            ']' | '}' => {
                if ents_depth == Some(depth) {
                    ents_depth = None;
                    last_key.clear();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    lines
}

/// The side file's entities as spans in `layout`'s bytes; labels mapped by `labels`.
pub(crate) fn spans(
    annotations: &Annotations,
    layout: &str,
    labels: &LabelMap,
) -> Result<Vec<Span>, SideError> {
    let name = &annotations.name;
    let layout_bytes: Vec<usize> = layout
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(layout.len()))
        .collect();
    let alignment = match &annotations.text {
        Some(text) if text != layout => {
            Some(align(text, layout).ok_or_else(|| SideError::Misaligned {
                name: name.clone(),
                at: first_difference(text, layout),
            })?)
        }
        _ => None,
    };
    let length = annotations
        .text
        .as_ref()
        .map_or(layout_bytes.len() - 1, |t| t.chars().count());
    let mut spans = Vec::new();
    for entry in &annotations.entries {
        let Some(kind) = labels.kind(&entry.label) else {
            continue;
        };
        if entry.start >= entry.end || entry.end > length {
            return Err(SideError::Offset {
                name: name.clone(),
                line: entry.line,
                start: entry.start,
                end: entry.end,
                length,
            });
        }
        let bytes = match &alignment {
            None => layout_bytes[entry.start]..layout_bytes[entry.end],
            Some(map) => match map.span(entry.start, entry.end) {
                Some(bytes) => bytes,
                None => continue,
            },
        };
        if let Some(expected) = &entry.text {
            let found = &layout[bytes.clone()];
            if !same_words(found, expected) {
                return Err(SideError::TextMismatch {
                    name: name.clone(),
                    line: entry.line,
                    start: entry.start,
                    end: entry.end,
                    expected: expected.clone(),
                    found: found.to_string(),
                });
            }
        }
        spans.push(Span { kind, bytes });
    }
    Ok(spans)
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn first_difference(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Side-text character index to layout byte, for the characters that align.
struct Alignment {
    to_layout: Vec<Option<(usize, usize)>>,
}

impl Alignment {
    /// Layout bytes of the side text's chars `start..end`: from the first aligned character
    /// to the end of the last; `None` if none of them aligns.
    fn span(&self, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
        let chars = self.to_layout.get(start..end)?;
        let first = chars.iter().flatten().next()?;
        let last = chars.iter().rev().flatten().next()?;
        Some(first.0..last.0 + last.1)
    }
}

/// Aligns the non-space characters of `side` with those of `layout`, skipping small
/// differences (a character decoded differently, a `¶`); `None` when they disagree too much.
fn align(side: &str, layout: &str) -> Option<Alignment> {
    let side_chars: Vec<(usize, char)> = side
        .chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let layout_chars: Vec<(usize, char)> = layout
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let mut to_layout = vec![None; side.chars().count()];
    let (mut i, mut j, mut misses) = (0, 0, 0usize);
    let window = |a: &[(usize, char)], b: &[(usize, char)]| {
        a.len() >= 4 && b.len() >= 4 && a[..4].iter().zip(&b[..4]).all(|(x, y)| x.1 == y.1)
    };
    while i < side_chars.len() && j < layout_chars.len() {
        if side_chars[i].1 == layout_chars[j].1 {
            let (at, c) = layout_chars[j];
            to_layout[side_chars[i].0] = Some((at, c.len_utf8()));
            i += 1;
            j += 1;
            continue;
        }
        misses += 1;
        if misses > 64 + side_chars.len() / 50 {
            return None;
        }
        let skip = (1..=16).find_map(|d| {
            if window(
                &side_chars[(i + d).min(side_chars.len())..],
                &layout_chars[j..],
            ) {
                Some((d, 0))
            } else if window(
                &side_chars[i..],
                &layout_chars[(j + d).min(layout_chars.len())..],
            ) {
                Some((0, d))
            } else {
                None
            }
        });
        let (di, dj) = skip.unwrap_or((1, 1));
        i += di;
        j += dj;
    }
    Some(Alignment { to_layout })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_labels_map_spacy_kinds() {
        let map = LabelMap::default();
        assert_eq!(map.kind("PERSON"), Some(EntityKind::Per));
        assert_eq!(map.kind("GPE"), Some(EntityKind::Loc));
        assert_eq!(map.kind("fac"), Some(EntityKind::Loc));
        assert_eq!(map.kind("NORP"), Some(EntityKind::Misc));
        assert_eq!(map.kind("WORK_OF_ART"), Some(EntityKind::Misc));
        assert_eq!(map.kind("DATE"), None);
        assert_eq!(map.kind("ORG"), Some(EntityKind::Org));
        assert_eq!(map.kind("TITLE"), Some(EntityKind::Other("TITLE".into())));
    }

    #[test]
    fn label_map_from_config_overrides_defaults() {
        let map: LabelMap =
            serde_json::from_str(r#"{"NORP": "", "DATE": "misc", "GPE": "ORG"}"#).unwrap();
        assert_eq!(map.kind("NORP"), None);
        assert_eq!(map.kind("DATE"), Some(EntityKind::Misc));
        assert_eq!(map.kind("GPE"), Some(EntityKind::Org));
        assert_eq!(map.kind("PERSON"), Some(EntityKind::Per));
    }

    #[test]
    fn brat_lines_and_errors() {
        let ann = read(
            "T1\tPER 10 15\tBeghal\n#1\tAnnotatorNotes T1\tx\nT2\tLOC 1 3;5 7\tab cd\n",
            "x.ann",
        )
        .unwrap();
        assert_eq!(ann.entries.len(), 3);
        assert_eq!(
            (
                ann.entries[0].line,
                ann.entries[0].start,
                ann.entries[0].end
            ),
            (1, 10, 15)
        );
        assert_eq!(ann.entries[2].line, 3);
        let error = read("T1\tPER 10 x\tB\n", "x.ann").unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.ann:1: expected two offsets, found \"10 x\""
        );
        let error = read("\nT1 PER 1 2\n", "x.ann").unwrap_err();
        assert!(error.to_string().starts_with("x.ann:2: expected `T1<TAB>"));
    }

    #[test]
    fn displacy_entities_know_their_lines() {
        let json = "{\"text\": \"a [\\\"ents\\\"] b\",\n \"ents\": [\n  {\"start\": 0, \"end\": 1, \"label\": \"PERSON\"},\n\n  {\"start\": 2, \"end\": 3,\n   \"label\": \"GPE\"}\n ]}";
        let ann = read(json, "x.json").unwrap();
        let lines: Vec<usize> = ann.entries.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 5]);
        let error = read("{\"ents\": [{\"start\": 1}]}", "x.json").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("x.json:1: expected displaCy JSON")
        );
    }

    #[test]
    fn alignment_skips_small_differences() {
        let side = "¶1. (C) Met Beghal in  Paris &not; today.";
        let layout = "1. (C) Met\nBeghal in Paris ¬ today.";
        let map = align(side, layout).unwrap();
        let at = side.chars().position(|c| c == 'B').unwrap();
        let bytes = map.span(at, at + 6).unwrap();
        assert_eq!(&layout[bytes], "Beghal");
        let at = side
            .find("today")
            .map(|b| side[..b].chars().count())
            .unwrap();
        assert_eq!(&layout[map.span(at, at + 5).unwrap()], "today");
        assert!(align(&"a".repeat(300), &"b".repeat(300)).is_none());
    }
}
