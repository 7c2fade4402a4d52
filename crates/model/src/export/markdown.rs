//! The reading text as Markdown.

use super::{header_fields, paragraph_lead};
use crate::cable::Cable;
use std::fmt::Write as _;

/// The reading text as Markdown: a title, a field list, headings and ¶ paragraphs.
#[must_use]
pub fn markdown(cable: &Cable) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_md(cable.title()));
    for (name, value) in header_fields(cable) {
        let _ = writeln!(out, "- **{name}:** {}", escape_md(&value));
    }
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
