//! The mentions a side file gives on the signature line (`CLINTON`).
//!
//! The signature is kept as a name, not as a block of text with mentions; its mentions are
//! found again from where the side file's spans stand in the layout ([`Cable::source_spans`])
//! on the signature's line, so they need no field of their own.

use super::{Cable, Mention};

impl Cable {
    /// The mentions on the signature, with offsets into [`Cable::signature`]. Only a side
    /// file on a page or plain-text cable gives them; empty otherwise.
    #[must_use]
    pub fn signature_mentions(&self) -> Vec<Mention> {
        let (Some(layout), Some(signature)) = (&self.layout, &self.signature) else {
            return Vec::new();
        };
        if self.source_spans.is_empty() {
            return Vec::new();
        }
        // The signature's line: the last whose words, end marks dropped, are the name.
        let lines: Vec<&str> = layout.split('\n').collect();
        let Some(line_no) = lines.iter().rposition(|line| reads_as(line, signature)) else {
            return Vec::new();
        };
        let line = lines[line_no];
        // Each character of the line's words: (byte in the line, byte in the signature).
        let mut map: Vec<(usize, usize, usize)> = Vec::new();
        let (mut at, mut in_word) = (0, false);
        for (i, c) in line.char_indices() {
            if c.is_whitespace() {
                in_word = false;
                continue;
            }
            if !in_word && !map.is_empty() {
                at += 1;
            }
            in_word = true;
            if at >= signature.len() {
                break;
            }
            map.push((i, at, c.len_utf8()));
            at += c.len_utf8();
        }
        let chars_before = |byte: usize| signature[..byte].chars().count();
        self.source_spans
            .iter()
            .filter(|s| s.line == line_no)
            .filter_map(|s| {
                let mut inside = map.iter().filter(|(i, ..)| s.bytes.contains(i));
                let first = inside.next()?;
                let last = inside.next_back().unwrap_or(first);
                let bytes = first.1..last.1 + last.2;
                let text = signature.get(bytes.clone())?;
                Some(Mention {
                    entity: self.entity_of(&s.kind, text),
                    kind: s.kind.clone(),
                    text: text.to_string(),
                    start: chars_before(bytes.start),
                    end: chars_before(bytes.end),
                    bytes,
                    source: s.source,
                })
            })
            .collect()
    }
}

/// Whether a line's words, teletype end marks (`NNNN`) after them dropped, are `name`.
fn reads_as(line: &str, name: &str) -> bool {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| w.len() >= 3 && w.chars().all(|c| c == 'N'))
    {
        words.pop();
    }
    !words.is_empty() && words.join(" ") == name
}
