//! The public entry points: bytes or text in, a [`Cable`] or a clear error out.

use super::clean::Span;
use super::detect::{Format, detect};
use super::side::{Annotations, LabelMap, SideError};
use super::{
    Cable, CableId, MentionSource, Warning, extract, id_from_file_name, natural, page, plain,
    release, side, structure,
};
use thiserror::Error;

/// Why a file could not be read as a cable at all.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// The file holds binary data, not text.
    #[error("{name}: not a text file: binary data at line {line}, column {column}")]
    NotText {
        /// The file's name as given.
        name: String,
        /// 1-based line of the first binary byte.
        line: usize,
        /// 1-based column (in bytes) of the first binary byte.
        column: usize,
    },
    /// The file has no text in it.
    #[error("{name}: the file is empty, expected the text of a cable")]
    Empty {
        /// The file's name as given.
        name: String,
    },
    /// A side file of annotations does not fit the cable.
    #[error(transparent)]
    Side(#[from] SideError),
}

/// Entity annotations from a side file, with the mapping of its labels to kinds.
#[derive(Debug, Clone, Copy)]
pub struct SideAnnotations<'a> {
    /// The side file, read.
    pub annotations: &'a Annotations,
    /// How its labels map to entity kinds.
    pub labels: &'a LabelMap,
}

/// Whether a cable without annotations of its own (inline or from a side file) is tagged
/// by cableview's tagger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tagging {
    /// Tag it with the shipped model ([`crate::tagger`]).
    #[default]
    Builtin,
    /// Leave it without entities (`--tagger off`).
    Off,
}

/// Parses a cable from its text. `name` is the file name (used for the reference ID and
/// for messages); the text is read as is, whatever its shape, and never makes this panic.
///
/// The format is detected from the content (see [`detect`]): an annotated file, a
/// WikiLeaks cable page, or plain text; each gives the same [`Cable`] model.
pub fn parse(text: &str, name: &str) -> Result<Cable, ParseError> {
    parse_with_warnings(text, name, Vec::new(), None, tagging_only(Tagging::Builtin))
}

/// [`parse`], tagged or not as `tagging` says.
pub fn parse_tagged(text: &str, name: &str, tagging: Tagging) -> Result<Cable, ParseError> {
    parse_with_warnings(text, name, Vec::new(), None, tagging_only(tagging))
}

/// [`parse_tagged`], with a document of a collection's side file (`--annotations
/// FILE.jsonl`) whose offsets count in `text` as sent. Unlike a cable's own side file,
/// a document that does not fit the text (offsets past its end, another cable's text) is
/// a warning naming its line, and the cable is tagged as `tagging` says: one stale line
/// must not stop a whole release from being read. `id` is the reference ID the source
/// gives beside the text (a CSV row's column), when `name` does not say it.
pub fn parse_with_document(
    text: &str,
    name: &str,
    id: Option<&CableId>,
    document: Option<SideAnnotations<'_>>,
    tagging: Tagging,
) -> Result<Cable, ParseError> {
    let how = How {
        tagging,
        misfit_is_warning: true,
    };
    let with_id = Named { name, id };
    parse_with_warnings(text, with_id, Vec::new(), document, how)
}

/// A cable's name in messages, and the reference ID its source gives, if any.
#[derive(Clone, Copy)]
struct Named<'a> {
    name: &'a str,
    id: Option<&'a CableId>,
}

impl<'a> From<&'a str> for Named<'a> {
    fn from(name: &'a str) -> Self {
        Self { name, id: None }
    }
}

/// How a cable without annotations of its own is read.
#[derive(Clone, Copy)]
struct How {
    tagging: Tagging,
    /// A side file that does not fit is a warning, and the cable tagged, not an error.
    misfit_is_warning: bool,
}

fn tagging_only(tagging: Tagging) -> How {
    How {
        tagging,
        misfit_is_warning: false,
    }
}

