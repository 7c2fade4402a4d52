//! CoNLL: one token per line with its IOB2 tag (`Paris B-LOC`, `the O`), a blank line
//! between sentences, CoNLL-2003's `-DOCSTART- -X- O O` line and a blank line opening each
//! cable: the one line spaCy's `convert` splits documents at.
//!
//! Tokens come from [`super::document::flatten`]'s text: split on white space, then at
//! mention boundaries, then leading and trailing punctuation and a possessive `'s` split
//! off (`U.S.`, `C/T` and `mass-casualty` stay whole). Sentences end at a line break, or
//! after a `.`, `?` or `!` token (and any closing quotes) when the next token opens like
//! a sentence; never inside a mention. Tags are well-formed BIO by construction: a token
//! gets `I-` only when the token before it in the sentence is in the same mention.

use super::document::{FlatMention, flatten};
use crate::cable::Cable;
use std::ops::Range;

/// A token: its byte span in the text and the mention it lies in, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub bytes: Range<usize>,
    /// Index of the mention (in the mentions given) that holds it.
    pub mention: Option<usize>,
}

/// The line that opens each document, as in CoNLL-2003: `spacy convert -c ner` starts a
/// new document there and nowhere else.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// One cable in CoNLL, ending with a blank line.
#[must_use]
pub fn conll(cable: &Cable) -> String {
    let doc = flatten(cable);
    let mut out = format!("{DOCSTART}\n\n");
    for sentence in sentences(&doc.text, &doc.mentions) {
        let mut previous: Option<usize> = None;
        for token in &sentence {
            out.push_str(&doc.text[token.bytes.clone()]);
            match token.mention {
                Some(i) => {
                    let prefix = if previous == Some(i) { "I" } else { "B" };
                    out.push(' ');
                    out.push_str(prefix);
                    out.push('-');
                    out.push_str(doc.mentions[i].kind.label());
                }
                None => out.push_str(" O"),
            }
            out.push('\n');
            previous = token.mention;
        }
        out.push('\n');
    }
    out
}

/// The text's tokens grouped into sentences.
#[must_use]
pub fn sentences(text: &str, mentions: &[FlatMention]) -> Vec<Vec<Token>> {
    let mut sentences = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let tokens = tokens(line, offset, mentions);
        offset += line.len() + 1;
        let mut current: Vec<Token> = Vec::new();
        // How many tokens of the line come before its run of closing quotes and brackets,
        // kept as the loop goes so a long run is not stepped over again for each token.
        let mut before_closers = 0;
        for (i, token) in tokens.iter().enumerate() {
            current.push(token.clone());
            if !is_closer(&text[token.bytes.clone()]) {
                before_closers = i + 1;
            }
            let next = tokens.get(i + 1);
            if let Some(next) = next
                && ends_sentence(text, &tokens[..=i], before_closers, next)
            {
                sentences.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            sentences.push(current);
        }
    }
    sentences
}

/// Whether a sentence ends after the last of `before`, given the token that follows;
/// `end` is where the closing quotes and brackets at the end of `before` begin, so
/// `before[end - 1]` is the sentence's final mark if it has one.
fn ends_sentence(text: &str, before: &[Token], end: usize, next: &Token) -> bool {
    let last = &before[before.len() - 1];
    if last.mention.is_some() && last.mention == next.mention {
        return false;
    }
    let terminal = end > 0
        && matches!(&text[before[end - 1].bytes.clone()], "." | "?" | "!")
        && !(end > 1 && is_title_or_initial(&text[before[end - 2].bytes.clone()]));
    let opener = text[next.bytes.clone()]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"“'‘(¶[".contains(c));
    terminal && opener
}

/// Titles and initials whose period does not end a sentence: `Mr. Smith`, `J. Smith`,
/// `REF: A. STATE 60796`.
fn is_title_or_initial(token: &str) -> bool {
    const TITLES: [&str; 19] = [
        "Mr", "Mrs", "Ms", "Dr", "Amb", "Gen", "Lt", "Col", "Adm", "Capt", "Sen", "Rep", "Gov",
        "Prof", "St", "Jr", "Sr", "No", "Messrs",
    ];
    let mut chars = token.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    initial || TITLES.contains(&token)
}

