//! Hashed features of a token in its sentence. No feature string is built: each word's
//! parts are hashed once, and a feature is its template number mixed with those hashes,
//! the same on every machine and in every run (training and tagging share this code).

use super::tokens::Token;

/// Bumped whenever a feature changes: a model records the version it was trained with
/// and is refused by code of another.
pub const FEATURES_VERSION: u32 = 1;

/// How many features a token has.
pub const PER_TOKEN: usize = 22;

/// The hashed parts of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordHashes {
    exact: u64,
    lower: u64,
    shape: u64,
    prefixes: [u64; 3],
    suffixes: [u64; 4],
    flags: u64,
}

const OUTSIDE: WordHashes = WordHashes {
    exact: 0x5eed_0001,
    lower: 0x5eed_0002,
    shape: 0x5eed_0003,
    prefixes: [0x5eed_0004; 3],
    suffixes: [0x5eed_0005; 4],
    flags: 0,
};

/// FNV-1a: small, and fixed forever, unlike the standard library's hashers.
fn fnv(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A key for a word as spelt on a line of capitals or not: what its [`WordHashes`] and
/// its word-alone scores depend on.
#[must_use]
pub fn word_key(word: &str, caps_line: bool) -> u64 {
    mix(fnv(word.as_bytes()), u64::from(caps_line))
}

/// Mixes two hashes into one (a multiply and xor-shift, as splitmix64 finishes).
#[must_use]
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^ (x >> 31)
}

/// The class a character stands for in a word's shape.
fn shape_class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_ascii_digit() {
        b'd'
    } else if c.is_ascii() {
        c as u8
    } else {
        b'*'
    }
}

/// The FNV hash of the word's shape: capitals as `X`, small letters `x`, digits `d`,
/// anything else as itself, runs of one class written once (`Chirac` `Xx`, `U.S.`
/// `X.X.`, `12958:` `d:`). Hashed as it goes: no shape string is built.
fn shape_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = None;
    for class in word.chars().map(shape_class) {
        if last != Some(class) {
            hash ^= u64::from(class);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
            last = Some(class);
        }
    }
    hash
}

/// Where the first `k` characters of `text` end.
fn prefix_end(text: &str, k: usize) -> usize {
    if text.is_ascii() {
        return k.min(text.len());
    }
    text.char_indices().nth(k).map_or(text.len(), |(i, _)| i)
}

/// Where the last `k` characters of `text` start.
fn suffix_start(text: &str, k: usize) -> usize {
    if text.is_ascii() {
        return text.len().saturating_sub(k);
    }
    text.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i)
}

impl WordHashes {
    /// Hashes a word; `caps_line` says its line is in capitals.
    #[must_use]
    pub fn of(word: &str, caps_line: bool) -> Self {
        // Most words are short and ASCII: lower-cased on the stack, not in a new String.
        let mut stack = [0u8; 32];
        let lower_text;
        let lower: &str = if !word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            word
        } else if word.is_ascii() && word.len() <= stack.len() {
            let buffer = &mut stack[..word.len()];
            buffer.copy_from_slice(word.as_bytes());
            buffer.make_ascii_lowercase();
            std::str::from_utf8(buffer).unwrap_or(word)
        } else {
            lower_text = word.to_lowercase();
            &lower_text
        };
        let prefix = |k: usize| mix(k as u64, fnv(&lower.as_bytes()[..prefix_end(lower, k)]));
        let suffix = |k: usize| {
            mix(
                100 + k as u64,
                fnv(&lower.as_bytes()[suffix_start(lower, k)..]),
            )
        };
        let first = word.chars().next();
        let flags = u64::from(first.is_some_and(char::is_uppercase))
            | u64::from(word.chars().any(|c| c.is_ascii_digit())) << 1
            | u64::from(word.contains('-')) << 2
            | u64::from(word.contains('.')) << 3
            | u64::from(caps_line) << 4
            | u64::from(
                !word.chars().any(char::is_lowercase) && word.chars().any(char::is_uppercase),
            ) << 5;
        Self {
            exact: fnv(word.as_bytes()),
            lower: fnv(lower.as_bytes()),
            shape: shape_hash(word),
            prefixes: [prefix(1), prefix(2), prefix(3)],
            suffixes: [suffix(1), suffix(2), suffix(3), suffix(4)],
            flags,
        }
    }
}

/// The hashes of every token of a sentence, each word spelt as `word` gives it (the
/// text, or an upper-cased copy when training).
#[must_use]
pub fn hash_sentence<'a>(
    tokens: &[Token],
    word: impl Fn(&Token) -> std::borrow::Cow<'a, str>,
    all_caps: bool,
) -> Vec<WordHashes> {
    tokens
        .iter()
        .map(|t| WordHashes::of(&word(t), all_caps || t.caps_line))
        .collect()
}

