//! Export of a hostile cable: one paragraph of 40,000 closing brackets (`) ) ) ...`).
//!
//! CoNLL looks back over closing quotes and brackets to find where a sentence ends; this
//! bench keeps that look-back from growing with the run again, by timing CoNLL beside
//! JSON, which does no such work, on the same cable and on the sample.

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

/// CoNLL beside JSON on the hostile cable, and on the sample for the ratio of ordinary
/// text: CoNLL does more per byte (a line per token), but no more on brackets than on
/// words.
fn export(c: &mut Criterion) {
    let cables = [
        ("export_40000_closing_brackets", closing_brackets(40_000)),
        ("export_sample", cableview::input::sample()),
    ];
    for (name, cable) in &cables {
        let mut group = c.benchmark_group(*name);
        group.sample_size(20);
        for format in [Format::Json, Format::Conll] {
            group.bench_function(format!("{format:?}").to_lowercase(), |b| {
                b.iter(|| export::render(black_box(cable), format));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, export);
criterion_main!(benches);
