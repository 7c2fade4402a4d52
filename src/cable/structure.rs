//! From tokenized lines to a [`Cable`]: segments, signature, the source view's spans.
//!
//! Paragraph anchors split the text into segments; [`super::assemble`] decides what each
//! anchor is and builds the header and the paragraphs, segment by segment.

use super::assemble::{Assembler, Segment};
use super::clean::{Detokenizer, may_hold_separators};
use super::lexer::{self, Token};
use super::{Cable, EntityKind, SourceSpan, Warning, header};

/// Builds a cable from the annotated format's text.
pub(crate) fn build(source: &str, id: Option<String>, warnings: Vec<Warning>) -> Cable {
    let lines = lines(source);
    let signature = find_signature(&lines);
    let skip_line = signature.as_ref().map(|(line, _)| *line);
    let mut assembler = Assembler::default();
    let source_spans = segments(source, &lines, skip_line, &mut assembler);
    let mut cable = assembled(assembler, signature.map(|(_, name)| name), id, warnings);
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
    let mut assembler = Assembler::default();
    for segment in segments {
        assembler.push(segment);
    }
    assembled(assembler, signature, id, warnings)
}

/// The cable from every segment pushed: header fields read, entities gathered.
fn assembled(
    assembler: Assembler,
    signature: Option<String>,
    id: Option<String>,
    warnings: Vec<Warning>,
) -> Cable {
    let (header_block, paragraphs, grouper) = assembler.finish();
    let mut header = header::parse_fields(&header_block.text);
    header.mentions = header_block.mentions;
    header.text = header_block.text;
    Cable {
        id,
        header,
        paragraphs,
        signature,
        entities: grouper.finish(),
        warnings,
        source: String::new(),
        source_spans: Vec::new(),
        layout: None,
    }
}

/// Splits the text at anchors into segments, each with its source lines, for the
/// assembler, and returns where the bracketed mentions stand for the source view. One
/// token buffer serves every line.
fn segments(
    source: &str,
    lines: &[&str],
    skip_line: Option<usize>,
    assembler: &mut Assembler,
) -> Vec<SourceSpan> {
    // Sized up front: growing it one push at a time copied and faulted in megabytes of
    // fresh memory on large cables. Every mention opens with `[`, so counting those
    // (vectorised) bounds it.
    let brackets = memchr::memchr_iter(b'[', source.as_bytes()).count();
    let mut source_spans = Vec::with_capacity(brackets);
    // One pass over the whole text spares a search per line in the usual case of none.
    let separators_anywhere = ["\u{2028}", "\u{2029}"]
        .iter()
        .any(|separator| memchr::memmem::find(source.as_bytes(), separator.as_bytes()).is_some());
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
        let separators = separators_anywhere && may_hold_separators(line);
        let mut chunk_start = 0;
        for (i, token) in tokens.iter().enumerate() {
            if let Token::Anchor(id) = token {
                detok.push_line(&tokens[chunk_start..i], separators);
                assembler.push(Segment {
                    anchor: anchor.take(),
                    block: detok.take(),
                    lines: first_line..n + 1,
                });
                anchor = Some((*id).to_string());
                first_line = n + 1;
                chunk_start = i + 1;
            }
        }
        detok.push_line(&tokens[chunk_start..], separators);
    }
    assembler.push(Segment {
        anchor,
        block: detok.take(),
        lines: first_line..lines.len(),
    });
    source_spans
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
