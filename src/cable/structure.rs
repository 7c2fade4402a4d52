//! From tokenized lines to a [`Cable`]: header, paragraphs, headings, signature.
//!
//! Paragraph anchors split the text into segments. Not every anchor is a paragraph: the
//! page generator also anchored REF items (`B.`), sub-items, years at a line start
//! (`1993.`) and prose like `paragraph 3.`. Each anchor is classified from its id and from
//! what follows it.

use super::clean::{Block, Detokenizer, may_hold_separators};
use super::lexer::{self, Token};
use super::marking;
use super::{Cable, EntityKind, HEADER_LABEL, Paragraph, SourceSpan, Warning, entities, header};
use std::ops::Range;

/// A run of text between two anchors. Every input format reduces its text to segments,
/// so the paragraph logic below is shared between them.
pub(crate) struct Segment {
    /// The anchor that opens the segment (`3`, `B`, `1993`); none for the text before the first.
    pub anchor: Option<String>,
    /// The segment's clean text and mentions.
    pub block: Block,
    /// The lines of [`Cable::source`] it came from (0-based, exclusive end).
    pub lines: Range<usize>,
}

/// A paragraph while it is being built.
struct Draft {
    label: String,
    heading: Option<String>,
    block: Block,
    lines: Range<usize>,
}

/// The largest step between paragraph numbers still read as a paragraph (gaps happen).
const MAX_NUMBER_GAP: u32 = 20;

/// Builds a cable from the annotated format's text.
pub(crate) fn build(source: &str, id: Option<String>, warnings: Vec<Warning>) -> Cable {
    let lines = lines(source);
    let signature = find_signature(&lines);
    let skip_line = signature.as_ref().map(|(line, _)| *line);
    let (segments, source_spans) = segments(source, &lines, skip_line);
    let mut cable = from_segments(segments, signature.map(|(_, name)| name), id, warnings);
    cable.source = source.to_string();
    cable.source_spans = source_spans;
    cable
}

/// The text's lines exactly as [`str::lines`] splits them, found with a vectorised search.
fn lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::with_capacity(text.len() / 64);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let line = &text[start..end];
        lines.push(line.strip_suffix('\r').unwrap_or(line));
        start = end + 1;
    }
    // A last line without `\n` keeps a bare `\r`, as `str::lines` does.
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// Builds a cable from segments in document order: the header is the text before the
/// first paragraph, anchors are classified, entities grouped. `source` is left empty.
pub(crate) fn from_segments(
    segments: Vec<Segment>,
    signature: Option<String>,
    id: Option<String>,
    warnings: Vec<Warning>,
) -> Cable {
    let (header_block, drafts) = assemble(segments);
    let header_block = header_block.trimmed();
    let mut header = header::parse_fields(&header_block.text);
    header.mentions = header_block.mentions();
    header.text = header_block.text;
    let mut grouper = entities::Grouper::default();
    grouper.add(HEADER_LABEL, &header.text, &header.mentions);
    let paragraphs = drafts
        .into_iter()
        .map(|draft| {
            let paragraph = finish_paragraph(draft);
            grouper.add(&paragraph.label, &paragraph.text, &paragraph.mentions);
            paragraph
        })
        .collect();
    let mut cable = Cable {
        id,
        header,
        paragraphs,
        signature,
        entities: Vec::new(),
        warnings,
        source: String::new(),
        source_spans: Vec::new(),
        layout: None,
    };
    cable.entities = grouper.finish();
    cable
}

/// Splits the text at anchors into segments, each with its source lines, and notes where
/// the bracketed mentions stand for the source view. One token buffer serves every line.
fn segments(
    source: &str,
    lines: &[&str],
    skip_line: Option<usize>,
) -> (Vec<Segment>, Vec<SourceSpan>) {
    // Sized up front: growing these one push at a time copied and faulted in megabytes
    // of fresh memory on large cables. Every mention opens with `[` and every anchor
    // with `<a id='par`, so counting those (vectorised) bounds both.
    let brackets = memchr::memchr_iter(b'[', source.as_bytes()).count();
    let anchors = memchr::memmem::find_iter(source.as_bytes(), "<a id='par").count();
    let mut segments = Vec::with_capacity(anchors + 1);
    let mut source_spans = Vec::with_capacity(brackets);
    let mut anchor: Option<String> = None;
    let mut detok = Detokenizer::default();
    let mut first_line = 0;
    let mut tokens = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        lexer::tokens_into(line, &mut tokens);
        for token in &tokens {
            if let Token::Mention { label, span, .. } = token {
                let kind = EntityKind::from_label(label);
                source_spans.push(SourceSpan {
                    line: n,
                    bytes: span.clone(),
                    kind,
                });
            }
        }
        if skip_line == Some(n) {
            continue;
        }
        let separators = may_hold_separators(line);
        detok.reserve(line.len());
        let mut chunk_start = 0;
        for (i, token) in tokens.iter().enumerate() {
            if let Token::Anchor(id) = token {
                detok.push_line(&tokens[chunk_start..i], separators);
                let done = std::mem::take(&mut detok);
                segments.push(Segment {
                    anchor: anchor.take(),
                    block: done.finish(),
                    lines: first_line..n + 1,
                });
                anchor = Some((*id).to_string());
                first_line = n + 1;
                chunk_start = i + 1;
            }
        }
        detok.push_line(&tokens[chunk_start..], separators);
    }
    segments.push(Segment {
        anchor,
        block: detok.finish(),
        lines: first_line..lines.len(),
    });
    (segments, source_spans)
}

