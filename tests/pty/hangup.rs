//! Closing the terminal under cableview ends it: the reader and the library both exit
//! instead of spinning on a terminal that is gone (crossterm reads a dead terminal at end
//! of file forever inside its poll, so the loop alone never gets to see the hang-up).
//!
//! Signals sent to the process: SIGTERM, SIGHUP, SIGINT and SIGQUIT restore the terminal
//! and exit with 128 + the signal's number; SIGTSTP restores it and stops, SIGCONT puts
//! it back and redraws. Ctrl-C and Ctrl-\ typed in raw mode are keys, not signals.

use portable_pty::{Child, PtySize, native_pty_system};
use std::time::{Duration, Instant};

use crate::pty;

use pty::Pty;

/// Starts cableview on a 40x10 pseudo-terminal, lets it draw, closes the terminal and
/// returns whether the process ended within `deadline`.
fn ends_after_hang_up(args: &[&str], deadline: Duration) -> bool {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 10,
            cols: 40,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let home = tempfile::tempdir().expect("a temporary home");
    let cmd = pty::cableview_command(args, home.path());
    let mut child = pair.slave.spawn_command(cmd).expect("spawn cableview");
    drop(pair.slave);
    // Past start-up: the keyboard query waits up to 2 s for an answer that never comes.
    // A small screen's frames fit the terminal's buffer, so nothing needs reading.
    std::thread::sleep(Duration::from_millis(3500));
    assert!(
        child.try_wait().expect("poll child").is_none(),
        "cableview ended before the terminal closed"
    );
    drop(pair.master);
    let ended = wait(&mut *child, deadline);
    if !ended {
        let _ = child.kill();
    }
    ended
}

