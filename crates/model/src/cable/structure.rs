//! From tokenized lines to a [`Cable`]: segments, signature, the source view's spans.
//!
//! Paragraph anchors split the text into segments; [`super::assemble`] decides what each
//! anchor is and builds the header and the paragraphs, segment by segment.

use super::assemble::{Assembler, Segment};
use super::clean::{Detokenizer, may_hold_separators};
use super::lexer::{self, Token};
use super::{Cable, CableId, EntityKind, MentionSource, SourceSpan, Warning, header, signature};

/// Builds a cable from the annotated format's text.
pub(crate) fn build(source: &str, id: Option<CableId>, warnings: Vec<Warning>) -> Cable {
    let lines = lines(source);
    let signature = find_signature(&lines);
    let skip_line = signature.as_ref().map(|(line, _)| *line);
    let mut assembler = Assembler::default();
    assembler.inline_numbers = true;
    let mut tags = Vec::new();
    let source_spans = segments(source, &lines, skip_line, &mut assembler, &mut tags);
    let mut cable = assembled(
        assembler,
        signature.map(|(_, name)| name),
        id,
        warnings,
        tags,
    );
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
/// first paragraph, anchors are classified, entities grouped. `tags` are the TAGS links
/// of the text, if it had any. `source` is left empty.
pub(crate) fn from_segments(
    segments: Vec<Segment>,
    signature: Option<String>,
    id: Option<CableId>,
    warnings: Vec<Warning>,
    tags: Vec<String>,
) -> Cable {
    let mut assembler = Assembler::default();
    for segment in segments {
        assembler.push(segment);
    }
    assembled(assembler, signature, id, warnings, tags)
}

/// The cable from every segment pushed: header fields read, entities gathered. The TAGS
/// links, where the text has them, are its TAGS: text after them is not a tag.
fn assembled(
    assembler: Assembler,
    signature: Option<String>,
    id: Option<CableId>,
    warnings: Vec<Warning>,
    tags: Vec<String>,
) -> Cable {
    let (header_block, paragraphs, grouper) = assembler.finish();
    let lines = header_block.lines.as_deref().unwrap_or(&header_block.text);
    let mut header = header::parse_fields_with_tags(lines, tags);
    if let Some(first) = paragraphs.first() {
        header::classifier_in_paragraph(&first.text, &mut header);
    }
    header::read_summary(lines, &paragraphs, &mut header);
    header.mentions = header_block.mentions;
    header.text = header_block.text;
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
        source_name: None,
        other_sources: Vec::new(),
    };
    grouper.finish(None).assign(&mut cable);
    cable
}

/// Splits the text at anchors into segments, each with its source lines, for the
/// assembler, and returns where the bracketed mentions stand for the source view. One
/// token buffer serves every line.
fn segments(
    source: &str,
    lines: &[&str],
    skip_line: Option<usize>,
    assembler: &mut Assembler,
    tags: &mut Vec<String>,
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
            match token {
                Token::Mention { label, span, .. } => {
                    let kind = EntityKind::from_label(label);
                    source_spans.push(SourceSpan {
                        line: n,
                        bytes: span.clone(),
                        kind,
                        source: MentionSource::Inline,
                    });
                }
                Token::TagLink(code) => push_tag(tags, code),
                _ => {}
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
                    paragraph: None,
                    block: detok.take(),
                    lines: first_line..n + 1,
                    heading: None,
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
        paragraph: None,
        block: detok.take(),
        lines: first_line..lines.len(),
        heading: None,
    });
    source_spans
}

/// Adds a TAGS code, upper-cased, once.
pub(crate) fn push_tag(tags: &mut Vec<String>, code: &str) {
    let code = code.trim().to_ascii_uppercase();
    if !code.is_empty() && !tags.contains(&code) {
        tags.push(code);
    }
}

/// Finds the signature: the last line with text that is not an end mark, the
/// classification or other noise ([`signature::is_end_line`]), when it is a name. Returns
/// the line and the name.
fn find_signature(lines: &[&str]) -> Option<(usize, String)> {
    let mut tokens = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for (n, line) in lines.iter().enumerate().rev() {
        lexer::tokens_into(line, &mut tokens);
        words.clear();
        for token in &tokens {
            match token {
                Token::Word(w) => words.extend(w.split(' ')),
                Token::Mention { body, .. } => words.extend(body.split(' ')),
                Token::Anchor(_) | Token::LinkText(_) | Token::TagLink(_) => return None,
            }
        }
        if words.is_empty() || signature::is_end_line(&words.join(" ")) {
            continue;
        }
        return signature::from_words(words.iter().copied()).map(|name| (n, name));
    }
    None
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

    fn annotated(lines: &[&str]) -> Cable {
        build(
            &format!("<code><pre>{}</pre></code>", lines.join("\n")),
            None,
            Vec::new(),
        )
    }

    #[test]
    fn tags_links_numbers_without_anchors_and_the_signature() {
        let cable = annotated(&[
            "UNCLAS [LOC ROME  ] 001234 TAGS: <a href='/tag/PREL_0.html'>PREL</a> <a href='/tag/IT_0.html'>IT</a> ( SBU ) THE CHARGE SPOKE SUBJECT: A VISIT <a id='par1' href='#par1'>¶</a>1 . ",
            "( C ) One . ",
            "2 . ( C ) Two , run into one without an anchor . <a id='par3' href='#par3'>¶</a>3 . ",
            "( C ) Three . ",
            "DOE CONFIDENTIAL Declassified/Released US Department of State EO Systematic Review",
        ]);
        assert_eq!(cable.header.tags, ["PREL", "IT"]);
        assert_eq!(cable.header.subject.as_deref(), Some("A VISIT"));
        let labels: Vec<&str> = cable.paragraphs.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3"]);
        assert_eq!(
            cable.paragraphs[1].text,
            "Two, run into one without an anchor."
        );
        assert_eq!(cable.signature.as_deref(), Some("DOE"));
        assert_eq!(cable.paragraphs[2].text, "Three.");
    }
}
