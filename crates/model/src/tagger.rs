//! cableview's own entity tagger: people, organisations, places and other names in a
//! cable that carries no annotations (a page, plain text, a row of the release's CSV).
//!
//! A structured averaged perceptron over hashed features ([`features`]) of the tokens
//! ([`tokens`]), decoded sentence by sentence with Viterbi ([`model`]). It was trained on
//! spaCy's small English model's labels of real cables (`tools/tagger/`), upper-cased
//! copies included, so that cables in capitals are tagged too. What it finds passes the
//! same noise filter as any tagger's mentions ([`crate::cable::noise`]).

mod cache;
pub mod features;
pub mod model;
pub mod tokens;
pub mod train;

use crate::cable::EntityKind;
use crate::cable::noise::is_noise;
use model::{Label, Model, Scores, best_labels};
use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

/// The model shipped in the binary.
const EMBEDDED: &[u8] = include_bytes!("../../../assets/tagger/model.bin");

/// The shipped model's version, as `assets/tagger/VERSION` records it.
pub const MODEL_VERSION: &str = include_str!("../../../assets/tagger/VERSION");

/// A mention the tagger found: its bytes in the text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    /// Bytes in the tagged text.
    pub bytes: Range<usize>,
    /// The kind.
    pub kind: EntityKind,
}

/// The shipped model, read once.
///
/// # Panics
/// Never in practice: a test reads the shipped model.
#[must_use]
pub fn embedded() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_static(EMBEDDED).expect("the shipped tagger model reads"))
}

thread_local! {
    /// The shipped model's scores of the words this thread has tagged.
    static WORDS: RefCell<cache::WordCache> = RefCell::default();
}

/// Tags a text with the shipped model: what [`tag_with`] finds with it, faster, as the
/// scores of words seen before are kept.
#[must_use]
pub fn tag(text: &str) -> Vec<Tagged> {
    let model = embedded();
    WORDS.with_borrow_mut(|words| tag_by(text, |sentence| words.labels(model, text, sentence)))
}

/// Tags a text with a model: its mentions in order, noise left out.
#[must_use]
pub fn tag_with(model: &impl Scores, text: &str) -> Vec<Tagged> {
    tag_by(text, |sentence| {
        let words =
            features::hash_sentence(sentence, |t| Cow::Borrowed(&text[t.bytes.clone()]), false);
        best_labels(model, &words)
    })
}

/// Tags a text sentence by sentence with the labels `label` gives a sentence's tokens.
fn tag_by(text: &str, mut label: impl FnMut(&[tokens::Token]) -> Vec<Label>) -> Vec<Tagged> {
    let tokens = tokens::tokenize(text);
    let mut found = Vec::new();
    for sentence in tokens::sentences(text, &tokens) {
        let sentence = &tokens[sentence];
        let labels = label(sentence);
        mentions(sentence, &labels, |mut bytes, kind| {
            // `al-Qadhafi's` names al-Qadhafi: the possessive is no part of the name (nor
            // of spaCy's spans, which the model learnt), else it is an entity of its own.
            let name = &text[bytes.clone()];
            if let Some(suffix) = ["'s", "’s", "'S", "’S"]
                .iter()
                .find(|s| name.ends_with(**s))
                && name.len() > suffix.len() + 1
            {
                bytes.end -= suffix.len();
            }
            if !is_noise(&text[bytes.clone()]) {
                found.push(Tagged { bytes, kind });
            }
        });
    }
    found
}

/// Walks the labels of a sentence's tokens, calling `found` with each mention's bytes.
pub fn mentions(
    tokens: &[tokens::Token],
    labels: &[Label],
    mut found: impl FnMut(Range<usize>, EntityKind),
) {
    let mut open: Option<(Range<usize>, EntityKind)> = None;
    for (token, &label) in tokens.iter().zip(labels) {
        let continues = !label.is_begin() && label != Label::OUTSIDE;
        match (&mut open, continues) {
            (Some((bytes, _)), true) => bytes.end = token.bytes.end,
            _ => {
                if let Some((bytes, kind)) = open.take() {
                    found(bytes, kind);
                }
                if let Some(kind) = label.kind() {
                    open = Some((token.bytes.clone(), kind));
                }
            }
        }
    }
    if let Some((bytes, kind)) = open {
        found(bytes, kind);
    }
}
