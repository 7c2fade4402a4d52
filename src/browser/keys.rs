//! Keys to browser commands. The library screen has its own small map; in the reader the
//! browser claims only the keys that move between cables and passes the rest on.
//!
//! | where | key | command |
//! |---|---|---|
//! | anywhere | `q`, `Ctrl-c` | quit (while loading too) |
//! | library | `j`/`k`, arrows, `PageDown`/`PageUp`, `g`/`G` | move |
//! | library | `Enter` | open the cable |
//! | library | `/` | filter as you type (`Enter` keeps it, `Esc` stops typing) |
//! | library | `Esc` | clear the filter |
//! | library | `s` / `r` | sort by the next column / reverse |
//! | library | `c` / `T` | filter by the next classification / TAG |
//! | library | `!` | the skipped files |
//! | reader | `Backspace`, or `Esc` with nothing to clear | back to the library |
//! | reader | `x` | other cables naming the selected entity |
//! | reader | `R` | REF links and cited-by |
//! | reader | `Ctrl-o` / `Ctrl-i` | jump back / forward |

use super::{Browser, Command, Screen};
use crate::app::Mode;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl Browser {
    /// The command a key press means now.
    #[must_use]
    pub fn command_for_key(&self, key: &KeyEvent) -> Option<Command> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Command::Quit);
        }
        match self.screen {
            Screen::Loading | Screen::Skipped => match key.code {
                KeyCode::Char('q') => Some(Command::Quit),
                KeyCode::Esc | KeyCode::Backspace | KeyCode::Char('!') => Some(Command::Cancel),
                _ => None,
            },
            Screen::Library if self.table.typing => typing_key(key),
            Screen::Library => library_key(key, ctrl),
            Screen::Reader if self.list.is_some() => list_key(key),
            Screen::Reader => self.reader_key(key, ctrl),
        }
    }

    fn reader_key(&self, key: &KeyEvent, ctrl: bool) -> Option<Command> {
        let app = self.reader.as_ref().map(|(_, app)| app)?;
        if app.is_typing() {
            return app.action_for_key(key).map(Command::Reader);
        }
        match key.code {
            KeyCode::Char('o') if ctrl => return Some(Command::JumpBack),
            KeyCode::Char('i') if ctrl => return Some(Command::JumpForward),
            KeyCode::Backspace => return Some(Command::Back),
            KeyCode::Char('x') if !ctrl => return Some(Command::OtherCables),
            KeyCode::Char('R') => return Some(Command::References),
            // Esc clears the reader's search or selection first, then goes back.
            KeyCode::Esc
                if app.help.is_none()
                    && app.selected.is_none()
                    && app.search.is_none()
                    && app.mode == Mode::Normal =>
            {
                return Some(Command::Back);
            }
            _ => {}
        }
        app.action_for_key(key).map(Command::Reader)
    }
}

fn typing_key(key: &KeyEvent) -> Option<Command> {
    match key.code {
        KeyCode::Char(c) => Some(Command::Type(c)),
        KeyCode::Backspace => Some(Command::Backspace),
        KeyCode::Enter => Some(Command::Open),
        KeyCode::Esc => Some(Command::Cancel),
        KeyCode::Down => Some(Command::Move(1)),
        KeyCode::Up => Some(Command::Move(-1)),
        _ => None,
    }
}

fn library_key(key: &KeyEvent, ctrl: bool) -> Option<Command> {
    Some(match key.code {
        KeyCode::Char('q') => Command::Quit,
        KeyCode::Char('j') | KeyCode::Down => Command::Move(1),
        KeyCode::Char('k') | KeyCode::Up => Command::Move(-1),
        KeyCode::PageDown | KeyCode::Char(' ') => Command::Move(20),
        KeyCode::Char('d') if ctrl => Command::Move(10),
        KeyCode::Char('u') if ctrl => Command::Move(-10),
        KeyCode::PageUp => Command::Move(-20),
        KeyCode::Char('g') | KeyCode::Home => Command::MoveToEnd(false),
        KeyCode::Char('G') | KeyCode::End => Command::MoveToEnd(true),
        KeyCode::Enter => Command::Open,
        KeyCode::Char('/') => Command::Filter,
        KeyCode::Esc => Command::Cancel,
        KeyCode::Char('s') => Command::NextSort,
        KeyCode::Char('r') => Command::Reverse,
        KeyCode::Char('c') => Command::NextClassification,
        KeyCode::Char('T') => Command::NextTag,
        KeyCode::Char('!') => Command::Skipped,
        KeyCode::Char('o') if ctrl => Command::JumpBack,
        KeyCode::Char('i') if ctrl => Command::JumpForward,
        _ => return None,
    })
}

fn list_key(key: &KeyEvent) -> Option<Command> {
    Some(match key.code {
        KeyCode::Char('j') | KeyCode::Down => Command::Move(1),
        KeyCode::Char('k') | KeyCode::Up => Command::Move(-1),
        KeyCode::Char('g') | KeyCode::Home => Command::MoveToEnd(false),
        KeyCode::Char('G') | KeyCode::End => Command::MoveToEnd(true),
        KeyCode::Enter => Command::Open,
        KeyCode::Esc | KeyCode::Backspace | KeyCode::Char('x' | 'R') => Command::Cancel,
        KeyCode::Char('q') => Command::Quit,
        _ => return None,
    })
}
