//! Parser throughput: the sample, the fixture cables one by one, ~10 MB made by
//! concatenating them, and a 1 MB line of brackets that never close.
//!
//! Parsing is timed up to the finished [`cableview::cable::Cable`]; freeing it is not (a
//! reader keeps its cable until it quits). Each cable is freed right after its run
//! (`BatchSize::PerIteration`), so runs do not pile up memory the way
//! `iter_with_large_drop` does, which made the sample's runs fault in fresh pages.

/// The allocator the `cableview` binary uses, so figures match the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

/// Every fixture cable's text, in file name order.
fn fixture_cables() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// About 10 MB of annotated text: every fixture cable, repeated.
fn large_input(cables: &[String]) -> String {
    let corpus = cables.concat();
    corpus.repeat((10_000_000 / corpus.len()).max(1))
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(cableview::SAMPLE.len() as u64));
    group.bench_function("sample", |b| {
        b.iter_batched(
            || (),
            |()| cableview::cable::parse(black_box(cableview::SAMPLE), "05PARIS2333.txt"),
            BatchSize::PerIteration,
        );
    });
    // The same cables one by one, to compare per byte with the 10 MB cable made of them.
    let cables = fixture_cables();
    let bytes: usize = cables.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("fixture_cables_one_by_one", |b| {
        b.iter_batched(
            || (),
            |()| {
                cables
                    .iter()
                    .map(|text| cableview::cable::parse(black_box(text), "cable.txt"))
                    .collect::<Vec<_>>()
            },
            BatchSize::PerIteration,
        );
    });
    let large = large_input(&cables);
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.sample_size(10);
    group.bench_function("concatenated_10mb", |b| {
        b.iter_batched(
            || (),
            |()| cableview::cable::parse(black_box(&large), "corpus.txt"),
            BatchSize::PerIteration,
        );
    });
    // A hostile line: 1 MB of mentions that never close. Time linear in the input keeps
    // this near the per-byte rate above; searching to the line's end at every `[` took
    // half a minute.
    let brackets = format!(
        "SECRET\nSUBJECT: T\n\n1. (S) {}\n",
        "[PER a ".repeat(150_000)
    );
    group.throughput(Throughput::Bytes(brackets.len() as u64));
    group.bench_function("unclosed_brackets_1mb_line", |b| {
        b.iter_batched(
            || (),
            |()| cableview::cable::parse(black_box(&brackets), "09PARIS7778.txt"),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
