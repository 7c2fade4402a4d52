//! doccano's JSONL for sequence labelling: one line per cable,
//! `{"text", "label": [[start, end, "LABEL"]]}`.
//!
//! The text and offsets are [`super::document::flatten`]'s, as displaCy, brat and CoNLL
//! have them; offsets count Unicode scalar values, as Python does.

use super::document::flatten;
use crate::cable::Cable;
use serde::Serialize;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
}

/// One cable as one doccano line of JSON, without the trailing newline.
#[must_use]
pub fn doccano(cable: &Cable) -> String {
    let doc = flatten(cable);
    let line = Line {
        text: &doc.text,
        label: doc
            .mentions
            .iter()
            .map(|m| (m.start, m.end, m.kind.label()))
            .collect(),
    };
    // Strings and numbers only: serialising cannot fail.
    crate::sanitize::json::to_string(&line)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    #[test]
    fn labels_slice_the_text_to_each_mention() {
        let cable = crate::input::sample();
        let line: Value = serde_json::from_str(&super::doccano(&cable)).unwrap();
        let chars: Vec<char> = line["text"].as_str().unwrap().chars().collect();
        let labels = line["label"].as_array().unwrap();
        let mentions: Vec<_> = cable.mentions().map(|(_, m)| m).collect();
        assert_eq!(labels.len(), mentions.len());
        for (label, mention) in labels.iter().zip(mentions) {
            let at = |i: usize| usize::try_from(label[i].as_u64().unwrap()).unwrap();
            let sliced: String = chars[at(0)..at(1)].iter().collect();
            assert_eq!(sliced, mention.text);
            assert_eq!(label[2], mention.kind.label());
        }
    }
}
