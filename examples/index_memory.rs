//! Opens the library on a corpus index as `cableview --index DIR` does, draws its first
//! frame, and reports the time each step took and the peak memory.
//!
//! `cargo run --release --example index_memory -- DIR` (Linux: reads `VmHWM`).

/// The allocator the `cableview` binary uses, so figures match the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cableview::library::Library;
use cableview::search_index::SearchIndex;
use cableview::session::Session;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::time::Instant;

#[path = "support/proc_status.rs"]
mod proc_status;
use proc_status::status_kb;

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: index_memory DIR");
        std::process::exit(2);
    };
    let mb = |kb: u64| kb as f64 / 1024.0;
    let start = Instant::now();
    let mut last = start;
    let mut step = |name: &str| {
        let now = Instant::now();
        println!(
            "{name:<22} {:>7.3} s  (RSS {:.0} MB)",
            (now - last).as_secs_f64(),
            mb(status_kb("VmRSS:").unwrap_or(0))
        );
        last = now;
    };
    let index = SearchIndex::open(&dir).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    step("SearchIndex::open");
    let library = Library::from_index(index).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    step("Library::from_index");
    let mut session = Session::new(library, ReaderOptions::default());
    session.update(Message::Resize(120, 40));
    step("Session::new");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test backend");
    terminal
        .draw(|frame| cableview::ui::draw(frame, &session))
        .expect("a frame");
    step("first frame");
    println!(
        "{} cables: first frame after {:.3} s, peak RSS {:.1} MB",
        session.library.len(),
        start.elapsed().as_secs_f64(),
        mb(status_kb("VmHWM:").unwrap_or(0))
    );
}