fn is_closer(token: &str) -> bool {
    matches!(token, "\"" | "”" | "'" | "’" | ")" | "]")
}

/// The tokens of one line that starts at byte `offset` of the text.
fn tokens(line: &str, offset: usize, mentions: &[FlatMention]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chunk_start = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        match (chunk_start, c.is_whitespace()) {
            (None, false) => chunk_start = Some(i),
            (Some(start), true) => {
                let span = offset + start..offset + i;
                // Most chunks touch no mention: split them without listing cuts.
                let first = mentions.partition_point(|m| m.bytes.end <= span.start);
                if mentions
                    .get(first)
                    .is_none_or(|m| m.bytes.start >= span.end)
                {
                    split_punctuation(line, offset, span, &mut out);
                } else {
                    for piece in split_at_mentions(span, mentions) {
                        split_punctuation(line, offset, piece, &mut out);
                    }
                }
                chunk_start = None;
            }
            _ => {}
        }
    }
    // Mentions are in text order and do not overlap, so a binary search finds the one
    // that may hold a token.
    for token in &mut out {
        let i = mentions.partition_point(|m| m.bytes.end <= token.bytes.start);
        token.mention = mentions
            .get(i)
            .filter(|m| m.bytes.start <= token.bytes.start && token.bytes.end <= m.bytes.end)
            .map(|_| i);
    }
    out
}

/// Cuts a span wherever a mention starts or ends strictly inside it.
fn split_at_mentions(span: Range<usize>, mentions: &[FlatMention]) -> Vec<Range<usize>> {
    let first = mentions.partition_point(|m| m.bytes.end <= span.start);
    let mut cuts: Vec<usize> = mentions[first..]
        .iter()
        .take_while(|m| m.bytes.start < span.end)
        .flat_map(|m| [m.bytes.start, m.bytes.end])
        .filter(|&b| span.start < b && b < span.end)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut start = span.start;
    for cut in cuts {
        pieces.push(start..cut);
        start = cut;
    }
    pieces.push(start..span.end);
    pieces
}

/// Splits leading and trailing punctuation (one token per mark) and a possessive `'s`
/// off a white-space-free piece, and pushes the tokens.
fn split_punctuation(line: &str, offset: usize, piece: Range<usize>, out: &mut Vec<Token>) {
    let word = &line[piece.start - offset..piece.end - offset];
    let is_mark = |c: char| !c.is_alphanumeric();
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if !is_mark(c) {
            break;
        }
        push(out, piece.start + i..piece.start + i + c.len_utf8());
        start = i + c.len_utf8();
    }
    if start == word.len() {
        return;
    }
    let core = &word[start..];
    // Trailing marks, kept for an abbreviation such as `U.S.` or `e.g.`.
    let mut end = core.len();
    let abbreviation = core.ends_with('.')
        && core[..core.len() - 1].contains('.')
        && core.chars().all(|c| c.is_alphabetic() || c == '.');
    let mut trailing = Vec::new();
    if !abbreviation {
        for (i, c) in core.char_indices().rev() {
            if !is_mark(c) {
                break;
            }
            trailing.push(i..i + c.len_utf8());
            end = i;
        }
    }
    let body = &core[..end];
    let possessive = ["'s", "'S", "’s", "’S"]
        .iter()
        .find(|p| body.len() > p.len() && body.ends_with(*p));
    let base = piece.start + start;
    match possessive {
        Some(p) => {
            let cut = end - p.len();
            push(out, base..base + cut);
            push(out, base + cut..base + end);
        }
        None => push(out, base..base + end),
    }
    for range in trailing.into_iter().rev() {
        push(out, base + range.start..base + range.end);
    }
}

