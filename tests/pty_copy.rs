//! `y` and `Y` in the real binary: the quote reaches the terminal as an OSC 52 clipboard
//! escape, base64 encoded, and the status line says what was copied.

#[path = "support/pty.rs"]
#[allow(dead_code, reason = "the shared helper has more than this test uses")]
mod pty;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use pty::Pty;

fn decoded(pty: &Pty) -> Vec<String> {
    pty.clipboard()
        .iter()
        .map(|data| String::from_utf8(STANDARD.decode(data).expect("base64")).expect("UTF-8"))
        .collect()
}

#[test]
fn y_copies_the_paragraph_and_capital_y_the_mentions() {
    let mut pty = Pty::spawn(&[], 120, 40);
    pty.wait_for_text("Paragraphs 7");
    pty.send("3");
    pty.wait_for_text("¶3 of 7");
    pty.send("y");
    pty.wait_for_text("copied ¶3");
    let copied = decoded(&pty);
    assert_eq!(copied.len(), 1);
    assert!(
        copied[0].starts_with("05PARIS2333 ¶3 (S): Two reasons for this breadth"),
        "{}",
        copied[0]
    );
    assert!(copied[0].ends_with("biosafety/biorisk seminars in the U.S."));

    pty.send("fhez\r");
    pty.wait_for_text("Hezbollah 1/8");
    pty.send("Y");
    pty.wait_for_text("copied 8 mentions of Hezbollah");
    let copied = decoded(&pty);
    let lines: Vec<&str> = copied[1].lines().collect();
    assert_eq!(lines.len(), 8);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("05PARIS2333 ¶5: ") && l.contains("Hezbollah"))
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn y_works_in_a_cable_opened_from_the_library() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");
    let mut pty = Pty::spawn(&[dir], 120, 40);
    pty.wait_for_text("cableview library: 34 of 34 cables");
    pty.send("/paris");
    pty.wait_for_text("cableview library: 2 of 34 cables");
    pty.send("\r");
    pty.send("\r");
    pty.wait_for_text("04PARIS8983 · from PARIS");
    pty.send("1");
    pty.send("y");
    pty.wait_for_text("copied ¶1");
    let copied = decoded(&pty);
    assert_eq!(copied.len(), 1);
    assert!(
        copied[0].starts_with("04PARIS8983 ¶1 (U): "),
        "{}",
        copied[0]
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}
