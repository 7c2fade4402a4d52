//! Detokenizing: `Paris , the` -> `Paris, the`, with mention spans kept exact.
//!
//! The tagger's pipeline split punctuation off words; a reader wants it back. A [`Block`] is
//! clean text plus the byte spans of its mentions; every edit of a block moves the spans
//! with the text, so `text[span]` always is the mention.

use super::{EntityKind, Mention, MentionSource};
use std::ops::Range;

/// A mention span inside a [`Block`], in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub kind: EntityKind,
    pub bytes: Range<usize>,
    /// Where it comes from. Inline brackets take in punctuation around a name, so those
    /// spans are tidied; a side file's or cableview's tagger's are kept as drawn, only
    /// white space trimmed.
    pub source: MentionSource,
}

/// Clean text with the mentions in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Block {
    pub text: String,
    pub spans: Vec<Span>,
}

impl Block {
    /// The part of the block in `range` (bytes, on char boundaries), spans clipped to it.
    pub fn slice(&self, range: Range<usize>) -> Block {
        let spans = self
            .spans
            .iter()
            .filter_map(|s| {
                let start = s.bytes.start.max(range.start);
                let end = s.bytes.end.min(range.end);
                (start < end).then(|| Span {
                    kind: s.kind.clone(),
                    bytes: start - range.start..end - range.start,
                    source: s.source,
                })
            })
            .collect();
        let mut block = Block {
            text: self.text[range].to_string(),
            spans,
        };
        block.tidy_spans();
        block
    }

    /// Keeps only the part in `range` (bytes, on char boundaries), in place: spans are
    /// clipped and shifted as [`Block::slice`] does, without copying the text.
    pub fn keep(&mut self, range: Range<usize>) {
        self.text.truncate(range.end);
        self.text.drain(..range.start);
        let (mut clipped, mut emptied) = (false, false);
        for s in &mut self.spans {
            let start = s.bytes.start.max(range.start);
            let end = s.bytes.end.min(range.end);
            clipped |= start != s.bytes.start || end != s.bytes.end;
            emptied |= start >= end;
            s.bytes = start.saturating_sub(range.start)..end.saturating_sub(range.start);
        }
        if emptied {
            self.spans.retain(|s| !s.bytes.is_empty());
        }
        // Spans are tidy already; only a clipped one can need it again.
        if clipped {
            self.tidy_spans();
        }
    }

    /// The block without leading and trailing white space.
    pub fn trimmed(&self) -> Block {
        let start = self.text.len() - self.text.trim_start().len();
        let end = self.text.trim_end().len().max(start);
        self.slice(start..end)
    }

    /// Appends `other` after `separator` (the separator is dropped when either side is empty).
    pub fn append(&mut self, separator: &str, other: &Block) {
        if other.text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str(separator);
        }
        let shift = self.text.len();
        self.text.push_str(&other.text);
        self.spans.extend(other.spans.iter().map(|s| Span {
            kind: s.kind.clone(),
            bytes: s.bytes.start + shift..s.bytes.end + shift,
            source: s.source,
        }));
    }

    /// Text with mention spans (bytes, on char boundaries), the spans tidied to their words.
    pub fn with_spans(text: String, spans: Vec<Span>) -> Block {
        let mut block = Block { text, spans };
        block.tidy_spans();
        block
    }

    /// Plain text, no mentions.
    pub fn plain(text: &str) -> Block {
        Block {
            text: text.to_string(),
            spans: Vec::new(),
        }
    }

    /// Shrinks spans to their words: no edge punctuation or space, no sentence period; a
    /// span [`Span::as_given`] loses only edge white space.
    fn tidy_spans(&mut self) {
        let text = &self.text;
        let mut emptied = false;
        // A plain loop, and `retain` only when a span emptied: `retain_mut` cost about
        // ninety instructions a span.
        for span in &mut self.spans {
            let Some(mut piece) = text.get(span.bytes.clone()) else {
                continue;
            };
            // Most mentions start and end with a letter or digit: nothing to trim.
            let bytes = piece.as_bytes();
            if let (Some(first), Some(last)) = (bytes.first(), bytes.last())
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
            {
                continue;
            }
            if span.source != MentionSource::Inline {
                let lead = piece.len() - piece.trim_start().len();
                let kept = piece.trim().len();
                span.bytes = span.bytes.start + lead..span.bytes.start + lead + kept;
                emptied |= kept == 0;
                continue;
            }
            let lead = piece.len() - piece.trim_start_matches(is_leading_junk).len();
            piece = &piece[lead..];
            loop {
                let before = piece.len();
                piece = piece.trim_end_matches(is_trailing_junk);
                piece = strip_sentence_period(piece);
                if piece.len() == before {
                    break;
                }
            }
            span.bytes = span.bytes.start + lead..span.bytes.start + lead + piece.len();
            emptied |= piece.is_empty();
        }
        if emptied {
            self.spans.retain(|span| !span.bytes.is_empty());
        }
    }

    /// The spans as mentions, with offsets in Unicode scalar values.
    pub fn mentions(&self) -> Vec<Mention> {
        // Spans come in text order but for the odd edit; only then are they sorted.
        let sorted_copy;
        let spans = if self.spans.is_sorted_by_key(|s| s.bytes.start) {
            &self.spans
        } else {
            let mut copy = self.spans.clone();
            copy.sort_by_key(|s| s.bytes.start);
            sorted_copy = copy;
            &sorted_copy
        };
        // In ASCII text (most cables) a byte offset is a char offset.
        let ascii = self.text.is_ascii();
        let mut chars_before = 0;
        let mut counted_to = 0;
        let mut char_at = |byte: usize| {
            if ascii {
                return byte;
            }
            if byte >= counted_to {
                chars_before += char_count(&self.text.as_bytes()[counted_to..byte]);
            } else {
                chars_before = char_count(&self.text.as_bytes()[..byte]);
            }
            counted_to = byte;
            chars_before
        };
        spans
            .iter()
            .map(|s| {
                let start = char_at(s.bytes.start);
                let end = char_at(s.bytes.end);
                Mention {
                    kind: s.kind.clone(),
                    text: self.text[s.bytes.clone()].to_string(),
                    start,
                    end,
                    bytes: s.bytes.clone(),
                    entity: None,
                    source: s.source,
                }
            })
            .collect()
    }
}

/// The chars in UTF-8 `bytes`: the bytes that do not continue a char. Most gaps between
/// mentions are ASCII even in a paragraph with a curly quote, and `is_ascii` checks a word
/// at a time; else one branch-free pass (`str::chars().count()` branches on every byte).
fn char_count(bytes: &[u8]) -> usize {
    if bytes.is_ascii() {
        return bytes.len();
    }
    bytes
        .iter()
        .filter(|&&b| !(0x80..0xC0).contains(&b))
        .count()
}

fn is_leading_junk(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | ';' | ':' | '.' | ')' | ']' | '"' | '\'' | '”' | '’'
        )
}

fn is_trailing_junk(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | '[' | '"' | '“' | '‘')
}

/// `Hamas.` loses its period; `U.S.` keeps it (an abbreviation, not a sentence end).
fn strip_sentence_period(piece: &str) -> &str {
    let Some(stem) = piece.strip_suffix('.') else {
        return piece;
    };
    let last_word = stem.rsplit(' ').next().unwrap_or(stem);
    if last_word.contains('.') || last_word.chars().count() < 2 {
        piece
    } else {
        stem
    }
}

mod detokenizer;

pub(crate) use detokenizer::{Detokenizer, may_hold_separators};

#[cfg(test)]
mod tests;
