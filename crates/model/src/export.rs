//! Writing cables out, in the formats neighbouring tools read.
//!
//! One file per format under `export/`. Formats that annotate offsets (displaCy, brat,
//! CoNLL) share one flattened document text, [`document::flatten`], so they agree.
//! Everything here is deterministic: the same cables give the same bytes.

pub mod brat;
pub mod citation;
pub mod conll;
pub mod csv;
pub mod displacy;
pub mod doccano;
/// The flattened document the offset formats share; it is the model's, see [`crate::cable::flat`].
pub use crate::cable::flat as document;
pub mod folder;
pub mod html;
pub mod inline;
pub mod json;
pub mod markdown;
pub mod naming;
pub mod prodigy;
pub mod rows;
pub mod schema;
pub mod text;

use crate::cable::Cable;
use crate::sanitize::printable;
use thiserror::Error;

pub use markdown::markdown;
pub use naming::{Stems, stems};
pub use text::text;

/// The formats `cableview export` writes; the shell offers them on the command line
/// through [`Format::ALL`], [`Format::name`] and [`Format::summary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The document model as JSON (JSON Lines for several cables).
    Json,
    /// The clean reading text with header, ¶ labels and headings.
    Text,
    /// The same as Markdown.
    Markdown,
    /// spaCy displaCy manual entity data: a JSON list, one document per cable.
    Displacy,
    /// brat standoff: `ID.txt` and `ID.ann` per cable (needs `--out`).
    Brat,
    /// CoNLL: one token per line with its BIO tag, blank lines between sentences.
    Conll,
    /// A self-contained HTML page per cable.
    Html,
    /// The entity table: cable, kind, name, count, paragraphs.
    Csv,
    /// Prodigy JSONL: `{"text", "spans": [{"start", "end", "label"}], "meta": {"id"}}`, a
    /// line per cable.
    Prodigy,
    /// doccano JSONL: `{"text", "label": [[start, end, "LABEL"]]}`, a line per cable.
    Doccano,
    /// The seed's annotated text (`[PER Jacques Chirac  ]`), which cableview reads back
    /// to the same mentions.
    Inline,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 11] = [
        Self::Json,
        Self::Text,
        Self::Markdown,
        Self::Displacy,
        Self::Brat,
        Self::Conll,
        Self::Html,
        Self::Csv,
        Self::Prodigy,
        Self::Doccano,
        Self::Inline,
    ];

    /// What the format is, in a line for `--help`.
    #[must_use]
    pub fn summary(self) -> &'static str {
        match self {
            Self::Json => "The document model as JSON (JSON Lines for several cables)",
            Self::Text => "The clean reading text with header, ¶ labels and headings",
            Self::Markdown => "The same as Markdown",
            Self::Displacy => {
                "spaCy displaCy manual entity data: a JSON list, one document per cable"
            }
            Self::Brat => "brat standoff: `ID.txt` and `ID.ann` per cable (needs `--out`)",
            Self::Conll => {
                "CoNLL: one token per line with its BIO tag, blank lines between sentences"
            }
            Self::Html => "A self-contained HTML page per cable",
            Self::Csv => "The entity table: cable, kind, name, count, paragraphs",
            Self::Prodigy => {
                "Prodigy JSONL: `{\"text\", \"spans\": [{\"start\", \"end\", \"label\"}], \"meta\": {\"id\"}}`, a line per cable"
            }
            Self::Doccano => {
                "doccano JSONL: `{\"text\", \"label\": [[start, end, \"LABEL\"]]}`, a line per cable"
            }
            Self::Inline => {
                "The seed's annotated text (`[PER Jacques Chirac  ]`), which cableview reads back"
            }
        }
    }

    /// The format's name on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Displacy => "displacy",
            Self::Brat => "brat",
            Self::Conll => "conll",
            Self::Html => "html",
            Self::Csv => "csv",
            Self::Prodigy => "prodigy",
            Self::Doccano => "doccano",
            Self::Inline => "inline",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = UnknownFormat;

    /// A format by its command-line name ([`Format::name`]).
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|format| format.name() == name)
            .ok_or_else(|| UnknownFormat(name.to_string()))
    }
}

/// A name that is no export format's.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("no export format is named {0:?}")]
pub struct UnknownFormat(pub String);

/// Why an export could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExportError {
    /// The format writes several files per cable, so it needs a directory.
    #[error("--format {0} writes files; give a directory with --out DIR")]
    NeedsOutDir(&'static str),
    /// The format writes one page per cable and several cables were given.
    #[error("--format {0} writes one page per cable; give --out DIR for several cables")]
    OnePerPage(&'static str),
}

/// One file an export writes into the `--out` directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// The file name, without directory: `05PARIS2333.ann`.
    pub name: String,
    /// The file's contents.
    pub contents: String,
}

