//! Trains and evaluates cableview's tagger (see `tools/tagger/README.md`).
//!
//! ```text
//! cargo run --release --example tagger -- dump OUT.jsonl PATH...      # texts the tagger sees
//! cargo run --release --example tagger -- train OUT.bin LABELLED.jsonl...
//! cargo run --release --example tagger -- eval [MODEL.bin] LABELLED.jsonl
//! ```
//!
//! LABELLED lines are `{"id", "row"?, "text", "ents": [[start, end, KIND], ...]}` as
//! `tools/tagger/label.py` writes them. Lines of the release CSV whose `row` is 0, 1 or 2
//! modulo 20 are held out: `train` never sees them and `eval` reads only them.

use cableview::cable::noise::is_noise;
use cableview::cable::{CableId, EntityKind};
use cableview::tagger::features::hash_sentence;
use cableview::tagger::model::{Model, Scores};
use cableview::tagger::tokens::{sentences, tokenize};
use cableview::tagger::train::{CharSpan, Trainer, align, char_offsets};
use cableview::tagger::{Tagged, tag_with};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, Deserialize, Serialize)]
struct Labelled {
    id: CableId,
    #[serde(default)]
    row: Option<usize>,
    text: String,
    #[serde(default)]
    ents: Vec<(usize, usize, String)>,
}

impl Labelled {
    fn held_out(&self) -> bool {
        self.row.is_some_and(|row| row % 20 < 3)
    }

    fn spans(&self) -> Vec<CharSpan> {
        self.ents
            .iter()
            .map(|(start, end, kind)| CharSpan {
                start: *start,
                end: *end,
                kind: EntityKind::from_label(kind),
            })
            .collect()
    }
}

fn read(paths: &[PathBuf]) -> Vec<Labelled> {
    let mut out = Vec::new();
    for path in paths {
        let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line.expect("a line");
            out.push(
                serde_json::from_str(&line)
                    .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1)),
            );
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let paths = |from: usize| args[from..].iter().map(PathBuf::from).collect::<Vec<_>>();
    match args.first().map(String::as_str) {
        Some("dump") if args.len() > 2 => dump(&PathBuf::from(&args[1]), &paths(2)),
        Some("train") if args.len() > 2 => train(&PathBuf::from(&args[1]), &read(&paths(2))),
        Some("eval") if args.len() > 2 => {
            let model =
                Model::from_bytes(&fs::read(&args[1]).expect("the model")).expect("a model");
            eval(&model, &read(&paths(2)));
        }
        Some("eval") if args.len() == 2 => eval(cableview::tagger::embedded(), &read(&paths(1))),
        _ => {
            eprintln!(
                "usage: tagger dump OUT PATH... | train OUT LABELLED... | eval [MODEL] LABELLED"
            );
            std::process::exit(2);
        }
    }
}

/// Writes the text the tagger sees of each cable under the paths (its layout), one JSON
/// line each, for `label.py`.
fn dump(out: &PathBuf, paths: &[PathBuf]) {
    let loaded = cableview::input::load_paths(paths);
    let mut writer = BufWriter::new(fs::File::create(out).expect("the dump"));
    let mut written = 0;
    for (_, cable) in &loaded.cables {
        let (Some(id), Some(text)) = (&cable.id, &cable.layout) else {
            continue;
        };
        let line = Labelled {
            id: id.clone(),
            row: None,
            text: text.clone(),
            ents: Vec::new(),
        };
        serde_json::to_writer(&mut writer, &line).expect("written");
        writer.write_all(b"\n").expect("written");
        written += 1;
    }
    eprintln!("{written} cables written, {} skipped", loaded.skipped.len());
}

