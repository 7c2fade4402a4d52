//! Keys to browser commands, through the `[library]` section of the keymap. The library
//! screen and the lists over the reader take the library's keys; in the reader the
//! browser claims only the keys that move between cables and passes the rest on.
//! Typing into the filter takes characters as they are.

use super::{Browser, Command, Screen};
use crate::action::Action;
use crate::app::Mode;
use crate::keymap::Key;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// How far the page keys move the table or a list.
const PAGE: isize = 20;

impl Browser {
    /// The command a key press means now.
    #[must_use]
    pub fn command_for_key(&self, key: &KeyEvent) -> Option<Command> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Command::Quit);
        }
        let action = self.keymap().library_action(&Key::from_event(key));
        match self.screen {
            Screen::Loading => (action == Some(Action::Quit)).then_some(Command::Quit),
            Screen::Skipped => match action? {
                Action::Quit => Some(Command::Quit),
                Action::Cancel | Action::Back | Action::Skipped => Some(Command::Cancel),
                action @ (Action::Down
                | Action::Up
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::PageDown
                | Action::PageUp
                | Action::Top
                | Action::Bottom) => table_command(&action),
                _ => None,
            },
            Screen::Library if self.table.typing => typing_key(key),
            Screen::Library => action.as_ref().and_then(table_command),
            Screen::Reader if self.list.is_some() => match action? {
                Action::Back | Action::OtherCables | Action::References => Some(Command::Cancel),
                action => table_command(&action),
            },
            Screen::Reader => self.reader_key(key, action),
        }
    }

    fn reader_key(&self, key: &KeyEvent, action: Option<Action>) -> Option<Command> {
        let app = self.reader.as_ref().map(|(_, app)| app)?;
        if app.is_typing() || app.help.is_some() {
            return app.action_for_key(key).map(Command::Reader);
        }
        match action {
            Some(Action::Back) => return Some(Command::Back),
            Some(Action::OtherCables) => return Some(Command::OtherCables),
            Some(Action::References) => return Some(Command::References),
            Some(Action::JumpBack) => return Some(Command::JumpBack),
            Some(Action::JumpForward) => return Some(Command::JumpForward),
            _ => {}
        }
        let action = app.action_for_key(key)?;
        // The reader's cancel clears its search or selection first, then goes back.
        if action == Action::Cancel
            && app.selected.is_none()
            && app.search.is_none()
            && app.mode == Mode::Normal
        {
            return Some(Command::Back);
        }
        Some(Command::Reader(action))
    }
}

/// What a library action means on the table (and, for moves, in a list).
fn table_command(action: &Action) -> Option<Command> {
    Some(match action {
        Action::Quit => Command::Quit,
        Action::Help => Command::Help,
        Action::Down => Command::Move(1),
        Action::Up => Command::Move(-1),
        Action::HalfPageDown => Command::Move(PAGE / 2),
        Action::HalfPageUp => Command::Move(-PAGE / 2),
        Action::PageDown => Command::Move(PAGE),
        Action::PageUp => Command::Move(-PAGE),
        Action::Top => Command::MoveToEnd(false),
        Action::Bottom => Command::MoveToEnd(true),
        Action::Open => Command::Open,
        Action::Filter => Command::Filter,
        Action::Cancel => Command::Cancel,
        Action::NextSort => Command::NextSort,
        Action::Reverse => Command::Reverse,
        Action::NextClassification => Command::NextClassification,
        Action::NextTag => Command::NextTag,
        Action::Skipped => Command::Skipped,
        Action::JumpBack => Command::JumpBack,
        Action::JumpForward => Command::JumpForward,
        _ => return None,
    })
}