/// Parses a cable from raw bytes: invalid UTF-8 is replaced and reported as a warning;
/// binary data (NUL bytes and other controls that text never holds) is an error.
pub fn parse_bytes(bytes: &[u8], name: &str) -> Result<Cable, ParseError> {
    parse_bytes_with(bytes, name, None, Tagging::Builtin)
}

/// As [`parse_bytes`], with entity annotations from a side file whose offsets count in the
/// cable's body as sent ([`Cable::layout`]). An annotated cable keeps its inline mentions
/// and gets a warning instead; offsets that do not fit are an error naming the side
/// file's line. A cable with neither is tagged as `tagging` says.
pub fn parse_bytes_with(
    bytes: &[u8],
    name: &str,
    side: Option<SideAnnotations<'_>>,
    tagging: Tagging,
) -> Result<Cable, ParseError> {
    parse_bytes_how(bytes, name, side, tagging_only(tagging))
}

/// [`parse_bytes_with`], the side file a document of a collection's side file: one that
/// does not fit is a warning, as [`parse_with_document`] says.
pub fn parse_bytes_with_document(
    bytes: &[u8],
    name: &str,
    document: Option<SideAnnotations<'_>>,
    tagging: Tagging,
) -> Result<Cable, ParseError> {
    let how = How {
        tagging,
        misfit_is_warning: true,
    };
    parse_bytes_how(bytes, name, document, how)
}

fn parse_bytes_how(
    bytes: &[u8],
    name: &str,
    side: Option<SideAnnotations<'_>>,
    how: How,
) -> Result<Cable, ParseError> {
    if let Some(at) = first_binary_byte(bytes) {
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        return Err(ParseError::NotText {
            name: name.to_string(),
            line,
            column: at - line_start + 1,
        });
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(error) => {
            let at = error.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            warnings.push(Warning {
                line: Some(line),
                message: "invalid UTF-8 replaced with \u{fffd}".to_string(),
            });
            String::from_utf8_lossy(bytes)
        }
    };
    parse_with_warnings(&text, name, warnings, side, how)
}

fn parse_with_warnings<'a>(
    text: &str,
    named: impl Into<Named<'a>>,
    mut warnings: Vec<Warning>,
    side: Option<SideAnnotations<'_>>,
    how: How,
) -> Result<Cable, ParseError> {
    let Named {
        name,
        id: source_id,
    } = named.into();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty {
            name: name.to_string(),
        });
    }
    let id = id_from_file_name(name).or_else(|| source_id.cloned());
    let (body, meta) = match detect(text) {
        Format::Annotated => {
            if let Some(side) = side {
                let unsupported = SideError::Unsupported {
                    name: side.annotations.name.clone(),
                    cable: name.to_string(),
                };
                warnings.push(Warning {
                    line: None,
                    message: unsupported.to_string(),
                });
            }
            let mut cable = structure::build(text, id, warnings);
            if let Some(extract) = extract::read(text) {
                apply_extract(extract, None, &mut cable);
            }
            return Ok(cable);
        }
        Format::Page => {
            let (meta, body) = page::read(text, &mut warnings);
            (body, Some(meta))
        }
        Format::Plain => (plain::read(text), None),
    };
    let extract = extract::read(&body.layout);
    let placed = match side {
        Some(side) => match side::spans(side.annotations, &body.layout, side.labels) {
            Ok(placed) => Some(placed),
            Err(misfit) if how.misfit_is_warning => {
                warnings.push(Warning {
                    line: None,
                    message: side::misfit_warning(&misfit, how.tagging == Tagging::Builtin),
                });
                None
            }
            Err(error) => return Err(error.into()),
        },
        None => None,
    };
    let side = side.filter(|_| placed.is_some());
    let (spans, unaligned, noise) = match placed {
        Some(p) => (p.spans, p.unaligned, p.noise),
        None if how.tagging == Tagging::Builtin => (tagged_spans(&body.layout), 0, 0),
        None => (Vec::new(), 0, 0),
    };
    let (mut cable, left_out) = natural::build(body, spans, id, warnings);
    if let Some(side) = side {
        let name = &side.annotations.name;
        cable.warnings.extend(side::noise_warning(name, noise));
        cable
            .warnings
            .extend(side::left_out_warning(name, left_out, unaligned));
    }
    match extract {
        Some(extract) => apply_extract(extract, meta, &mut cable),
        None => {
            if let Some(meta) = meta {
                page::apply(meta, &mut cable);
            }
        }
    }
    Ok(cable)
}

