//! End to end: open a directory, filter the library, open a cable, follow an entity to
//! another cable, jump back, and return to the library with the filter kept; click a REF
//! link in the header; find a cable where it was left in an earlier run.

use crate::pty;

#[cfg(unix)]
use crate::hostile;

use pty::{Pty, Terminal};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");
/// The sample, 05PARIS2333, whose REF B is 04PARIS8983 of the fixtures.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/05PARIS2333.txt");

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
    pty.wait_for_text("Paris: in 1 other cable (x to list)");
    pty.send("x");
    pty.wait_for_text("Paris in 1 other cable ");
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

/// Filters the library down to one cable and opens it.
fn open_cable(pty: &mut Pty, id: &str) {
    pty.send(&format!("/{}", id.to_lowercase()));
    pty.wait_for_text("cableview library: 1 of 35 cables");
    pty.send("\r");
    pty.send("\r");
    pty.wait_for_text(&format!("{id} · from PARIS"));
}

fn with_data_dir(dir: &std::path::Path) -> Terminal {
    Terminal {
        env: vec![("CABLEVIEW_DATA_DIR".into(), dir.display().to_string())],
        ..Terminal::default()
    }
}

#[test]
fn header_links_open_cables_and_positions_are_kept_between_runs() {
    let data = tempfile::tempdir().expect("temp dir");
    let terminal = with_data_dir(data.path());
    let mut pty = Pty::spawn_in(&[FIXTURES, SAMPLE], 120, 40, &terminal);
    pty.wait_for_text("cableview library: 35 of 35 cables");
    open_cable(&mut pty, "05PARIS2333");

    // REF B names a cable of the library: the header links it, and a click opens it.
    pty.wait_for_text("B. 04 PARIS 8983 → 04PARIS8983");
    let (column, row) = pty.find("→ 04PARIS8983").expect("the link on screen");
    pty.click(column + 4, row);
    pty.wait_for_text("04PARIS8983 · from PARIS");
    pty.wait_for_text("Cited by 05PARIS2333");

    // Ctrl-o comes back; read on to ¶5, leave for the library, quit.
    pty.send("\x0f");
    pty.wait_for_text("05PARIS2333 · from PARIS");
    pty.send("5");
    pty.wait_for_text("¶5 of 7");
    pty.send("\x7f");
    pty.wait_for_text("cableview library: 1 of 35 cables");
    pty.send("q");
    assert!(pty.wait_exit().success());

    let saved = std::fs::read_to_string(data.path().join("state.json")).expect("state saved");
    let state: serde_json::Value = serde_json::from_str(&saved).expect("json");
    assert_eq!(state["cables"]["05PARIS2333"]["position"]["paragraph"], 5);
    assert!(
        state["cables"]["04PARIS8983"].is_object(),
        "the cable followed to is kept too"
    );

    // The next run opens the cable where it was left.
    let mut pty = Pty::spawn_in(&[FIXTURES, SAMPLE], 120, 40, &terminal);
    pty.wait_for_text("cableview library: 35 of 35 cables");
    open_cable(&mut pty, "05PARIS2333");
    pty.wait_for_text("resumed at ¶5");
    pty.wait_for_text("¶5 of 7");
    pty.send("q");
    assert!(pty.wait_exit().success());

    // --fresh starts at the top.
    let mut pty = Pty::spawn_in(&["--fresh", FIXTURES, SAMPLE], 120, 40, &terminal);
    pty.wait_for_text("cableview library: 35 of 35 cables");
    open_cable(&mut pty, "05PARIS2333");
    pty.wait_for_text("header, 7 ¶");
    assert!(!pty.rows().join("\n").contains("resumed"));
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert!(!pty.alternate_screen(), "the terminal is restored");
}

#[test]
fn a_config_quitting_on_x_quits_the_reader_of_a_library_on_x() {
    let config = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        config.path().join("config.toml"),
        "[keys]\nquit = [\"x\", \"ctrl-c\"]\n",
    )
    .expect("write config");
    let terminal = Terminal {
        env: vec![(
            "CABLEVIEW_CONFIG_DIR".into(),
            config.path().display().to_string(),
        )],
        ..Terminal::default()
    };
    let mut pty = Pty::spawn_in(&[FIXTURES, SAMPLE], 120, 40, &terminal);
    pty.wait_for_text("cableview library: 35 of 35 cables");
    open_cable(&mut pty, "05PARIS2333");
    pty.wait_for_text("x quit");
    pty.send("x");
    assert!(pty.wait_exit().success());
    assert!(!pty.alternate_screen(), "the terminal is restored");
}

#[cfg(unix)]
#[test]
fn a_pipe_and_a_device_in_the_folder_do_not_stall_the_load_and_say_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(SAMPLE, dir.path().join("05PARIS2333.txt")).expect("copy");
    hostile::fifo(&dir.path().join("stuck.txt"));
    hostile::dev_zero(&dir.path().join("zero.txt"));
    let mut pty = Pty::spawn(&[dir.path().to_str().unwrap()], 120, 40);
    pty.wait_for_text("cableview library: 1 of 1 cables");
    pty.send("!");
    pty.wait_for_text("stuck.txt");
    pty.wait_for_text("not a regular file: a named pipe (FIFO)");
    pty.wait_for_text("not a regular file: a character device");
    pty.send("q");
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[cfg(target_os = "linux")]
#[test]
fn idle_the_library_and_the_reader_sleep() {
    // Idle, nothing is drawn and the loop only wakes to look at the signal flags: over 3 s
    // no output, and well under 1% of a core (a redraw every 100 ms cost several times
    // what the wake-ups do).
    let mut pty = Pty::spawn(&[FIXTURES], 200, 60);
    pty.wait_for_text("cableview library: 34 of 34 cables");
    let idle = |pty: &Pty, what: &str| {
        std::thread::sleep(std::time::Duration::from_millis(300));
        let (output, cpu) = (pty.raw_output().len(), pty.cpu_nanos().expect("schedstat"));
        std::thread::sleep(std::time::Duration::from_secs(3));
        let used = pty.cpu_nanos().expect("schedstat") - cpu;
        assert_eq!(pty.raw_output().len(), output, "{what} drew while idle");
        assert!(
            used < 15_000_000,
            "{what} used {used} ns of CPU in 3 s idle"
        );
    };
    idle(&pty, "the table");
    pty.send("\r");
    pty.wait_for_text("¶");
    idle(&pty, "the reader");
    pty.send("q");
    assert!(pty.wait_exit().success());
}
