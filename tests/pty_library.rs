//! End to end: open a directory, filter the library, open a cable, follow an entity to
//! another cable, jump back, and return to the library with the filter kept.

#[path = "support/pty.rs"]
#[allow(dead_code, reason = "the shared helper has more than this test uses")]
mod pty;

use pty::Pty;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");

#[test]
fn directory_filter_open_follow_entity_and_come_back() {
    let mut pty = Pty::spawn(&[FIXTURES], 120, 40);
    pty.wait_for_text("cableview library: 34 of 34 cables");
    assert!(pty.alternate_screen());

    pty.send("/paris");
    pty.wait_for_text("cableview library: 2 of 34 cables");
    pty.send("\r");
    pty.send("\r");
    pty.wait_for_text("04PARIS8983 · from PARIS");

    // Select Paris through the entity filter, then list the other cables naming it.
    // The filter lists ORG "Paris Prosecutor" first; Down moves to LOC "Paris".
    pty.send("f");
    pty.send("paris");
    pty.wait_for_text("filter: paris");
    pty.send("\x1b[B");
    pty.send("\r");
    pty.wait_for_text("Paris: in 1 other cables (x to list)");
    pty.send("x");
    pty.wait_for_text("Paris in 1 other cables");
    pty.wait_for_text("09PARIS1426  ");
    pty.send("\r");
    pty.wait_for_text("09PARIS1426 · from PARIS");

    // Ctrl-o goes back to where we were.
    pty.send("\x0f");
    pty.wait_for_text("04PARIS8983 · from PARIS");

    // Backspace returns to the library, filter kept.
    pty.send("\x7f");
    pty.wait_for_text("cableview library: 2 of 34 cables");
    pty.wait_for_text("/paris");

    pty.send("q");
    assert!(pty.wait_exit().success());
    assert!(!pty.alternate_screen(), "the terminal is restored");
}

#[test]
fn q_quits_while_the_library_loads_or_after() {
    let mut pty = Pty::spawn(&[FIXTURES], 80, 24);
    pty.send("q");
    assert!(pty.wait_exit().success());
}
