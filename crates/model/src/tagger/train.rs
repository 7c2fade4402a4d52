//! Training the tagger: another tool's mentions aligned to this tagger's tokens, and the
//! averaged structured perceptron that learns from them. The training command
//! (`examples/tagger.rs`) and the tests use it; cableview itself only tags.

use super::features::{PER_TOKEN, WordHashes, token_features};
use super::model::{LABELS, Label, Scores, best_labels, bucket, transition_at};
use super::tokens::Token;
use crate::cable::EntityKind;
use crate::cable::noise::is_noise;

/// A mention another tool found, in Unicode scalar values of the text (as Python counts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharSpan {
    /// First character.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// Its kind.
    pub kind: EntityKind,
}

/// The character offset of every byte offset that starts a character (and the end).
#[must_use]
pub fn char_offsets(text: &str) -> Vec<usize> {
    let mut offsets = vec![0; text.len() + 1];
    let mut count = 0;
    for (i, c) in text.char_indices() {
        offsets[i] = count;
        count += 1;
        for b in 1..c.len_utf8() {
            offsets[i + b] = count;
        }
    }
    offsets[text.len()] = count;
    offsets
}

/// The gold labels of tokens: a mention labels the tokens it covers when its ends fall
/// on token ends, and is left out (counted) when they do not or when it is noise.
#[must_use]
pub fn align(text: &str, tokens: &[Token], spans: &[CharSpan]) -> (Vec<Label>, usize) {
    let chars = char_offsets(text);
    let mut labels = vec![Label::OUTSIDE; tokens.len()];
    let mut left_out = 0;
    let starts: Vec<usize> = tokens.iter().map(|t| chars[t.bytes.start]).collect();
    for span in spans {
        let first = starts.partition_point(|&s| s < span.start);
        let last = starts.partition_point(|&s| s < span.end);
        let fits = first < last
            && starts[first] == span.start
            && chars[tokens[last - 1].bytes.end] == span.end;
        let words = fits.then(|| &text[tokens[first].bytes.start..tokens[last - 1].bytes.end]);
        let (Some(words), Some(begin), Some(inside)) =
            (words, Label::begin(&span.kind), Label::inside(&span.kind))
        else {
            left_out += 1;
            continue;
        };
        if is_noise(words) || labels[first..last].iter().any(|&l| l != Label::OUTSIDE) {
            left_out += 1;
            continue;
        }
        labels[first] = begin;
        for label in &mut labels[first + 1..last] {
            *label = inside;
        }
    }
    (labels, left_out)
}

/// An averaged structured perceptron in training.
#[derive(Debug, Clone)]
pub struct Trainer {
    bits: u32,
    weights: Vec<f32>,
    /// Each update times the step it was made at, for the average (Daumé's trick).
    timed: Vec<f32>,
    transitions: Vec<f32>,
    timed_transitions: Vec<f32>,
    step: f32,
}

impl Trainer {
    /// A trainer of `2^bits` feature buckets.
    #[must_use]
    pub fn new(bits: u32) -> Self {
        let size = (1usize << bits) * LABELS;
        Self {
            bits,
            weights: vec![0.0; size],
            timed: vec![0.0; size],
            transitions: vec![0.0; (LABELS + 1) * LABELS],
            timed_transitions: vec![0.0; (LABELS + 1) * LABELS],
            step: 1.0,
        }
    }

    /// Learns from one sentence: decodes it, and where the labels are wrong moves the
    /// weights toward the gold ones. Returns whether the guess was right.
    pub fn learn(&mut self, words: &[WordHashes], gold: &[Label]) -> bool {
        let guess = best_labels(self, words);
        if guess == gold {
            self.step += 1.0;
            return true;
        }
        let mut features = [0u64; PER_TOKEN];
        for i in 0..words.len() {
            let previous = |labels: &[Label]| (i > 0).then(|| labels[i - 1]);
            if guess[i] != gold[i] {
                token_features(words, i, &mut features);
                for &f in &features {
                    let row = bucket(f, self.bits) * LABELS;
                    self.update(row + usize::from(gold[i].0), 1.0);
                    self.update(row + usize::from(guess[i].0), -1.0);
                }
            }
            if guess[i] != gold[i] || previous(&guess) != previous(gold) {
                self.update_transition(previous(gold), gold[i], 1.0);
                self.update_transition(previous(&guess), guess[i], -1.0);
            }
        }
        self.step += 1.0;
        false
    }

    fn update(&mut self, at: usize, by: f32) {
        self.weights[at] += by;
        self.timed[at] += self.step * by;
    }

    fn update_transition(&mut self, previous: Option<Label>, label: Label, by: f32) {
        let at = transition_at(previous, label);
        self.transitions[at] += by;
        self.timed_transitions[at] += self.step * by;
    }

    /// The averaged weights and transitions, for [`super::model::Model::to_bytes`].
    #[must_use]
    pub fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let average = |w: &[f32], timed: &[f32]| -> Vec<f32> {
            w.iter()
                .zip(timed)
                .map(|(w, t)| w - t / self.step)
                .collect()
        };
        (
            average(&self.weights, &self.timed),
            average(&self.transitions, &self.timed_transitions),
        )
    }

    /// The number of feature-hash bits.
    #[must_use]
    pub fn bits(&self) -> u32 {
        self.bits
    }
}

impl Scores for Trainer {
    fn bucket_bits(&self) -> u32 {
        self.bits
    }

    fn add_bucket(&self, bucket: usize, into: &mut [f32; LABELS]) {
        for (score, w) in into.iter_mut().zip(&self.weights[bucket * LABELS..]) {
            *score += w;
        }
    }

    fn transition(&self, previous: Option<Label>, label: Label) -> f32 {
        self.transitions[transition_at(previous, label)]
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn char_offsets_count_scalar_values() {
        assert_eq!(char_offsets("aé b"), [0, 1, 2, 2, 3, 4]);
    }

    #[test]
    fn mentions_label_the_tokens_they_cover_when_their_ends_fit() {
        let text = "Mr. Jacques Chirac's aides met XXXXXX in Pa ris.";
        let tokens = tokenize(text);
        let span = |start, end, kind| CharSpan { start, end, kind };
        let (labels, left_out) = align(
            text,
            &tokens,
            &[
                span(4, 18, EntityKind::Per),
                span(31, 37, EntityKind::Per),
                span(41, 47, EntityKind::Loc),
                span(41, 43, EntityKind::Loc),
            ],
        );
        let per = (
            Label::begin(&EntityKind::Per).unwrap(),
            Label::inside(&EntityKind::Per).unwrap(),
        );
        let loc = (
            Label::begin(&EntityKind::Loc).unwrap(),
            Label::inside(&EntityKind::Loc).unwrap(),
        );
        let o = Label::OUTSIDE;
        // Mr. Jacques Chirac 's aides met XXXXXX in Pa ris .
        assert_eq!(labels, [o, per.0, per.1, o, o, o, o, o, loc.0, loc.1, o]);
        // The redaction is noise, and `Pa` overlaps the mention already placed.
        assert_eq!(left_out, 2);
    }
}
