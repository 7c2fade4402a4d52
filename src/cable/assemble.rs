//! Classifying anchors and gathering the header and the paragraphs, segment by segment.
//!
//! Not every anchor is a paragraph: the page generator also anchored REF items (`B.`),
//! sub-items, years at a line start (`1993.`) and prose like `paragraph 3.`. Each anchor
//! is classified from its id and from what follows it. A paragraph is finished (marking,
//! trimming, mentions, entity grouping) as soon as the next one starts, while its text is
//! still in the cache: on a long cable, coming back to it later cost a cache miss a line.

use super::clean::Block;
use super::entities::Grouper;
use super::{HEADER_LABEL, Mention, Paragraph, marking};
use std::ops::Range;

/// A run of text between two anchors. Every input format reduces its text to segments,
/// so the paragraph logic here is shared between them.
pub(crate) struct Segment {
    /// The anchor that opens the segment (`3`, `B`, `1993`); none for the text before the first.
    pub anchor: Option<String>,
    /// The segment's clean text and mentions.
    pub block: Block,
    /// The lines of [`super::Cable::source`] it came from (0-based, exclusive end).
    pub lines: Range<usize>,
}

/// A paragraph while it is being built.
struct Draft {
    label: String,
    /// The heading before the paragraph, with the mentions in it.
    heading: Option<Block>,
    block: Block,
    lines: Range<usize>,
}

/// The largest step between paragraph numbers still read as a paragraph (gaps happen).
const MAX_NUMBER_GAP: u32 = 20;

/// The header's text and its mentions, once no more text can join it.
pub(crate) struct HeaderBlock {
    pub text: String,
    pub mentions: Vec<Mention>,
}

/// Takes segments in document order and gives the header, the paragraphs and entities.
#[derive(Default)]
pub(crate) struct Assembler {
    header: Block,
    finished_header: Option<HeaderBlock>,
    current: Option<Draft>,
    paragraphs: Vec<Paragraph>,
    last_number: u32,
    grouper: Grouper,
}

impl Assembler {
    /// Adds the next segment: the header's text, a new paragraph, or text that joins the
    /// paragraph before it (with the label its anchor replaced put back).
    pub fn push(&mut self, segment: Segment) {
        let Segment {
            anchor,
            block,
            lines,
        } = segment;
        let Some(id) = anchor else {
            // Only the first segment has no anchor; a stray one is kept as text.
            self.current_block().append(" ", &block);
            return;
        };
        let starts_with_marking = marking::starts_with_portion_marking(block.text.trim_start());
        let number = id.parse::<u32>().ok();
        let is_paragraph = number.is_some_and(|n| {
            starts_with_marking || (n > self.last_number && n <= self.last_number + MAX_NUMBER_GAP)
        });
        if is_paragraph {
            let heading = take_heading(self.current_block());
            self.last_number = number.unwrap_or(self.last_number);
            match self.current.take() {
                Some(previous) => self.finish_draft(previous),
                None => self.finish_header(),
            }
            self.current = Some(Draft {
                label: id,
                heading,
                block,
                lines,
            });
            return;
        }
        // Not a paragraph: put back the text the anchor replaced (`B.`, `1993.`).
        let separator = if number.is_none() && self.current.is_some() {
            "\n"
        } else {
            " "
        };
        let mut restored = Block::plain(&format!("{id}."));
        restored.append(" ", &block);
        self.current_block().append(separator, &restored);
        if let Some(draft) = &mut self.current {
            draft.lines.end = lines.end;
        }
    }

    /// The header, the paragraphs and the entities. A cable without paragraph anchors
    /// gets its paragraphs from `1. (C)` numbering in the text.
    pub fn finish(mut self) -> (HeaderBlock, Vec<Paragraph>, Grouper) {
        if let Some(last) = self.current.take() {
            self.finish_draft(last);
        } else if self.finished_header.is_none() {
            let (head, numbered) = split_numbered(&self.header);
            self.header = head;
            self.finish_header();
            for draft in numbered {
                self.finish_draft(draft);
            }
        }
        let header = self.finished_header.unwrap_or(HeaderBlock {
            text: String::new(),
            mentions: Vec::new(),
        });
        (header, self.paragraphs, self.grouper)
    }

    /// The block text joins now: the open paragraph's, else the header's.
    fn current_block(&mut self) -> &mut Block {
        match &mut self.current {
            Some(draft) => &mut draft.block,
            None => &mut self.header,
        }
    }

    fn finish_header(&mut self) {
        let block = std::mem::take(&mut self.header).trimmed();
        let mentions = block.mentions();
        self.grouper.add(HEADER_LABEL, &block.text, &mentions);
        self.finished_header = Some(HeaderBlock {
            text: block.text,
            mentions,
        });
    }

