//! The shipped model's scores of words already seen, kept per thread. Most tokens of a
//! cable are words met before (`the`, `said`, `Minister`), and twelve of a token's
//! twenty-two features look at its word alone: their weights are summed once per word
//! and kept, with the word's hashes, so a token seen before costs ten lookups, not
//! twenty-two, and no hashing of its characters beyond one pass.

use super::features::{
    IN_CONTEXT, WORD_ONLY, WordHashes, context_features, word_features, word_key,
};
use super::model::{LABELS, Label, Model, Scores, bucket, viterbi};
use super::tokens::Token;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Words kept before the cache starts again: about 9 MB, the size of the model itself.
const MAX_WORDS: usize = 1 << 17;

/// The scores of one model's words. Keys are 64-bit hashes of the word and its line's
/// case: two words sharing one would share scores, about once in 2^64 pairs.
#[derive(Default)]
pub(super) struct WordCache {
    words: HashMap<u64, (WordHashes, [f32; LABELS]), BuildHasherDefault<KeyHasher>>,
}

impl WordCache {
    /// The hashes of `word` and the sum of its word-alone weights under `model`.
    fn get(&mut self, model: &Model, word: &str, caps_line: bool) -> (WordHashes, [f32; LABELS]) {
        let key = word_key(word, caps_line);
        if let Some(&known) = self.words.get(&key) {
            return known;
        }
        if self.words.len() >= MAX_WORDS {
            self.words.clear();
        }
        let hashes = WordHashes::of(word, caps_line);
        let mut features = [0u64; WORD_ONLY];
        word_features(&hashes, &mut features);
        let mut scores = [0f32; LABELS];
        for feature in features {
            model.add_bucket(bucket(feature, model.bucket_bits()), &mut scores);
        }
        self.words.insert(key, (hashes, scores));
        (hashes, scores)
    }

    /// The best labels of a sentence's tokens of `text`: the same as
    /// [`super::model::best_labels`] gives (weights are whole numbers, so the order in
    /// which they are summed changes nothing).
    pub(super) fn labels(&mut self, model: &Model, text: &str, sentence: &[Token]) -> Vec<Label> {
        let (mut words, mut scores) = (
            Vec::with_capacity(sentence.len()),
            Vec::with_capacity(sentence.len()),
        );
        for token in sentence {
            let (hashes, word_scores) =
                self.get(model, &text[token.bytes.clone()], token.caps_line);
            words.push(hashes);
            scores.push(word_scores);
        }
        let mut context = [0u64; IN_CONTEXT];
        for (i, score) in scores.iter_mut().enumerate() {
            context_features(&words, i, &mut context);
            for &feature in &context {
                model.add_bucket(bucket(feature, model.bucket_bits()), score);
            }
        }
        viterbi(model, &scores)
    }
}

/// Keys are hashes already: used as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
