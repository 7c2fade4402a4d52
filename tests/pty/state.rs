//! End to end with the user's files: the real binary in a pseudo-terminal, with
//! temporary config and data dirs. Reopening resumes at ¶5; a user theme changes
//! a colour on screen; a remapped key works; a bad config never starts the reader.

use crate::pty;

#[cfg(unix)]
use crate::hostile;

use pty::{Pty, Terminal};
use std::path::Path;

const COLS: u16 = 120;
const ROWS: u16 = 40;

/// `cableview ARGS` in a 120x40 pseudo-terminal, with the given config and data dirs.
fn spawn(config: &Path, data: &Path, args: &[&str]) -> Pty {
    let terminal = Terminal {
        env: vec![
            ("CABLEVIEW_CONFIG_DIR".into(), config.display().to_string()),
            ("CABLEVIEW_DATA_DIR".into(), data.display().to_string()),
        ],
        ..Terminal::default()
    };
    Pty::spawn_in(args, COLS, ROWS, &terminal)
}

/// Quits with `key` and checks the exit status is 0.
fn quit_with(term: &mut Pty, key: &str) {
    term.send(key);
    let status = term.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

/// The screen's rows as text.
fn rows(screen: &vt100::Screen) -> Vec<String> {
    screen.rows(0, COLS).collect()
}

/// Whether ¶5 ("As noted in ref C") is the reader's first text row: the fifth
/// screen row (a 3-row banner, then the pane border).
fn paragraph_5_at_top(screen: &vt100::Screen) -> bool {
    let row = &rows(screen)[4];
    row.contains("¶5") && row.contains("As noted in ref C")
}

fn opened(term: &Pty) {
    term.wait_for("the reader", |s| {
        s.alternate_screen() && s.contents().contains("SECRET")
    });
}

#[test]
fn reopening_resumes_where_the_reader_stopped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));

    let mut term = spawn(&config, &data, &[]);
    opened(&term);
    assert!(!term.holds(paragraph_5_at_top));
    term.send("5");
    term.wait_for("¶5 at the top", paragraph_5_at_top);
    quit_with(&mut term, "q");

    let saved = std::fs::read_to_string(data.join("state.json")).expect("state saved");
    let state: serde_json::Value = serde_json::from_str(&saved).expect("json");
    assert_eq!(state["cables"]["05PARIS2333"]["position"]["paragraph"], 5);

    let mut term = spawn(&config, &data, &[]);
    opened(&term);
    term.wait_for("¶5 at the top again", paragraph_5_at_top);
    term.wait_for("the resume notice", |s| {
        s.contents().contains("resumed at ¶5")
    });
    quit_with(&mut term, "q");

    // --fresh starts at the top but still saves.
    let mut term = spawn(&config, &data, &["--fresh"]);
    opened(&term);
    term.wait_for("the header at the top", |s| !paragraph_5_at_top(s));
    assert!(!term.rows().join("\n").contains("resumed"));
    term.send("3");
    term.wait_for("¶3 at the top", |s| rows(s)[4].contains("¶3"));
    quit_with(&mut term, "q");
    let saved = std::fs::read_to_string(data.join("state.json")).expect("state saved");
    let state: serde_json::Value = serde_json::from_str(&saved).expect("json");
    assert_eq!(state["cables"]["05PARIS2333"]["position"]["paragraph"], 3);
}

#[test]
fn no_state_neither_reads_nor_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));
    let mut term = spawn(&config, &data, &["--no-state"]);
    opened(&term);
    term.send("5");
    term.wait_for("¶5 at the top", paragraph_5_at_top);
    quit_with(&mut term, "q");
    assert!(!data.exists(), "nothing written with --no-state");
}

#[test]
fn a_corrupt_state_file_is_reported_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::write(data.join("state.json"), "{ not json").expect("write");
    let mut term = spawn(&config, &data, &[]);
    opened(&term);
    term.wait_for("the notice in the status line", |s| {
        s.contents().contains("reading state could not be read")
    });
    quit_with(&mut term, "q");
    let kept: Vec<_> = std::fs::read_dir(&data)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("state.json.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read_to_string(data.join(&kept[0])).expect("read"),
        "{ not json"
    );
}

