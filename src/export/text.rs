//! The clean reading text: header fields, then each paragraph with its ¶ label and heading.

use super::paragraph_lead;
use crate::cable::Cable;
use std::fmt::Write as _;

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
