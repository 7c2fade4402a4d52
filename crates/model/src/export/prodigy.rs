//! Prodigy's JSONL for `ner.manual` and friends: one task per cable,
//! `{"text", "spans": [{"start", "end", "label"}], "meta": {"id"}}`.
//!
//! The text and offsets are [`super::document::flatten`]'s, as displaCy, brat and CoNLL
//! have them; offsets count Unicode scalar values, as Python does.

use super::document::flatten;
use crate::cable::Cable;
use serde::Serialize;

#[derive(Serialize)]
struct Task<'a> {
    text: &'a str,
    spans: Vec<Span<'a>>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    label: &'a str,
}

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
}

/// One cable as one Prodigy task: a line of JSON, without the trailing newline.
#[must_use]
pub fn prodigy(cable: &Cable) -> String {
    let doc = flatten(cable);
    let task = Task {
        text: &doc.text,
        spans: doc
            .mentions
            .iter()
            .map(|m| Span {
                start: m.start,
                end: m.end,
                label: m.kind.label(),
            })
            .collect(),
        meta: Meta { id: cable.title() },
    };
    // Strings and numbers only: serialising cannot fail.
    crate::sanitize::json::to_string(&task)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    #[test]
    fn spans_slice_the_text_to_each_mention() {
        let cable = crate::input::sample();
        let line = super::prodigy(&cable);
        assert!(!line.contains('\n'));
        let task: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(task["meta"]["id"], "05PARIS2333");
        let chars: Vec<char> = task["text"].as_str().unwrap().chars().collect();
        let spans = task["spans"].as_array().unwrap();
        let mentions: Vec<_> = cable.mentions().map(|(_, m)| m).collect();
        assert_eq!(spans.len(), mentions.len());
        for (span, mention) in spans.iter().zip(mentions) {
            let at = |key: &str| usize::try_from(span[key].as_u64().unwrap()).unwrap();
            let sliced: String = chars[at("start")..at("end")].iter().collect();
            assert_eq!(sliced, mention.text);
            assert_eq!(span["label"], mention.kind.label());
        }
    }
}
