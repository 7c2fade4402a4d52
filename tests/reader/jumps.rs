//! Searching and jumping inside one cable: Esc while typing a search puts the view back,
//! and `Ctrl-o` / `Ctrl-i` go back and forth across the jumps of a single-cable session.

use crate::drive::{Driver, single};
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;

fn reader(w: u16, h: u16) -> Driver {
    single(cableview::input::sample(), ReaderOptions::default(), w, h)
}

fn type_text(d: &mut Driver, text: &str) {
    for c in text.chars() {
        d.press(Message::Type(c));
    }
}

/// The screen row holding the reader's first text row: the pane's border is above it.
fn first_text_row(d: &Driver) -> String {
    let screen = d.screen();
    let rows: Vec<&str> = screen.lines().collect();
    let border = rows
        .iter()
        .position(|r| r.contains("┌ Text"))
        .expect("the reader pane");
    rows[border + 1].to_string()
}

#[test]
fn escape_while_typing_a_search_puts_the_view_back() {
    let mut d = reader(80, 24);
    d.press(Message::GoTo("2".into()));
    let before = (d.app().top(), first_text_row(&d));
    d.press(Action::Search);
    type_text(&mut d, "hezbollah");
    assert_ne!(
        d.app().top(),
        before.0,
        "the search moved the view as it was typed"
    );
    d.press(Action::Cancel);
    assert_eq!((d.app().top(), first_text_row(&d)), before);
    assert!(d.app().search().is_none());
}

#[test]
fn enter_keeps_the_view_the_search_moved_to() {
    let mut d = reader(80, 24);
    d.press(Action::Search);
    type_text(&mut d, "hezbollah");
    let found = d.app().top();
    assert_ne!(found.paragraph, 0);
    d.press(Action::Activate);
    assert_eq!(d.app().top(), found);
    // Esc after Enter clears the search and leaves the view alone.
    d.press(Action::Cancel);
    assert_eq!(d.app().top(), found);
    assert!(d.app().search().is_none());
}

#[test]
fn ctrl_o_and_ctrl_i_walk_the_jumps_of_a_single_cable() {
    let mut d = reader(80, 24);
    assert!(d.is_single());
    d.press(Message::GoTo("3".into()));
    d.press(Action::Bottom);
    let bottom = d.app().top();
    d.press(Action::Search);
    type_text(&mut d, "hezbollah");
    d.press(Action::Activate);
    let found = d.app().top();
    // Scrolling is not a jump: Ctrl-o leaves it for the place before the search, and
    // keeps it as the newest place to come forward to.
    d.press(Action::Down);
    let left = d.app().top();
    assert_ne!(left, found);
    d.press(Action::JumpBack);
    assert_eq!(d.app().top(), bottom, "back to where `/` was typed");
    d.press(Action::JumpBack);
    assert_eq!(d.app().current_block(), 3, "back to ¶3 before G");
    d.press(Action::JumpBack);
    assert_eq!(d.app().current_block(), 0, "back to the top before :3");
    d.press(Action::JumpBack);
    assert_eq!(d.app().current_block(), 0, "nothing older");
    d.press(Action::JumpForward);
    d.press(Action::JumpForward);
    assert_eq!(d.app().top(), bottom);
    d.press(Action::JumpForward);
    assert_eq!(d.app().top(), left);
    d.press(Action::JumpForward);
    assert_eq!(d.app().top(), left, "nothing newer");
}

#[test]
fn mention_walks_and_marks_are_jumps_and_marks_outlive_them() {
    let mut d = reader(120, 40);
    d.press(Action::Filter);
    type_text(&mut d, "hezbollah");
    d.press(Action::Activate);
    d.press(Action::FocusNext);
    let first = (d.app().top(), d.app().mention_cursor());
    d.press(Action::NextMatch);
    d.press(Action::NextMatch);
    let third = d.app().mention_cursor();
    assert_ne!(third, first.1);
    d.press(Action::SetMark);
    d.press(Message::Type('a'));
    d.press(Action::JumpBack);
    d.press(Action::JumpBack);
    assert_eq!((d.app().top(), d.app().mention_cursor()), first);
    assert!(
        d.app().marks().contains_key(&'a'),
        "a mark set after the jump is kept"
    );
    d.press(Message::GoTo("6".into()));
    d.press(Action::JumpToMark);
    d.press(Message::Type('a'));
    let marked = d.app().current_block();
    d.press(Action::JumpBack);
    assert_eq!(d.app().current_block(), 6, "the mark jump is on the list");
    d.press(Action::JumpForward);
    assert_eq!(d.app().current_block(), marked);
}

#[test]
fn marks_show_in_the_navigator() {
    let mut d = reader(120, 40);
    d.press(Message::GoTo("3".into()));
    d.press(Action::SetMark);
    d.press(Message::Type('a'));
    d.press(Message::GoTo("5".into()));
    d.press(Action::SetMark);
    d.press(Message::Type('b'));
    let screen = d.screen();
    let row = |label: &str| {
        screen
            .lines()
            .map(|r| r.trim_start_matches('"'))
            .find(|r| {
                r.starts_with(&format!("│ {label} ")) || r.starts_with(&format!("│▶{label} "))
            })
            .unwrap_or_else(|| panic!("{label} in the navigator:\n{screen}"))
            .chars()
            .take(24)
            .collect::<String>()
    };
    assert!(row("¶3").contains("'a"), "{}", row("¶3"));
    assert!(row("¶5").contains("'b"), "{}", row("¶5"));
    assert!(!row("¶4").contains('\''), "{}", row("¶4"));
    insta::assert_snapshot!("navigator_marks_120x40", screen);
}
