//! The tagger's speed in tokens a second on one core, over the bodies of the 35 real pages
//! in `tests/fixtures/raw` (as sent, the text the tagger sees), in mixed case and in
//! capitals; and a page parsed with the tagger on and off, for what tagging adds to
//! opening a cable.

use cableview::cable::{Tagging, parse_bytes_with};
use cableview::tagger::{tag, tag_with, tokens::tokenize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn bodies() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/raw");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the fixtures")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            parse_bytes_with(&bytes, &name, None, Tagging::Off)
                .ok()?
                .layout
        })
        .collect()
}

fn tagging(c: &mut Criterion) {
    let bodies = bodies();
    let upper: Vec<String> = bodies.iter().map(|b| b.to_uppercase()).collect();
    let tokens: usize = bodies.iter().map(|b| tokenize(b).len()).sum();
    let _ = tag("warm the model up");
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("mixed_case", |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|t| tag(black_box(t)).len())
                .sum::<usize>()
        });
    });
    group.bench_function("upper_case", |b| {
        b.iter(|| upper.iter().map(|t| tag(black_box(t)).len()).sum::<usize>());
    });
    // `tag` keeps the scores of words it has seen, so the two above, tagging the same
    // bodies again and again, find every word known: the speed on a release whose
    // words recur. Here no word is known: the speed on text never seen.
    let model = cableview::tagger::embedded();
    group.bench_function("mixed_case_every_word_new", |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|t| tag_with(model, black_box(t)).len())
                .sum::<usize>()
        });
    });
    group.finish();

    let page = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/raw/06KABUL3934.html"),
    )
    .expect("the page");
    let mut group = c.benchmark_group("parse_page");
    for (name, tagging) in [
        ("tagger_on", Tagging::Builtin),
        ("tagger_off", Tagging::Off),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| parse_bytes_with(black_box(&page), "06KABUL3934.html", None, tagging));
        });
    }
    group.finish();
}

criterion_group!(benches, tagging);
criterion_main!(benches);