/// How many of a token's features depend on its word alone (and its line's case).
pub const WORD_ONLY: usize = 12;

/// How many depend on its neighbours too.
pub const IN_CONTEXT: usize = PER_TOKEN - WORD_ONLY;

/// Writes the features of token `i` of a sentence into `out`: those of its word alone
/// first ([`word_features`]), then those of its context ([`context_features`]).
pub fn token_features(words: &[WordHashes], i: usize, out: &mut [u64; PER_TOKEN]) {
    let (word, context) = out.split_at_mut(WORD_ONLY);
    let word: &mut [u64; WORD_ONLY] = word.try_into().unwrap_or_else(|_| unreachable!());
    let context: &mut [u64; IN_CONTEXT] = context.try_into().unwrap_or_else(|_| unreachable!());
    word_features(&words[i], word);
    context_features(words, i, context);
}

/// The features of a word alone: the same wherever the word stands, so a tagger may
/// score them once per word and keep the score.
pub fn word_features(w: &WordHashes, out: &mut [u64; WORD_ONLY]) {
    let f = |template: u64, value: u64| mix(template, value);
    *out = [
        f(0, 0),
        f(1, w.lower),
        f(2, w.shape),
        f(3, w.prefixes[0]),
        f(4, w.prefixes[1]),
        f(5, w.prefixes[2]),
        f(6, w.suffixes[0]),
        f(7, w.suffixes[1]),
        f(8, w.suffixes[2]),
        f(9, w.suffixes[3]),
        f(19, mix(w.flags, w.shape)),
        f(20, w.exact),
    ];
}

/// The features of token `i` that look at its neighbours.
pub fn context_features(words: &[WordHashes], i: usize, out: &mut [u64; IN_CONTEXT]) {
    let at = |offset: isize| -> &WordHashes {
        i.checked_add_signed(offset)
            .and_then(|j| words.get(j))
            .unwrap_or(&OUTSIDE)
    };
    let (w, prev, next, prev2, next2) = (at(0), at(-1), at(1), at(-2), at(2));
    let f = |template: u64, value: u64| mix(template, value);
    *out = [
        f(10, prev.lower),
        f(11, next.lower),
        f(12, prev2.lower),
        f(13, next2.lower),
        f(14, prev.shape),
        f(15, next.shape),
        f(16, mix(prev.lower, w.lower)),
        f(17, mix(w.lower, next.lower)),
        f(18, mix(mix(prev.shape, w.shape), next.shape)),
        f(21, mix(w.flags & 0x10, mix(prev.flags, next.flags))),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs_of_a_class() {
        for (word, expected) in [
            ("Chirac", "Xx"),
            ("U.S.", "X.X."),
            ("12958:", "d:"),
            ("iPhone", "xXx"),
            ("Élysée", "Xx"),
        ] {
            assert_eq!(shape_hash(word), fnv(expected.as_bytes()), "{word}");
        }
    }

    #[test]
    fn affixes_are_counted_in_characters() {
        for (text, k, prefix, suffix) in [
            ("chirac", 3, "chi", "rac"),
            ("élysée", 2, "él", "ée"),
            ("ab", 4, "ab", "ab"),
        ] {
            assert_eq!(&text[..prefix_end(text, k)], prefix);
            assert_eq!(&text[suffix_start(text, k)..], suffix);
        }
    }

    #[test]
    fn case_changes_the_shape_but_not_the_lower_case_word() {
        let a = WordHashes::of("Chirac", false);
        let b = WordHashes::of("CHIRAC", true);
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.shape, b.shape);
        assert_ne!(a.flags, b.flags);
    }

    #[test]
    fn a_tokens_features_are_its_words_and_its_contexts() {
        let words: Vec<WordHashes> = ["President", "Chirac", "said"]
            .iter()
            .map(|w| WordHashes::of(w, false))
            .collect();
        let mut all = [0u64; PER_TOKEN];
        token_features(&words, 1, &mut all);
        let (mut word, mut context) = ([0u64; WORD_ONLY], [0u64; IN_CONTEXT]);
        word_features(&words[1], &mut word);
        context_features(&words, 1, &mut context);
        assert_eq!(all[..WORD_ONLY], word);
        assert_eq!(all[WORD_ONLY..], context);
        // The word's own features do not move with its neighbours.
        let alone = [WordHashes::of("Chirac", false)];
        let mut by_itself = [0u64; PER_TOKEN];
        token_features(&alone, 0, &mut by_itself);
        assert_eq!(by_itself[..WORD_ONLY], word);
        assert_ne!(by_itself[WORD_ONLY..], context);
    }
}
