//! End to end: the keyboard enhancement. A terminal that speaks the kitty keyboard
//! protocol gets it turned on at start and off on the way out, and then tells `Ctrl-i`
//! (jump forward) from `Tab` (next pane); any terminal jumps forward with `Ctrl-n`.

use crate::pty;

use pty::{Pty, Terminal};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");
/// The sample, 05PARIS2333, whose REF B is 04PARIS8983 of the fixtures.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/05PARIS2333.txt");
/// Turns on "disambiguate escape codes" (flag 1), on the kitty protocol's stack.
const PUSH: &[u8] = b"\x1b[>1u";
/// Takes it off the stack again.
const POP: &[u8] = b"\x1b[<1u";

fn position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Waits until the program has turned the enhancement on.
fn wait_for_push(pty: &Pty) {
    let start = std::time::Instant::now();
    while position(&pty.raw_output(), PUSH).is_none() {
        assert!(
            start.elapsed() < pty::DEADLINE,
            "the enhancement is turned on"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Opens 05PARIS2333, follows its REF to 04PARIS8983 from the `R` list.
fn open_and_follow_a_ref(pty: &mut Pty) {
    pty.wait_for_text("cableview library: 35 of 35 cables");
    pty.send("/05paris2333");
    pty.wait_for_text("cableview library: 1 of 35 cables");
    pty.send("\r");
    pty.send("\r");
    pty.wait_for_text("05PARIS2333 · from PARIS");
    pty.send("R");
    pty.wait_for_text("REF links and cited by");
    pty.send("\r");
    pty.wait_for_text("04PARIS8983 · from PARIS");
}

#[test]
fn a_kitty_terminal_tells_ctrl_i_from_tab() {
    let terminal = Terminal {
        kitty: true,
        ..Terminal::default()
    };
    let mut pty = Pty::spawn_in(&[FIXTURES, SAMPLE], 120, 40, &terminal);
    open_and_follow_a_ref(&mut pty);
    assert!(
        position(&pty.raw_output(), PUSH).is_some(),
        "the enhancement is turned on"
    );

    // Ctrl-o and Ctrl-i as the kitty protocol sends them.
    pty.send("\x1b[111;5u");
    pty.wait_for_text("05PARIS2333 · from PARIS");
    pty.send("\x1b[105;5u");
    pty.wait_for_text("04PARIS8983 · from PARIS");
    // Tab still moves to the next pane, in the same cable.
    pty.send("\t");
    pty.wait_for_text("│ entities");
    assert!(pty.rows().join("\n").contains("04PARIS8983 · from PARIS"));

    pty.send("q");
    assert!(pty.wait_exit().success());
    let raw = pty.raw_output();
    let pushed = position(&raw, PUSH).expect("pushed");
    let popped = position(&raw[pushed..], POP).expect("popped on the way out");
    // Popped while still in the alternate screen: terminals keep a stack per screen.
    let left = position(&raw[pushed..], b"\x1b[?1049l").expect("left the alternate screen");
    assert!(popped < left, "popped before leaving the alternate screen");
    assert!(!pty.alternate_screen(), "the terminal is restored");
}

#[test]
fn any_terminal_jumps_forward_with_ctrl_n() {
    let mut pty = Pty::spawn(&[FIXTURES, SAMPLE], 120, 40);
    open_and_follow_a_ref(&mut pty);
    assert!(
        position(&pty.raw_output(), PUSH).is_none(),
        "no enhancement for a terminal that does not offer it"
    );
    pty.send("\x0f");
    pty.wait_for_text("05PARIS2333 · from PARIS");
    pty.send("\x0e");
    pty.wait_for_text("04PARIS8983 · from PARIS");
    // Here Ctrl-i is Tab: the next pane.
    pty.send("\t");
    pty.wait_for_text("│ entities");
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert!(position(&pty.raw_output(), POP).is_none());
    assert!(!pty.alternate_screen(), "the terminal is restored");
}

#[test]
fn the_single_cable_reader_turns_the_enhancement_on_and_off_too() {
    let terminal = Terminal {
        kitty: true,
        ..Terminal::default()
    };
    let mut pty = Pty::spawn_in(&["--no-state"], 120, 40, &terminal);
    pty.wait_for_text("Paragraphs 7");
    // The first frame comes before the terminal is asked: the push follows its answer.
    wait_for_push(&pty);
    // Esc as the kitty protocol sends it still reaches the reader: open the help, close it.
    pty.send("?");
    pty.wait_for_text("Keys · esc closes");
    pty.send("\x1b[27u");
    pty.wait_for("the help closed", |s| {
        !s.contents().contains("Keys · esc closes")
    });
    pty.send("q");
    assert!(pty.wait_exit().success());
    let raw = pty.raw_output();
    let pushed = position(&raw, PUSH).expect("pushed");
    assert!(
        position(&raw[pushed..], POP).is_some(),
        "popped on the way out"
    );
    assert!(!pty.alternate_screen());
}
