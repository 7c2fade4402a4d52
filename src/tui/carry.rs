//! Carrying out what the session asks ([`Effect`]) and feeding back what comes of it, for
//! the event loop and for tests driving a session without a terminal.

use super::clipboard::Sent;
use crate::action::{Action, CableRead};
use crate::session::{Effect, Session};
use crate::state::Store;
use std::io;

/// What carrying out an effect leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Leave the loop.
    Quit,
    /// Tell the session this.
    Report(Action),
    /// Nothing more.
    Done,
}

/// Carries out one effect: the only place the session's wishes touch the world. `copy`
/// puts text on the clipboard (tmux's or the terminal's, [`super::clipboard::copy`], or a
/// test's) and says how it was sent.
pub fn carry_out(
    effect: Effect,
    session: &Session,
    store: &mut Store,
    copy: &mut dyn FnMut(&str) -> io::Result<Sent>,
) -> io::Result<Outcome> {
    Ok(match effect {
        Effect::Quit => Outcome::Quit,
        // Only here is it known whether and how the text left: the status line says so.
        Effect::Copy { text, what } => Outcome::Report(Action::Notice(match copy(&text) {
            Ok(sent) => sent.report(&what),
            Err(e) => format!("could not copy {what}: {e}"),
        })),
        // The session turns a click on a link into a read; nothing is left to do here.
        Effect::OpenCable(_) => Outcome::Done,
        Effect::ReadCable { cable } => {
            let parsed = session.library.open(cable).map_err(|e| e.to_string());
            let saved = parsed
                .as_ref()
                .ok()
                .and_then(|c| store.position_as(&crate::state::cable_key(c)));
            Outcome::Report(Action::CableRead(Box::new(CableRead {
                cable,
                parsed,
                saved,
            })))
        }
        Effect::SavePosition { key, position } => {
            if store.can_save() {
                store.save_later(&key, &position);
            }
            let notices = store.take_notices();
            if notices.is_empty() {
                Outcome::Done
            } else {
                Outcome::Report(Action::Notice(notices.join("; ")))
            }
        }
        Effect::NextTheme { after } => {
            match crate::user_themes::next_after(&after, session.themes_dir()) {
                Some((theme, skipped)) => {
                    Outcome::Report(Action::ThemeLoaded(Box::new(theme), skipped))
                }
                None => Outcome::Done,
            }
        }
    })
}

/// Carries out `effects`, and the effects of what they report, until nothing is left.
/// Returns whether the session asked to quit.
pub fn settle(
    session: &mut Session,
    store: &mut Store,
    effects: Vec<Effect>,
    copy: &mut dyn FnMut(&str) -> io::Result<Sent>,
) -> io::Result<bool> {
    let mut effects = std::collections::VecDeque::from(effects);
    while let Some(effect) = effects.pop_front() {
        match carry_out(effect, session, store, copy)? {
            Outcome::Quit => return Ok(true),
            Outcome::Report(action) => effects.extend(session.update(action)),
            Outcome::Done => {}
        }
    }
    Ok(false)
}
