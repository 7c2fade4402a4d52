//! Writing cables out: JSON, clean text and Markdown.

use crate::cable::{Cable, Paragraph};
use std::fmt::Write as _;

/// The formats `cableview export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The document model as JSON (JSON Lines for several cables).
    Json,
    /// The clean reading text with header, ¶ labels and headings.
    Text,
    /// The same as Markdown.
    Markdown,
}

/// Renders one cable in a single-document format.
#[must_use]
pub fn render(cable: &Cable, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string(cable).unwrap_or_default(),
        Format::Text => text(cable),
        Format::Markdown => markdown(cable),
    }
}

/// The paragraph's lead-in: `¶3 (S)`.
#[must_use]
pub fn paragraph_lead(paragraph: &Paragraph) -> String {
    match &paragraph.marking {
        Some(marking) => format!("¶{} ({marking})", paragraph.label),
        None => format!("¶{}", paragraph.label),
    }
}

/// The clean reading text: header fields, then each paragraph with its label and heading.
#[must_use]
pub fn text(cable: &Cable) -> String {
    let mut out = String::new();
    let h = &cable.header;
    let mut field = |name: &str, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            let _ = writeln!(out, "{name}: {value}");
        }
    };
    field("Cable", cable.id.as_deref());
    field("Classification", h.classification.map(|c| c.name()));
    field("Origin", h.origin.as_deref());
    field("Subject", h.subject.as_deref());
    field("TAGS", Some(&h.tags.join(", ")));
    for reference in &h.references {
        let label = reference
            .label
            .as_deref()
            .map(|l| format!(" {l}"))
            .unwrap_or_default();
        field(&format!("Ref{label}"), Some(&reference.text));
    }
    field("Classified by", h.classified_by.as_deref());
    for paragraph in &cable.paragraphs {
        out.push('\n');
        if let Some(heading) = &paragraph.heading {
            let _ = writeln!(out, "{heading}\n");
        }
        let _ = writeln!(out, "{} {}", paragraph_lead(paragraph), paragraph.text);
    }
    if let Some(signature) = &cable.signature {
        let _ = writeln!(out, "\n{signature}");
    }
    out
}

/// The reading text as Markdown: a title, a field list, headings and ¶ paragraphs.
#[must_use]
pub fn markdown(cable: &Cable) -> String {
    let mut out = String::new();
    let h = &cable.header;
    let _ = writeln!(out, "# {}\n", escape_md(cable.title()));
    let mut field = |name: &str, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            let _ = writeln!(out, "- **{name}:** {}", escape_md(value));
        }
    };
    field("Classification", h.classification.map(|c| c.name()));
    field("Origin", h.origin.as_deref());
    field("Subject", h.subject.as_deref());
    field("TAGS", Some(&h.tags.join(", ")));
    for reference in &h.references {
        let label = reference
            .label
            .as_deref()
            .map(|l| format!(" {l}"))
            .unwrap_or_default();
        field(&format!("Ref{label}"), Some(&reference.text));
    }
    field("Classified by", h.classified_by.as_deref());
    for paragraph in &cable.paragraphs {
        if let Some(heading) = &paragraph.heading {
            let _ = write!(out, "\n## {}\n", escape_md(heading));
        }
        let _ = write!(
            out,
            "\n**{}** {}\n",
            paragraph_lead(paragraph),
            escape_md(&paragraph.text)
        );
    }
    if let Some(signature) = &cable.signature {
        let _ = write!(out, "\n{}\n", escape_md(signature));
    }
    out
}

/// Escapes the characters Markdown would read as markup.
fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
