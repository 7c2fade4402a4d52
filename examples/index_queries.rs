//! Times the benchmark's five queries on an index already built, as `cableview search -n
//! 20` runs them (the 20 best cables and their snippets), in process: the median and the
//! 95th percentile of RUNS runs each, so an index's size can be weighed against its speed.
//!
//! `cargo run --release --example index_queries -- DIR [RUNS]` (default 100 runs).

/// The allocator the `cableview` binary uses, so figures match the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cableview::search_index::SearchIndex;
use std::path::PathBuf;
use std::time::Instant;

/// The queries of `benches/index.rs`.
const QUERIES: [&str; 5] = [
    "hezbollah",
    "\"container security\"",
    "tag:PTER terrorism",
    "entity:\"Djamel Beghal\"",
    "date:2005..2007",
];

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: index_queries DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args
        .next()
        .and_then(|r| r.to_str()?.parse().ok())
        .unwrap_or(100)
        .max(1);
    let index = match SearchIndex::open(&dir) {
        Ok(index) => index,
        Err(e) => {
            eprintln!("index_queries: {e}");
            std::process::exit(1);
        }
    };
    println!("{} cables, {runs} runs a query", index.len());
    for query in QUERIES {
        let mut times = Vec::with_capacity(runs);
        let mut hits = 0;
        for _ in 0..runs {
            let start = Instant::now();
            hits = match index.search(query, 20) {
                Ok(found) => found.len(),
                Err(e) => {
                    eprintln!("index_queries: {query}: {e}");
                    std::process::exit(1);
                }
            };
            times.push(start.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "{query:<26} {hits:>3} hits  p50 {:>7.3} ms  p95 {:>7.3} ms",
            at(0.5),
            at(0.95)
        );
    }
}
