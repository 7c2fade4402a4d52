//! The tagger's model: a weight per hashed feature and label, a score for each pair of
//! labels in a row, and the Viterbi search for a sentence's best labels.

use super::features::{FEATURES_VERSION, PER_TOKEN, WordHashes, token_features};
use crate::cable::EntityKind;
use thiserror::Error;

/// The labels, BIO style: outside, then the begin and inside of each kind.
pub const LABELS: usize = 9;

/// The label of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Label(pub u8);

impl Label {
    /// Outside any mention.
    pub const OUTSIDE: Label = Label(0);

    /// The first token of a mention of `kind`.
    #[must_use]
    pub fn begin(kind: &EntityKind) -> Option<Label> {
        Self::kind_index(kind).map(|k| Label(1 + 2 * k))
    }

    /// A later token of a mention of `kind`.
    #[must_use]
    pub fn inside(kind: &EntityKind) -> Option<Label> {
        Self::kind_index(kind).map(|k| Label(2 + 2 * k))
    }

    fn kind_index(kind: &EntityKind) -> Option<u8> {
        match kind {
            EntityKind::Per => Some(0),
            EntityKind::Org => Some(1),
            EntityKind::Loc => Some(2),
            EntityKind::Misc => Some(3),
            EntityKind::Other(_) => None,
        }
    }

    /// The kind of a begin or inside label.
    #[must_use]
    pub fn kind(self) -> Option<EntityKind> {
        let kinds = [
            EntityKind::Per,
            EntityKind::Org,
            EntityKind::Loc,
            EntityKind::Misc,
        ];
        (self.0 > 0).then(|| kinds[usize::from((self.0 - 1) / 2)].clone())
    }

    /// Whether it begins a mention.
    #[must_use]
    pub fn is_begin(self) -> bool {
        self.0 % 2 == 1
    }

    /// Whether this label may follow `previous` (`None`: the sentence's start): an inside
    /// label only after the begin or inside of its own kind.
    #[must_use]
    pub fn may_follow(self, previous: Option<Label>) -> bool {
        if self.0 == 0 || self.is_begin() {
            return true;
        }
        previous.is_some_and(|p| p.0 == self.0 || p.0 + 1 == self.0)
    }
}

/// Why a model file could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The bytes are not a cableview tagger model.
    #[error("not a cableview tagger model (no CVTAGGER header)")]
    NotAModel,
    /// The model was trained with other features than this build computes.
    #[error(
        "the model was trained with features version {found}, this build has {expected}: retrain it"
    )]
    FeaturesVersion {
        /// The version in the file.
        found: u32,
        /// This build's.
        expected: u32,
    },
    /// The file is shorter or longer than its header says.
    #[error("the model file is {found} bytes where its header says {expected}")]
    Size {
        /// Its size.
        found: usize,
        /// The size its header gives.
        expected: usize,
    },
}

const MAGIC: &[u8; 8] = b"CVTAGGER";
const FORMAT: u32 = 1;
const HEADER: usize = 8 + 4 * 5;
const TRANSITIONS: usize = (LABELS + 1) * LABELS;

/// The scores a model gives: per feature bucket and label, and per label pair.
pub trait Scores {
    /// How many bits of a feature's hash choose its bucket.
    fn bucket_bits(&self) -> u32;
    /// Adds the weights of a bucket's labels to `into`.
    fn add_bucket(&self, bucket: usize, into: &mut [f32; LABELS]);
    /// The score of `label` after `previous` (`None`: the sentence's start).
    fn transition(&self, previous: Option<Label>, label: Label) -> f32;
}

/// Where the score of `label` after `previous` (`None`: the sentence's start) stands in a
/// table of transitions, the start's row last.
#[must_use]
pub fn transition_at(previous: Option<Label>, label: Label) -> usize {
    previous.map_or(LABELS, |p| usize::from(p.0)) * LABELS + usize::from(label.0)
}

/// The bucket a feature falls in.
#[must_use]
pub fn bucket(feature: u64, bits: u32) -> usize {
    usize::try_from(feature >> (64 - bits)).unwrap_or(0)
}

