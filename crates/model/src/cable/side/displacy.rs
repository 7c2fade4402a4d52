//! Reading spaCy's displaCy "manual" JSON, with the line each entity stands on for messages.

use super::{Annotations, Entry, SideError, syntax};
use serde::Deserialize;

#[derive(Deserialize)]
struct DisplacyDoc {
    text: Option<String>,
    #[serde(default)]
    ents: Vec<DisplacyEnt>,
}

#[derive(Deserialize)]
struct DisplacyEnt {
    start: usize,
    end: usize,
    label: String,
}

/// displaCy's manual format: `{"text": ..., "ents": [{"start", "end", "label"}]}`, or a
/// list holding one such document.
pub(super) fn read_displacy(content: &str, name: &str) -> Result<Annotations, SideError> {
    let json_error = |e: serde_json::Error| {
        syntax(
            name,
            e.line(),
            format!(
                "expected displaCy JSON {{\"text\", \"ents\": [{{\"start\", \"end\", \"label\"}}]}}: {e}"
            ),
        )
    };
    let doc: DisplacyDoc = if content.trim_start().starts_with('[') {
        let mut docs: Vec<DisplacyDoc> = serde_json::from_str(content).map_err(json_error)?;
        if docs.len() != 1 {
            return Err(syntax(
                name,
                1,
                format!("expected one document, found {}", docs.len()),
            ));
        }
        docs.remove(0)
    } else {
        serde_json::from_str(content).map_err(json_error)?
    };
    let lines = entity_lines(content);
    let entries = doc
        .ents
        .into_iter()
        .enumerate()
        .map(|(i, e)| Entry {
            line: lines.get(i).copied().unwrap_or(1),
            label: e.label,
            start: e.start,
            end: e.end,
            text: None,
        })
        .collect();
    Ok(Annotations {
        name: name.to_string(),
        text: doc.text,
        entries,
    })
}

/// The 1-based line of each object in the `"ents"` array, found by walking the JSON's
/// strings and brackets (serde does not give positions of values).
fn entity_lines(content: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut line, mut depth, mut in_string, mut escaped) = (1, 0usize, false, false);
    let mut last_key = String::new();
    let mut string = String::new();
    let mut ents_depth = None;
    for c in content.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => {
                    in_string = false;
                    last_key = std::mem::take(&mut string);
                }
                _ => string.push(c),
            }
            if c == '\n' {
                line += 1;
            }
            continue;
        }
        match c {
            '\n' => line += 1,
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if c == '[' && last_key == "ents" && ents_depth.is_none() {
                    ents_depth = Some(depth);
                } else if c == '{' && ents_depth.is_some_and(|d| depth == d + 1) {
                    lines.push(line);
                }
            }
            ']' | '}' => {
                if ents_depth == Some(depth) {
                    ents_depth = None;
                    last_key.clear();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::super::read;

    #[test]
    fn displacy_entities_know_their_lines() {
        let json = "{\"text\": \"a [\\\"ents\\\"] b\",\n \"ents\": [\n  {\"start\": 0, \"end\": 1, \"label\": \"PERSON\"},\n\n  {\"start\": 2, \"end\": 3,\n   \"label\": \"GPE\"}\n ]}";
        let ann = read(json, "x.json").unwrap();
        let lines: Vec<usize> = ann.entries.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 5]);
        let error = read("{\"ents\": [{\"start\": 1}]}", "x.json").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("x.json:1: expected displaCy JSON")
        );
    }
}
