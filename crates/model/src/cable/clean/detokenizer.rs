//! The [`Detokenizer`]: tokenized lines (one sentence each, as the tagger split them) back
//! into a [`Block`] of text a reader wants, `Paris , the` -> `Paris, the`, with the
//! mentions' spans moved with the text.

use super::{Block, Span};
use crate::cable::{EntityKind, MentionSource, header, lexer::Token};

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
