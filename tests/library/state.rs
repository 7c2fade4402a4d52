//! Reading positions in a library session: each cable opened from the library resumes
//! where it was left, as a cable opened alone does; leaving it (back to the table, a
//! jump to another cable, quitting) records where it is.

use crate::drive::Driver;
use cableview::library::Library;
use cableview::session::Session;
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::{ReaderOptions, ReadingPosition};
use cableview::shell::state::Store;
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn library() -> Library {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = [
        root.join("tests/fixtures/annotated"),
        root.join("assets/05PARIS2333.txt"),
    ];
    Library::load(&paths, &|_| {}, &AtomicBool::new(false))
}

/// A browser keeping positions in `state` (`--fresh` when `fresh`).
fn browser(state: &Path, fresh: bool) -> Driver {
    let mut session = Session::new(library(), ReaderOptions::default());
    session.set_fresh(fresh);
    let mut store = Store::open(state.to_path_buf());
    let notices = store.take_notices();
    assert!(notices.is_empty(), "{notices:?}");
    let mut browser = Driver::with_store(session, store);
    browser.press(Message::Resize(120, 40));
    browser
}

/// Quits as the user does; returns the notices of saves that failed.
fn finish(browser: &mut Driver) -> Vec<String> {
    browser.press(Action::Quit);
    assert!(browser.quit);
    browser.store.flush();
    browser.store.take_notices()
}

fn open(browser: &mut Driver, id: &str) {
    browser.press(Action::Filter);
    for c in id.to_lowercase().chars() {
        browser.press(Message::Type(c));
    }
    browser.press(Action::Open);
    browser.press(Action::Open);
    assert_eq!(reader_id(browser), id);
}

fn reader_id(browser: &Session) -> String {
    browser.reader().unwrap().cable().title().to_string()
}

fn reader_position(browser: &Session) -> ReadingPosition {
    browser.reader().unwrap().position()
}

fn saved(state: &Path, id: &str) -> Option<ReadingPosition> {
    Store::open(state.to_path_buf()).position_as(id)
}

/// What is saved for `id` once `done` holds of it: the session saves on a thread of
/// its own, so the file has it a moment after the move (the quit waits for it).
fn saved_soon(
    state: &Path,
    id: &str,
    done: impl Fn(&Option<ReadingPosition>) -> bool,
) -> Option<ReadingPosition> {
    let start = std::time::Instant::now();
    loop {
        let now = saved(state, id);
        if done(&now) || start.elapsed() > std::time::Duration::from_secs(20) {
            return now;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn back_to_the_table_saves_and_the_next_session_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state.json");

    let mut b = browser(&state, false);
    open(&mut b, "05PARIS2333");
    b.press(Message::GoTo("5".into()));
    // A line down inside ¶5 waits for leaving the cable.
    b.press(Action::Down);
    let exact = reader_position(&b);
    assert_eq!(exact.paragraph, 5);
    assert_ne!(saved(&state, "05PARIS2333"), Some(exact.clone()));
    b.press(Action::Back);
    assert!(b.view().is_library());
    let expected = Some(exact.clone());
    assert_eq!(
        saved_soon(&state, "05PARIS2333", |p| *p == expected),
        expected
    );

    let mut again = browser(&state, false);
    open(&mut again, "05PARIS2333");
    assert_eq!(reader_position(&again), exact);
    let app = &again.reader().unwrap();
    assert_eq!(app.notice(), Some("resumed at ¶5"));

    // --fresh opens at the top, and still saves.
    let mut fresh = browser(&state, true);
    open(&mut fresh, "05PARIS2333");
    assert_eq!(reader_position(&fresh).paragraph, 0);
    fresh.press(Message::GoTo("3".into()));
    fresh.press(Action::Back);
    let at_3 = |p: &Option<ReadingPosition>| p.as_ref().map(|p| p.paragraph) == Some(3);
    assert!(at_3(&saved_soon(&state, "05PARIS2333", at_3)));
}

#[test]
fn jumping_to_another_cable_and_quitting_save_the_cable_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state.json");
    let mut b = browser(&state, false);
    open(&mut b, "05PARIS2333");
    b.press(Message::GoTo("4".into()));
    b.press(Action::Down);
    let left = reader_position(&b);
    // Follow REF B from the list: the cable left is saved exactly.
    b.press(Action::References);
    b.press(Action::Open);
    assert_eq!(reader_id(&b), "04PARIS8983");
    let expected = Some(left.clone());
    assert_eq!(
        saved_soon(&state, "05PARIS2333", |p| *p == expected),
        expected
    );
    b.press(Message::GoTo("2".into()));
    b.press(Action::Down);
    let there = reader_position(&b);

    // Jumping back saves where 04PARIS8983 was, and returns to the exact place left.
    b.press(Action::JumpBack);
    assert_eq!(reader_id(&b), "05PARIS2333");
    assert_eq!(reader_position(&b), left);
    let expected = Some(there);
    assert_eq!(
        saved_soon(&state, "04PARIS8983", |p| *p == expected),
        expected
    );

    // Quitting saves the cable in the reader.
    b.press(Message::GoTo("6".into()));
    b.press(Action::Down);
    let last = reader_position(&b);
    assert!(finish(&mut b).is_empty());
    assert_eq!(saved(&state, "05PARIS2333"), Some(last));
}

#[test]
fn an_entity_followed_to_a_cable_wins_over_its_saved_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state.json");
    let mut b = browser(&state, false);
    open(&mut b, "08RIYADH768");
    // Leave it with a mark set and another entity selected.
    b.press(Action::Bottom);
    b.press(Action::SetMark);
    b.press(Message::Type('a'));
    let app = &mut b.reader_mut().unwrap();
    let other = app
        .cable()
        .entities
        .iter()
        .position(|e| e.name.to_lowercase() != "hezbollah")
        .unwrap();
    app.select_entity(other, false);
    b.press(Action::Back);
    let left = saved_soon(&state, "08RIYADH768", Option::is_some).expect("saved");
    assert!(left.marks.contains_key(&'a') && left.entity.is_some());

    b.press(Action::Cancel);
    b.press(Action::Cancel);
    open(&mut b, "05PARIS2333");
    let app = &mut b.reader_mut().unwrap();
    let hezbollah = app
        .cable()
        .entities
        .iter()
        .position(|e| e.name == "Hezbollah")
        .unwrap();
    app.select_entity(hezbollah, true);
    b.press(Action::OtherCables);
    b.press(Action::Open);
    assert_eq!(reader_id(&b), "08RIYADH768");
    let app = &b.reader().unwrap();
    let selected = &app.cable().entities[app.selected().unwrap()];
    assert_eq!(selected.name.to_lowercase(), "hezbollah");
    assert_eq!(
        app.mention_cursor(),
        Some(0),
        "at the entity's first mention"
    );
    // The rest of what was saved comes back.
    assert!(app.marks().contains_key(&'a'), "the mark set last time");
}

#[test]
fn no_state_means_nothing_is_read_or_written() {
    let mut b = Driver::new(Session::new(library(), ReaderOptions::default()));
    b.press(Message::Resize(120, 40));
    open(&mut b, "05PARIS2333");
    b.press(Message::GoTo("5".into()));
    b.press(Action::Back);
    assert!(finish(&mut b).is_empty());
}
