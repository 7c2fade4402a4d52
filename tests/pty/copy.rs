//! `y` and `Y` in the real binary: the quote reaches the terminal as an OSC 52 clipboard
//! escape, base64 encoded, or inside tmux goes to `tmux load-buffer -w -`; the status line
//! says how it was sent, or that it failed.

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
    pty.wait_for_text("sent to the terminal's clipboard (OSC 52)");
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
    let status = format!(
        "¶3 ({} characters) sent to the terminal's clipboard (OSC 52)",
        copied[0].chars().count()
    );
    assert!(pty.find(&status).is_some(), "{status}\n{:#?}", pty.rows());

    pty.send("fhez\r");
    pty.wait_for_text("Hezbollah 1/8");
    pty.send("Y");
    pty.wait_for_text("8 mentions of Hezbollah (");
    pty.wait_for_text("sent to the terminal's clipboard (OSC 52)");
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
    pty.wait_for_text("sent to the terminal's clipboard (OSC 52)");
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
    pty.wait_for_text("sent to the terminal's clipboard (OSC 52)");
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
    pty.wait_for_text("sent to the terminal's clipboard (OSC 52)");
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
    pty.wait_for_text("sent to the terminal's clipboard (OSC 52)");
    assert_eq!(
        decoded(&pty),
        [
            "<https://wikileaks.org/cable/2005/04/05PARIS2333.html> 05PARIS2333, para. 2, marked S/NF, sent 2005-04-07"
        ]
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

/// A `tmux` for the test's PATH: it keeps its arguments and what it reads on stdin in
/// `dir`, writes `stderr` and exits with `status`.
#[cfg(unix)]
fn fake_tmux(dir: &std::path::Path, stderr: &str, status: i32) -> Terminal {
    use std::os::unix::fs::PermissionsExt as _;
    let script = dir.join("tmux");
    let out = dir.display();
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$*\" > '{out}/args'\ncat > '{out}/stdin'\nprintf '%s\\n' '{stderr}' >&2\nexit {status}\n"
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::var("PATH").unwrap_or_default();
    Terminal {
        env: vec![
            ("TMUX".into(), "/tmp/tmux-1000/default,4242,0".into()),
            ("PATH".into(), format!("{out}:{path}")),
        ],
        ..Terminal::default()
    }
}

#[cfg(unix)]
#[test]
fn inside_tmux_y_hands_the_quote_to_tmux_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let terminal = fake_tmux(dir.path(), "", 0);
    let mut pty = Pty::spawn_in(&[], 120, 40, &terminal);
    pty.wait_for_text("Paragraphs 7");
    pty.send("3");
    pty.wait_for_text("¶3 of 7");
    pty.send("y");
    pty.wait_for_text("sent to tmux's buffer");
    let args = std::fs::read_to_string(dir.path().join("args")).unwrap();
    assert_eq!(args, "load-buffer -w -\n");
    let quote = std::fs::read_to_string(dir.path().join("stdin")).unwrap();
    assert!(
        quote.starts_with("05PARIS2333 ¶3 (S) · PARIS · GWOT ASSESSMENT"),
        "{quote}"
    );
    assert!(quote.ends_with("biosafety/biorisk seminars in the U.S."));
    let status = format!(
        "¶3 ({} characters) sent to tmux's buffer",
        quote.chars().count()
    );
    assert!(pty.find(&status).is_some(), "{status}\n{:#?}", pty.rows());
    // No escape for tmux to drop (or for the terminal behind it to act on twice).
    assert!(pty.clipboard().is_empty());
    assert!(!pty.raw_output().windows(4).any(|w| w == b"Ptmux"));
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn a_copy_tmux_refuses_is_reported_as_failed() {
    let dir = tempfile::tempdir().unwrap();
    let terminal = fake_tmux(dir.path(), "no server running on /tmp/tmux-1000/default", 1);
    let mut pty = Pty::spawn_in(&[], 120, 40, &terminal);
    pty.wait_for_text("Paragraphs 7");
    pty.send("2");
    pty.wait_for_text("¶2 of 7");
    pty.send("y");
    pty.wait_for_text("could not copy ¶2 (");
    pty.wait_for_text("tmux load-buffer failed: no server running on /tmp/tmux-1000/default");
    assert!(!pty.holds(|s| s.contents().contains("sent to")));
    assert!(pty.clipboard().is_empty());
    pty.send("q");
    assert!(pty.wait_exit().success());
}