/// Typing into the filter: characters as they are, whatever the keymap says.
fn typing_key(key: &KeyEvent) -> Option<Command> {
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            Some(Command::Type(c))
        }
        KeyCode::Backspace => Some(Command::Backspace),
        KeyCode::Enter => Some(Command::Open),
        KeyCode::Esc => Some(Command::Cancel),
        KeyCode::Down => Some(Command::Move(1)),
        KeyCode::Up => Some(Command::Move(-1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::AppOptions;
    use crate::keymap::{KeyOverrides, Keymap};
    use crate::library::Library;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn char_key(c: char) -> KeyEvent {
        press(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn browser(keymap: Keymap) -> Browser {
        let options = AppOptions {
            keymap,
            ..AppOptions::default()
        };
        let library = Library::from_cables(vec![crate::input::sample()]);
        let mut browser = Browser::new(library, options);
        browser.update(Command::Resize(120, 40));
        browser
    }

    #[test]
    fn table_keys_come_from_the_keymap() {
        let b = browser(Keymap::default());
        assert_eq!(b.command_for_key(&char_key('s')), Some(Command::NextSort));
        assert_eq!(b.command_for_key(&char_key('j')), Some(Command::Move(1)));
        assert_eq!(b.command_for_key(&char_key('?')), Some(Command::Help));
        assert_eq!(b.command_for_key(&char_key('x')), None);
        let overrides = KeyOverrides {
            library: [
                ("next_sort".to_string(), vec!["o".to_string()]),
                ("down".to_string(), vec!["ctrl-j".to_string()]),
            ]
            .into(),
            ..KeyOverrides::default()
        };
        let b = browser(Keymap::from_overrides(&overrides).unwrap());
        assert_eq!(b.command_for_key(&char_key('o')), Some(Command::NextSort));
        assert_eq!(b.command_for_key(&char_key('s')), None);
        assert_eq!(b.command_for_key(&char_key('j')), None);
        let ctrl_j = press(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(b.command_for_key(&ctrl_j), Some(Command::Move(1)));
    }

    #[test]
    fn the_filter_takes_characters_literally() {
        let mut b = browser(Keymap::default());
        b.update(Command::Filter);
        for c in ['s', 'q', 'x', '?', 'j'] {
            assert_eq!(b.command_for_key(&char_key(c)), Some(Command::Type(c)));
        }
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(b.command_for_key(&esc), Some(Command::Cancel));
    }

    #[test]
    fn the_reader_gets_what_the_library_does_not_claim() {
        let mut b = browser(Keymap::default());
        b.update(Command::Open);
        assert_eq!(b.screen, Screen::Reader);
        let ctrl = |c| press(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(
            b.command_for_key(&char_key('x')),
            Some(Command::OtherCables)
        );
        assert_eq!(b.command_for_key(&char_key('R')), Some(Command::References));
        assert_eq!(b.command_for_key(&ctrl('o')), Some(Command::JumpBack));
        assert_eq!(b.command_for_key(&ctrl('i')), Some(Command::JumpForward));
        assert_eq!(b.command_for_key(&ctrl('n')), Some(Command::JumpForward));
        let tab = press(KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(
            b.command_for_key(&tab),
            Some(Command::Reader(Action::FocusNext)),
            "tab (what most terminals send for ctrl-i) still moves focus"
        );
        // s sorts the table, but in the reader it is the reader's.
        assert_eq!(
            b.command_for_key(&char_key('s')),
            Some(Command::Reader(Action::SourceView))
        );
        let backspace = press(KeyCode::Backspace, KeyModifiers::NONE);
        assert_eq!(b.command_for_key(&backspace), Some(Command::Back));
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(b.command_for_key(&esc), Some(Command::Back));
        // While the reader's help is open, keys are the help's.
        b.update(Command::Reader(Action::Help));
        assert_eq!(
            b.command_for_key(&char_key('x')),
            None,
            "x means nothing to the reader's help"
        );
        assert_eq!(
            b.command_for_key(&esc),
            Some(Command::Reader(Action::Cancel))
        );
    }

    #[test]
    fn remapped_moves_between_cables_work_in_the_reader() {
        let overrides = KeyOverrides {
            library: [("other_cables".to_string(), vec!["o".to_string()])].into(),
            ..KeyOverrides::default()
        };
        let mut b = browser(Keymap::from_overrides(&overrides).unwrap());
        b.update(Command::Open);
        assert_eq!(
            b.command_for_key(&char_key('o')),
            Some(Command::OtherCables)
        );
        assert_eq!(b.command_for_key(&char_key('x')), None);
        b.update(Command::References);
        // In a list, the library's keys move and close it.
        assert_eq!(b.command_for_key(&char_key('j')), Some(Command::Move(1)));
        assert_eq!(b.command_for_key(&char_key('o')), Some(Command::Cancel));
    }

    #[test]
    fn the_library_help_opens_scrolls_and_closes() {
        let mut b = browser(Keymap::default());
        b.update(Command::Resize(120, 12));
        b.update(Command::Help);
        assert_eq!(b.help, Some(0));
        b.update(Command::Move(1));
        assert_eq!(b.help, Some(1));
        assert_eq!(b.table.selected, 0, "the table stays put under the help");
        // Scrolling stops at the last row, so one press up always moves.
        b.update(Command::MoveToEnd(true));
        let last = b.help.expect("open");
        assert!(last > 1, "{last}");
        b.update(Command::Move(100));
        assert_eq!(b.help, Some(last));
        b.update(Command::Move(-1));
        assert_eq!(b.help, Some(last - 1));
        b.update(Command::Cancel);
        assert_eq!(b.help, None);
    }
}
