//! Detokenizing: `Paris , the` -> `Paris, the`, with mention spans kept exact.
//!
//! The tagger's pipeline split punctuation off words; a reader wants it back. A [`Block`] is
//! clean text plus the byte spans of its mentions; every edit of a block moves the spans
//! with the text, so `text[span]` always is the mention.

use super::{EntityKind, Mention, MentionSource, header, lexer::Token};
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

/// Whether a token attaches to the text before it, with no space: closing punctuation
/// (`,` `)` `”` `...`), `n't` and short contractions (`'s`, `’re`). Matched on bytes,
/// which compiles to a few jumps instead of a string comparison per candidate.
fn closes(word: &str) -> bool {
    match word.as_bytes() {
        [b',' | b'.' | b';' | b':' | b')' | b']' | b'}' | b'?' | b'!' | b'%']
        | b"..."
        | b".."
        | [0xE2, 0x80, 0x9D | 0x99] // ” ’
        | [b'n', b'\'', b't' | b'T'] => true,
        [b'\'', rest @ ..] => !rest.is_empty() && is_contraction_tail(rest, 4),
        [0xE2, 0x80, 0x99, rest @ ..] => is_contraction_tail(rest, 2),
        _ => false,
    }
}

/// At most two letters after an apostrophe (`s`, `re`), in at most `max_bytes` bytes
/// (the whole token stays within five).
fn is_contraction_tail(rest: &[u8], max_bytes: usize) -> bool {
    let Ok(rest) = std::str::from_utf8(rest) else {
        return false;
    };
    rest.len() <= max_bytes && rest.chars().count() <= 2 && rest.chars().all(char::is_alphabetic)
}

/// Whether the token after this one attaches to it, with no space: `(` `[` `{` `$` `“` `‘`.
fn opens(word: &str) -> bool {
    matches!(
        word.as_bytes(),
        [b'(' | b'[' | b'{' | b'$'] | [0xE2, 0x80, 0x9C | 0x98]
    )
}

/// Builds a [`Block`] from tokenized lines.
#[derive(Default)]
pub(crate) struct Detokenizer {
    block: Block,
    glue_next: bool,
}

/// Straight quotes seen on the line so far, and how many it holds (counted at the first).
#[derive(Default)]
struct Quotes {
    seen: usize,
    total: Option<usize>,
}

