//! The typed document: a cable with its header, paragraphs, mentions and entities.
//!
//! Everything here is plain data. Readers of the various input formats live in the
//! submodules and all produce a [`Cable`]; nothing in this module knows about the UI.

mod assemble;
mod clean;
pub mod detect;
pub mod entities;
mod extract;
pub mod flat;
pub mod header;
mod id;
mod lexer;
mod marking;
pub mod merge;
mod natural;
mod next_match;
pub mod noise;
mod page;
pub mod parse;
mod plain;
pub mod refs;
pub mod release;
pub mod side;
mod signature;
mod signature_mentions;
mod structure;

use serde::Serialize;
use std::fmt;
use std::ops::Range;

pub use entities::Entity;
pub use header::{Header, Reference, Section, Transmission};
pub use id::{CableId, id_from_file_name};
pub use marking::{Classification, Marking};
pub use parse::{
    ParseError, SideAnnotations, Tagging, parse, parse_bytes, parse_bytes_with,
    parse_bytes_with_document, parse_tagged, parse_with_document,
};
pub use refs::CableKey;

/// The label of the pseudo-paragraph that holds the header's text and mentions.
pub const HEADER_LABEL: &str = "header";

/// The label entities give the signature among the paragraphs they appear in.
pub const SIGNATURE_LABEL: &str = "signature";

/// The kind of a named entity, as the tagger labelled it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A location.
    Loc,
    /// Anything else the tagger named (nationalities, events, ...).
    Misc,
    /// A label outside the four CoNLL kinds, kept under its own name.
    Other(String),
}

impl EntityKind {
    /// The four standard kinds, in display order.
    pub const STANDARD: [EntityKind; 4] = [
        EntityKind::Per,
        EntityKind::Org,
        EntityKind::Loc,
        EntityKind::Misc,
    ];

    /// Maps a tagger label (`PER`, `ORG`, ...) to a kind; unknown labels are kept.
    #[must_use]
    pub fn from_label(label: &str) -> Self {
        match label {
            "PER" => Self::Per,
            "ORG" => Self::Org,
            "LOC" => Self::Loc,
            "MISC" => Self::Misc,
            other => Self::Other(other.to_string()),
        }
    }

    /// The label as the tagger writes it.
    #[must_use]
    pub fn label(&self) -> &str {
        match self {
            Self::Per => "PER",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Misc => "MISC",
            Self::Other(label) => label,
        }
    }

    /// A human name for legends and help.
    #[must_use]
    pub fn description(&self) -> &str {
        match self {
            Self::Per => "person",
            Self::Org => "organisation",
            Self::Loc => "location",
            Self::Misc => "miscellaneous",
            Self::Other(label) => label,
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Serialize for EntityKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

/// Where a mention comes from: the file's own brackets, a side file, cableview's tagger,
/// or the user's correction. Annotations in the file or a side file win over the tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionSource {
    /// Bracketed in the annotated file (`[PER Jacques Chirac  ]`).
    Inline,
    /// From a side file (brat `.ann`, displaCy JSON, a JSON-lines file of a whole CSV).
    SideFile,
    /// Found by cableview's own tagger ([`crate::tagger`]).
    Tagger,
    /// Added or relabelled by the user's correction.
    Correction,
}

impl MentionSource {
    /// Its name, as the JSON export writes it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Inline => "inline",
            Self::SideFile => "side-file",
            Self::Tagger => "tagger",
            Self::Correction => "correction",
        }
    }
}

/// One tagged mention inside a block of clean text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The entity kind.
    pub kind: EntityKind,
    /// The mention's text, exactly as it appears in the clean text.
    pub text: String,
    /// Start offset in the clean text, in Unicode scalar values (as Python counts).
    pub start: usize,
    /// End offset (exclusive), in Unicode scalar values.
    pub end: usize,
    /// The same span in bytes, for slicing Rust strings.
    #[serde(skip)]
    pub bytes: Range<usize>,
    /// The index of its entity in [`Cable::entities`], set when the mentions are grouped
    /// (`None` only before).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    /// Where it comes from.
    pub source: MentionSource,
}

/// One numbered paragraph of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// The label as the cable numbers it: `1`, `2`, ... (letters for odd cables).
    pub label: String,
    /// The portion marking that opens the paragraph, e.g. `S` or `S/NF`.
    pub marking: Option<Marking>,
    /// A section heading that stands before this paragraph.
    pub heading: Option<String>,
    /// The mentions in the heading, with offsets into `heading`; present only when there
    /// are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub heading_mentions: Vec<Mention>,
    /// The detokenized reading text, without the label and marking.
    pub text: String,
    /// The mentions, with offsets into `text`.
    pub mentions: Vec<Mention>,
    /// The lines of the source file this paragraph came from (0-based, exclusive end).
    #[serde(skip)]
    pub source_lines: Range<usize>,
}

