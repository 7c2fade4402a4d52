//! End to end: start-up. The first frame comes before the terminal is asked anything (a
//! terminal that never answers does not hold it back), and keys typed while the library
//! is still opening are all applied once its table is there.

use crate::indexed::{Corpus, ids, lines, quit, search, title};
use crate::pty;
use std::time::{Duration, Instant};

/// Enters the alternate screen: cableview has set the terminal up.
const ALTERNATE: &[u8] = b"\x1b[?1049h";

fn position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn a_terminal_answering_no_query_gets_the_first_frame_at_once() {
    let mut pty = pty::Pty::spawn_silent(&["--no-state"], 120, 40);
    // From the moment the screen is set up (the sample is read before): the time until
    // its first frame shows is what waiting on the terminal would add to.
    let start = Instant::now();
    let entered = loop {
        if position(&pty.raw_output(), ALTERNATE).is_some() {
            break Instant::now();
        }
        assert!(start.elapsed() < pty::DEADLINE, "the screen is set up");
        std::thread::sleep(Duration::from_millis(2));
    };
    let shown = loop {
        if pty.holds(|s| s.contents().contains("Paragraphs 7")) {
            break entered.elapsed();
        }
        assert!(start.elapsed() < pty::DEADLINE, "the first frame shows");
        std::thread::sleep(Duration::from_millis(2));
    };
    // Asking first waited 2 s for an answer that never came.
    assert!(
        shown < Duration::from_millis(300),
        "the first frame took {shown:?} after the screen was set up"
    );
    // The keys work, and the way out restores the terminal.
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert!(!pty.alternate_screen());
}

#[test]
fn keys_typed_at_start_up_are_all_applied() {
    let corpus = Corpus::new();
    let expected = search(&corpus.index, "hezbollah");
    assert!(expected.len() > 2, "{expected:?}");
    let index = corpus.index.to_str().unwrap();
    let mut pty = pty::Pty::spawn_in(&["--index", index], 120, 50, &corpus.terminal(false));
    // Typed 50 ms after launch: the index is still opening.
    std::thread::sleep(Duration::from_millis(50));
    pty.send("/hezbollah");
    pty.wait_for("the cables saying hezbollah", |s| {
        let lines = lines(s);
        // The search line holds the whole query, the cursor after it.
        lines.get(1).is_some_and(|l| l.starts_with("/hezbollah▏"))
            && title(&lines).contains("best first")
            && ids(&lines)
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
                == expected
    });
    // Enter ends the typing; q then quits.
    pty.send("\r");
    pty.wait_for("the search line left", |s| {
        lines(s)
            .get(1)
            .is_some_and(|l| l.trim_end() == "/hezbollah")
    });
    quit(&mut pty);
}
