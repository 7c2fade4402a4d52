//! One plain text per cable with every mention's offsets shifted into it.
//!
//! displaCy, brat and CoNLL all annotate a single text, while the model keeps one text per
//! block (header, paragraphs). [`flatten`] assembles that text once, so the three formats
//! agree character for character. The layout, blocks separated by a blank line:
//!
//! ```text
//! <header text>
//!
//! <heading>            (when a heading opens the next paragraph)
//!
//! ¶1 (S) <paragraph text>
//!
//! <signature>
//! ```

use crate::cable::{
    Cable, EntityKind, HEADER_LABEL, Mention, MentionSource, Paragraph, SIGNATURE_LABEL,
};
use std::ops::Range;

/// A mention with offsets into the flattened text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlatMention {
    /// The entity kind.
    pub kind: EntityKind,
    /// The mention's text; equals the flattened text at `start..end`.
    pub text: String,
    /// Start, in Unicode scalar values (as Python, displaCy and brat count).
    pub start: usize,
    /// End (exclusive), in Unicode scalar values.
    pub end: usize,
    /// The same span in bytes, for slicing the Rust string.
    pub bytes: Range<usize>,
    /// Where the mention comes from.
    pub source: MentionSource,
    /// The label of the paragraph it stands in (`header` for the header, `signature` for
    /// the signature; a heading's is the paragraph's it opens).
    pub paragraph: String,
}

/// A cable as one text with its mentions, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The text: header, headings, ¶ paragraphs and signature, ending with a newline.
    pub text: String,
    /// Every mention whose offsets held in its block, shifted into `text`.
    pub mentions: Vec<FlatMention>,
    /// Where each block's mention text starts in `text`, in document order.
    pub blocks: Vec<FlatBlock>,
    /// `text.chars().count()`, kept as blocks are added.
    char_len: usize,
}

/// A block of the cable whose mentions are offsets into its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockId {
    /// The header's text.
    Header,
    /// The heading before the paragraph at this index.
    Heading(usize),
    /// The paragraph at this index.
    Paragraph(usize),
}

/// Where a block's text stands in the flattened text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlatBlock {
    /// Which block.
    pub block: BlockId,
    /// Its first character, in Unicode scalar values.
    pub chars: usize,
    /// Its first byte.
    pub bytes: usize,
}

impl Document {
    /// Appends a block: a blank line before it unless it is the first.
    fn block(&mut self, text: &str) -> (usize, usize) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
            self.char_len += 2;
        }
        let at = (self.text.len(), self.char_len);
        self.text.push_str(text);
        self.char_len += text.chars().count();
        at
    }

    fn mark(&mut self, block: BlockId, (bytes, chars): (usize, usize)) {
        self.blocks.push(FlatBlock {
            block,
            chars,
            bytes,
        });
    }

    /// Adds a block's mentions, shifted by where the block's text starts.
    fn shift(&mut self, (bytes, chars): (usize, usize), mentions: &[Mention], paragraph: &str) {
        let mut last_end = 0;
        for m in mentions {
            let span = bytes + m.bytes.start..bytes + m.bytes.end;
            // Defensive: a mention that does not slice to its text, or that overlaps the
            // previous one, would make every format disagree, so it is left out.
            let holds = m.bytes.start >= last_end
                && self.text.get(span.clone()) == Some(m.text.as_str())
                && m.end >= m.start;
            if !holds {
                continue;
            }
            last_end = m.bytes.end;
            self.mentions.push(FlatMention {
                kind: m.kind.clone(),
                text: m.text.clone(),
                start: chars + m.start,
                end: chars + m.end,
                bytes: span,
                source: m.source,
                paragraph: paragraph.to_string(),
            });
        }
    }
}

/// Assembles the cable's single text and shifts every mention into it.
#[must_use]
pub fn flatten(cable: &Cable) -> Document {
    let mut doc = Document::default();
    if !cable.header.text.is_empty() {
        let at = doc.block(&cable.header.text);
        doc.mark(BlockId::Header, at);
        doc.shift(at, &cable.header.mentions, HEADER_LABEL);
    }
    for (index, paragraph) in cable.paragraphs.iter().enumerate() {
        if let Some(heading) = paragraph.heading.as_deref().filter(|h| !h.is_empty()) {
            let at = doc.block(heading);
            doc.mark(BlockId::Heading(index), at);
            doc.shift(at, &paragraph.heading_mentions, &paragraph.label);
        }
        let lead = paragraph_lead(paragraph);
        let (bytes, chars) = if paragraph.text.is_empty() {
            doc.block(&lead)
        } else {
            let (bytes, chars) = doc.block(&format!("{lead} {}", paragraph.text));
            let skip = lead.len() + 1;
            (bytes + skip, chars + lead.chars().count() + 1)
        };
        doc.mark(BlockId::Paragraph(index), (bytes, chars));
        doc.shift((bytes, chars), &paragraph.mentions, &paragraph.label);
    }
    if let Some(signature) = cable.signature.as_deref().filter(|s| !s.is_empty()) {
        let at = doc.block(signature);
        doc.shift(at, &cable.signature_mentions(), SIGNATURE_LABEL);
    }
    doc.text.push('\n');
    doc
}

/// The paragraph's lead-in: `¶3 (S)`.
#[must_use]
pub fn paragraph_lead(paragraph: &Paragraph) -> String {
    match &paragraph.marking {
        Some(marking) => format!("¶{} ({marking})", paragraph.label),
        None => format!("¶{}", paragraph.label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_mentions_slice_to_their_text() {
        let cable = crate::input::sample();
        let doc = flatten(&cable);
        assert_eq!(doc.mentions.len(), cable.mention_count());
        let chars: Vec<char> = doc.text.chars().collect();
        for m in &doc.mentions {
            let by_chars: String = chars[m.start..m.end].iter().collect();
            assert_eq!(by_chars, m.text);
            assert_eq!(&doc.text[m.bytes.clone()], m.text);
        }
    }

    #[test]
    fn layout_is_header_blank_heading_blank_paragraph() {
        let doc = flatten(&crate::input::sample());
        assert!(doc.text.starts_with("S E C R E T SECTION 01 OF 03 PARIS"));
        assert!(doc.text.contains(
            "End summary.\n\nA MATURE, SUCCESSFUL RELATIONSHIP\n\n¶2 (S/NF) Embassy Paris"
        ));
        assert!(doc.text.ends_with(".\n\nLEACH\n"));
        let first_body = doc.mentions.iter().find(|m| m.paragraph == "1").unwrap();
        assert_eq!(first_body.text, "Paris");
    }

    #[test]
    fn a_mention_that_does_not_hold_is_left_out() {
        let mut cable = crate::input::sample();
        let total = cable.mention_count();
        cable.paragraphs[0].mentions[0].text = "not here".into();
        assert_eq!(flatten(&cable).mentions.len(), total - 1);
    }
}
