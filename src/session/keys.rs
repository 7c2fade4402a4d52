//! Keys and terminal events to actions, by context: the `[library]` section of the keymap
//! for the table and the lists over the reader; in the reader the moves between cables,
//! then the reader's own section. Typing into a filter takes characters as they are.

use super::{Overlay, Session, View};
use crate::session::action::{Action, Mouse};
use crate::session::keymap::Key;
use crate::session::line::Edit;
use crate::session::message::Message;
use crate::session::reader::Mode;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEventKind,
};

impl Session {
    /// The action a key press means now, by context: the table and the lists over the
    /// reader take the library's keys; in the reader the moves between cables come
    /// first, then the reader's own keys. Typing into a filter takes characters as
    /// they are.
    #[must_use]
    pub fn action_for_key(&self, key: &KeyEvent) -> Option<Message> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit.into());
        }
        let action = self.keymap().library_action(&Key::from_event(key));
        // The overlay on top takes the keys first.
        match self.overlay() {
            // Over the map: the library's keys, and the reader's for its layer and itself.
            Some(Overlay::Map(_)) => {
                let reader = self.keymap().action(&Key::from_event(key));
                let action =
                    action.or(reader.filter(|a| matches!(a, Action::ToggleLoc | Action::Map)));
                action.map(Message::Action)
            }
            // Over the reader, its help reads the reader's keys.
            Some(Overlay::Help(_)) => match self.view().reader() {
                Some(open) => open.reader().action_for_key(key),
                None => action.map(Message::Action),
            },
            // The correction menu takes characters as they are.
            Some(Overlay::Correct(_)) => crate::session::reader::typed_key(key),
            Some(Overlay::Skipped(_)) => action
                .filter(|a| !a.moves_between_cables() || *a == Action::Back)
                .map(Message::Action),
            // The list of what to export moves as every list does (`j`, `k`); nothing
            // else of the table's reaches it.
            Some(Overlay::Export(super::export::ExportPrompt::What(_))) => action
                .filter(|a| matches!(a, Action::Up | Action::Down))
                .map(Message::Action)
                .or_else(|| typing_key(key)),
            Some(Overlay::Export(_) | Overlay::Tags(_)) => typing_key(key),
            Some(Overlay::Cables(_)) => match action? {
                Action::Back | Action::OtherCables | Action::References => {
                    Some(Action::Cancel.into())
                }
                action => Some(action.into()),
            },
            None => match self.view() {
                View::Loading(_) => action.filter(|a| *a == Action::Quit).map(Message::Action),
                View::Library { .. } if self.table.is_typing() => typing_key(key),
                View::Library { .. } => action.filter(Action::on_table).map(Message::Action),
                View::Reader(_) => self.reader_key(key, action),
            },
        }
    }

    fn reader_key(&self, key: &KeyEvent, action: Option<Action>) -> Option<Message> {
        let app = self.view().reader()?.reader();
        if app.is_typing() {
            return app.action_for_key(key);
        }
        let moves = action.filter(Action::moves_between_cables);
        if !self.single
            && let Some(action) = moves
        {
            return Some(action.into());
        }
        let Some(action) = app.action_for_key(key) else {
            // Alone, a move's key the reader does not use still says it needs a library.
            return moves.filter(|_| self.single).map(Message::Action);
        };
        // The reader's cancel clears its search or selection first, then goes back.
        if action == Message::Action(Action::Cancel)
            && app.selected().is_none()
            && app.search().is_none()
            && *app.mode() == Mode::Normal
            && !app.source_view()
            && app.entity_list().filter.is_empty()
        {
            return Some(Action::Back.into());
        }
        Some(action)
    }

    /// The action a terminal event means now, if any.
    #[must_use]
    pub fn action_for_event(&self, event: &Event) -> Option<Message> {
        if let Some(key) = event.as_key_press_event() {
            return self.action_for_key(&key);
        }
        match event {
            Event::Resize(w, h) => Some(Message::Resize(*w, *h)),
            // The mouse works in the reader, and in its help (which it scrolls), not under
            // a list or a menu.
            Event::Mouse(mouse)
                if self.view().reader().is_some()
                    && matches!(self.overlay(), None | Some(Overlay::Help(_))) =>
            {
                let (x, y) = (mouse.column, mouse.row);
                match mouse.kind {
                    MouseEventKind::ScrollDown => Some(Message::Mouse(Mouse::WheelDown(x, y))),
                    MouseEventKind::ScrollUp => Some(Message::Mouse(Mouse::WheelUp(x, y))),
                    MouseEventKind::Down(MouseButton::Left) => {
                        Some(Message::Mouse(Mouse::Click(x, y)))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// Typing into the filter: characters as they are, whatever the keymap says.
fn typing_key(key: &KeyEvent) -> Option<Message> {
    if let Some(edit) = line_edit(key) {
        return Some(Message::Edit(edit));
    }
    let action = match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            return Some(Message::Type(c));
        }
        KeyCode::Backspace => return Some(Message::Backspace),
        KeyCode::Enter => Action::Open,
        KeyCode::Esc => Action::Cancel,
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        _ => return None,
    };
    Some(action.into())
}

/// The keys that edit a line typed in, as in a shell: Ctrl-U, Ctrl-W, Home, End and
/// the arrows left and right.
#[must_use]
pub fn line_edit(key: &KeyEvent) -> Option<Edit> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('u') if ctrl => Edit::Clear,
        KeyCode::Char('w') if ctrl => Edit::WordBack,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use crate::session::keymap::{KeyOverrides, Keymap};
    use crate::session::reader::ReaderOptions;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn char_key(c: char) -> KeyEvent {
        press(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn browser(keymap: Keymap) -> Session {
        let options = ReaderOptions {
            keymap,
            ..ReaderOptions::default()
        };
        let library = Library::from_cables(vec![crate::input::sample()]);
        let mut browser = Session::new(library, options);
        drive(&mut browser, Message::Resize(120, 40));
        browser
    }

    /// Applies an action and carries out the reading of cables it asks for, as the event
    /// loop does.
    fn drive(session: &mut Session, action: impl Into<Message>) {
        let mut pending = vec![action.into()];
        while let Some(action) = pending.pop() {
            for effect in session.update(action) {
                if let crate::session::Effect::ReadCable { cable } = effect {
                    let parsed = session.library.open(cable).map_err(Into::into);
                    pending.push(Message::CableRead(Box::new(
                        crate::session::action::CableRead {
                            cable,
                            parsed,
                            key: String::new(),
                            saved: None,
                        },
                    )));
                }
            }
        }
    }

    #[test]
    fn table_keys_come_from_the_keymap() {
        let b = browser(Keymap::default());
        assert_eq!(
            b.action_for_key(&char_key('s')),
            Some(Action::NextSort.into())
        );
        assert_eq!(b.action_for_key(&char_key('j')), Some(Action::Down.into()));
        assert_eq!(b.action_for_key(&char_key('?')), Some(Action::Help.into()));
        assert_eq!(b.action_for_key(&char_key('x')), None);
        let overrides = KeyOverrides {
            library: [
                ("next_sort".to_string(), vec!["o".to_string()]),
                ("down".to_string(), vec!["ctrl-j".to_string()]),
            ]
            .into(),
            ..KeyOverrides::default()
        };
        let b = browser(Keymap::from_overrides(&overrides).unwrap());
        assert_eq!(
            b.action_for_key(&char_key('o')),
            Some(Action::NextSort.into())
        );
        assert_eq!(b.action_for_key(&char_key('s')), None);
        assert_eq!(b.action_for_key(&char_key('j')), None);
        let ctrl_j = press(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(b.action_for_key(&ctrl_j), Some(Action::Down.into()));
    }

    #[test]
    fn the_filter_takes_characters_literally() {
        let mut b = browser(Keymap::default());
        drive(&mut b, Action::Filter);
        for c in ['s', 'q', 'x', '?', 'j'] {
            assert_eq!(b.action_for_key(&char_key(c)), Some(Message::Type(c)));
        }
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(b.action_for_key(&esc), Some(Action::Cancel.into()));
    }

    #[test]
    fn the_readers_overlays_read_keys_and_the_mouse_their_own_way() {
        use ratatui::crossterm::event::MouseEvent;
        let mut b = browser(Keymap::default());
        drive(&mut b, Action::Open);
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 60,
            row: 20,
            modifiers: KeyModifiers::NONE,
        });
        // The help scrolls with the reader's keys and the wheel.
        drive(&mut b, Action::Help);
        assert_eq!(b.action_for_key(&char_key('j')), Some(Action::Down.into()));
        assert_eq!(
            b.action_for_event(&wheel),
            Some(Message::Mouse(Mouse::WheelDown(60, 20)))
        );
        drive(&mut b, Action::Cancel);
        assert!(b.overlays().is_empty());
        // The correction menu takes characters as they are, and no mouse.
        drive(&mut b, Action::Filter);
        for c in "chirac".chars() {
            drive(&mut b, Message::Type(c));
        }
        drive(&mut b, Action::Activate);
        drive(&mut b, Action::Correct);
        assert!(matches!(b.overlay(), Some(Overlay::Correct(_))));
        assert_eq!(b.action_for_key(&char_key('j')), Some(Message::Type('j')));
        assert_eq!(b.action_for_key(&char_key('?')), Some(Message::Type('?')));
        assert_eq!(b.action_for_event(&wheel), None);
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(b.action_for_key(&esc), Some(Action::Cancel.into()));
        drive(&mut b, Action::Cancel);
        assert!(b.overlays().is_empty(), "Esc pops the menu");
        assert!(b.reader().is_some_and(|app| app.selected().is_some()));
        // A cable read again under an open menu closes it: its entities are the old
        // reader's.
        drive(&mut b, Action::Correct);
        drive(
            &mut b,
            Message::Corrected(Box::new(crate::session::action::Corrected {
                cable: crate::library::CableIndex::new(0),
                parsed: Ok(crate::input::sample()),
                select: None,
                message: "corrected".into(),
                scope: crate::session::Scope::Cable,
                undone: false,
            })),
        );
        assert!(b.overlays().is_empty());
        assert_eq!(b.reader().and_then(|app| app.notice()), Some("corrected"));
    }

    #[test]
    fn the_reader_gets_what_the_library_does_not_claim() {
        let mut b = browser(Keymap::default());
        drive(&mut b, Action::Open);
        assert!(b.view().reader().is_some());
        let ctrl = |c| press(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(
            b.action_for_key(&char_key('x')),
            Some(Action::OtherCables.into())
        );
        assert_eq!(
            b.action_for_key(&char_key('R')),
            Some(Action::References.into())
        );
        assert_eq!(b.action_for_key(&ctrl('o')), Some(Action::JumpBack.into()));
        assert_eq!(
            b.action_for_key(&ctrl('i')),
            Some(Action::JumpForward.into())
        );
        assert_eq!(
            b.action_for_key(&ctrl('n')),
            Some(Action::JumpForward.into())
        );
        let tab = press(KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(
            b.action_for_key(&tab),
            Some(Action::FocusNext.into()),
            "tab (what most terminals send for ctrl-i) still moves focus"
        );
        // s sorts the table, but in the reader it is the reader's.
        assert_eq!(
            b.action_for_key(&char_key('s')),
            Some(Action::SourceView.into())
        );
        let backspace = press(KeyCode::Backspace, KeyModifiers::NONE);
        assert_eq!(b.action_for_key(&backspace), Some(Action::Back.into()));
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(b.action_for_key(&esc), Some(Action::Back.into()));
        // While the reader's help is open, keys are the help's.
        drive(&mut b, Action::Help);
        assert_eq!(
            b.action_for_key(&char_key('x')),
            None,
            "x means nothing to the reader's help"
        );
        assert_eq!(b.action_for_key(&esc), Some(Action::Cancel.into()));
    }

    #[test]
    fn remapped_moves_between_cables_work_in_the_reader() {
        let overrides = KeyOverrides {
            library: [("other_cables".to_string(), vec!["o".to_string()])].into(),
            ..KeyOverrides::default()
        };
        let mut b = browser(Keymap::from_overrides(&overrides).unwrap());
        drive(&mut b, Action::Open);
        assert_eq!(
            b.action_for_key(&char_key('o')),
            Some(Action::OtherCables.into())
        );
        assert_eq!(b.action_for_key(&char_key('x')), None);
        drive(&mut b, Action::References);
        // In a list, the library's keys move and close it.
        assert_eq!(b.action_for_key(&char_key('j')), Some(Action::Down.into()));
        assert_eq!(
            b.action_for_key(&char_key('o')),
            Some(Action::Cancel.into())
        );
    }

    #[test]
    fn the_library_help_opens_scrolls_and_closes() {
        let mut b = browser(Keymap::default());
        drive(&mut b, Message::Resize(120, 12));
        let top = |b: &Session| b.help().map(|h| h.selected);
        drive(&mut b, Action::Help);
        assert_eq!(top(&b), Some(0));
        drive(&mut b, Action::Down);
        assert_eq!(top(&b), Some(1));
        assert_eq!(
            b.table().cursor().selected,
            0,
            "the table stays put under the help"
        );
        // Scrolling stops at the last row, so one press up always moves.
        drive(&mut b, Action::Bottom);
        let last = top(&b).expect("open");
        assert!(last > 1, "{last}");
        drive(&mut b, Action::PageDown);
        assert_eq!(top(&b), Some(last));
        drive(&mut b, Action::Up);
        assert_eq!(top(&b), Some(last - 1));
        drive(&mut b, Action::Cancel);
        assert_eq!(b.help(), None);
    }
}
