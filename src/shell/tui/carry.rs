//! Carrying out what the session asks ([`Effect`]) and feeding back what comes of it, for
//! the event loop and for tests driving a session without a terminal.

use super::clipboard::Sent;
use super::worker::Request;
use crate::cable::{CableId, EntityKind};
use crate::corrections::{Correction, Corrections, CorrectionsError, RuleAction, everywhere};
use crate::session::action::{Action, Corrected};
use crate::session::message::Message;
use crate::session::{CorrectionChange, Effect, Scope, Session};
use crate::shell::state::Store;
use std::io;
use std::path::Path;

/// What carrying out an effect leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Leave the loop.
    Quit,
    /// Tell the session this.
    Report(Message),
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
        Effect::Copy { text, what } => Outcome::Report(Message::Notice(match copy(&text) {
            Ok(sent) => sent.report(&what),
            Err(e) => format!("could not copy {what}: {e}"),
        })),
        // The session turns a click on a link into a read; nothing is left to do here.
        Effect::OpenCable(_) => Outcome::Done,
        Effect::SavePosition { key, position } => {
            if store.can_save() {
                store.save_later(&key, &position);
            }
            let notices = store.take_notices();
            if notices.is_empty() {
                Outcome::Done
            } else {
                Outcome::Report(Message::Notice(notices.join("; ")))
            }
        }
        Effect::SaveHistory(entries) => {
            store.save_history(&entries);
            let notices = store.take_notices();
            if notices.is_empty() {
                Outcome::Done
            } else {
                Outcome::Report(Message::Notice(notices.join("; ")))
            }
        }
        Effect::NextTheme { after } => {
            match crate::shell::user_themes::next_after(&after, session.themes_dir()) {
                Some((theme, skipped)) => {
                    Outcome::Report(Message::ThemeLoaded(Box::new(theme), skipped))
                }
                None => Outcome::Done,
            }
        }
        Effect::SaveCorrection { id, change } => {
            Outcome::Report(save_correction(session, &id, change))
        }
        // What the worker does off the loop, done here in turn (tests, a worker gone).
        Effect::Search { query, facets } => ask(session, store, Request::Search { query, facets }),
        Effect::Snippet { query, cable, id } => {
            ask(session, store, Request::Snippet { query, cable, id })
        }
        Effect::Lookup(lookup) => ask(session, store, Request::Lookup(lookup)),
        Effect::ReadCable { cable } => ask(session, store, Request::Read(cable)),
        Effect::Export {
            selection,
            bundle,
            dir,
            overwrite,
        } => Outcome::Report(super::exporting::start(
            session, selection, bundle, dir, overwrite,
        )),
    })
}

/// Answers a request of the worker's kind in this thread.
fn ask(session: &Session, store: &Store, request: Request) -> Outcome {
    Outcome::Report(with_saved(
        super::worker::answer(&session.library, request),
        store,
    ))
}

/// A cable read, with where it was left last time from the reading state (which only
/// the loop holds); any other action as it is.
pub(crate) fn with_saved(action: Message, store: &Store) -> Message {
    match action {
        Message::CableRead(mut read) => {
            read.saved = store.position_as(&read.key);
            Message::CableRead(read)
        }
        action => action,
    }
}

/// Changes a cable's overlay of corrections, or the rules for every cable (each file
/// written atomically), and reads the cable again with them applied; a failure is a
/// notice, the reader left as it was.
fn save_correction(session: &Session, id: &CableId, change: CorrectionChange) -> Message {
    let Some(cable) = session.open_cable().map(crate::session::OpenCable::cable) else {
        return Message::Notice("no cable is open to correct".to_string());
    };
    let options = session.library.load_options();
    let Some(dir) = options.corrections.as_deref() else {
        return Message::Notice(format!(
            "corrections are not kept: no data dir (set {})",
            crate::shell::paths::DATA_DIR_VAR
        ));
    };
    let scope = change.scope();
    let undo = session
        .keymap()
        .key(&Action::UndoCorrection)
        .map_or_else(String::new, |k| format!(" ({k} undoes)"));
    let done = match change {
        CorrectionChange::Make(correction) => {
            make(dir, id, correction, &undo).map(|(select, message)| Some((select, message, false)))
        }
        CorrectionChange::Undo => {
            undo_last(dir, id).map(|done| done.map(|(select, message)| (select, message, true)))
        }
        CorrectionChange::MakeEverywhere(rule) => {
            let select = match &rule.action {
                RuleAction::Relabel(to) => Some((to.clone(), rule.name.clone())),
                RuleAction::NotAnEntity => None,
            };
            let message = format!("corrected: {}{undo}", rule.describe());
            everywhere::push(dir, rule).map(|rules| {
                // The library reads every cable with these from now on.
                options.everywhere.set_rules(rules);
                Some((select, message, false))
            })
        }
        CorrectionChange::UndoEverywhere => everywhere::undo(dir).map(|(last, rules)| {
            options.everywhere.set_rules(rules);
            last.map(|rule| {
                (
                    Some((rule.kind.clone(), rule.name.clone())),
                    format!("undone: {}", rule.describe()),
                    true,
                )
            })
        }),
    };
    let (select, message, undone) = match done {
        Ok(Some(done)) => done,
        Ok(None) => {
            return Message::Notice(match scope {
                Scope::Cable => "no correction of this cable to undo".to_string(),
                Scope::Everywhere => "no correction for every cable to undo".to_string(),
            });
        }
        Err(e) => return Message::Notice(e.to_string()),
    };
    Message::Corrected(Box::new(Corrected {
        cable,
        parsed: session.library.open(cable).map_err(Into::into),
        select,
        message,
        scope,
        undone,
    }))
}

/// What a selection and status line follow a change of a cable's overlay.
type Done = (Option<(EntityKind, String)>, String);

/// Adds a correction to the cable's overlay.
fn make(
    dir: &Path,
    id: &CableId,
    correction: Correction,
    undo: &str,
) -> Result<Done, CorrectionsError> {
    let mut corrections = Corrections::load(dir, id)?;
    let select = selected_after(&correction, false);
    let message = format!("corrected: {}{undo}", correction.describe());
    corrections.push(correction);
    corrections.save()?;
    Ok((select, message))
}

/// Takes back the overlay's last correction; none when there is none.
fn undo_last(dir: &Path, id: &CableId) -> Result<Option<Done>, CorrectionsError> {
    let mut corrections = Corrections::load(dir, id)?;
    let Some(correction) = corrections.undo() else {
        return Ok(None);
    };
    corrections.save()?;
    Ok(Some((
        selected_after(&correction, true),
        format!("undone: {}", correction.describe()),
    )))
}

/// The entity a correction leaves to select, by kind and spelling: the one it made, or
/// after an undo the one it had changed.
fn selected_after(correction: &Correction, undone: bool) -> Option<(EntityKind, String)> {
    let of = |span: &crate::corrections::Span| Some((span.kind.clone(), span.text.clone()));
    match (correction, undone) {
        (Correction::Relabel { mention, to }, false) => Some((to.clone(), mention.text.clone())),
        (Correction::Join { with, .. }, false) => of(with),
        (Correction::NotAnEntity { .. }, false) | (Correction::Add { .. }, true) => None,
        (
            Correction::Relabel { mention, .. }
            | Correction::Join { mention, .. }
            | Correction::NotAnEntity { mention }
            | Correction::Add { mention },
            _,
        ) => of(mention),
    }
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