fn wait(child: &mut (dyn Child + Send + Sync), deadline: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < deadline {
        if child.try_wait().expect("poll child").is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn the_reader_ends_when_its_terminal_closes() {
    assert!(ends_after_hang_up(&[], Duration::from_secs(10)));
}

#[test]
fn the_library_ends_when_its_terminal_closes() {
    assert!(ends_after_hang_up(
        &["tests/fixtures/annotated"],
        Duration::from_secs(10)
    ));
}

/// What leaves the alternate screen, and what turns mouse reporting off.
const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";
const MOUSE_OFF: &str = "\x1b[?1000l";

/// Sends `signal` (a name `kill` knows: TERM, TSTP...) to the process.
fn send_signal(pty: &Pty, signal: &str) {
    let pid = pty.pid().expect("a pid");
    let sent = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success(), "kill -{signal} {pid}");
}

/// The process's state letter from /proc (`T` when stopped, `S` asleep).
fn state(pty: &Pty) -> Option<char> {
    let pid = pty.pid()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name in parentheses may hold spaces; the state follows the last `)`.
    stat[stat.rfind(')')? + 1..]
        .split_whitespace()
        .next()?
        .chars()
        .next()
}

fn wait_state(pty: &Pty, wanted: impl Fn(char) -> bool, what: &str) {
    let start = Instant::now();
    loop {
        if state(pty).is_some_and(&wanted) {
            return;
        }
        assert!(
            start.elapsed() < pty::DEADLINE,
            "cableview never became {what} (state {:?})",
            state(pty)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// What the program wrote from byte `from` on, as text.
fn output_since(pty: &Pty, from: usize) -> String {
    String::from_utf8_lossy(&pty.raw_output()[from..]).into_owned()
}

/// Waits until the program has written `text` after byte `from`.
fn wait_output(pty: &Pty, from: usize, text: &str) {
    let start = Instant::now();
    while !output_since(pty, from).contains(text) {
        assert!(
            start.elapsed() < pty::DEADLINE,
            "{text:?} never written; screen:\n{}",
            pty.rows().join("\n")
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts `args` and waits for `ready` on a screen with mouse reporting on.
fn started(args: &[&str], ready: &str) -> Pty {
    let pty = Pty::spawn(args, 100, 30);
    pty.wait_for_text(ready);
    pty.wait_for("mouse reporting on", |s| {
        s.mouse_protocol_mode() != vt100::MouseProtocolMode::None
    });
    assert!(pty.alternate_screen());
    pty
}

/// Sends `signal` to a running screen; checks that it exits with `status` and left the
/// terminal as it found it.
fn ends_with_status(args: &[&str], ready: &str, signal: &str, status: u32) {
    let mut pty = started(args, ready);
    let before = pty.raw_output().len();
    send_signal(&pty, signal);
    let exit = pty.wait_exit();
    assert_eq!(exit.exit_code(), status, "SIG{signal}: {exit:?}");
    restored(&pty, before);
}

/// Waits for what the program wrote after byte `from` to leave the alternate screen and
/// turn mouse reporting off (the output may still be on its way when the process has
/// ended or stopped), and checks the terminal's state then.
fn restored(pty: &Pty, from: usize) {
    wait_output(pty, from, LEAVE_ALTERNATE_SCREEN);
    wait_output(pty, from, MOUSE_OFF);
    assert!(!pty.alternate_screen());
    assert!(!pty.mouse_reporting());
}

#[test]
fn sigterm_exits_with_143() {
    ends_with_status(&[], "SECRET", "TERM", 143);
}

#[test]
fn sighup_exits_with_129() {
    ends_with_status(&[], "SECRET", "HUP", 129);
}

#[test]
fn sigint_exits_with_130() {
    ends_with_status(&[], "SECRET", "INT", 130);
}

#[test]
fn sigquit_restores_the_terminal_and_exits_with_131() {
    ends_with_status(&[], "SECRET", "QUIT", 131);
}

#[test]
fn the_library_exits_with_128_plus_the_signal_too() {
    let args = ["tests/fixtures/annotated"];
    ends_with_status(&args, "cableview library: 34 of 34 cables", "TERM", 143);
    ends_with_status(&args, "cableview library: 34 of 34 cables", "QUIT", 131);
}

#[test]
fn ctrl_c_and_ctrl_backslash_typed_are_keys_and_quit_exits_0() {
    let mut pty = started(&[], "SECRET");
    // Ctrl-\ is no signal in raw mode, and bound to nothing.
    pty.send("\x1c");
    std::thread::sleep(Duration::from_millis(300));
    assert!(pty.running(), "Ctrl-\\ ended cableview");
    let before = pty.raw_output().len();
    pty.send("\x03");
    let exit = pty.wait_exit();
    assert!(exit.success(), "{exit:?}");
    restored(&pty, before);
}

/// SIGTSTP: the terminal restored, the process stopped; SIGCONT: the terminal set up
/// again and the screen drawn whole; then it reads keys as before.
fn stops_and_comes_back(args: &[&str], ready: &str) -> Pty {
    let pty = started(args, ready);
    let before = pty.raw_output().len();
    send_signal(&pty, "TSTP");
    wait_state(&pty, |s| s == 'T', "stopped");
    restored(&pty, before);
    // Stopped, it stays so.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(state(&pty), Some('T'));

    let before = pty.raw_output().len();
    send_signal(&pty, "CONT");
    wait_state(&pty, |s| s != 'T', "running again");
    redrawn(&pty, before, ready);
    pty
}

/// Waits for the alternate screen and mouse reporting to be turned on again after byte
/// `from`, the screen cleared, and `ready` drawn on it again.
fn redrawn(pty: &Pty, from: usize, ready: &str) {
    wait_output(pty, from, "\x1b[?1049h");
    let entered = from + output_since(pty, from).find("\x1b[?1049h").unwrap_or(0);
    wait_output(pty, entered, "\x1b[2J");
    pty.wait_for("the screen drawn again", |s| {
        s.alternate_screen()
            && s.contents().contains(ready)
            && s.mouse_protocol_mode() != vt100::MouseProtocolMode::None
    });
}

#[test]
fn sigtstp_restores_the_terminal_stops_and_sigcont_redraws() {
    let mut pty = stops_and_comes_back(&[], "SECRET");
    pty.send("5");
    pty.wait_for_text("As noted in ref C");
    let before = pty.raw_output().len();
    pty.send("q");
    let exit = pty.wait_exit();
    assert!(exit.success(), "{exit:?}");
    restored(&pty, before);
}

#[test]
fn the_library_stops_on_sigtstp_and_redraws_on_sigcont() {
    let mut pty = stops_and_comes_back(
        &["tests/fixtures/annotated"],
        "cableview library: 34 of 34 cables",
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn a_stop_from_outside_is_redrawn_on_sigcont() {
    let mut pty = started(&[], "SECRET");
    send_signal(&pty, "STOP");
    wait_state(&pty, |s| s == 'T', "stopped");
    let before = pty.raw_output().len();
    send_signal(&pty, "CONT");
    // The shell may have reset the terminal meanwhile: it is set up again.
    redrawn(&pty, before, "SECRET");
    pty.send("q");
    assert!(pty.wait_exit().success());
}
