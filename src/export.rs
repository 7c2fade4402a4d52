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
pub mod document;
pub mod html;
pub mod json;
pub mod markdown;
pub mod prodigy;
pub mod schema;
pub mod text;

use crate::cable::{Cable, Paragraph};
use crate::sanitize::printable;
use thiserror::Error;

pub use markdown::markdown;
pub use text::text;

/// The formats `cableview export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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
}

impl Format {
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
        }
    }
}

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
    };
    printable(&out).into_owned()
}

/// Renders several cables as one stream, for standard output.
///
/// JSON, Prodigy and doccano give JSON Lines, displaCy one list, CSV one table, text,
/// Markdown and CoNLL the documents one after another. brat always needs a directory; HTML needs one for
/// more than one cable.
pub fn stream(cables: &[Cable], format: Format) -> Result<String, ExportError> {
    let joined =
        |f: fn(&Cable) -> String, sep: &str| cables.iter().map(f).collect::<Vec<_>>().join(sep);
    let out = match format {
        Format::Json => cables.iter().map(|c| json::json(c) + "\n").collect(),
        Format::Prodigy => cables.iter().map(|c| prodigy::prodigy(c) + "\n").collect(),
        Format::Doccano => cables.iter().map(|c| doccano::doccano(c) + "\n").collect(),
        Format::Text => joined(text::text, "\n"),
        Format::Markdown => joined(markdown::markdown, "\n"),
        Format::Conll => joined(conll::conll, ""),
        Format::Displacy => displacy::displacy(cables),
        Format::Csv => csv::csv(cables),
        Format::Brat => return Err(ExportError::NeedsOutDir("brat")),
        Format::Html if cables.len() > 1 => return Err(ExportError::OnePerPage("html")),
        Format::Html => joined(html::html, ""),
    };
    Ok(printable(&out).into_owned())
}

/// The files one cable exports to under `--out`, named after `stem`.
#[must_use]
pub fn files(cable: &Cable, stem: &str, format: Format) -> Vec<OutputFile> {
    let file = |extension: &str, contents: String| OutputFile {
        name: format!("{stem}.{extension}"),
        contents: printable(&contents).into_owned(),
    };
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
    }
}

/// File stems for the cables: the reference ID, else the given fallback (the input's
/// file stem), made safe for a file name and unique (`-2`, `-3`, ... on repeats).
#[must_use]
pub fn stems(cables: &[Cable], fallbacks: &[String]) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    let mut seen: Vec<String> = Vec::with_capacity(cables.len());
    for (i, cable) in cables.iter().enumerate() {
        let raw = cable
            .id
            .as_deref()
            .or(fallbacks.get(i).map(String::as_str))
            .unwrap_or("cable");
        let base = safe_stem(raw);
        let mut stem = base.clone();
        let mut n = 1;
        while taken.contains(&stem) {
            n += 1;
            stem = format!("{base}-{n}");
        }
        taken.insert(stem.clone());
        seen.push(stem);
    }
    seen
}

/// Keeps letters, digits, `-` and `_`; anything else becomes `_`. Never empty, never hidden.
fn safe_stem(raw: &str) -> String {
    let stem: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        "cable".to_string()
    } else {
        stem
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

/// The paragraph's lead-in: `¶3 (S)`.
#[must_use]
pub fn paragraph_lead(paragraph: &Paragraph) -> String {
    match &paragraph.marking {
        Some(marking) => format!("¶{} ({marking})", paragraph.label),
        None => format!("¶{}", paragraph.label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_prefer_ids_and_stay_unique() {
        let sample = crate::input::sample();
        let mut anonymous = sample.clone();
        anonymous.id = None;
        let cables = [sample.clone(), sample, anonymous.clone(), anonymous];
        let fallbacks = ["a".into(), "b".into(), "../my notes".into(), String::new()];
        assert_eq!(
            stems(&cables, &fallbacks),
            ["05PARIS2333", "05PARIS2333-2", "___my_notes", "cable"]
        );
    }

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
