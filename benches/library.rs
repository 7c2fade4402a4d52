//! Opening a large collection: 10,000 generated cables (about 100 MB).
//!
//! Measures loading to a usable library (walk, parallel parse, every index), building
//! the entity index alone, and filtering the table as a user types.

/// The allocator the `cableview` binary uses, so figures match the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/corpus.rs"]
mod corpus;

use cableview::input::load_paths;
use cableview::library::{Column, EntityIndex, Library, Query};
use corpus::{Source, generate};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const CABLES: usize = 10_000;

/// Writes the corpus once per run into a temporary directory.
fn corpus() -> (tempfile::TempDir, PathBuf, u64) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let source = Source::from_dir(&fixtures).expect("the fixtures are readable");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("corpus");
    let written = generate(&source, CABLES, 1, &path).expect("the corpus is written");
    (dir, path, written.bytes)
}

fn library(c: &mut Criterion) {
    let (_dir, path, bytes) = corpus();
    let paths = [path];

    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("load_10k", |b| {
        b.iter(|| Library::load(black_box(&paths), &|_| {}, &AtomicBool::new(false)));
    });
    let cables: Vec<_> = load_paths(&paths)
        .cables
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    group.bench_function("entity_index_10k", |b| {
        b.iter(|| EntityIndex::from_cables(black_box(&cables)));
    });
    drop(cables);
    group.finish();

    let never = AtomicBool::new(false);
    let library = Library::load(&paths, &|_| {}, &never);

    let mut group = c.benchmark_group("filter");
    let order = library.order(Column::Id, false);
    group.bench_function("sort_by_subject", |b| {
        b.iter(|| library.order(black_box(Column::Subject), false));
    });
    // Each prefix is one keystroke of typing the filter.
    for typed in ["h", "hez", "hezbollah", "paris 2004"] {
        let query = Query {
            text: typed.to_string(),
            ..Query::default()
        };
        group.bench_with_input(BenchmarkId::new("keystroke", typed), &query, |b, q| {
            b.iter(|| library.filter(black_box(&order), q));
        });
    }
    group.finish();
}

criterion_group!(benches, library);
criterion_main!(benches);
