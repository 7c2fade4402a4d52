//! The document model as JSON: the shape documented in the README (fields are added,
//! never renamed).

use crate::cable::{Cable, Mention};
use serde::Serialize;

/// The cable with the mentions a side file gives on its signature, which the model finds
/// on demand ([`Cable::signature_mentions`]) rather than keeps.
#[derive(Serialize)]
struct Exported<'a> {
    #[serde(flatten)]
    cable: &'a Cable,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    signature_mentions: Vec<Mention>,
}

/// One cable as one line of JSON, without the trailing newline.
#[must_use]
pub fn json(cable: &Cable) -> String {
    let exported = Exported {
        cable,
        signature_mentions: cable.signature_mentions(),
    };
    // The model holds only strings, numbers and lists, so serialising cannot fail.
    crate::sanitize::json::to_string(&exported)
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_is_one_line_and_parses() {
        let out = super::json(&crate::input::sample());
        assert!(!out.contains('\n'));
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["id"], "05PARIS2333");
        assert_eq!(value["header"]["tags"][0], "PTER");
    }
}