/// Renders one cable in a single-document format (brat gives its `.ann`).
///
/// Like every function here that returns an export, control characters in the cable's text
/// come out visible ([`printable`]): one character for one, so offsets hold.
#[must_use]
pub fn render(cable: &Cable, format: Format) -> String {
    let out = match format {
        Format::Json => json::json(cable),
        Format::Text => text::text(cable),
        Format::Markdown => markdown::markdown(cable),
        Format::Displacy => displacy::displacy(std::slice::from_ref(cable)),
        Format::Brat => brat::ann(cable),
        Format::Conll => conll::conll(cable),
        Format::Html => html::html(cable),
        Format::Csv => csv::csv(std::slice::from_ref(cable)),
        Format::Prodigy => prodigy::prodigy(cable) + "\n",
        Format::Doccano => doccano::doccano(cable) + "\n",
        Format::Inline => inline::inline(cable),
    };
    printable(&out).into_owned()
}

/// Renders several cables as one stream, for standard output.
///
/// JSON, Prodigy and doccano give JSON Lines, displaCy one list, CSV one table, text,
/// Markdown and CoNLL the documents one after another. brat always needs a directory; HTML needs one for
/// more than one cable. The same bytes as [`piece`] of each cable through a [`Joiner`].
pub fn stream(cables: &[Cable], format: Format) -> Result<String, ExportError> {
    let mut joiner = Joiner::new(format)?;
    let mut out = String::new();
    for cable in cables {
        out.push_str(&joiner.next(piece(cable, format))?);
    }
    out.push_str(&joiner.finish());
    Ok(out)
}

/// One cable's part of a [`stream`], before the [`Joiner`] puts what goes between cables
/// around it. It depends on the cable alone, so pieces can be made on any thread.
#[must_use]
pub fn piece(cable: &Cable, format: Format) -> String {
    let out = match format {
        Format::Json => json::json(cable) + "\n",
        Format::Prodigy => prodigy::prodigy(cable) + "\n",
        Format::Doccano => doccano::doccano(cable) + "\n",
        Format::Text => text::text(cable),
        Format::Markdown => markdown::markdown(cable),
        Format::Conll => conll::conll(cable),
        Format::Displacy => displacy::document(cable),
        Format::Csv => csv::rows(cable),
        Format::Html => html::html(cable),
        Format::Brat => brat::ann(cable),
        Format::Inline => inline::inline(cable),
    };
    printable(&out).into_owned()
}

/// Joins the [`piece`]s of cables into one [`stream`] as they come, keeping none of them:
/// an export of any size writes each cable and forgets it.
#[derive(Debug)]
pub struct Joiner {
    format: Format,
    count: usize,
    /// An HTML page, held until the end shows it is the only one.
    page: Option<String>,
}

impl Joiner {
    /// A joiner for the format; brat writes files only, so it has none.
    ///
    /// # Errors
    /// [`ExportError::NeedsOutDir`] for brat.
    pub fn new(format: Format) -> Result<Self, ExportError> {
        if format == Format::Brat {
            return Err(ExportError::NeedsOutDir("brat"));
        }
        Ok(Self {
            format,
            count: 0,
            page: None,
        })
    }

    /// What to write for the next cable's piece: the piece with what goes before it.
    ///
    /// # Errors
    /// [`ExportError::OnePerPage`] at a second HTML page (nothing of the first is out yet).
    pub fn next(&mut self, piece: String) -> Result<String, ExportError> {
        self.count += 1;
        let first = self.count == 1;
        Ok(match self.format {
            Format::Text | Format::Markdown if !first => "\n".to_string() + &piece,
            Format::Displacy if first => "[\n".to_string() + &piece,
            Format::Displacy => ",\n".to_string() + &piece,
            Format::Csv if first => csv::header() + &piece,
            Format::Html if first => {
                self.page = Some(piece);
                String::new()
            }
            Format::Html => return Err(ExportError::OnePerPage("html")),
            _ => piece,
        })
    }

    /// What ends the stream: a list's or table's end, the one HTML page.
    #[must_use]
    pub fn finish(self) -> String {
        match self.format {
            Format::Displacy if self.count == 0 => "[\n]\n".to_string(),
            Format::Displacy => "\n]\n".to_string(),
            Format::Csv if self.count == 0 => csv::header(),
            Format::Html => self.page.unwrap_or_default(),
            _ => String::new(),
        }
    }
}

/// The files one cable exports to under `--out`, named after `stem`.
#[must_use]
pub fn files(cable: &Cable, stem: &str, format: Format) -> Vec<OutputFile> {
    contents(cable, format)
        .into_iter()
        .map(|(extension, contents)| OutputFile {
            name: format!("{stem}.{extension}"),
            contents,
        })
        .collect()
}