/// The emission scores of each token of a sentence.
pub fn emissions(model: &impl Scores, words: &[WordHashes]) -> Vec<[f32; LABELS]> {
    let bits = model.bucket_bits();
    let mut features = [0u64; PER_TOKEN];
    (0..words.len())
        .map(|i| {
            token_features(words, i, &mut features);
            let mut scores = [0f32; LABELS];
            for &f in &features {
                model.add_bucket(bucket(f, bits), &mut scores);
            }
            scores
        })
        .collect()
}

/// The best labels of a sentence (Viterbi over the allowed label sequences).
pub fn best_labels(model: &impl Scores, words: &[WordHashes]) -> Vec<Label> {
    viterbi(model, &emissions(model, words))
}

/// The best labels of a sentence given its tokens' emission scores.
pub fn viterbi(model: &impl Scores, emissions: &[[f32; LABELS]]) -> Vec<Label> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let labels = || (0..LABELS as u8).map(Label);
    let mut score = [f32::NEG_INFINITY; LABELS];
    for l in labels() {
        if l.may_follow(None) {
            score[usize::from(l.0)] = emissions[0][usize::from(l.0)] + model.transition(None, l);
        }
    }
    let mut back = vec![[0u8; LABELS]; n];
    for (i, emission) in emissions.iter().enumerate().skip(1) {
        let mut next = [f32::NEG_INFINITY; LABELS];
        for l in labels() {
            let (mut best, mut from) = (f32::NEG_INFINITY, 0u8);
            for p in labels() {
                if !l.may_follow(Some(p)) || score[usize::from(p.0)] == f32::NEG_INFINITY {
                    continue;
                }
                let s = score[usize::from(p.0)] + model.transition(Some(p), l);
                if s > best {
                    (best, from) = (s, p.0);
                }
            }
            next[usize::from(l.0)] = best + emission[usize::from(l.0)];
            back[i][usize::from(l.0)] = from;
        }
        score = next;
    }
    let mut last = 0u8;
    for l in 1..LABELS as u8 {
        if score[usize::from(l)] > score[usize::from(last)] {
            last = l;
        }
    }
    let mut out = vec![Label(last); n];
    for i in (1..n).rev() {
        out[i - 1] = Label(back[i][usize::from(out[i].0)]);
    }
    out
}

/// A trained model, as shipped: weights in 16 bits with one scale.
#[derive(Debug, Clone)]
pub struct Model {
    bits: u32,
    scale: f32,
    transitions: Vec<f32>,
    /// The weights as the file has them, little-endian `i16`s: the shipped model's are
    /// read in place from the binary, so opening it copies nothing and only the pages
    /// of weights a cable's words touch are ever loaded.
    weights: std::borrow::Cow<'static, [u8]>,
}