/// Decides what each anchor is and gathers the header and the paragraphs.
fn assemble(segments: Vec<Segment>) -> (Block, Vec<Draft>) {
    let mut header = Block::default();
    let mut drafts: Vec<Draft> = Vec::with_capacity(segments.len());
    let mut last_number = 0;
    for segment in segments {
        let Segment {
            anchor,
            block,
            lines,
        } = segment;
        let Some(id) = anchor else {
            header.append(" ", &block);
            continue;
        };
        let starts_with_marking = marking::starts_with_portion_marking(block.text.trim_start());
        let number = id.parse::<u32>().ok();
        let is_paragraph = match number {
            Some(n) => {
                starts_with_marking || (n > last_number && n <= last_number + MAX_NUMBER_GAP)
            }
            None => false,
        };
        let in_body = !drafts.is_empty();
        let current = drafts.last_mut().map_or(&mut header, |d| &mut d.block);
        if is_paragraph {
            let heading = take_heading(current);
            last_number = number.unwrap_or(last_number);
            drafts.push(Draft {
                label: id,
                heading,
                block,
                lines,
            });
            continue;
        }
        // Not a paragraph: put back the text the anchor replaced (`B.`, `1993.`).
        let separator = if number.is_none() && in_body {
            "\n"
        } else {
            " "
        };
        let mut restored = Block::plain(&format!("{id}."));
        restored.append(" ", &block);
        current.append(separator, &restored);
        if let Some(draft) = drafts.last_mut() {
            draft.lines.end = lines.end;
        }
    }
    if drafts.is_empty() {
        let (head, numbered) = split_numbered(&header);
        return (head, numbered);
    }
    (header, drafts)
}

/// The most words a dashed heading may have.
const MAX_HEADING_WORDS: usize = 20;

/// Cuts a trailing `---- HEADING ----` off a block and returns the heading.
fn take_heading(block: &mut Block) -> Option<String> {
    let text = block.text.trim_end();
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
    let heading = text[heading_start..heading_end].to_string();
    let cut = rest[open].0;
    *block = block.slice(0..cut).trimmed();
    Some(heading)
}

/// The last `count` white-space separated words of `text` with their byte offsets, in order.
fn last_words(text: &str, count: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
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
    Paragraph {
        label: draft.label,
        marking,
        heading: draft.heading,
        mentions: block.mentions(),
        text: block.text,
        source_lines: draft.lines,
    }
}

/// Finds a signature on the last line with text: one to four capitalised words (`LEACH`),
/// after dropping teletype end marks (`NNNN`). Returns the line and the name.
fn find_signature(lines: &[&str]) -> Option<(usize, String)> {
    let mut tokens = Vec::new();
    let line = lines.iter().rposition(|line| {
        lexer::tokens_into(line, &mut tokens);
        !tokens.is_empty()
    })?;
    let mut words: Vec<&str> = Vec::new();
    for token in &tokens {
        match token {
            Token::Word(w) => words.extend(w.split(' ')),
            Token::Mention { body, .. } => words.extend(body.split(' ')),
            Token::Anchor(_) | Token::LinkText(_) => return None,
        }
    }
    signature_from_words(words).map(|name| (line, name))
}

/// Reads a signature from the words of a cable's last line: one to four capitalised
/// words (`LEACH`) once teletype end marks (`NNNN`) are dropped.
pub(crate) fn signature_from_words(mut words: Vec<&str>) -> Option<String> {
    while words
        .last()
        .is_some_and(|w| w.chars().all(|c| c == 'N') && w.len() >= 3)
    {
        words.pop();
    }
    let is_name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
    };
    let is_signature = !words.is_empty()
        && words.len() <= 4
        && words.iter().all(is_name_word)
        && !words.iter().any(|w| header::is_keyword(w));
    is_signature.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_as_str_lines_does() {
        for text in [
            "",
            "a",
            "a\n",
            "a\nb",
            "\n",
            "\n\n",
            "a\r\nb\r\n",
            "a\r",
            "a\rb\n",
            "a\r\n\r",
            "x\n\ry",
        ] {
            assert_eq!(lines(text), text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }
}