impl Detokenizer {
    /// Adds one line's tokens (one sentence, as the tagger split them). `separators` says
    /// whether the line may hold U+2028/U+2029, which become spaces.
    pub fn push_line(&mut self, tokens: &[Token<'_>], separators: bool) {
        let last_token = tokens.len().saturating_sub(1);
        let mut quotes = Quotes::default();
        for (t, token) in tokens.iter().enumerate() {
            let is_last_token = t == last_token;
            match token {
                Token::Word(word) => {
                    let attach = attachment(word, &mut quotes, tokens, is_last_token);
                    self.push_with(attach, |text| push_run(text, word, separators));
                }
                Token::LinkText(word) | Token::TagLink(word) => {
                    let attach = attachment(word, &mut quotes, tokens, is_last_token);
                    self.push_word(word, attach, separators);
                }
                Token::Mention { label, body, .. } => {
                    let mut start = None;
                    if !separators && all_words_plain(body) {
                        // Nothing in it attaches: its words go in as the tagger spaced them.
                        start = Some(self.push_word(body, (false, false), false));
                    } else {
                        let mut words = words(body).peekable();
                        while let Some(word) = words.next() {
                            let is_last = is_last_token && words.peek().is_none();
                            let attach = attachment(word, &mut quotes, tokens, is_last);
                            let at = self.push_word(word, attach, separators);
                            start.get_or_insert(at);
                        }
                    }
                    if let Some(start) = start.filter(|_| !is_keyword_mention(body)) {
                        let bytes = start..self.block.text.len();
                        self.block.spans.push(Span {
                            kind: EntityKind::from_label(label),
                            bytes,
                            source: MentionSource::Inline,
                        });
                    }
                }
                Token::Anchor(_) => {}
            }
        }
        self.glue_next = false;
    }

    /// Appends a word, with a space before it unless either side attaches; returns where
    /// the word starts.
    fn push_word(&mut self, word: &str, attach: (bool, bool), separators: bool) -> usize {
        self.push_with(attach, |text| push_text(text, word, separators))
    }

    /// Appends what `append` writes as one word, with a space before it unless either
    /// side attaches; returns where it starts.
    fn push_with(
        &mut self,
        (attach_left, attach_right): (bool, bool),
        append: impl FnOnce(&mut String),
    ) -> usize {
        let text = &mut self.block.text;
        if !self.glue_next && !attach_left && !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        append(text);
        self.glue_next = attach_right;
        start
    }

    /// The block so far, spans tidied, in buffers of its exact size; the detokenizer
    /// starts afresh but keeps its own buffers. Growing a fresh text line by line cost
    /// each paragraph a few reallocations and left it with unused capacity.
    pub fn take(&mut self) -> Block {
        self.block.tidy_spans();
        let block = Block {
            text: self.block.text.as_str().to_owned(),
            // Moved out, not cloned: a span's kind may own a string.
            spans: self.block.spans.drain(..).collect(),
        };
        self.block.text.clear();
        self.glue_next = false;
        block
    }
}

/// Whether a word attaches to the text before it and to the word after it.
fn attachment(
    word: &str,
    quotes: &mut Quotes,
    tokens: &[Token<'_>],
    is_last_word: bool,
) -> (bool, bool) {
    let Some(&first) = word.as_bytes().first() else {
        return (false, false);
    };
    // Most words start with a letter or digit and attach to nothing (`n't` is the exception).
    if first.is_ascii_alphanumeric() && first != b'n' && first != b'N' {
        return (false, false);
    }
    if word == "\"" {
        // A straight quote opens if it is the first of a pair on this line, else closes.
        let total = *quotes
            .total
            .get_or_insert_with(|| tokens.iter().map(quotes_in).sum());
        quotes.seen += 1;
        let opening = quotes.seen % 2 == 1 && !(quotes.seen == total && is_last_word);
        return (!opening, opening);
    }
    (closes(word), opens(word))
}

/// How many straight quotes a token holds as words of their own.
fn quotes_in(token: &Token<'_>) -> usize {
    match token {
        Token::Word(word) => usize::from(*word == "\""),
        Token::Mention { body, .. } if body.contains('"') => {
            words(body).filter(|w| *w == "\"").count()
        }
        _ => 0,
    }
}

/// The single-space separated words of a mention's body. A byte loop: bodies are a few
/// words long, too short for a vectorised search to pay off.
fn words(body: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(body);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.bytes().position(|b| b == b' ') {
            Some(at) => {
                rest = Some(&text[at + 1..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// Whether every word of a mention's body starts with a letter or digit other than `n`,
/// so that none attaches to its neighbours (see [`attachment`]).
fn all_words_plain(body: &str) -> bool {
    let bytes = body.as_bytes();
    let plain = |b: u8| b.is_ascii_alphanumeric() && b != b'n';
    bytes.first().is_some_and(|&b| plain(b))
        && bytes
            .windows(2)
            .all(|pair| pair[0] != b' ' || plain(pair[1]))
}

/// A mention of a header keyword or marking alone (`[LOC DECL:  ]`) is the tagger's
/// mistake: text.
fn is_keyword_mention(body: &str) -> bool {
    header::is_tagger_noise(body)
}

/// Whether a line may hold a line or paragraph separator: both are encoded E2 80 A8/A9,
/// so one byte search rules out nearly every line.
pub(crate) fn may_hold_separators(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(0xE2, bytes)
        .any(|at| matches!(bytes.get(at + 1..at + 3), Some([0x80, 0xA8 | 0xA9])))
}

/// Appends a run of words (see [`Token::Word`]) without the space before the lone comma
/// or period that may end it: `said ,` becomes `said,`.
fn push_run(text: &mut String, run: &str, separators: bool) {
    match run.as_bytes() {
        [.., b' ', punctuation @ (b',' | b'.')] => {
            push_text(text, &run[..run.len() - 2], separators);
            text.push(char::from(*punctuation));
        }
        _ => push_text(text, run, separators),
    }
}

/// Appends a piece of text, turning line separators into spaces when the line may hold
/// them (`separators`).
fn push_text(text: &mut String, piece: &str, separators: bool) {
    if separators {
        push_clean(text, piece);
    } else if let &[byte] = piece.as_bytes() {
        // Punctuation, mostly: a store, not a call to a copy routine sized at run time.
        text.push(char::from(byte));
    } else {
        text.push_str(piece);
    }
}

/// Appends a token, turning line separators into spaces.
fn push_clean(text: &mut String, word: &str) {
    if !word.contains(['\u{2028}', '\u{2029}']) {
        text.push_str(word);
        return;
    }
    text.extend(word.chars().map(|c| {
        if c == '\u{2028}' || c == '\u{2029}' {
            ' '
        } else {
            c
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cable::lexer::tokens;

    fn clean(lines: &[&str]) -> Block {
        let mut d = Detokenizer::default();
        for line in lines {
            d.push_line(&tokens(line), may_hold_separators(line));
        }
        d.take()
    }

    fn spans(block: &Block) -> Vec<&str> {
        block
            .spans
            .iter()
            .map(|s| &block.text[s.bytes.clone()])
            .collect()
    }

    #[test]
    fn punctuation_rejoins_its_words() {
        assert_eq!(clean(&["[LOC Paris  ] , the"]).text, "Paris, the");
        assert_eq!(
            clean(&["He said , in Paris . Then U.S . aid , 1,000 , came ."]).text,
            "He said, in Paris. Then U.S. aid, 1,000, came."
        );
        assert_eq!(clean(&["State 's office"]).text, "State's office");
        assert_eq!(clean(&["( [ORG ICE  ] )"]).text, "(ICE)");
        assert_eq!(
            clean(&["charged with \" terrorist conspiracy , \" which"]).text,
            "charged with \"terrorist conspiracy,\" which"
        );
        assert_eq!(
            clean(&["1 ) one ; and 2 ) two ."]).text,
            "1) one; and 2) two."
        );
        assert_eq!(clean(&["it does n't"]).text, "it doesn't");
        assert_eq!(
            clean(&["the prince ’s palace , they ’re"]).text,
            "the prince’s palace, they’re"
        );
        assert_eq!(clean(&["“ fixer ” in"]).text, "“fixer” in");
        assert_eq!(clean(&["first .", "Second ."]).text, "first. Second.");
    }

    #[test]
    fn mention_spans_follow_the_clean_text() {
        let b = clean(&[
            "( [ORG S  ] ) in [LOC Paris  ] , the [ORG Immigration and Customs Enforcement  ] ( [ORG ICE  ] )",
        ]);
        // A marking tagged as an entity is noise, kept as text.
        assert_eq!(
            spans(&b),
            ["Paris", "Immigration and Customs Enforcement", "ICE"]
        );
    }

    #[test]
    fn sentence_period_leaves_the_mention_but_not_the_text() {
        let b = clean(&["to designate [ORG Hamas.  ] and the [LOC U.S.  ] too"]);
        assert_eq!(b.text, "to designate Hamas. and the U.S. too");
        assert_eq!(spans(&b), ["Hamas", "U.S."]);
    }

    #[test]
    fn keyword_mentions_are_text() {
        let b = clean(&["E.O. 12958: [LOC DECL:  ] 04/06/2014"]);
        assert_eq!(b.text, "E.O. 12958: DECL: 04/06/2014");
        assert!(b.spans.is_empty());
    }

    #[test]
    fn adjacent_mentions_stay_apart() {
        let b = clean(&["[ORG Health and Human Services  ] [PER Tommy Thompson  ] led"]);
        assert_eq!(spans(&b), ["Health and Human Services", "Tommy Thompson"]);
    }

    #[test]
    fn slicing_clips_spans() {
        let b = clean(&["( [ORG U ) Post  ] encloses"]);
        assert_eq!(b.text, "(U) Post encloses");
        let rest = b.slice(4..b.text.len());
        assert_eq!(spans(&rest), ["Post"]);
    }

    #[test]
    fn mentions_count_unicode_scalars() {
        let b = clean(&["café [LOC Paris  ] ¶"]);
        let m = &b.mentions()[0];
        assert_eq!((m.start, m.end), (5, 10));
        let chars: String = b.text.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(chars, m.text);
    }
}