impl Model {
    /// Reads a model file.
    ///
    /// # Errors
    /// When the bytes are not a model of this build's features.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut model = Self::checked(bytes)?;
        model.weights = std::borrow::Cow::Owned(bytes[HEADER + 4 * TRANSITIONS..].to_vec());
        Ok(model)
    }

    /// Reads a model file that lives as long as the program (the one in the binary),
    /// its weights left in place.
    ///
    /// # Errors
    /// As [`Model::from_bytes`].
    pub fn from_static(bytes: &'static [u8]) -> Result<Self, ModelError> {
        let mut model = Self::checked(bytes)?;
        model.weights = std::borrow::Cow::Borrowed(&bytes[HEADER + 4 * TRANSITIONS..]);
        Ok(model)
    }

    /// The model's header and transitions, once its bytes are checked; no weights yet.
    fn checked(bytes: &[u8]) -> Result<Self, ModelError> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let word = |i: usize| {
            u32::from_le_bytes([
                bytes[8 + 4 * i],
                bytes[9 + 4 * i],
                bytes[10 + 4 * i],
                bytes[11 + 4 * i],
            ])
        };
        if word(0) != FORMAT || word(3) as usize != LABELS || !(8..=28).contains(&word(2)) {
            return Err(ModelError::NotAModel);
        }
        if word(1) != FEATURES_VERSION {
            return Err(ModelError::FeaturesVersion {
                found: word(1),
                expected: FEATURES_VERSION,
            });
        }
        let bits = word(2);
        let scale = f32::from_bits(word(4));
        let buckets = 1usize << bits;
        let expected = HEADER + 4 * TRANSITIONS + 2 * buckets * LABELS;
        if bytes.len() != expected {
            return Err(ModelError::Size {
                found: bytes.len(),
                expected,
            });
        }
        let rest = &bytes[HEADER..];
        let transitions = rest[..4 * TRANSITIONS]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(Self {
            bits,
            scale,
            transitions,
            weights: std::borrow::Cow::Borrowed(&[]),
        })
    }

    /// Quantizes trained weights (`buckets × LABELS`, and the transitions, start row
    /// last) into a model file's bytes.
    #[must_use]
    pub fn to_bytes(bits: u32, weights: &[f32], transitions: &[f32]) -> Vec<u8> {
        let largest = weights
            .iter()
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(f32::MIN_POSITIVE);
        let scale = largest / f32::from(i16::MAX);
        let mut out = Vec::with_capacity(HEADER + 4 * TRANSITIONS + 2 * weights.len());
        out.extend_from_slice(MAGIC);
        for word in [
            FORMAT,
            FEATURES_VERSION,
            bits,
            LABELS as u32,
            scale.to_bits(),
        ] {
            out.extend_from_slice(&word.to_le_bytes());
        }
        for t in transitions {
            // Stored in the weights' unit, so that scores add up unscaled.
            out.extend_from_slice(&(t / scale).to_le_bytes());
        }
        for w in weights {
            #[allow(clippy::cast_possible_truncation)]
            let q = (w / scale)
                .round()
                .clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
        out
    }

    /// The scale of a weight's unit, for tools that print scores.
    #[must_use]
    pub fn scale(&self) -> f32 {
        self.scale
    }
}

impl Scores for Model {
    fn bucket_bits(&self) -> u32 {
        self.bits
    }

    fn add_bucket(&self, bucket: usize, into: &mut [f32; LABELS]) {
        let row = &self.weights[2 * bucket * LABELS..2 * (bucket + 1) * LABELS];
        for (score, w) in into.iter_mut().zip(row.chunks_exact(2)) {
            *score += f32::from(i16::from_le_bytes([w[0], w[1]]));
        }
    }

    fn transition(&self, previous: Option<Label>, label: Label) -> f32 {
        self.transitions[transition_at(previous, label)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_their_kinds() {
        for kind in EntityKind::STANDARD {
            let begin = Label::begin(&kind).unwrap();
            assert!(begin.is_begin());
            assert_eq!(begin.kind(), Some(kind.clone()));
            let inside = Label::inside(&kind).unwrap();
            assert!(inside.may_follow(Some(begin)) && !inside.may_follow(None));
            assert!(!inside.may_follow(Some(Label::OUTSIDE)));
        }
    }

    #[test]
    fn a_model_file_round_trips_and_refuses_garbage() {
        let weights: Vec<f32> = (0..(LABELS << 8)).map(|i| (i % 7) as f32 - 3.0).collect();
        let transitions = vec![0.5; TRANSITIONS];
        let bytes = Model::to_bytes(8, &weights, &transitions);
        let model = Model::from_bytes(&bytes).unwrap();
        let mut scores = [0f32; LABELS];
        model.add_bucket(1, &mut scores);
        let back: Vec<f32> = scores.iter().map(|s| s * model.scale()).collect();
        for (b, w) in back.iter().zip(&weights[LABELS..2 * LABELS]) {
            assert!((b - w).abs() < 0.001, "{b} {w}");
        }
        assert!(matches!(
            Model::from_bytes(b"nonsense"),
            Err(ModelError::NotAModel)
        ));
        assert!(matches!(
            Model::from_bytes(&bytes[..bytes.len() - 2]),
            Err(ModelError::Size { .. })
        ));
    }
}
