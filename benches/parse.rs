//! Parser throughput: the sample, and ~10 MB made by concatenating the shared cables.
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

/// About 10 MB of annotated text: every fixture cable, repeated.
fn large_input() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let corpus: String = names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
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
    let large = large_input();
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.sample_size(10);
    group.bench_function("concatenated_10mb", |b| {
        b.iter_batched(
            || (),
            |()| cableview::cable::parse(black_box(&large), "corpus.txt"),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
