//! The search line as a shell's: Ctrl-U clears it, Ctrl-W deletes the word before the
//! cursor, Home and End move the cursor, up and down recall the queries searched (kept in
//! the data dir between runs); Esc in the reader's `/` puts the view back exactly. Keys
//! go through the session's own key handling, then to its state and the frame drawn.

use crate::drive::{Driver, single};
use cableview::library::Library;
use cableview::search_index::{self, SearchIndex};
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use cableview::session::{Effect, Session};
use cableview::shell::state::Store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::atomic::AtomicBool;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Presses a key as the terminal sends it: the session says what it means, then does it.
fn key(d: &mut Driver, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    let action = d.session.action_for_key(&KeyEvent::new(code, modifiers));
    action.map(|a| d.press(a)).unwrap_or_default()
}

fn plain(d: &mut Driver, code: KeyCode) -> Vec<Effect> {
    key(d, code, KeyModifiers::NONE)
}

fn ctrl(d: &mut Driver, c: char) -> Vec<Effect> {
    key(d, KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn type_keys(d: &mut Driver, text: &str) {
    for c in text.chars() {
        plain(d, KeyCode::Char(c));
    }
}

/// A session on an index of the annotated fixtures, saving in `state` (a data dir's
/// `state.json`), with the history that data dir kept.
fn indexed(index: &Path, state: &Path) -> Driver {
    if !index.exists() {
        let inputs = [Path::new(FIXTURES).join("annotated")];
        search_index::update(index, &inputs, &|_| {}, &AtomicBool::new(false)).expect("indexed");
    }
    let library = Library::from_index(SearchIndex::open(index).unwrap()).expect("a library");
    let mut store = Store::open(state.to_path_buf());
    let mut session = Session::new(library, ReaderOptions::default());
    session.set_history(store.history());
    session.update(Message::Resize(110, 30));
    Driver::with_store(session, store)
}

/// The search line as drawn: the screen's row that starts with `/`.
fn line(d: &Driver) -> String {
    let screen = d.screen();
    let row = screen
        .lines()
        .find(|l| l.trim_start_matches('"').starts_with('/'))
        .unwrap_or_else(|| panic!("no search line in\n{screen}"))
        .trim_start_matches('"');
    row.split("  ").next().unwrap_or("").trim_end().to_string()
}

#[test]
fn the_search_line_edits_as_a_shells() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = indexed(&dir.path().join("ix"), &dir.path().join("state.json"));
    plain(&mut d, KeyCode::Char('/'));
    type_keys(&mut d, "hezbollah iran");
    assert_eq!(line(&d), "/hezbollah iran▏");
    let effects = ctrl(&mut d, 'w');
    assert_eq!(d.table().query().text, "hezbollah ");
    assert_eq!(line(&d), "/hezbollah ▏");
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Search { query, .. } if query == "hezbollah ")),
        "the index is asked again: {effects:?}"
    );
    // Home, then a word typed before the rest.
    plain(&mut d, KeyCode::Home);
    assert_eq!(line(&d), "/▏hezbollah");
    type_keys(&mut d, "tag:PTER ");
    assert_eq!(d.table().query().text, "tag:PTER hezbollah ");
    assert_eq!(line(&d), "/tag:PTER ▏hezbollah");
    plain(&mut d, KeyCode::End);
    plain(&mut d, KeyCode::Backspace);
    assert_eq!(line(&d), "/tag:PTER hezbollah▏");
    // Ctrl-U clears the line: the next query is not appended to the last.
    ctrl(&mut d, 'u');
    assert_eq!(line(&d), "/▏");
    assert_eq!(d.table().rows().len(), d.library.len(), "every cable again");
    type_keys(&mut d, "terrorism");
    assert_eq!(d.table().query().text, "terrorism");
    assert!(
        d.table()
            .full_text()
            .is_some_and(|f| f.query() == "terrorism")
    );
}

#[test]
fn up_and_down_recall_the_queries_of_this_run_and_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let (index, state) = (dir.path().join("ix"), dir.path().join("state.json"));
    let mut d = indexed(&index, &state);
    for query in ["hezbollah", "tag:PTER"] {
        plain(&mut d, KeyCode::Char('/'));
        ctrl(&mut d, 'u');
        type_keys(&mut d, query);
        plain(&mut d, KeyCode::Enter);
    }
    plain(&mut d, KeyCode::Char('/'));
    ctrl(&mut d, 'u');
    type_keys(&mut d, "draft");
    plain(&mut d, KeyCode::Up);
    assert_eq!(line(&d), "/tag:PTER▏");
    plain(&mut d, KeyCode::Up);
    assert_eq!(line(&d), "/hezbollah▏");
    let rows = d.table().rows().to_vec();
    plain(&mut d, KeyCode::Down);
    let effects = plain(&mut d, KeyCode::Down);
    assert_eq!(line(&d), "/draft▏", "past the newest, the line as typed");
    assert!(effects.iter().any(|e| matches!(e, Effect::Search { .. })));
    assert_ne!(d.table().rows(), rows);
    drop(d);

    // The next run, in the same data dir, recalls them.
    let saved = std::fs::read_to_string(dir.path().join("search_history.json")).unwrap();
    let saved: Vec<String> = serde_json::from_str(&saved).unwrap();
    assert_eq!(saved, ["hezbollah", "tag:PTER"]);
    let mut d = indexed(&index, &state);
    plain(&mut d, KeyCode::Char('/'));
    plain(&mut d, KeyCode::Up);
    assert_eq!(line(&d), "/tag:PTER▏");
}

#[test]
fn a_history_file_that_is_not_one_is_said_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("search_history.json");
    std::fs::write(&history, "{ not a list").unwrap();
    let mut store = Store::open(dir.path().join("state.json"));
    assert!(store.history().is_empty());
    let notices = store.take_notices();
    assert!(
        notices
            .iter()
            .any(|n| n.contains("search_history.json: not a JSON list")),
        "{notices:?}"
    );
    store.save_history(&["paris".to_string()]);
    assert_eq!(
        Store::open(dir.path().join("state.json")).history(),
        ["paris"]
    );
}

#[test]
fn esc_in_the_readers_search_puts_the_view_back_with_the_header_folded() {
    let mut d = single(cableview::input::sample(), ReaderOptions::default(), 80, 24);
    let before = d.screen();
    assert!(!d.app().header_open());
    plain(&mut d, KeyCode::Char('/'));
    type_keys(&mut d, "buckneberg");
    assert!(d.app().header_open(), "the match in the header shows");
    // The line edits here too.
    ctrl(&mut d, 'w');
    type_keys(&mut d, "tags");
    plain(&mut d, KeyCode::Esc);
    assert!(!d.app().header_open(), "folded again");
    assert_eq!(d.screen(), before, "the view exactly as it was");
}
