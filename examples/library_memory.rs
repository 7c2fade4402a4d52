//! Loads a directory of cables and reports the time and peak memory it took.
//!
//! `cargo run --release --example library_memory -- DIR` (Linux: reads `VmHWM`).

/// The allocator the `cableview` binary uses, so figures match the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cableview::library::Library;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

#[path = "support/proc_status.rs"]
mod proc_status;
use proc_status::status_kb;

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: library_memory DIR");
        std::process::exit(2);
    };
    let before = status_kb("VmRSS:").unwrap_or(0);
    let start = Instant::now();
    let progress = |_| {};
    let library = Library::load(
        std::slice::from_ref(&dir),
        &progress,
        &AtomicBool::new(false),
    );
    let elapsed = start.elapsed();
    let bytes: u64 = library
        .cables()
        .filter_map(|c| std::fs::metadata(library.path(c)?).ok())
        .map(|m| m.len())
        .sum();
    let peak = status_kb("VmHWM:").unwrap_or(0);
    let mb = |kb: u64| kb as f64 / 1024.0;
    println!(
        "{} cables ({:.1} MB of text), {} skipped, {} entities",
        library.len(),
        bytes as f64 / 1e6,
        library.skipped().len(),
        library.entity_index().len()
    );
    println!("load to library: {:.2} s", elapsed.as_secs_f64());
    println!(
        "peak RSS {:.1} MB (before load {:.1} MB): {:.2}x the corpus",
        mb(peak),
        mb(before),
        (peak * 1024) as f64 / bytes.max(1) as f64
    );
}
