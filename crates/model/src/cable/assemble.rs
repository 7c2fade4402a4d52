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
    /// Whether the anchor opens a paragraph, when the reader has decided it (a page reads
    /// its body's numbering); `None` leaves it to the assembler.
    pub paragraph: Option<bool>,
    /// The segment's clean text and mentions.
    pub block: Block,
    /// The lines of [`super::Cable::source`] it came from (0-based, exclusive end).
    pub lines: Range<usize>,
    /// The heading the reader found before it on a line of its own; `None` leaves it to
    /// the assembler, which looks for a dashed heading at the end of the text before.
    pub heading: Option<Block>,
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
    /// The text, each run of white space one space.
    pub text: String,
    /// The text with its line breaks (`\n`, a blank line `\n\n`), where it had any: the
    /// header fields end at blank lines.
    pub lines: Option<String>,
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
    /// Whether numbered paragraphs are also looked for inside the text (`11 ... 12. (S)
    /// In 2007`), for a format whose anchors can miss them.
    pub inline_numbers: bool,
}

impl Assembler {
    /// Adds the next segment: the header's text, a new paragraph, or text that joins the
    /// paragraph before it (with the label its anchor replaced put back).
    pub fn push(&mut self, segment: Segment) {
        let Segment {
            anchor,
            paragraph,
            block,
            lines,
            heading: found_heading,
        } = segment;
        let Some(id) = anchor else {
            // Only the first segment has no anchor; a stray one is kept as text.
            self.current_block().append(" ", &block);
            return;
        };
        let number = id.parse::<u32>().ok();
        let is_paragraph = paragraph.unwrap_or_else(|| {
            let starts_with_marking = marking::starts_with_portion_marking(block.text.trim_start());
            number.is_some_and(|n| {
                starts_with_marking
                    || (n > self.last_number && n <= self.last_number + MAX_NUMBER_GAP)
            })
        });
        if is_paragraph {
            if self.inline_numbers {
                self.split_inline(number);
            }
            let heading = found_heading.or_else(|| take_heading(self.current_block()));
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
        // Not a paragraph: put back the text the anchor replaced (`B.`, `1993.`), a
        // lettered item on a line of its own.
        let separator = if number.is_none() { "\n" } else { " " };
        let mut restored = Block::plain(&format!("{id}."));
        restored.append(" ", &block);
        self.current_block().append(separator, &restored);
        if let Some(draft) = &mut self.current {
            draft.lines.end = lines.end;
        }
    }

    /// Splits off the paragraphs numbered inside the open block's text, after the last
    /// number and before `next`, so that the body's numbering is kept where an anchor is
    /// missing.
    fn split_inline(&mut self, next: Option<u32>) {
        let first = self.last_number + 1;
        let below = next.unwrap_or(u32::MAX);
        let block = self.current_block();
        if first >= below {
            return;
        }
        let (head, drafts) = split_numbered(block, first, below);
        if drafts.is_empty() {
            return;
        }
        *block = head;
        for draft in drafts {
            self.last_number = draft.label.parse().unwrap_or(self.last_number);
            match self.current.replace(draft) {
                Some(previous) => self.finish_draft(previous),
                None => self.finish_header(),
            }
        }
    }

    /// The header, the paragraphs and the entities. A cable without paragraph anchors
    /// gets its paragraphs from `1. (C)` numbering in the text.
    pub fn finish(mut self) -> (HeaderBlock, Vec<Paragraph>, Grouper) {
        if self.inline_numbers && self.current.is_some() {
            self.split_inline(None);
        }
        if let Some(last) = self.current.take() {
            self.finish_draft(last);
        } else if self.finished_header.is_none() {
            let (head, numbered) = split_numbered(&self.header, 1, u32::MAX);
            self.header = head;
            self.finish_header();
            for draft in numbered {
                self.finish_draft(draft);
            }
        }
        let header = self.finished_header.unwrap_or(HeaderBlock {
            text: String::new(),
            lines: None,
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
        let mut block = std::mem::take(&mut self.header).trimmed();
        let lines = block.text.contains('\n').then(|| block.text.clone());
        flatten_lines(&mut block);
        let mentions = block.mentions();
        self.grouper.add(HEADER_LABEL, &block.text, &mentions);
        self.finished_header = Some(HeaderBlock {
            text: block.text,
            lines,
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
    if !text.ends_with('-') {
        return None;
    }
    let is_rule = |word: &str| word.len() >= 3 && word.bytes().all(|c| c == b'-');
    let is_dashes = |word: &str| word.bytes().all(|c| c == b'-');
    // Only the tail can hold a heading: the closing rule, its words and the opening rule.
    let words = last_words(text, MAX_HEADING_WORDS + 4);
    // The closing rule, with what wrapped of it (`------- -`).
    let mut rest = &words[..];
    let mut closed = false;
    while let Some((&(_, w), before)) = rest.split_last()
        && is_dashes(w)
    {
        closed |= is_rule(w);
        rest = before;
    }
    if !closed {
        return None;
    }
    // `--- HEADING ---`; else `... end of a sentence. HEADING ---`, the heading on the
    // line before the next paragraph.
    let open = match rest.iter().rposition(|(_, w)| is_rule(w)) {
        Some(open) => open,
        None => {
            // The heading's own last word may end with `?`.
            let after = rest[..rest.len().saturating_sub(1)]
                .iter()
                .rposition(|(_, w)| w.ends_with(['.', '?', '!']) || w.ends_with(".\""))?;
            let first = rest.get(after + 1)?.1;
            if !first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                return None;
            }
            after
        }
    };
    let heading_words = &rest[open + 1..];
    if heading_words.is_empty() || heading_words.len() > MAX_HEADING_WORDS {
        return None;
    }
    let heading_start = heading_words[0].0;
    let heading_end = rest.last().map_or(heading_start, |(at, w)| at + w.len());
    let heading = block.slice(heading_start..heading_end);
    let cut = if is_rule(rest[open].1) {
        // The opening rule, with what wrapped of it.
        let first = rest[..open]
            .iter()
            .rposition(|(_, w)| !is_dashes(w))
            .map_or(0, |i| i + 1);
        rest[first].0
    } else {
        heading_start
    };
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

/// Paragraphs from `1. (C)` numbering in the text, numbered from `first` on and below
/// `below` (a cable without anchors, or text where an anchor is missing); returns the text
/// before the first of them and the paragraphs.
fn split_numbered(block: &Block, first: u32, below: u32) -> (Block, Vec<Draft>) {
    let text = &block.text;
    let mut starts: Vec<(NumberedStart, u32)> = Vec::new();
    let mut expected = first;
    let mut from = 0;
    while expected < below
        && let Some(start) = find_numbered(text, from, expected)
    {
        from = start.body;
        starts.push((start, expected));
        expected += 1;
    }
    let Some((first_start, _)) = starts.first() else {
        return (block.clone(), Vec::new());
    };
    let head = block.slice(0..first_start.at).trimmed();
    let drafts = starts
        .iter()
        .enumerate()
        .map(|(i, (start, number))| {
            let end = starts.get(i + 1).map_or(text.len(), |next| next.0.at);
            let mut paragraph = block.slice(start.marking.clone());
            paragraph.append(" ", &block.slice(start.body..end));
            Draft {
                label: number.to_string(),
                heading: None,
                block: paragraph,
                lines: 0..0,
            }
        })
        .collect();
    (head, drafts)
}

/// A numbered paragraph found in running text.
struct NumberedStart {
    /// Where it starts (the text before it ends here).
    at: usize,
    /// A marking written before the number (`(C) 1. In a visit`), kept; else empty.
    marking: std::ops::Range<usize>,
    /// Where its text goes on after the number (the marking, for `1. (C) Text`).
    body: usize,
}

/// Finds paragraph `number` at a word start: `N. (X)`, `N.(X)`, or `(X) N.` with the
/// marking first. Only a marking can make running text a paragraph, so the search goes
/// from one `(` to the next.
fn find_numbered(text: &str, from: usize, number: u32) -> Option<NumberedStart> {
    let bytes = text.as_bytes();
    let is_number = |digits: &[u8]| {
        !digits.is_empty()
            && digits.len() <= 3
            && digits.iter().all(u8::is_ascii_digit)
            && std::str::from_utf8(digits)
                .ok()
                .and_then(|d| d.parse::<u32>().ok())
                == Some(number)
    };
    for open in memchr::memchr_iter(b'(', &bytes[from..]).map(|at| from + at) {
        // Cheap looks first: most `(` of a paragraph are neither `N. (` nor `(X) N.`.
        let after_period = bytes[..open]
            .iter()
            .rev()
            .find(|&&b| b != b' ')
            .is_some_and(|&b| b == b'.');
        let number_follows = bytes[open..bytes.len().min(open + 24)]
            .windows(3)
            .any(|w| w[0] == b')' && w[1] == b' ' && w[2].is_ascii_digit());
        if !(after_period || number_follows) || !marking::starts_with_portion_marking(&text[open..])
        {
            continue;
        }
        // `N. (X)` / `N.(X)`: the number before the marking, at a word start.
        let before = text[..open].trim_end_matches(' ');
        if let Some(stem) = before.strip_suffix('.') {
            let digits = stem.bytes().rev().take_while(u8::is_ascii_digit).count();
            let at = stem.len() - digits;
            let word_start = at == 0 || stem[..at].ends_with(char::is_whitespace);
            if word_start && at >= from && is_number(&bytes[at..stem.len()]) {
                return Some(NumberedStart {
                    at,
                    marking: at..at,
                    body: open,
                });
            }
        }
        // `(X) N. Text`: the marking before the number.
        let word_start = open == 0 || text[..open].ends_with(char::is_whitespace);
        if let (true, Ok((after, _))) = (word_start, marking::portion_marking(&text[open..])) {
            let number_at = text.len() - after.len();
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let label_end = number_at + digits + 1;
            let opens_text = after.as_bytes().get(digits) == Some(&b'.')
                && after[digits + 1..].starts_with(' ')
                && after[digits + 1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_alphanumeric() || c == '"');
            if opens_text && is_number(&bytes[number_at..number_at + digits]) {
                return Some(NumberedStart {
                    at: open,
                    marking: open..text[..number_at].trim_end().len(),
                    body: label_end,
                });
            }
        }
    }
    None
}

/// Makes each run of white space that holds a line break one space, in place, mentions
/// moved along: the header keeps its line breaks only until its fields are read.
fn flatten_lines(block: &mut Block) {
    if !block.text.contains('\n') {
        return;
    }
    // A line break alone between two words is one byte for one: nothing moves.
    let bytes = block.text.as_bytes();
    let alone = memchr::memchr_iter(b'\n', bytes).all(|at| {
        at > 0
            && !bytes[at - 1].is_ascii_whitespace()
            && bytes.get(at + 1).is_some_and(|b| !b.is_ascii_whitespace())
    });
    if alone {
        block.text = block.text.replace('\n', " ");
        return;
    }
    let mut text = String::with_capacity(block.text.len());
    // (end of a run in the old text, bytes removed up to there)
    let mut removed_at: Vec<(usize, usize)> = Vec::new();
    let mut removed = 0;
    let mut chars = block.text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_whitespace() {
            text.push(c);
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut breaks = c == '\n';
        while let Some(&(j, d)) = chars.peek().filter(|(_, d)| d.is_whitespace()) {
            breaks |= d == '\n';
            end = j + d.len_utf8();
            chars.next();
        }
        if breaks {
            text.push(' ');
            removed += end - i - 1;
            removed_at.push((end, removed));
        } else {
            text.push_str(&block.text[i..end]);
        }
    }
    let shift = |at: usize| {
        let runs = removed_at.partition_point(|&(end, _)| end <= at);
        at - runs.checked_sub(1).map_or(0, |r| removed_at[r].1)
    };
    for span in &mut block.spans {
        span.bytes = shift(span.bytes.start)..shift(span.bytes.end);
    }
    block.text = text;
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
