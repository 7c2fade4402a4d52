//! The help overlay over the reader: it takes the keys and scrolls, says when more rows
//! follow, ends clipped lines in `…`, and its border covers the panes' borders rather than
//! running beside them.

use crate::drive::{Driver, single};
use cableview::session::Overlay;
use cableview::session::action::{Action, Mouse};
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;

fn help_at(w: u16, h: u16) -> Driver {
    let mut d = single(cableview::input::sample(), ReaderOptions::default(), w, h);
    d.press(Action::Help);
    d
}

/// The screen's rows, without the quotes the test backend puts around them.
fn rows(d: &Driver) -> Vec<String> {
    d.screen()
        .lines()
        .map(|r| r.trim_matches('"').to_string())
        .collect()
}

/// The help's scroll, while it is on top.
fn scroll(d: &Driver) -> Option<usize> {
    match d.overlay() {
        Some(Overlay::Help(cursor)) => Some(cursor.selected),
        _ => None,
    }
}

fn top(d: &Driver) -> usize {
    d.app().top_row(&d.app().doc_layout())
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut d = help_at(120, 40);
    assert_eq!(scroll(&d), Some(0));
    d.press(Action::Down);
    assert_eq!(scroll(&d), Some(1), "keys scroll the help, not the text");
    assert_eq!(top(&d), 0);
    d.press(Action::Cancel);
    assert_eq!(scroll(&d), None);
    d.press(Action::Help);
    d.press(Action::Help);
    assert_eq!(scroll(&d), None);
    assert!(d.overlays().is_empty(), "Esc and ? pop it off the stack");
}

#[test]
fn help_scrolling_stops_at_the_last_row() {
    let mut d = help_at(100, 20);
    d.press(Action::Bottom);
    let last = scroll(&d).expect("open");
    assert!(last > 0, "the help is taller than 20 rows");
    for _ in 0..50 {
        d.press(Action::Down);
    }
    assert_eq!(
        scroll(&d),
        Some(last),
        "presses past the end do not pile up"
    );
    d.press(Action::Up);
    assert_eq!(scroll(&d), Some(last - 1), "one press up moves at once");
    // A page is the rows the overlay shows, not a fixed count.
    d.press(Action::Top);
    d.press(Action::PageDown);
    let rows = scroll(&d).expect("open");
    assert!(
        rows > 1 && rows <= 20,
        "a page of the 20-row screen: {rows}"
    );
}

#[test]
fn the_wheel_scrolls_the_help_and_a_click_closes_it() {
    let mut d = help_at(120, 40);
    d.press(Message::Mouse(Mouse::WheelDown(60, 20)));
    d.press(Message::Mouse(Mouse::WheelDown(60, 20)));
    assert_eq!(scroll(&d), Some(2));
    assert_eq!(top(&d), 0, "the text under it stays put");
    d.press(Message::Mouse(Mouse::WheelUp(60, 20)));
    assert_eq!(scroll(&d), Some(1));
    d.press(Message::Mouse(Mouse::Click(60, 20)));
    assert_eq!(scroll(&d), None);
}

#[test]
fn the_bottom_border_says_how_many_rows_follow_and_precede() {
    let mut d = help_at(80, 24);
    // One column of every binding and mouse gesture, in 20 rows (24 less the banner, the
    // status line and the overlay's border).
    let total = cableview::session::help::reader_lines(d.session.keymap(), false).len();
    let hidden = total - 20;
    let bottom = |d: &Driver| rows(d)[rows(d).len() - 2].clone();
    assert!(
        bottom(&d).contains(&format!("↓ {hidden} more")),
        "{}",
        bottom(&d)
    );
    assert!(!bottom(&d).contains('↑'), "{}", bottom(&d));
    d.press(Action::Down);
    d.press(Action::Down);
    let expected = format!("↑ 2 above · ↓ {} more", hidden - 2);
    assert!(bottom(&d).contains(&expected), "{}", bottom(&d));
    d.press(Action::Bottom);
    assert!(
        bottom(&d).contains(&format!("↑ {hidden} above")),
        "{}",
        bottom(&d)
    );
    assert!(!bottom(&d).contains('↓'), "{}", bottom(&d));
    insta::assert_snapshot!("help_scrolled_to_the_end_80x24", d.screen());
}

#[test]
fn clipped_lines_end_in_an_ellipsis_at_80_columns() {
    let mut d = help_at(80, 24);
    d.press(Action::Bottom);
    let rows = rows(&d);
    let clipped = rows
        .iter()
        .find(|r| r.contains("copy the current paragraph with its citation"))
        .expect("the y row");
    assert!(clipped.ends_with("…│"), "{clipped:?}");
    // Rows that fit are left whole.
    let whole = rows
        .iter()
        .find(|r| r.contains("next colour theme"))
        .unwrap();
    assert!(!whole.contains('…'), "{whole:?}");
}

#[test]
fn no_doubled_corners_where_the_overlay_meets_the_panes() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let d = help_at(w, h);
        let rows = rows(&d);
        // The overlay covers every row but the banner and the status line, border to
        // border: no pane border runs beside or into it.
        let last = rows.len() - 2;
        assert!(
            rows[1].starts_with("┌ Keys") && rows[1].ends_with('┐'),
            "{}",
            rows[1]
        );
        assert!(
            rows[last].starts_with('└') && rows[last].ends_with('┘'),
            "{}",
            rows[last]
        );
        let screen = rows[1..=last].join("\n");
        for doubled in ["││", "┌│", "│┐", "└└", "┘┘", "└┘", "┌┌", "┐┐", "│┌", "┐│"]
        {
            assert!(!screen.contains(doubled), "{doubled} at {w}x{h}:\n{screen}");
        }
    }
}
