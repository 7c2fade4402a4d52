//! `y` and `Y` in the real binary: the quote reaches the terminal as an OSC 52 clipboard
//! escape, base64 encoded, and the status line says what was copied.

use crate::pty;

use crate::controls;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use pty::{Pty, Terminal};

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
    // The annotated sample knows no date, so no URL: the citation, then the text.
    assert!(
        copied[0].starts_with(
            "05PARIS2333 ¶3 (S) · PARIS · GWOT ASSESSMENT: EMBASSY PARIS FEEDBACK\n\nTwo reasons for this breadth"
        ),
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
        copied[0].starts_with("04PARIS8983 ¶1 (U) · PARIS · "),
        "{}",
        copied[0]
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn y_puts_no_control_character_on_the_clipboard() {
    // ¶1 holds `ESC[201~`, carriage returns around a command, C1 and a bidi override: a
    // paste of the raw text into bash with bracketed paste on would run the command.
    let dir = tempfile::tempdir().unwrap();
    let cable = controls::write_cable(dir.path());
    let mut pty = Pty::spawn(&[cable.to_str().unwrap()], 120, 40);
    pty.wait_for_text("Paragraphs 7");
    pty.send("1");
    pty.wait_for_text("¶1 of 7");
    pty.send("y");
    pty.wait_for_text("copied ¶1");
    let copied = decoded(&pty);
    assert_eq!(copied.len(), 1);
    controls::assert_clean("the OSC 52 payload", copied[0].as_bytes());
    assert!(
        copied[0]
            .contains("Summary: ␛[201~␍echo PWNED␍␛]0;T␇\u{fffd}31m\u{fffd}\u{fffd} U.S.-French"),
        "{}",
        copied[0]
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn y_on_a_page_cites_origin_date_subject_and_the_wikileaks_url() {
    let page = "tests/fixtures/raw/05PARIS2333.html";
    let mut pty = Pty::spawn(&[page], 120, 40);
    pty.wait_for_text("Paragraphs 7");
    pty.send("3");
    pty.wait_for_text("¶3 of 7");
    pty.send("y");
    pty.wait_for_text("copied ¶3");
    let copied = decoded(&pty);
    let lines: Vec<&str> = copied[0].lines().collect();
    assert_eq!(
        lines[..3],
        [
            "05PARIS2333 ¶3 (S) · Embassy Paris · 2005-04-07 · GWOT ASSESSMENT: EMBASSY PARIS FEEDBACK",
            "https://wikileaks.org/cable/2005/04/05PARIS2333.html",
            "",
        ],
        "{}",
        copied[0]
    );
    assert!(
        lines[3].starts_with("Two reasons for this breadth"),
        "{}",
        lines[3]
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn y_follows_the_citation_template_of_the_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "citation = \"<{url}> {id}, para. {paragraph}[, marked {marking}][, sent {date}]\"\n",
    )
    .unwrap();
    let terminal = Terminal {
        env: vec![(
            "CABLEVIEW_CONFIG_DIR".into(),
            dir.path().to_str().unwrap().into(),
        )],
        ..Terminal::default()
    };
    let page = "tests/fixtures/raw/05PARIS2333.html";
    let mut pty = Pty::spawn_in(&[page], 120, 40, &terminal);
    pty.wait_for_text("Paragraphs 7");
    pty.send("2");
    pty.wait_for_text("¶2 of 7");
    pty.send("y");
    pty.wait_for_text("copied ¶2");
    assert_eq!(
        decoded(&pty),
        [
            "<https://wikileaks.org/cable/2005/04/05PARIS2333.html> 05PARIS2333, para. 2, marked S/NF, sent 2005-04-07"
        ]
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}