/// Puts the partial-extract block's metadata into the cable ([`extract`]); a page's
/// table, where there is one, has the last word on each field it fills.
fn apply_extract(extract: extract::Extract, table: Option<page::Meta>, cable: &mut Cable) {
    let mut meta = extract.meta;
    if let Some(table) = table {
        meta = page::Meta {
            reference_id: table.reference_id.or(meta.reference_id),
            created: table.created.or(meta.created),
            released: table.released.or(meta.released),
            classification: table.classification.or(meta.classification),
            origin: table.origin.or(meta.origin),
            routing: table.routing.or(meta.routing),
        };
    }
    page::apply(meta, cable);
    release::add_references(cable, &extract.references);
}

/// The mentions cableview's tagger finds in a body as sent.
fn tagged_spans(layout: &str) -> Vec<Span> {
    crate::tagger::tag(layout)
        .into_iter()
        .map(|t| Span {
            kind: t.kind,
            bytes: t.bytes,
            source: MentionSource::Tagger,
        })
        .collect()
}

/// Where the first [`is_binary_byte`] is. Eight bytes at a time: only a word holding a
/// control byte (a line feed, mostly) is looked at byte by byte.
fn first_binary_byte(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // Whether any byte is below 0x20 (exact as a yes or no, Hacker's Delight).
        let has_control = word.wrapping_sub(ONES * 0x20) & !word & HIGH_BITS != 0;
        if has_control && let Some(i) = chunk.iter().position(|&b| is_binary_byte(b)) {
            return Some(at + i);
        }
        at += 8;
    }
    let rest = chunks.remainder();
    rest.iter().position(|&b| is_binary_byte(b)).map(|i| at + i)
}

/// Bytes that never occur in a text file: NUL and C0 controls other than tab, line feed,
/// carriage return, form feed and escape (escape is kept, and shown safely by the reader).
fn is_binary_byte(byte: u8) -> bool {
    byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b | 0x07)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_data_is_an_error_with_its_position() {
        let error = parse_bytes(b"line one\nab\0cd", "x.bin").unwrap_err();
        assert_eq!(
            error,
            ParseError::NotText {
                name: "x.bin".into(),
                line: 2,
                column: 3
            }
        );
        assert_eq!(
            error.to_string(),
            "x.bin: not a text file: binary data at line 2, column 3"
        );
    }

    #[test]
    fn binary_bytes_are_found_wherever_they_are() {
        for len in 0..40 {
            for at in 0..len {
                for bad in [0u8, 1, 0x08, 0x1f] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = bad;
                    if at > 0 {
                        bytes[at - 1] = b'\n';
                    }
                    assert_eq!(first_binary_byte(&bytes), Some(at), "{len} {at} {bad}");
                }
            }
            let text: Vec<u8> = (0..len)
                .map(|i| b"ab\n\t\r\x0c\x1b\x07\xff "[i % 10])
                .collect();
            assert_eq!(first_binary_byte(&text), None);
        }
    }

    #[test]
    fn empty_input_is_an_error() {
        assert!(matches!(
            parse("  \n ", "e.txt"),
            Err(ParseError::Empty { .. })
        ));
        assert!(matches!(
            parse_bytes(b"", "e.txt"),
            Err(ParseError::Empty { .. })
        ));
    }

    #[test]
    fn invalid_utf8_is_a_warning() {
        let cable = parse_bytes(b"UNCLAS\nsome \xff text", "w.txt").unwrap();
        assert_eq!(cable.warnings.len(), 1);
        assert_eq!(cable.warnings[0].line, Some(2));
        // The line after the classification is the body's text, not the header's.
        assert!(cable.paragraphs[0].text.contains('\u{fffd}'));
    }
}
