//! A reading session against the store, without a terminal: resume, save after a
//! jump, not after every line, and save the exact place on quit.

use cableview::action::Action;
use cableview::app::{App, AppOptions, ReadingPosition};
use cableview::state::Store;
use cableview::state::session::Session;
use std::path::Path;

fn app() -> App {
    let mut app = App::new(cableview::input::sample(), AppOptions::default());
    app.update(Action::Resize(120, 40));
    app
}

fn saved(path: &Path) -> Option<ReadingPosition> {
    Store::open(path.to_path_buf()).position_as("05PARIS2333")
}

#[test]
fn a_session_saves_on_jumps_and_on_quit_and_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");

    let mut reading = app();
    let (mut session, notices) = Session::start(Store::open(path.clone()), &mut reading, false);
    assert!(notices.is_empty());
    assert_eq!(reading.notice, None, "nothing to resume, nothing said");

    reading.update(Action::GoTo("4".into()));
    session.after_update(&mut reading);
    session.flush();
    assert_eq!(
        saved(&path).map(|p| p.paragraph),
        Some(4),
        "saved after the jump"
    );

    // A line down inside ¶4 is not worth a write; the quit saves it.
    let at_jump = reading.position();
    reading.update(Action::Down);
    session.after_update(&mut reading);
    session.flush();
    assert_eq!(reading.position().paragraph, 4);
    assert_ne!(reading.position().row, at_jump.row, "the line moved");
    assert_eq!(
        saved(&path),
        Some(at_jump),
        "but the file still has the jump"
    );
    reading.update(Action::SetMark);
    reading.update(Action::Type('a'));
    session.after_update(&mut reading);
    session.flush();
    assert!(
        saved(&path).expect("saved").marks.contains_key(&'a'),
        "a new mark is saved"
    );
    let exact = reading.position();
    assert_eq!(session.finish(&mut reading), Vec::<String>::new());
    assert_eq!(saved(&path), Some(exact.clone()));

    let mut again = app();
    let (_session, notices) = Session::start(Store::open(path.clone()), &mut again, false);
    assert!(notices.is_empty());
    assert_eq!(again.position(), exact);
    assert_eq!(again.notice.as_deref(), Some("resumed at ¶4"));

    let mut fresh = app();
    let (_session, _) = Session::start(Store::open(path), &mut fresh, true);
    assert_eq!(fresh.position().paragraph, 0);
    assert_eq!(fresh.notice, None);
}

#[test]
fn store_notices_reach_the_status_line_and_the_caller() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    std::fs::write(&path, "garbage").expect("write");
    let mut reading = app();
    let (_session, notices) = Session::start(Store::open(path), &mut reading, false);
    assert_eq!(notices.len(), 1);
    assert_eq!(reading.notice.as_deref(), Some(notices[0].as_str()));
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
    let mut reading = app();
    let (mut session, notices) = Session::start(Store::open(path.clone()), &mut reading, false);
    assert!(notices.is_empty(), "{notices:?}");

    // Another cableview is saving: each jump below would have waited for its lock,
    // then rewritten the whole file, before the next key was read.
    let lock = dir.path().join("state.json.lock");
    std::fs::write(&lock, "another cableview").expect("lock");
    let before = std::fs::read(&path).expect("state");
    for paragraph in [3, 5, 2, 6, 4, 7, 1, 5] {
        reading.update(Action::GoTo(paragraph.to_string()));
        session.after_update(&mut reading);
    }
    assert_eq!(reading.position().paragraph, 5);
    assert!(std::fs::read(&path).expect("state") == before, "untouched");

    // The other instance is done; quitting writes the last place, next to every
    // other cable's.
    std::fs::remove_file(&lock).expect("unlock");
    let exact = reading.position();
    assert_eq!(session.finish(&mut reading), Vec::<String>::new());
    let store = Store::open(path);
    assert_eq!(store.entries().len(), 60_001);
    assert_eq!(store.position_as("05PARIS2333"), Some(exact));
    assert_eq!(
        store.position("01PARIS1").map(|p| &p["paragraph"]),
        Some(&serde_json::json!(1))
    );
}
