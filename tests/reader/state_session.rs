//! A reading session against the store, without a terminal: resume, save after a
//! jump, not after every line, and save the exact place on quit.

use crate::drive::Driver;
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::{Reader, ReaderOptions, ReadingPosition};
use cableview::session::{Effect, Session};
use cableview::shell::state::Store;
use std::path::Path;

/// The sample in a single-cable session saving in the store at `path`.
fn reading(path: &Path, fresh: bool) -> Driver {
    let mut session = Session::single(cableview::input::sample(), ReaderOptions::default());
    session.set_fresh(fresh);
    session.update(Message::Resize(120, 40));
    Driver::with_store(session, Store::open(path.to_path_buf()))
}

fn app(driver: &Driver) -> &Reader {
    driver.session.reader().expect("the cable is open")
}

fn saved(path: &Path) -> Option<ReadingPosition> {
    Store::open(path.to_path_buf()).position_as("05PARIS2333")
}

/// Quits as the user does, and waits for the saves to be written.
fn quit(driver: &mut Driver) -> Vec<String> {
    driver.press(Action::Quit);
    assert!(driver.quit);
    driver.store.flush();
    driver.store.take_notices()
}

#[test]
fn a_session_saves_on_jumps_and_on_quit_and_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");

    let mut reader = reading(&path, false);
    assert_eq!(
        app(&reader).notice(),
        None,
        "nothing to resume, nothing said"
    );

    let effects = reader.press(Message::GoTo("4".into()));
    assert!(
        matches!(effects.as_slice(), [Effect::SavePosition { key, position }]
            if key == "05PARIS2333" && position.paragraph == 4),
        "a jump asks for a save: {effects:?}"
    );
    reader.store.flush();
    assert_eq!(
        saved(&path).map(|p| p.paragraph),
        Some(4),
        "saved after the jump"
    );

    // A line down inside ¶4 is not worth a write; the quit saves it.
    let at_jump = app(&reader).position();
    assert_eq!(reader.press(Action::Down), [], "no save for a line");
    assert_eq!(app(&reader).position().paragraph, 4);
    assert_ne!(app(&reader).position().row, at_jump.row, "the line moved");
    reader.store.flush();
    assert_eq!(
        saved(&path),
        Some(at_jump),
        "but the file still has the jump"
    );
    reader.press(Action::SetMark);
    reader.press(Message::Type('a'));
    reader.store.flush();
    assert!(
        saved(&path).expect("saved").marks.contains_key(&'a'),
        "a new mark is saved"
    );
    let exact = app(&reader).position();
    assert_eq!(quit(&mut reader), Vec::<String>::new());
    assert_eq!(saved(&path), Some(exact.clone()));

    let again = reading(&path, false);
    assert_eq!(app(&again).position(), exact);
    assert_eq!(app(&again).notice(), Some("resumed at ¶4"));

    let fresh = reading(&path, true);
    assert_eq!(app(&fresh).position().paragraph, 0);
    assert_eq!(app(&fresh).notice(), None);
}

#[test]
fn store_notices_reach_the_status_line_of_a_single_cable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    std::fs::write(&path, "garbage").expect("write");
    let mut store = Store::open(path);
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1);
    // As the command line does before the terminal starts.
    let mut session = Session::single(cableview::input::sample(), ReaderOptions::default());
    session.notify(notices.join("; "));
    let reader = Driver::with_store(session, store);
    assert_eq!(app(&reader).notice(), Some(notices[0].as_str()));
}

/// A `state.json` of `cables` other cables, as years of reading leave it.
fn big_state(path: &Path, cables: usize) {
    let entry = |n: usize| {
        format!(
            "\"{n:02}PARIS{n}\": {{\"position\": {{\"paragraph\": {}, \"row\": 0, \"entity\": null, \
             \"hidden_kinds\": [], \"marks\": {{}}}}, \"updated_at\": 1700000000}}",
            n % 40
        )
    };
    let body: Vec<String> = (0..cables).map(entry).collect();
    let text = format!("{{\"version\": 1, \"cables\": {{{}}}}}", body.join(",\n"));
    std::fs::write(path, text).expect("write the state");
}

#[test]
fn jumps_never_wait_for_a_big_file_or_another_instances_lock() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    big_state(&path, 60_000);
    let mut reader = reading(&path, false);
    assert!(reader.store.take_notices().is_empty());

    // Another cableview is saving: each jump below would have waited for its lock,
    // then rewritten the whole file, before the next key was read.
    let lock = dir.path().join("state.json.lock");
    std::fs::write(&lock, "another cableview").expect("lock");
    let before = std::fs::read(&path).expect("state");
    for paragraph in [3, 5, 2, 6, 4, 7, 1, 5] {
        reader.press(Message::GoTo(paragraph.to_string()));
    }
    assert_eq!(app(&reader).position().paragraph, 5);
    assert!(std::fs::read(&path).expect("state") == before, "untouched");

    // The other instance is done; quitting writes the last place, next to every
    // other cable's.
    std::fs::remove_file(&lock).expect("unlock");
    let exact = app(&reader).position();
    assert_eq!(quit(&mut reader), Vec::<String>::new());
    let store = Store::open(path);
    assert_eq!(store.entries().len(), 60_001);
    assert_eq!(store.position_as("05PARIS2333"), Some(exact));
    assert_eq!(
        store.position("01PARIS1").map(|p| &p["paragraph"]),
        Some(&serde_json::json!(1))
    );
}
