//! The keys in the reader of a session: the moves between cables it takes (back to the
//! table, other cables, REF links, the jump list, the theme) and the overlays it opens
//! over the reader (the help, the correction menu), the rest passed to the reader.

use super::{Effect, Jump, ListCursor, Overlay, Session};
use crate::session::action::{Action, Mouse};
use crate::session::message::Message;
use crate::session::reader::Correcting;

impl Session {
    pub(super) fn reader_action(&mut self, message: Message) {
        // What the status line said answered the last key; the reader clears it for its
        // own keys, the session for those it takes.
        if let Some(app) = self.reader_mut()
            && !matches!(message, Message::Tick | Message::Resize(..))
        {
            app.take_notice();
        }
        let Message::Action(action) = message else {
            return self.pass_to_reader(message);
        };
        // While something is typed, the reader takes these as it takes any key.
        let typing = self
            .reader()
            .is_some_and(crate::session::reader::Reader::is_typing);
        match action {
            Action::Help if !typing => self.show(Overlay::Help(ListCursor::default())),
            Action::Correct if !typing => {
                if let Some(menu) = self.reader_mut().and_then(|app| app.correction_menu()) {
                    self.show(Overlay::Correct(menu));
                }
            }
            Action::Back if self.single => {}
            Action::Back => {
                // Leaving the cable records where it was left.
                self.save_position(true);
                self.view.back_to_table();
            }
            Action::OtherCables | Action::References if self.single => {
                let key = self.options.keymap.library_key(&action);
                let what = key.map_or_else(String::new, |k| format!("{k}: "));
                self.tell(format!(
                    "{what}this needs a library: open a folder or several files"
                ));
            }
            Action::OtherCables => self.list_other_cables(),
            Action::References => self.list_references(),
            Action::JumpBack => self.jump_back(),
            Action::JumpForward => self.jump_forward(),
            Action::Map => self.open_cable_map(),
            // The theme is the session's: the loop loads the next one.
            Action::NextTheme => self.effects.push(Effect::NextTheme {
                after: self.theme.name.clone(),
            }),
            action => self.pass_to_reader(action.into()),
        }
    }

    pub(super) fn pass_to_reader(&mut self, message: Message) {
        let Some(app) = self.view.open_mut().map(super::OpenCable::reader_mut) else {
            return;
        };
        // In the search line, up and down recall the queries searched before; Enter
        // keeps the query for the next time.
        if *app.mode() == crate::session::reader::Mode::Search {
            let query = app.search().map(|s| s.query.clone()).unwrap_or_default();
            match message {
                Message::Action(Action::Up | Action::Down) => {
                    let recalled = if message == Message::Action(Action::Up) {
                        self.history.older(&query)
                    } else {
                        self.history.newer()
                    };
                    if let Some(text) = recalled {
                        app.set_search_text(text);
                    }
                    return;
                }
                Message::Action(Action::Activate) => self.record_query(&query),
                _ => {}
            }
        }
        let Some(open) = self.view.open_mut() else {
            return;
        };
        let cable = open.cable();
        let app = open.reader_mut();
        let before = app.selected();
        // Where the reader is now, kept if the action turns out to be a jump.
        let here = Jump {
            cable,
            position: app.position(),
            focus: app.focus(),
            mention_cursor: app.mention_cursor(),
        };
        let mut clicked = None;
        let effects = app.update(message);
        let origin = app.take_jump_origin();
        for effect in effects {
            match effect {
                Effect::OpenCable(cable) => clicked = Some(cable),
                Effect::Quit => {
                    self.save_position(true);
                    self.effects.push(Effect::Quit);
                }
                effect => self.effects.push(effect),
            }
        }
        if let Some(origin) = origin {
            self.remember_jump(here, origin);
        }
        self.save_position(false);
        let changed = self
            .reader()
            .is_some_and(|app| app.selected().is_some() && app.selected() != before);
        if changed && !self.single {
            self.note_selected_entity();
        }
        // A click on a header link: go there as from the `R` list.
        if let Some(cable) = clicked {
            self.remember();
            self.open(cable, None);
        }
    }

    /// A key while the correction menu is on top: the reader's to apply, the menu back
    /// if it stays open.
    pub(super) fn correction_action(
        &mut self,
        menu: Correcting,
        message: Message,
    ) -> Option<Correcting> {
        let app = self.reader_mut()?;
        let (menu, effects) = app.correct(menu, message);
        self.effects.extend(effects);
        menu
    }

    /// Closes the correction menu, if it is open: the reader under it was replaced.
    pub(super) fn drop_correction_menu(&mut self) {
        self.overlays.retain(|o| !matches!(o, Overlay::Correct(_)));
    }

    /// The mouse over the reader's help: the wheel scrolls it, a click closes it.
    pub(super) fn help_mouse(mouse: &Mouse) -> Action {
        match mouse {
            Mouse::WheelDown(..) => Action::Down,
            Mouse::WheelUp(..) => Action::Up,
            Mouse::Click(..) => Action::Help,
        }
    }
}
