//! The clean reading text: header fields, then each paragraph with its ¶ label and heading.

use super::{header_fields, paragraph_lead};
use crate::cable::Cable;
use std::fmt::Write as _;

/// The clean reading text: header fields, then each paragraph with its label and heading.
#[must_use]
pub fn text(cable: &Cable) -> String {
    let mut out = String::new();
    if let Some(id) = &cable.id {
        let _ = writeln!(out, "Cable: {id}");
    }
    for (name, value) in header_fields(cable) {
        let _ = writeln!(out, "{name}: {value}");
    }
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