/// What [`files`] writes, each file as its extension and contents: they depend on the
/// cable alone, so they can be made on any thread before the stem is known.
#[must_use]
pub fn contents(cable: &Cable, format: Format) -> Vec<(&'static str, String)> {
    let file =
        |extension: &'static str, contents: String| (extension, printable(&contents).into_owned());
    match format {
        Format::Json => vec![file("json", json::json(cable) + "\n")],
        Format::Text => vec![file("txt", text::text(cable))],
        Format::Markdown => vec![file("md", markdown::markdown(cable))],
        Format::Displacy => vec![file("displacy.json", render(cable, format))],
        Format::Brat => {
            let (txt, ann) = brat::brat(cable);
            vec![file("txt", txt), file("ann", ann)]
        }
        Format::Conll => vec![file("conll", conll::conll(cable))],
        Format::Html => vec![file("html", html::html(cable))],
        Format::Csv => vec![file("csv", render(cable, format))],
        Format::Prodigy => vec![file("prodigy.jsonl", render(cable, format))],
        Format::Doccano => vec![file("doccano.jsonl", render(cable, format))],
        Format::Inline => vec![file("txt", inline::inline(cable))],
    }
}

/// The header fields a reading export lists, as (name, value), empty ones left out.
#[must_use]
pub fn header_fields(cable: &Cable) -> Vec<(String, String)> {
    let h = &cable.header;
    let mut fields: Vec<(String, Option<String>)> = vec![
        (
            "Classification".into(),
            h.classification.map(|c| c.name().to_string()),
        ),
        ("Origin".into(), h.origin.clone()),
        ("To".into(), Some(h.to.join("; "))),
        ("Info".into(), Some(h.info.join("; "))),
        ("Created".into(), h.created.clone()),
        ("Released".into(), h.released.clone()),
        ("Subject".into(), h.subject.clone()),
        ("TAGS".into(), Some(h.tags.join(", "))),
    ];
    for reference in &h.references {
        let label = reference
            .label
            .as_deref()
            .map(|l| format!(" {l}"))
            .unwrap_or_default();
        fields.push((format!("Ref{label}"), Some(reference.text.clone())));
    }
    fields.push(("Classified by".into(), h.classified_by.clone()));
    fields
        .into_iter()
        .filter_map(|(name, value)| value.filter(|v| !v.is_empty()).map(|v| (name, v)))
        .collect()
}

pub use crate::cable::flat::paragraph_lead;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_needs_a_directory_and_html_one_cable() {
        let sample = crate::input::sample();
        assert_eq!(
            stream(std::slice::from_ref(&sample), Format::Brat),
            Err(ExportError::NeedsOutDir("brat"))
        );
        let two = [sample.clone(), sample];
        assert_eq!(
            stream(&two, Format::Html),
            Err(ExportError::OnePerPage("html"))
        );
        assert!(stream(&two[..1], Format::Html).is_ok());
    }

    #[test]
    fn a_stream_is_its_pieces_joined_as_one_document() {
        let sample = crate::input::sample();
        let mut other = sample.clone();
        other.id = Some(crate::cable::CableId::new("06OTHER1"));
        let cables = [sample, other];
        let whole = |out: String| printable(&out).into_owned();
        let streamed = |format| stream(&cables, format).unwrap();
        assert_eq!(
            streamed(Format::Displacy),
            whole(displacy::displacy(&cables))
        );
        assert_eq!(streamed(Format::Csv), whole(csv::csv(&cables)));
        let texts: Vec<String> = cables.iter().map(text::text).collect();
        assert_eq!(streamed(Format::Text), whole(texts.join("\n")));
        let json: String = cables.iter().map(|c| json::json(c) + "\n").collect();
        assert_eq!(streamed(Format::Json), whole(json));
        assert_eq!(stream(&[], Format::Displacy).unwrap(), "[\n]\n");
        assert_eq!(stream(&[], Format::Csv).unwrap(), csv::header());
    }

    #[test]
    fn every_format_has_files() {
        let sample = crate::input::sample();
        for format in [
            Format::Json,
            Format::Text,
            Format::Markdown,
            Format::Displacy,
            Format::Conll,
            Format::Html,
            Format::Csv,
            Format::Prodigy,
            Format::Doccano,
            Format::Inline,
        ] {
            let files = files(&sample, "X", format);
            assert_eq!(files.len(), 1, "{}", format.name());
            assert!(files[0].name.starts_with("X."));
            assert!(!files[0].contents.is_empty());
        }
        let brat: Vec<String> = files(&sample, "X", Format::Brat)
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(brat, ["X.txt", "X.ann"]);
    }
}
