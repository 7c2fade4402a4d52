//! spaCy displaCy "manual" entity data: what `displacy.render(data, style="ent",
//! manual=True)` takes as is.
//!
//! ```json
//! [
//!   {"title": "05PARIS2333", "text": "...", "ents": [
//!     {"start": 29, "end": 34, "label": "LOC"}
//!   ]}
//! ]
//! ```
//!
//! Offsets count Unicode scalar values into [`super::document::flatten`]'s text, as Python
//! does. One entity per line, so exports diff cleanly.

use super::document::flatten;
use crate::cable::Cable;
use std::fmt::Write as _;

/// The cables as one displaCy list, one document per cable, ending with a newline.
#[must_use]
pub fn displacy(cables: &[Cable]) -> String {
    let mut out = String::from("[\n");
    for (i, cable) in cables.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&document(cable));
    }
    if !cables.is_empty() {
        out.push('\n');
    }
    out.push_str("]\n");
    out
}

/// One cable's document of the list, indented, without the comma or line break after it:
/// what a stream of cables writes one at a time.
#[must_use]
pub fn document(cable: &Cable) -> String {
    let doc = flatten(cable);
    let mut out = String::new();
    let _ = write!(
        out,
        "  {{\"title\": {}, \"text\": {}, \"ents\": [",
        quote(cable.title()),
        quote(&doc.text)
    );
    for (j, m) in doc.mentions.iter().enumerate() {
        let comma = if j + 1 < doc.mentions.len() { "," } else { "" };
        let _ = write!(
            out,
            "\n    {{\"start\": {}, \"end\": {}, \"label\": {}}}{comma}",
            m.start,
            m.end,
            quote(m.kind.label())
        );
    }
    if !doc.mentions.is_empty() {
        out.push_str("\n  ");
    }
    out.push_str("]}");
    out
}

/// A JSON string literal.
fn quote(text: &str) -> String {
    crate::sanitize::json::to_string(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn parses_as_a_list_of_documents() {
        let sample = crate::input::sample();
        let out = displacy(&[sample.clone(), sample]);
        let value: Value = serde_json::from_str(&out).unwrap();
        let docs = value.as_array().unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0]["title"], "05PARIS2333");
        assert_eq!(docs[0]["ents"].as_array().unwrap().len(), 169);
    }

    #[test]
    fn no_cables_is_an_empty_list() {
        let value: Value = serde_json::from_str(&displacy(&[])).unwrap();
        assert_eq!(value, Value::Array(Vec::new()));
    }

    #[test]
    fn a_cable_without_mentions_has_empty_ents() {
        let mut cable = crate::input::sample();
        cable.header.mentions.clear();
        for p in &mut cable.paragraphs {
            p.mentions.clear();
        }
        let value: Value = serde_json::from_str(&displacy(&[cable])).unwrap();
        assert_eq!(value[0]["ents"], Value::Array(Vec::new()));
    }
}
