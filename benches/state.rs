//! Saving the reading position: what a jump costs the reader when `state.json` is big.
//!
//! Run with `cargo bench --bench state`. The state file is made here: 250,000 cables
//! (about 50 MB), a position for every cable of the 2010 release.

/// The allocator the `cableview` binary uses, so figures match the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cableview::session::Session;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use cableview::shell::state::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;

const CABLES: usize = 250_000;

/// A `state.json` of `cables` cables, as the store writes it.
fn big_state(path: &Path, cables: usize) {
    let mut store = Store::open(path.to_path_buf());
    for n in 0..cables {
        let position = serde_json::json!({
            "paragraph": n % 40, "row": 0, "entity": null, "hidden_kinds": [], "marks": {}
        });
        store.save_later(&format!("{:02}PARIS{n}", n % 100), &position);
    }
    store.flush();
}

fn saving(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    big_state(&path, CABLES);
    let size = std::fs::metadata(&path).expect("state").len();
    eprintln!("state.json: {CABLES} cables, {} MB", size / 1_000_000);

    let mut group = c.benchmark_group("state");
    group.sample_size(10);

    // The reader's jump: the session asks for the save, which goes to the saving thread.
    let mut session = Session::single(cableview::input::sample(), ReaderOptions::default());
    let mut reading = Store::open(path.clone());
    let carry = |session: &mut Session, store: &mut Store, effects| {
        cableview::shell::tui::settle(session, store, effects, &mut |_| {
            Ok(cableview::shell::tui::clipboard::Sent::Osc52)
        })
        .expect("no terminal")
    };
    let effects = session.start();
    carry(&mut session, &mut reading, effects);
    let effects = session.update(Message::Resize(120, 40));
    carry(&mut session, &mut reading, effects);
    let mut paragraph = 0;
    group.bench_function("paragraph jump and its save, 50 MB state.json", |b| {
        b.iter(|| {
            paragraph = paragraph % 7 + 1;
            let effects = session.update(Message::GoTo(paragraph.to_string()));
            carry(&mut session, &mut reading, effects);
        });
    });
    reading.flush();

    // What each jump cost before: the save on the reader's thread.
    let mut store = Store::open(path);
    group.bench_function("a save on the calling thread, 50 MB state.json", |b| {
        b.iter(|| {
            paragraph = paragraph % 7 + 1;
            store.save(
                "05PARIS2333",
                &serde_json::json!({ "paragraph": paragraph }),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, saving);
criterion_main!(benches);