/// Whether any cell on screen has this foreground colour.
fn has_fg(screen: &vt100::Screen, colour: vt100::Color) -> bool {
    (0..ROWS).any(|r| {
        (0..COLS).any(|c| {
            screen
                .cell(r, c)
                .is_some_and(|cell| cell.fgcolor() == colour && !cell.contents().trim().is_empty())
        })
    })
}

#[test]
fn a_user_theme_changes_a_colour_on_screen() {
    let red = vt100::Color::Rgb(0xff, 0x00, 0x00);
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));

    // Without the theme, nothing is pure red.
    let mut term = spawn(&config, &data, &["--no-state"]);
    opened(&term);
    term.wait_for("Chirac on screen", |s| s.contents().contains("Chirac"));
    assert!(!term.holds(|s| has_fg(s, red)));
    quit_with(&mut term, "q");

    std::fs::create_dir_all(config.join("themes")).expect("mkdir");
    std::fs::write(
        config.join("themes").join("reds.toml"),
        "# People in red, the rest as the light theme.\nextends = \"light\"\n[kinds]\nPER = { fg = \"#ff0000\", modifiers = [\"bold\"] }\n",
    )
    .expect("write theme");
    std::fs::write(config.join("config.toml"), "theme = \"reds\"\n").expect("write config");
    let mut term = spawn(&config, &data, &["--no-state"]);
    opened(&term);
    term.wait_for("people in red", |s| has_fg(s, red));
    quit_with(&mut term, "q");
}

#[test]
fn a_remapped_key_works_and_the_old_one_is_free() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));
    std::fs::create_dir_all(&config).expect("mkdir");
    std::fs::write(
        config.join("config.toml"),
        "[keys]\nquit = [\"x\", \"ctrl-c\"]\nnext_paragraph = [\"]\", \"q\"]\n",
    )
    .expect("write config");
    let mut term = spawn(&config, &data, &["--no-state"]);
    opened(&term);
    term.send("4");
    term.wait_for("¶4 at the top", |s| rows(s)[4].contains("¶4"));
    // q now means next paragraph, not quit.
    term.send("q");
    term.wait_for("¶5 at the top", paragraph_5_at_top);
    assert!(term.running(), "q no longer quits");
    quit_with(&mut term, "x");
}

#[test]
fn a_bad_config_stops_before_the_reader_starts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));
    std::fs::create_dir_all(&config).expect("mkdir");
    std::fs::write(config.join("config.toml"), "theme = \"light\"\nthem = 1\n").expect("write");
    let mut term = spawn(&config, &data, &[]);
    let status = term.wait_exit();
    assert_eq!(status.exit_code(), 2);
    term.wait_for("the error", |s| {
        s.contents().contains("unknown key \"them\"")
    });
    let screen = term.rows().join("\n");
    assert!(screen.contains("config.toml at 2:1"), "{screen}");
    assert!(!term.alternate_screen());
}

#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_device_for_state_is_set_aside_and_the_reader_opens() {
    for (make, reason) in [
        (
            hostile::fifo as fn(&Path),
            "not a regular file: a named pipe (FIFO)",
        ),
        (hostile::dev_zero, "not a regular file: a character device"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let (config, data) = (dir.path().join("config"), dir.path().join("data"));
        std::fs::create_dir_all(&data).expect("mkdir");
        make(&data.join("state.json"));
        let mut term = spawn(&config, &data, &[]);
        opened(&term);
        term.wait_for("the reason in the status line", |s| {
            s.contents().contains("reading state could not be read")
                && s.contents().contains(reason)
        });
        term.send("5");
        term.wait_for("¶5 at the top", paragraph_5_at_top);
        quit_with(&mut term, "q");
        let saved = std::fs::read_to_string(data.join("state.json")).expect("a fresh state");
        let state: serde_json::Value = serde_json::from_str(&saved).expect("json");
        assert_eq!(state["cables"]["05PARIS2333"]["position"]["paragraph"], 5);
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_for_config_stops_before_the_reader_starts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));
    std::fs::create_dir_all(&config).expect("mkdir");
    hostile::fifo(&config.join("config.toml"));
    let mut term = spawn(&config, &data, &[]);
    let status = term.wait_exit();
    assert_eq!(status.exit_code(), 2);
    term.wait_for("the error", |s| {
        s.contents()
            .contains("not a regular file: a named pipe (FIFO)")
    });
    assert!(!term.alternate_screen());
}
