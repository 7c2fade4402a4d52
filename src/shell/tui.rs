//! The terminal: set it up, run the event loop, and restore it on every way out
//! (quit, error, panic, SIGTERM/SIGHUP/SIGINT/SIGQUIT), and while stopped (SIGTSTP).

use crate::session::action::Action;
use crate::session::message::Message;
use crate::session::{Effect, Session};
use crate::shell::state::Store;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, KeyboardEnhancementFlags,
    PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use ratatui::crossterm::execute;
pub(crate) use signals::Signals;
use std::collections::VecDeque;
use std::io;
use std::time::Duration;
pub(crate) use watchdog::Watchdog;

mod ask_index;
mod carry;
pub mod clipboard;
mod exporting;
pub mod signals;
mod watchdog;

pub use carry::{Outcome, carry_out, settle};

/// How long the loop waits for input before checking for a signal.
const POLL: Duration = Duration::from_millis(200);
/// At most this many input events are taken before the screen is drawn again.
const MAX_BATCH: usize = 64;
/// How long it waits while a library loads: short, so progress shows smoothly.
const LOADING_POLL: Duration = Duration::from_millis(100);

/// What cableview turns on in the terminal beyond ratatui's raw mode and alternate
/// screen, so that every way out turns the same things off again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Modes {
    /// Mouse reporting.
    mouse: bool,
    /// The kitty keyboard protocol's "disambiguate" level, so `Ctrl-i` arrives apart
    /// from `Tab` (and `Ctrl-o`, `Esc` and the like unambiguously).
    keyboard: bool,
}

impl Modes {
    /// Enters the terminal as cableview wants it: ratatui's setup (raw mode, alternate
    /// screen, a panic hook restoring them), the keyboard enhancement when the terminal
    /// says it supports it, and mouse reporting if `mouse`. The panic hook is extended to
    /// turn off what was turned on, before ratatui's restores the rest.
    ///
    /// Call [`Modes::leave`] on the way out whatever happens next; an error turning a
    /// mode on is returned alongside so the caller can still leave cleanly.
    pub(crate) fn enter(mouse: bool) -> (DefaultTerminal, Self, io::Result<()>) {
        let terminal = ratatui::init();
        // The query needs raw mode; a terminal that does not answer counts as unable.
        let keyboard = matches!(
            ratatui::crossterm::terminal::supports_keyboard_enhancement(),
            Ok(true)
        );
        let modes = Self { mouse, keyboard };
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A panic a guard catches (tantivy on a damaged index) is an error the
            // screen shows: the terminal stays as it is.
            if crate::search_index::guard::catching() {
                return;
            }
            modes.off();
            hook(info);
        }));
        let mut result = Ok(());
        if keyboard {
            result = execute!(
                io::stdout(),
                PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
            );
        }
        if mouse {
            result = result.and_then(|()| execute!(io::stdout(), EnableMouseCapture));
        }
        (terminal, modes, result)
    }

    /// Turns off what [`Modes::enter`] turned on, then restores the terminal.
    pub(crate) fn leave(self) {
        self.off();
        ratatui::restore();
        let _ = execute!(io::stdout(), ratatui::crossterm::cursor::Show);
    }

    /// Turns back on what [`Modes::leave`] turned off, as [`Modes::enter`] did (the
    /// keyboard enhancement without asking the terminal again): after a stop.
    pub(crate) fn resume(self) -> io::Result<()> {
        ratatui::crossterm::terminal::enable_raw_mode()?;
        execute!(
            io::stdout(),
            ratatui::crossterm::terminal::EnterAlternateScreen
        )?;
        if self.keyboard {
            execute!(
                io::stdout(),
                PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
            )?;
        }
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(())
    }

    /// Turns the mouse and the keyboard enhancement off, still in the alternate screen
    /// (terminals keep a keyboard mode stack per screen).
    fn off(self) {
        if self.mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        if self.keyboard {
            let _ = execute!(io::stdout(), PopKeyboardEnhancementFlags);
        }
    }
}

