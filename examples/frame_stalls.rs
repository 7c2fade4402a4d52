//! Types a query key by key into the table of a library on a corpus index, through the
//! real event loop (its worker and inbox, drawing on a 120x40 test backend), and reports
//! how long the loop was busy between taking a message and drawing its frame: the
//! longest is the worst stall a user typing would see.
//!
//! `cargo run --release --example frame_stalls -- DIR [QUERY] [MS_BETWEEN_KEYS]`
//! (default `hezbollah`, a key every 50 ms; then Enter and a few moves down the results).

/// The allocator the `cableview` binary uses, so figures match the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cableview::library::Library;
use cableview::search_index::SearchIndex;
use cableview::session::Session;
use cableview::session::reader::ReaderOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: frame_stalls DIR [QUERY] [MS_BETWEEN_KEYS]");
        std::process::exit(2);
    };
    let query = args.next().unwrap_or_else(|| "hezbollah".to_string());
    let gap = Duration::from_millis(args.next().and_then(|a| a.parse().ok()).unwrap_or(50));
    let opened = Instant::now();
    let library = match SearchIndex::open(&dir).and_then(Library::from_index) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("frame_stalls: {e}");
            std::process::exit(1);
        }
    };
    let rows = library.len();
    println!(
        "{rows} cables, opened in {:.1} s",
        opened.elapsed().as_secs_f64()
    );
    let mut session = Session::new(library, ReaderOptions::default());
    let mut script = vec![(gap, key(KeyCode::Char('/')))];
    script.extend(query.chars().map(|c| (gap, key(KeyCode::Char(c)))));
    script.push((gap, key(KeyCode::Enter)));
    script.extend((0..5).map(|_| (gap, key(KeyCode::Char('j')))));
    let mut terminal = match Terminal::new(TestBackend::new(120, 40)) {
        Ok(terminal) => terminal,
        Err(e) => {
            eprintln!("frame_stalls: {e}");
            std::process::exit(1);
        }
    };
    let typed = Instant::now();
    let frames = match cableview::shell::tui::run_scripted(&mut terminal, &mut session, script) {
        Ok(frames) => frames,
        Err(e) => {
            eprintln!("frame_stalls: {e}");
            std::process::exit(1);
        }
    };
    let mut busy: Vec<f64> = frames.busy.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    busy.sort_by(f64::total_cmp);
    let at = |q: f64| busy[((busy.len() - 1) as f64 * q).round() as usize];
    println!(
        "typed /{query} (a key every {} ms) in {:.2} s: {} frames; busy between frames p50 {:.2} ms, p95 {:.2} ms, longest {:.2} ms",
        gap.as_millis(),
        typed.elapsed().as_secs_f64(),
        frames.drawn,
        at(0.5),
        at(0.95),
        frames.longest().as_secs_f64() * 1e3,
    );
    let table = session.table();
    let shown = table.full_text().map_or(0, |_| table.rows().len());
    println!("{shown} cables shown for /{}", table.query().text);
}
