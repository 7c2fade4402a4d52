//! The corpus index at scale: indexing a generated release CSV, updating it with nothing
//! changed, and the five kinds of query (p50/p95 over 100 runs each are criterion's
//! median and the spread it reports), beside `rg -l` on the same CSV when rg is installed;
//! and the library on the index to its first frame, as `cableview --index DIR` starts.
//!
//! `CABLEVIEW_BENCH_ROWS` sets the CSV's size (default 20,000 rows; the release is
//! 251,287). `CABLEVIEW_BENCH_INDEX=DIR` (with `CABLEVIEW_BENCH_CSV=FILE`, the CSV it was
//! built from) measures the queries, the table's search and the first frame on an index
//! already built, such as the release's, without building one.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/corpus.rs"]
#[allow(dead_code, reason = "the folder generator is not used here")]
mod corpus;
#[path = "support/release.rs"]
#[allow(dead_code, reason = "the pages mode is not used here")]
mod release;

use cableview::library::Library;
use cableview::search_index::{self, SearchIndex};
use cableview::session::Session;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const QUERIES: [(&str, &str); 5] = [
    ("word", "hezbollah"),
    ("phrase", "\"container security\""),
    ("field_and_word", "tag:PTER terrorism"),
    ("entity", "entity:\"Djamel Beghal\""),
    ("date_range", "date:2005..2007"),
];

fn rows() -> usize {
    std::env::var("CABLEVIEW_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

fn index(c: &mut Criterion) {
    if let Some(built) = std::env::var_os("CABLEVIEW_BENCH_INDEX").map(PathBuf::from) {
        let count = SearchIndex::open(&built).expect("the index opens").len();
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        queries(c, &built, count);
        first_frame(c, &built, count);
        if let Some(csv) = std::env::var_os("CABLEVIEW_BENCH_CSV").map(PathBuf::from) {
            rg(c, &csv, count);
        }
        return;
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let source = corpus::Source::from_dir(&fixtures).expect("the fixtures are readable");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let csv = dir.path().join("cables.csv");
    let count = rows();
    let bytes = release::generate_csv(&source, count, 1, &csv).expect("the CSV is written");
    let paths = [csv.clone()];
    let never = AtomicBool::new(false);

    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(BenchmarkId::new("build", count), |b| {
        b.iter_with_setup(
            || tempfile::tempdir().expect("a temporary directory"),
            |out| {
                search_index::update(&out.path().join("ix"), black_box(&paths), &|_| {}, &never)
                    .expect("indexed")
            },
        );
    });
    let built = dir.path().join("ix");
    search_index::update(&built, &paths, &|_| {}, &never).expect("indexed");
    group.bench_function(BenchmarkId::new("unchanged", count), |b| {
        b.iter(|| {
            search_index::update(&built, black_box(&paths), &|_| {}, &never).expect("updated")
        });
    });
    group.finish();

    queries(c, &built, count);
    first_frame(c, &built, count);
    rg(c, &csv, count);
}

/// The five kinds of query as `cableview search` runs them (20 hits with snippets); what
/// the library's table asks at each pause in typing (the best 1,000 cables, how many match
/// and the words to highlight; then the selected row's snippet); and the facets.
fn queries(c: &mut Criterion, built: &Path, count: usize) {
    let opened = SearchIndex::open(built).expect("the index opens");
    let mut group = c.benchmark_group("query");
    group.sample_size(100);
    for (name, query) in QUERIES {
        group.bench_with_input(BenchmarkId::new(name, count), query, |b, q| {
            b.iter(|| opened.search(black_box(q), 20).expect("runs"));
        });
    }
    group.finish();
    let mut group = c.benchmark_group("table_search");
    group.sample_size(100);
    for (name, query) in QUERIES {
        group.bench_with_input(BenchmarkId::new(name, count), query, |b, q| {
            b.iter(|| {
                let ranked = opened.ranked(black_box(q), 1_000).expect("runs");
                let words = opened.words(q).expect("runs");
                let snippet = ranked
                    .ids
                    .first()
                    .map(|(id, _)| opened.snippet(q, id).expect("runs"));
                (ranked, words, snippet)
            });
        });
    }
    group.finish();
    // `x` and the status line on the entity most cables name, and cited-by of a cable.
    let facets = opened.facets("").expect("runs");
    let mut group = c.benchmark_group("links");
    group.sample_size(10);
    if let Some((kind, top)) = facets
        .entities
        .iter()
        .filter_map(|(kind, names)| Some((kind, names.first()?)))
        .max_by_key(|(_, (_, n))| *n)
    {
        let label = format!("naming_{}_cables", top.1);
        group.bench_function(BenchmarkId::new(label, count), |b| {
            b.iter(|| opened.cables_naming(kind, black_box(&top.0)).expect("runs"));
        });
        let label = format!("count_naming_{}_cables", top.1);
        group.bench_function(BenchmarkId::new(label, count), |b| {
            b.iter(|| opened.count_naming(kind, black_box(&top.0)).expect("runs"));
        });
    }
    let cited = cableview::cable::CableId::new("04PARIS8983");
    group.bench_function(BenchmarkId::new("cited_by", count), |b| {
        b.iter(|| opened.cited_by(black_box(&cited)).expect("runs"));
    });
    group.finish();
    let mut group = c.benchmark_group("facets");
    group.sample_size(20);
    for (name, query) in [
        ("all", ""),
        ("word", "hezbollah"),
        ("field_and_word", "tag:PTER terrorism"),
    ] {
        group.bench_with_input(BenchmarkId::new(name, count), query, |b, q| {
            b.iter(|| opened.facets(black_box(q)).expect("runs"));
        });
    }
    group.finish();
}

/// Open the index, build the library on it and its table, draw the first frame (120x40):
/// what `cableview --index DIR` does before the user sees anything. The library is freed
/// outside the timing, as the binary frees it only on quitting.
fn first_frame(c: &mut Criterion, built: &Path, count: usize) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test backend");
    let mut group = c.benchmark_group("library_on_index");
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("first_frame", count), |b| {
        b.iter_with_large_drop(|| {
            let index = SearchIndex::open(black_box(built)).expect("the index opens");
            let library = Library::from_index(index).expect("a library");
            let mut session = Session::new(library, ReaderOptions::default());
            session.update(Message::Resize(120, 40));
            terminal
                .draw(|frame| cableview::ui::draw(frame, &session))
                .expect("a frame");
            session
        });
    });
    group.finish();
}

/// `rg -l -i WORD cables.csv`, the user's way today; skipped when rg is not installed.
fn rg(c: &mut Criterion, csv: &PathBuf, count: usize) {
    let found = std::process::Command::new("rg")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("rg is not installed: the rg comparison is skipped");
        return;
    }
    let mut group = c.benchmark_group("rg");
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("word", count), |b| {
        b.iter(|| {
            std::process::Command::new("rg")
                .args(["-l", "-i", "hezbollah"])
                .arg(csv)
                .output()
                .expect("rg runs")
        });
    });
    group.finish();
}

criterion_group!(benches, index);
criterion_main!(benches);
