//! Export of a hostile cable: one paragraph of 40,000 closing brackets (`) ) ) ...`).
//!
//! CoNLL looks back over closing quotes and brackets to find where a sentence ends; this
//! bench keeps that look-back from growing with the run again, by timing CoNLL beside
//! JSON, which does no such work, on the same cable.

/// The allocator the `cableview` binary uses, so figures match the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cableview::export::{self, Format};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// A plain-text cable whose first paragraph is `count` closing brackets.
fn closing_brackets(count: usize) -> cableview::cable::Cable {
    let text = format!(
        "UNCLAS SECTION 01 OF 01 PARIS 002333\n\nSUBJECT: BRACKETS\n\n1. (U) Said.{}\n",
        " )".repeat(count)
    );
    cableview::cable::parse(&text, "05PARIS2333.txt").expect("the cable parses")
}

fn export(c: &mut Criterion) {
    let cable = closing_brackets(40_000);
    let mut group = c.benchmark_group("export_40000_closing_brackets");
    group.sample_size(20);
    for format in [Format::Json, Format::Conll] {
        group.bench_function(format!("{format:?}").to_lowercase(), |b| {
            b.iter(|| export::render(black_box(&cable), format));
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
