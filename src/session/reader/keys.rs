//! Terminal keys to actions: the keymap, except while something is being typed.

use super::{Mode, Reader};
use crate::session::action::Action;
use crate::session::keymap::Key;
use crate::session::message::Message;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl Reader {
    /// Whether typed characters go to a prompt, the search, the filter or a mark.
    #[must_use]
    pub fn is_typing(&self) -> bool {
        self.mode != Mode::Normal
    }

    /// The action a key press means now.
    #[must_use]
    pub fn action_for_key(&self, key: &KeyEvent) -> Option<Message> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit.into());
        }
        if !self.is_typing() {
            // `jump_to_digit` is a jump to that digit's paragraph.
            return match (self.options.keymap.action(&Key::from_event(key))?, key.code) {
                (Action::JumpToDigit, KeyCode::Char(c)) if c.is_ascii_digit() => {
                    Some(Message::GoTo(c.to_string()))
                }
                (action, _) => Some(action.into()),
            };
        }
        if self.mode == Mode::Search
            && let Some(edit) = crate::session::keys::line_edit(key)
        {
            return Some(Message::Edit(edit));
        }
        typed_key(key).or_else(|| {
            // Any other key ends a pending mark rather than being ignored silently.
            matches!(self.mode, Mode::Mark(_)).then_some(Message::Action(Action::Cancel))
        })
    }
}

/// A key while something is typed (a prompt, the filter, a mark, the correction menu):
/// characters as they are, whatever the keymap says, and the keys that end or move.
#[must_use]
pub fn typed_key(key: &KeyEvent) -> Option<Message> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let action = match key.code {
        KeyCode::Char(c) if !ctrl => return Some(Message::Type(c)),
        KeyCode::Backspace => return Some(Message::Backspace),
        KeyCode::Enter => Some(Action::Activate),
        KeyCode::Esc => Some(Action::Cancel),
        KeyCode::Down => Some(Action::Down),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Tab => Some(Action::FocusNext),
        KeyCode::BackTab => Some(Action::FocusPrevious),
        _ => None,
    };
    action.map(Message::Action)
}