fn push(out: &mut Vec<Token>, bytes: Range<usize>) {
    if !bytes.is_empty() {
        out.push(Token {
            bytes,
            mention: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cable::EntityKind;

    fn words(text: &str, mentions: &[FlatMention]) -> Vec<Vec<String>> {
        sentences(text, mentions)
            .into_iter()
            .map(|s| {
                s.iter()
                    .map(|t| text[t.bytes.clone()].to_string())
                    .collect()
            })
            .collect()
    }

    fn mention(text: &str, span: &str, kind: EntityKind) -> FlatMention {
        let start = text.find(span).unwrap();
        FlatMention {
            kind,
            text: span.to_string(),
            start: text[..start].chars().count(),
            end: text[..start].chars().count() + span.chars().count(),
            bytes: start..start + span.len(),
            source: crate::cable::MentionSource::Inline,
            paragraph: "1".into(),
        }
    }

    #[test]
    fn a_sentence_ends_after_any_run_of_closers() {
        // A run of closers is looked past once, not once per token (40,000 `)` took 25 s).
        let closers = " )".repeat(40_000);
        let text = format!("He left.{closers} \u{201d} The end ) ) .");
        let sentences = words(&text, &[]);
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].len(), 3 + 40_000 + 1);
        assert_eq!(sentences[0].last().map(String::as_str), Some("\u{201d}"));
        assert_eq!(sentences[1], ["The", "end", ")", ")", "."]);
        // Closers after no final mark do not end a sentence.
        assert_eq!(words("He left ) ) The end", &[]).len(), 1);
    }

    #[test]
    fn punctuation_splits_but_abbreviations_stay() {
        let text = "State's (ICE) said \"no,\" in the U.S. today. U.S.-French C/T ties.";
        assert_eq!(
            words(text, &[]),
            [
                vec![
                    "State", "'s", "(", "ICE", ")", "said", "\"", "no", ",", "\"", "in", "the",
                    "U.S.", "today", "."
                ],
                vec!["U.S.-French", "C/T", "ties", "."]
            ]
        );
    }

    #[test]
    fn sentences_never_break_inside_a_mention_and_lines_break() {
        let text = "Met Dr. Smith. Then Xavier. Jones.\nNext line";
        let m = mention(text, "Smith. Then Xavier", EntityKind::Per);
        let out = words(text, &[m]);
        assert_eq!(out.len(), 3, "{out:?}");
        assert_eq!(out[0].join(" "), "Met Dr . Smith . Then Xavier .");
        assert_eq!(out[1], ["Jones", "."]);
        assert_eq!(out[2], ["Next", "line"]);
    }

    #[test]
    fn initials_do_not_end_sentences() {
        let text = "REF: A. STATE 60796 B. 04 PARIS 8983. Seen by J. Smith. Done.";
        let out = words(text, &[]);
        assert_eq!(out.len(), 3, "{out:?}");
        assert_eq!(out[1].join(" "), "Seen by J . Smith .");
    }

    #[test]
    fn tags_are_bio_and_split_at_mention_edges() {
        let mut cable = crate::input::sample();
        cable.paragraphs.truncate(1);
        let out = conll(&cable);
        assert!(out.starts_with("-DOCSTART- -X- O O\n\n"));
        assert!(out.contains("\nParis B-LOC\n"), "{out}");
        assert!(out.contains("\nterrorist O\n"));
        let mut previous = "O".to_string();
        for line in out.lines().skip(1) {
            let tag = line.rsplit(' ').next().unwrap_or("O").to_string();
            if let Some(kind) = tag.strip_prefix("I-") {
                assert!(previous.ends_with(kind) && previous != "O", "{line}");
            }
            previous = if line.is_empty() { "O".into() } else { tag };
        }
    }

    #[test]
    fn adjacent_mentions_each_open_with_b() {
        let text = "Paris France";
        let ms = [
            mention(text, "Paris", EntityKind::Loc),
            mention(text, "France", EntityKind::Loc),
        ];
        let sentence = &sentences(text, &ms)[0];
        assert_eq!(sentence[0].mention, Some(0));
        assert_eq!(sentence[1].mention, Some(1));
    }
}
