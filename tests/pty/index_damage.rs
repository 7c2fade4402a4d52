//! The screen on a damaged corpus index: `cableview --index` on a garbled index ends
//! with why instead of hanging on "Opening the index"; a garbled default index opens
//! the sample and says why; an index damaged under the screen makes `/` show a message,
//! and `q` still quits.

use crate::damage::{build_index, copy_index, garble_columns};
use crate::pty::{Pty, Terminal};

#[test]
fn the_library_on_a_garbled_index_ends_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    build_index(&index);
    garble_columns(&index);
    let mut pty = Pty::spawn(&["--index", index.to_str().unwrap()], 120, 20);
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    let said = String::from_utf8_lossy(&pty.raw_output()).into_owned();
    assert!(said.contains("the index is corrupt"), "{said}");
    assert!(!said.contains("panicked"), "{said}");
}

#[test]
fn a_garbled_default_index_opens_the_sample_and_says_why() {
    let data = tempfile::tempdir().unwrap();
    let index = data.path().join("index");
    build_index(&index);
    garble_columns(&index);
    let terminal = Terminal {
        env: vec![(
            "CABLEVIEW_DATA_DIR".to_string(),
            data.path().to_string_lossy().into_owned(),
        )],
        ..Terminal::default()
    };
    let mut pty = Pty::spawn_in(&[], 120, 30, &terminal);
    pty.wait_for_text("05PARIS2333");
    pty.wait_for_text("the index is corrupt");
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn a_search_on_an_index_damaged_under_the_screen_shows_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let built = dir.path().join("built");
    build_index(&built);
    let index = dir.path().join("index");
    copy_index(&built, &index);
    let mut pty = Pty::spawn(&["--index", index.to_str().unwrap()], 120, 30);
    pty.wait_for_text("cableview library: 34 of 34 cables");
    // In place: the running cableview has the files mapped and reads the damage.
    garble_columns(&index);
    pty.send("/paris\r");
    pty.wait_for_text("the index is corrupt");
    assert!(pty.running(), "{}", pty.rows().join("\n"));
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}\n{}", pty.rows().join("\n"));
}
