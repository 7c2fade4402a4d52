//! A cable read alone is a library of one: the keys that move between cables say they
//! need a library instead of doing nothing, and the reader's own keys are untouched.

use crate::drive::single;
use cableview::session::reader::ReaderOptions;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[test]
fn x_and_r_say_they_need_a_library() {
    let mut reader = single(
        cableview::input::sample(),
        ReaderOptions::default(),
        120,
        40,
    );
    for key in ['x', 'R'] {
        let action = reader
            .action_for_key(&KeyEvent::from(KeyCode::Char(key)))
            .expect("bound in the library's keys");
        reader.press(action);
        let status = reader.screen();
        let last = status.lines().last().expect("a status line");
        assert!(
            last.contains(&format!("{key}: this needs a library")),
            "{last}"
        );
        assert!(reader.cable_list().is_none(), "no list opens");
    }
    // The next key of the reader's own clears the message.
    reader.press(cableview::session::action::Action::Down);
    assert!(!reader.screen().contains("needs a library"));
}
