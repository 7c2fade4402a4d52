//! `cableview entities DIR` against the pipeline a user would type instead,
//! `rg -oI '\[(PER|ORG|LOC|MISC) [^]]*  \]' DIR | sort | uniq -c | sort -rn`, on the same
//! generated folder of 2,000 annotated cables; both run as processes, output to /dev/null.
//! The pipeline's group is skipped when `rg` is not installed.

#[path = "support/corpus.rs"]
mod corpus;

use corpus::{Source, generate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::path::Path;
use std::process::{Command, Stdio};

const CABLES: usize = 2_000;

/// The user's pipeline, as `sh` runs it.
pub const PIPELINE: &str = r"rg -oI '\[(PER|ORG|LOC|MISC) [^]]*  \]' . | sort | uniq -c | sort -rn";

fn run(command: &mut Command) {
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the command runs");
    assert!(status.success());
}

fn entities(c: &mut Criterion) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let source = Source::from_dir(&fixtures).expect("the fixtures are readable");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let corpus = dir.path().join("corpus");
    let written = generate(&source, CABLES, 7, &corpus).expect("the corpus is written");
    let empty = dir.path().join("home");
    let mut group = c.benchmark_group("entities_dir");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(written.bytes));
    group.bench_function("cableview", |b| {
        b.iter(|| {
            run(Command::new(env!("CARGO_BIN_EXE_cableview"))
                .arg("entities")
                .arg(&corpus)
                .env("CABLEVIEW_CONFIG_DIR", &empty)
                .env("CABLEVIEW_DATA_DIR", &empty));
        });
    });
    let has_rg = Command::new("rg").arg("--version").output().is_ok();
    if has_rg {
        group.bench_function("rg_sort_uniq", |b| {
            b.iter(|| {
                run(Command::new("sh")
                    .arg("-c")
                    .arg(PIPELINE)
                    .current_dir(&corpus))
            });
        });
    } else {
        eprintln!("rg is not installed: the pipeline is not measured");
    }
    group.finish();
}

criterion_group!(benches, entities);
criterion_main!(benches);