/// A bracketed mention as it stands in the source file, for the source view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpan {
    /// 0-based line number in [`Cable::source`].
    pub line: usize,
    /// Byte range within that line, brackets included.
    pub bytes: Range<usize>,
    /// The kind the tagger gave it.
    pub kind: EntityKind,
    /// Which tagger gave it.
    pub source: MentionSource,
}

/// Another file holding the same cable (the WikiLeaks page beside an annotated text), as
/// the source view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherSource {
    /// The file's name, for the source view's title.
    pub name: String,
    /// The file's text, as [`Cable::source`] holds a cable's own.
    pub text: String,
    /// Where its bracketed mentions stand in `text`.
    pub spans: Vec<SourceSpan>,
}

/// A problem found while reading a cable that did not stop it from being read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// 1-based line of the source, when the problem has one.
    pub line: Option<usize>,
    /// What was wrong.
    pub message: String,
}

impl Warning {
    /// The warning after the file it concerns: `FILE:LINE: message`, or `FILE: message`.
    #[must_use]
    pub fn located(&self, file: &str) -> String {
        match self.line {
            Some(line) => format!("{file}:{line}: {}", self.message),
            None => format!("{file}: {}", self.message),
        }
    }
}

/// A parsed cable: the typed document every other part of cableview works on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cable {
    /// The reference ID (`05PARIS2333`) when it can be known.
    pub id: Option<CableId>,
    /// Header fields, its clean text and mentions.
    pub header: Header,
    /// Body paragraphs, in document order.
    pub paragraphs: Vec<Paragraph>,
    /// The signature on the last line (`LEACH`), if any.
    pub signature: Option<String>,
    /// Mentions grouped into entities, most frequent first.
    pub entities: Vec<Entity>,
    /// Problems met while reading (lossy UTF-8, odd structure).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// The file's own text, as the tagger wrote it. For a page or a plain-text cable, the
    /// same text as `layout` (a page's HTML around the cable is not worth showing).
    #[serde(skip)]
    pub source: String,
    /// Where the bracketed mentions stand in `source`.
    #[serde(skip)]
    pub source_spans: Vec<SourceSpan>,
    /// The body as sent, with its original line breaks, for a "layout as sent" view.
    ///
    /// Set for WikiLeaks pages (the decoded last `<code><pre>` block: entities decoded,
    /// markup and paragraph anchors removed, `&#x000A;` as `\n`) and for plain-text cables
    /// (the text with `\r\n` as `\n`); `None` for the annotated format, whose lines are the
    /// tagger's sentences rather than the cable's. Side-file annotations (brat, displaCy)
    /// count their offsets in this text, in Unicode scalar values.
    #[serde(skip)]
    pub layout: Option<String>,
    /// The name of the file `source` is, when the cable was read from several files.
    #[serde(skip)]
    pub source_name: Option<String>,
    /// The other files of the same cable, when a library merged several (see
    /// the app's `library::Library::open`); empty for a cable read from one file.
    #[serde(skip)]
    pub other_sources: Vec<OtherSource>,
}

impl Cable {
    /// The paragraph with this label, first match if the cable repeats one.
    #[must_use]
    pub fn paragraph(&self, label: &str) -> Option<&Paragraph> {
        self.paragraphs
            .iter()
            .find(|p| p.label.eq_ignore_ascii_case(label))
    }

    /// Every mention of the cable with its paragraph label (`header` first, a heading's
    /// under the paragraph it opens), in document order. The signature's, which only a
    /// side file gives, are [`Cable::signature_mentions`].
    pub fn mentions(&self) -> impl Iterator<Item = (&str, &Mention)> {
        let header = self.header.mentions.iter().map(|m| (HEADER_LABEL, m));
        let body = self.paragraphs.iter().flat_map(|p| {
            p.heading_mentions
                .iter()
                .chain(&p.mentions)
                .map(move |m| (p.label.as_str(), m))
        });
        header.chain(body)
    }

    /// The total number of mentions: header, headings, paragraphs and signature.
    #[must_use]
    pub fn mention_count(&self) -> usize {
        self.header.mentions.len()
            + self
                .paragraphs
                .iter()
                .map(|p| p.heading_mentions.len() + p.mentions.len())
                .sum::<usize>()
            + self.signature_mentions().len()
    }

    /// Whether the cable carries annotations of its own (inline, a side file, a
    /// correction) rather than only the tagger's: of two files of one cable, such a one is
    /// the base.
    #[must_use]
    pub fn annotated(&self) -> bool {
        self.mentions()
            .any(|(_, m)| m.source != MentionSource::Tagger)
    }

    /// A short title: the reference ID, else the subject, else `untitled cable`.
    #[must_use]
    pub fn title(&self) -> &str {
        self.id
            .as_deref()
            .or(self.header.subject.as_deref())
            .unwrap_or("untitled cable")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_kind_round_trips_labels() {
        for kind in EntityKind::STANDARD {
            assert_eq!(EntityKind::from_label(kind.label()), kind);
        }
        assert_eq!(
            EntityKind::from_label("GPE"),
            EntityKind::Other("GPE".into())
        );
    }
}