/// Runs a session until the user quits or a signal asks it to stop (after which the
/// process should exit with [`signals::exit_status`]), keeping reading positions in
/// `store`. Returns the session and the notices the user has not seen (saving failed).
///
/// The terminal is restored before this returns, whatever happened, and on panic by
/// ratatui's panic hook (extended here to turn mouse reporting and the keyboard
/// enhancement off too).
pub fn run(mut session: Session, mut store: Store) -> io::Result<(Session, Vec<String>)> {
    let signals = Signals::listen()?;
    let (mut terminal, modes, entered) = Modes::enter(session.mouse());
    let watchdog = Watchdog::start(signals, modes);
    let result = entered.and_then(|()| {
        event_loop(
            &mut terminal,
            &mut session,
            &mut store,
            (signals, modes),
            &watchdog,
        )
    });
    drop(watchdog);
    modes.leave();
    // However the loop ended (a signal too), the open cable's place is kept.
    for effect in session.update(Action::Quit) {
        if let Effect::SavePosition { .. } = effect {
            carry_out(effect, &session, &mut store, &mut clipboard::copy)?;
        }
    }
    store.flush();
    let late = store.take_notices();
    result.map(|()| (session, late))
}

/// Takes the input events waiting (at most [`MAX_BATCH`]), each applied and its effects
/// carried out in turn. The index search a query typed in the table asks for waits until
/// the typing stops (or another key comes), so a query typed fast is asked once, not once
/// per key. Returns whether to quit, and whether anything was taken.
fn take_input(
    session: &mut Session,
    store: &mut Store,
    watchdog: &Watchdog,
) -> io::Result<(bool, bool)> {
    let mut deferred: Option<Effect> = None;
    let mut changed = false;
    for _ in 0..MAX_BATCH {
        if let Some(action) = session.action_for_event(&event::read()?) {
            changed = true;
            let typing = matches!(action, Message::Type(_) | Message::Backspace);
            // Any other key sees the answer to the query as typed so far.
            if !typing
                && let Some(search) = deferred.take()
                && settle(session, store, vec![search], &mut clipboard::copy)?
            {
                return Ok((true, changed));
            }
            let mut effects = session.update(action);
            if typing && let Some(i) = effects.iter().rposition(is_search) {
                deferred = Some(effects.remove(i));
                effects.retain(|e| !is_search(e));
            }
            if settle(session, store, effects, &mut clipboard::copy)? {
                return Ok((true, changed));
            }
        }
        if !watchdog.poll(Duration::ZERO)? {
            break;
        }
    }
    let quit = settle(
        session,
        store,
        deferred.into_iter().collect(),
        &mut clipboard::copy,
    )?;
    Ok((quit, changed))
}

fn is_search(effect: &Effect) -> bool {
    matches!(effect, Effect::Search { .. })
}

/// The one loop: carries out effects and feeds what they report back, draws when something
/// changed, then waits for input (waking only to look at the signal flags, or at the
/// load's progress while a library loads).
fn event_loop(
    terminal: &mut DefaultTerminal,
    session: &mut Session,
    store: &mut Store,
    (signals, modes): (Signals, Modes),
    watchdog: &Watchdog,
) -> io::Result<()> {
    let size = terminal.size()?;
    let mut pending = VecDeque::from([Message::Resize(size.width, size.height)]);
    let mut effects = session.start();
    let mut dirty = true;
    loop {
        while let Some(action) = pending.pop_front() {
            effects.extend(session.update(action));
            dirty = true;
        }
        if settle(
            session,
            store,
            std::mem::take(&mut effects),
            &mut clipboard::copy,
        )? {
            return Ok(());
        }
        if signals.stop_requested() {
            return Ok(());
        }
        if let Some(size) = signals.pause_if_asked(terminal, modes)? {
            pending.push_back(Message::Resize(size.width, size.height));
            continue;
        }
        if dirty {
            terminal.draw(|frame| crate::ui::draw(frame, session))?;
            dirty = false;
        }
        let poll = if session.is_loading() || session.is_exporting() {
            LOADING_POLL
        } else {
            POLL
        };
        if watchdog.poll(poll)? {
            let (quit, changed) = take_input(session, store, watchdog)?;
            if quit {
                return Ok(());
            }
            dirty |= changed;
        }
        if session.is_loading() || session.is_exporting() {
            pending.push_back(Message::Tick);
        }
    }
}
