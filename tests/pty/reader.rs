//! End to end: the real binary in a pseudo-terminal, read back through vt100.

use crate::pty;

use pty::Pty;

/// The row of the screen holding the top of the reader, found by its paragraph label.
fn reader_top_row_contains(rows: &[String], label: &str, text: &str) -> bool {
    rows.iter().any(|r| r.contains(label) && r.contains(text))
}

#[test]
fn opens_the_sample_jumps_filters_and_quits_cleanly() {
    let mut pty = Pty::spawn(&[], 120, 40);
    pty.wait_for_text("SECRET");
    pty.wait_for_text("Paragraphs 7");
    assert!(
        pty.alternate_screen(),
        "the reader runs in the alternate screen"
    );
    assert!(pty.mouse_reporting(), "mouse reporting is on");

    pty.send("5");
    pty.wait_for("¶5 at the top of the reader", |s| {
        // The reader's first text row is the fourth screen row (banner 3 rows, border 1).
        let rows: Vec<String> = s.rows(0, s.size().1.get()).collect();
        reader_top_row_contains(&rows[4..5], "¶5", "As noted in ref C")
    });

    pty.send("f");
    pty.send("hez");
    pty.wait_for("Hezbollah alone in the sidebar", |s| {
        let contents = s.contents();
        contents.contains("filter: hez")
            && contents.contains("Hezbollah")
            && !sidebar(s).contains("France")
    });

    pty.send("\x1b");
    // Esc leaves the filter; q then quits.
    pty.wait_for("the filter closed", |s| {
        !s.contents().contains("filter: hez")
    });
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    pty.wait_for("the main screen back", |s| !s.alternate_screen());
    assert!(
        !pty.mouse_reporting(),
        "mouse reporting is turned off again"
    );
}

/// The entity sidebar's columns (the right third of a 120-column screen).
fn sidebar(screen: &vt100::Screen) -> String {
    let cols = screen.size().1.get();
    screen
        .rows(cols - cols / 4, cols / 4)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_narrow_terminal_folds_the_sidebars_and_still_jumps() {
    let mut pty = Pty::spawn(&[], 80, 24);
    pty.wait_for_text("SECRET");
    assert!(
        !pty.rows().join("\n").contains("Paragraphs 7"),
        "navigator folded at 80 columns"
    );
    pty.send("5");
    pty.wait_for("¶5 at the top", |s| {
        let rows: Vec<String> = s.rows(0, s.size().1.get()).collect();
        reader_top_row_contains(&rows[4..5], "¶5", "As noted in ref C")
    });
    pty.send("f");
    pty.send("hez");
    pty.wait_for("the sidebar unfolded with Hezbollah", |s| {
        let c = s.contents();
        c.contains("filter: hez") && c.contains("Hezbollah") && !sidebar(s).contains("France")
    });
    pty.send("\x03");
    assert!(pty.wait_exit().success());
    pty.wait_for("the main screen back", |s| !s.alternate_screen());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut pty = Pty::spawn(&[], 100, 30);
    pty.wait_for_text("SECRET");
    let pid = pty.pid().expect("a pid");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    pty.wait_exit();
    pty.wait_for("the main screen back", |s| !s.alternate_screen());
    assert!(!pty.mouse_reporting());
}

#[test]
fn escape_sequences_in_a_cable_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("99EVIL1.txt");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/05PARIS2333.txt"
    ))
    .unwrap()
    .replace("As noted in ref C", "As noted \u{1b}]0;pwned\u{7} in ref C");
    std::fs::write(&path, text).unwrap();
    let mut pty = Pty::spawn(&[path.to_str().unwrap()], 120, 40);
    pty.wait_for_text("SECRET");
    pty.send("5");
    pty.wait_for_text("\u{241b}]0;pwned\u{2407}");
    assert!(
        pty.titles().is_empty(),
        "the cable set the window title: {:?}",
        pty.titles()
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn a_side_file_ignored_for_an_annotated_cable_is_said_in_the_status_line() {
    // On stderr alone, the warning would be hidden behind the screen the reader opens.
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("x.ann");
    std::fs::write(&ann, "T1\tPERSON 0 6\tSECRET\n").unwrap();
    let cable = "tests/fixtures/annotated/10LUANDA84.txt";
    let mut pty = Pty::spawn(&[cable, "--annotations", ann.to_str().unwrap()], 200, 30);
    // The same warning goes to stderr before the screen opens: wait for the status line,
    // drawn whole.
    pty.wait_for("the warning in the status line", |s| {
        let text = s.contents();
        s.alternate_screen()
            && text.contains("x.ann: side-file annotations apply to pages and plain-text cables")
            && text.contains("already carries inline annotations")
    });
    let rows = pty.rows();
    let status = rows
        .iter()
        .find(|r| r.contains("x.ann: side-file"))
        .unwrap();
    assert!(
        status.contains("already carries inline annotations"),
        "{rows:#?}"
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

/// A cell's look: colours and attributes.
fn look(
    screen: &vt100::Screen,
    row: u16,
    col: u16,
) -> Option<(vt100::Color, vt100::Color, bool, bool, bool)> {
    let cell = screen.cell(row, col)?;
    Some((
        cell.fgcolor(),
        cell.bgcolor(),
        cell.bold(),
        cell.underline(),
        cell.inverse(),
    ))
}

#[test]
fn a_raw_page_shows_the_taggers_entities_highlighted_and_says_whose_they_are() {
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/raw/09PARIS1426.html"
    );
    let mut pty = Pty::spawn(&["--no-state", page], 140, 40);
    pty.wait_for_text("09PARIS1426");
    // The sidebar's title says the entities are cableview's tagger's.
    pty.wait_for("the sidebar's title", |s| {
        s.contents().contains(" · tagger")
    });
    pty.send("2");
    pty.wait_for("¶2 in view", |s| s.contents().contains("Sarkozy merged"));
    // In the reading pane, the tagged name is drawn unlike the plain word after it.
    pty.wait_for("Sarkozy highlighted, merged plain", |s| {
        let rows: Vec<String> = s.rows(0, s.size().1.get()).collect();
        rows.iter().enumerate().any(|(r, line)| {
            let Some(byte) = line.find("Sarkozy merged") else {
                return false;
            };
            let at = u16::try_from(line[..byte].chars().count()).unwrap_or(0);
            let row = u16::try_from(r).unwrap_or(0);
            let name = look(s, row, at);
            let plain = look(s, row, at + 8);
            name.is_some()
                && name != plain
                // Every letter of the name alike, the space after it not.
                && (1..7).all(|i| look(s, row, at + i) == name)
                && look(s, row, at + 7) != name
        })
    });
    pty.send("q");
    assert!(pty.wait_exit().success());
}