fn train(out: &PathBuf, corpus: &[Labelled]) {
    let bits: u32 = std::env::var("TAGGER_BITS")
        .ok()
        .and_then(|b| b.parse().ok())
        .unwrap_or(19);
    let epochs: usize = std::env::var("TAGGER_EPOCHS")
        .ok()
        .and_then(|b| b.parse().ok())
        .unwrap_or(8);
    let mut trainer = Trainer::new(bits);
    let mut sentences_of = Vec::new();
    let mut left_out = 0;
    // A page of a held-out cable is held out too.
    let held: std::collections::HashSet<&str> = corpus
        .iter()
        .filter(|d| d.held_out())
        .map(|d| d.id.as_str())
        .collect();
    let training = || {
        corpus
            .iter()
            .filter(|d| !d.held_out() && !held.contains(d.id.as_str()))
    };
    for doc in training() {
        let tokens = tokenize(&doc.text);
        let (labels, dropped) = align(&doc.text, &tokens, &doc.spans());
        left_out += dropped;
        for range in sentences(&doc.text, &tokens) {
            sentences_of.push((doc, tokens[range.clone()].to_vec(), labels[range].to_vec()));
        }
    }
    eprintln!(
        "{} sentences from {} cables; {left_out} mentions left out (ends off the tokens, noise)",
        sentences_of.len(),
        training().count()
    );
    let mut order: Vec<usize> = (0..sentences_of.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..epochs {
        // A fixed shuffle per epoch (xorshift), so a retrain gives the same model.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, usize::try_from(seed % (i as u64 + 1)).unwrap_or(0));
        }
        let mut right = 0;
        for (n, &i) in order.iter().enumerate() {
            let (doc, tokens, gold) = &sentences_of[i];
            // Every third sentence is also learnt in capitals, as old cables and
            // headers are written.
            let upper = n % 3 == 0;
            let words = hash_sentence(tokens, |t| Cow::Borrowed(&doc.text[t.bytes.clone()]), false);
            right += usize::from(trainer.learn(&words, gold));
            if upper {
                let words = hash_sentence(
                    tokens,
                    |t| Cow::Owned(doc.text[t.bytes.clone()].to_uppercase()),
                    true,
                );
                trainer.learn(&words, gold);
            }
        }
        eprintln!(
            "epoch {}: {:.1}% of sentences right",
            epoch + 1,
            100.0 * right as f64 / order.len() as f64
        );
    }
    let (weights, transitions) = trainer.averaged();
    let bytes = Model::to_bytes(trainer.bits(), &weights, &transitions);
    fs::write(out, &bytes).expect("the model written");
    eprintln!("{} written, {} bytes", out.display(), bytes.len());
}

#[derive(Default)]
struct Counts {
    right: usize,
    found: usize,
    gold: usize,
}

impl Counts {
    fn f1(&self) -> (f64, f64, f64) {
        let p = self.right as f64 / self.found.max(1) as f64;
        let r = self.right as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn eval(model: &impl Scores, corpus: &[Labelled]) {
    let held: Vec<&Labelled> = corpus.iter().filter(|d| d.held_out()).collect();
    println!("{} held-out cables", held.len());
    for (name, upper) in [("mixed case", false), ("upper case", true)] {
        let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
        let mut tokens_seen = 0;
        for doc in &held {
            // Upper-cased one character for one, so that offsets stay those of the gold.
            let text: String = if upper {
                doc.text
                    .chars()
                    .map(|c| {
                        let mut up = c.to_uppercase();
                        match (up.next(), up.next()) {
                            (Some(u), None) => u,
                            _ => c,
                        }
                    })
                    .collect()
            } else {
                doc.text.clone()
            };
            let tokens = tokenize(&text);
            tokens_seen += tokens.len();
            // The gold is every mention of spaCy's that is not noise, by its characters:
            // one whose ends fall inside a token counts as missed.
            let gold: Vec<_> = doc
                .spans()
                .into_iter()
                .filter(|s| {
                    !is_noise(
                        &doc.text
                            .chars()
                            .skip(s.start)
                            .take(s.end - s.start)
                            .collect::<String>(),
                    )
                })
                .map(|s| (s.start, s.end, s.kind))
                .collect();
            let chars = char_offsets(&text);
            let key = |t: &Tagged, chars: &[usize]| {
                (chars[t.bytes.start], chars[t.bytes.end], t.kind.clone())
            };
            let found: Vec<_> = tag_with(model, &text)
                .iter()
                .map(|t| key(t, &chars))
                .collect();
            for g in &gold {
                for label in [g.2.label().to_string(), "all".to_string()] {
                    counts.entry(label).or_default().gold += 1;
                }
            }
            for f in &found {
                let right = gold.contains(f);
                for label in [f.2.label().to_string(), "all".to_string()] {
                    let c = counts.entry(label).or_default();
                    c.found += 1;
                    c.right += usize::from(right);
                }
            }
        }
        println!("\n{name} ({tokens_seen} tokens)\nkind  precision recall  F1    (mentions)");
        for (kind, c) in &counts {
            let (p, r, f) = c.f1();
            println!(
                "{kind:<5} {:>8.1} {:>7.1} {:>5.1}  ({})",
                100.0 * p,
                100.0 * r,
                100.0 * f,
                c.gold
            );
        }
    }
}
