//! Closing the terminal under cableview ends it: the reader and the library both exit
//! instead of spinning on a terminal that is gone (crossterm reads a dead terminal at end
//! of file forever inside its poll, so the loop alone never gets to see the hang-up).

use portable_pty::{Child, PtySize, native_pty_system};
use std::time::{Duration, Instant};

#[path = "support/pty.rs"]
#[allow(dead_code, reason = "this test uses only the shared command")]
mod pty;

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
