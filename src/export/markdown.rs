//! The reading text as Markdown.

use super::paragraph_lead;
use crate::cable::Cable;
use std::fmt::Write as _;

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
