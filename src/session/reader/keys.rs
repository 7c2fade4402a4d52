//! Terminal keys to actions: the keymap, except while something is being typed.

use super::{Mode, Reader};
use crate::session::action::Action;
use crate::session::keymap::Key;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl Reader {
    /// Whether typed characters go to a prompt, the search, the filter or a mark.
    #[must_use]
    pub fn is_typing(&self) -> bool {
        !matches!(self.mode, Mode::Normal | Mode::Help(_))
    }

    /// The action a key press means now.
    #[must_use]
    pub fn action_for_key(&self, key: &KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        if !self.is_typing() {
            return self.options.keymap.action(&Key::from_event(key));
        }
        if self.mode == Mode::Search
            && let Some(edit) = crate::session::keys::line_edit(key)
        {
            return Some(Action::Edit(edit));
        }
        match key.code {
            KeyCode::Char(c) if !ctrl => Some(Action::Type(c)),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Enter => Some(Action::Activate),
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Down => Some(Action::Down),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Tab => Some(Action::FocusNext),
            KeyCode::BackTab => Some(Action::FocusPrevious),
            // Any other key ends a pending mark rather than being ignored silently.
            _ if matches!(self.mode, Mode::Mark(_)) => Some(Action::Cancel),
            _ => None,
        }
    }
}