    fn finish_draft(&mut self, draft: Draft) {
        let paragraph = finish_paragraph(draft);
        if let Some(heading) = &paragraph.heading {
            self.grouper
                .add(&paragraph.label, heading, &paragraph.heading_mentions);
        }
        self.grouper
            .add(&paragraph.label, &paragraph.text, &paragraph.mentions);
        self.paragraphs.push(paragraph);
    }
}

/// The most words a dashed heading may have.
const MAX_HEADING_WORDS: usize = 20;

/// Cuts a trailing `---- HEADING ----` off a block and returns the heading, with the
/// mentions in it.
fn take_heading(block: &mut Block) -> Option<Block> {
    let text = block.text.trim_end();
    // A heading ends with a rule of three dashes or more; nearly every block does not.
    if !text.ends_with("---") {
        return None;
    }
    let is_rule = |word: &str| word.len() >= 3 && word.bytes().all(|c| c == b'-');
    // Only the tail can hold a heading: the closing rule, its words and the opening rule.
    let words = last_words(text, MAX_HEADING_WORDS + 2);
    let (&(_, last), rest) = words.split_last()?;
    if !is_rule(last) {
        return None;
    }
    let open = rest.iter().rposition(|(_, w)| is_rule(w))?;
    let heading_words = &rest[open + 1..];
    if heading_words.is_empty() || heading_words.len() > MAX_HEADING_WORDS {
        return None;
    }
    let heading_start = heading_words[0].0;
    let heading_end = rest.last().map_or(heading_start, |(at, w)| at + w.len());
    let heading = block.slice(heading_start..heading_end);
    let cut = rest[open].0;
    *block = block.slice(0..cut).trimmed();
    Some(heading)
}

/// The last `count` white-space separated words of `text` with their byte offsets, in order.
fn last_words(text: &str, count: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(count);
    let mut end = None;
    for (i, c) in text.char_indices().rev() {
        match (c.is_whitespace(), end) {
            (true, Some(e)) => {
                let start = i + c.len_utf8();
                out.push((start, &text[start..e]));
                end = None;
                if out.len() == count {
                    break;
                }
            }
            (false, None) => end = Some(i + c.len_utf8()),
            _ => {}
        }
    }
    if let Some(e) = end.filter(|_| out.len() < count) {
        out.push((0, &text[..e]));
    }
    out.reverse();
    out
}

/// For cables without anchors: paragraphs from `1. (C)` numbering in the text.
fn split_numbered(block: &Block) -> (Block, Vec<Draft>) {
    let text = &block.text;
    let mut starts = Vec::new();
    let mut expected = 1u32;
    let mut from = 0;
    while let Some((at, body)) = find_numbered(text, from, expected) {
        starts.push((at, body, expected));
        from = body;
        expected += 1;
    }
    if starts.is_empty() {
        return (block.clone(), Vec::new());
    }
    let head = block.slice(0..starts[0].0).trimmed();
    let drafts = starts
        .iter()
        .enumerate()
        .map(|(i, &(_, body, number))| {
            let end = starts.get(i + 1).map_or(text.len(), |next| next.0);
            Draft {
                label: number.to_string(),
                heading: None,
                block: block.slice(body..end),
                lines: 0..0,
            }
        })
        .collect();
    (head, drafts)
}

/// Finds `N. (X)` or `N.(X)` at a word start, with a valid marking; returns where the
/// number starts and where the paragraph's text (the marking) starts.
fn find_numbered(text: &str, from: usize, number: u32) -> Option<(usize, usize)> {
    let needle = format!("{number}.");
    let mut search = from;
    while let Some(found) = text[search..].find(&needle) {
        let at = search + found;
        let after = at + needle.len();
        let at_word_start = at == 0 || text[..at].ends_with(char::is_whitespace);
        let body = text[after..].trim_start();
        let body_at = text.len() - body.len();
        if at_word_start && marking::starts_with_portion_marking(body) {
            return Some((at, body_at));
        }
        search = after;
    }
    None
}

/// The marking off the front, white space off both ends, mentions with char offsets.
fn finish_paragraph(draft: Draft) -> Paragraph {
    let text = &draft.block.text;
    let mut start = text.len() - text.trim_start().len();
    let marking = match marking::portion_marking(&text[start..]) {
        Ok((rest, marking)) => {
            start = text.len() - rest.len();
            Some(marking)
        }
        Err(_) => None,
    };
    let end = start + text[start..].trim_end().len();
    // Trimmed in place: paragraphs are most of the document.
    let mut block = draft.block;
    if start != 0 || end != block.text.len() {
        block.keep(start..end);
    }
    let (heading, heading_mentions) = match draft.heading {
        Some(heading) => {
            let mentions = heading.mentions();
            (Some(heading.text), mentions)
        }
        None => (None, Vec::new()),
    };
    Paragraph {
        label: draft.label,
        marking,
        heading,
        heading_mentions,
        mentions: block.mentions(),
        text: block.text,
        source_lines: draft.lines,
    }
}
