//! Entity annotations from a side file: brat standoff (`FILE.ann`) or spaCy/displaCy JSON
//! (`FILE.ents.json`).
//!
//! Offsets count Unicode scalar values (as Python does) in the text the tool saw: the
//! cable's body as sent ([`super::Cable::layout`]). A displaCy file carries that text; when
//! it differs from the cable's (white space, a decoded character), the two are aligned
//! character by character, so an extraction that is nearly the same still fits.

mod align;
mod displacy;
mod labels;

use super::clean::Span;
use super::{MentionSource, Warning};
use align::align;
use displacy::read_displacy;
pub use labels::LabelMap;
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
        "{name}: its \"text\" is not this cable's text: only {aligned_percent}% of the characters align (first difference at character {at})"
    )]
    Misaligned {
        /// The side file.
        name: String,
        /// Character offset in the side file's text where the texts first differ.
        at: usize,
        /// The share of characters that aligned, in percent.
        aligned_percent: usize,
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

/// A side file's entities placed on the cable's layout.
pub(crate) struct Placed {
    /// The entities as spans in the layout's bytes, kinds mapped.
    pub spans: Vec<Span>,
    /// Entities none of whose characters align with the layout (a displaCy text that
    /// differs a little), so they stand nowhere.
    pub unaligned: usize,
    /// Entities on a header keyword or marking (`DECL`, `SBU`), dropped as the inline
    /// annotations' are.
    pub noise: usize,
}

/// The side file's entities as spans in `layout`'s bytes; labels mapped by `labels`.
pub(crate) fn spans(
    annotations: &Annotations,
    layout: &str,
    labels: &LabelMap,
) -> Result<Placed, SideError> {
    let name = &annotations.name;
    let layout_bytes: Vec<usize> = layout
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(layout.len()))
        .collect();
    let alignment = match &annotations.text {
        Some(text) if text != layout => {
            Some(
                align(text, layout).map_err(|refused| SideError::Misaligned {
                    name: name.clone(),
                    at: first_difference(text, layout),
                    aligned_percent: refused.aligned_percent,
                })?,
            )
        }
        _ => None,
    };
    let length = annotations
        .text
        .as_ref()
        .map_or(layout_bytes.len() - 1, |t| t.chars().count());
    let mut spans = Vec::new();
    let mut unaligned = 0;
    let mut noise = 0;
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
                None => {
                    unaligned += 1;
                    continue;
                }
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
        if super::header::is_tagger_noise(&layout[bytes.clone()]) {
            noise += 1;
            continue;
        }
        spans.push(Span {
            kind,
            bytes,
            source: MentionSource::SideFile,
        });
    }
    Ok(Placed {
        spans,
        unaligned,
        noise,
    })
}

/// The warning for mentions of a side file that the cable does not keep, naming the side
/// file; `None` when every one is kept.
pub(crate) fn left_out_warning(name: &str, left_out: usize, unaligned: usize) -> Option<Warning> {
    let total = left_out + unaligned;
    if total == 0 {
        return None;
    }
    let mut reasons = Vec::new();
    if left_out > 0 {
        reasons.push(format!(
            "{left_out} on text the reading text leaves out (paragraph and item labels, \
             portion markings, page headers, routing lines)"
        ));
    }
    if unaligned > 0 {
        reasons.push(format!(
            "{unaligned} on text that does not align with the cable's"
        ));
    }
    let plural = if total == 1 { "" } else { "s" };
    Some(Warning {
        line: None,
        message: format!(
            "{name}: {total} mention{plural} not kept: {}",
            reasons.join("; ")
        ),
    })
}

/// The warning for a collection's side document that does not fit its cable, which is
/// then read without it (`tagged`: with the tagger's entities instead).
pub(crate) fn misfit_warning(error: &SideError, tagged: bool) -> String {
    let instead = if tagged {
        "its entities are not used; the tagger's are"
    } else {
        "its entities are not used"
    };
    let what = match error {
        SideError::Offset {
            name,
            start,
            end,
            length,
            ..
        } => format!(
            "{name}: offsets {start}-{end} do not fit this cable's text ({length} characters)"
        ),
        SideError::Misaligned {
            name,
            at,
            aligned_percent,
        } => format!(
            "{name}: its \"text\" is not this cable's text: only {aligned_percent}% of the characters align (first difference at character {at})"
        ),
        other => other.to_string(),
    };
    format!("{what}: {instead}")
}

/// The warning for a side file's entities dropped as tagger noise, naming the side file.
pub(crate) fn noise_warning(name: &str, noise: usize) -> Option<Warning> {
    let plural = if noise == 1 { "y" } else { "ies" };
    (noise > 0).then(|| Warning {
        line: None,
        message: format!(
            "{name}: {noise} entit{plural} on header keywords or markings (DECL, SBU, Note: ...) dropped as tagger noise"
        ),
    })
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn first_difference(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
