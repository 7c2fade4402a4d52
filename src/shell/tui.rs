//! The terminal: set it up, run the event loop, and restore it on every way out
//! (quit, error, panic, SIGTERM/SIGHUP/SIGINT/SIGQUIT), and while stopped (SIGTSTP).

use crate::session::action::Action;
use crate::session::{Effect, Session};
use crate::shell::state::Store;
use frame::FrameWriter;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, KeyboardEnhancementFlags, PopKeyboardEnhancementFlags,
    PushKeyboardEnhancementFlags,
};
use ratatui::crossterm::execute;
pub(crate) use signals::Signals;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
pub(crate) use watchdog::Watchdog;

mod ask_index;
mod carry;
pub mod clipboard;
mod event_loop;
mod exporting;
mod frame;
mod input;
pub mod signals;
mod watchdog;
mod worker;

pub use carry::{Outcome, carry_out, settle};
pub(crate) use event_loop::Inbound;
pub use event_loop::{Frames, run_scripted};

/// The terminal cableview draws on: each frame written in one piece.
pub(crate) type Screen = Terminal<CrosstermBackend<FrameWriter>>;

/// Whether the keyboard enhancement is on: set when the terminal's answer comes (from the
/// input thread, through the loop), read on every way out.
static KEYBOARD: AtomicBool = AtomicBool::new(false);

/// What cableview turns on in the terminal beyond ratatui's raw mode and alternate
/// screen, so that every way out turns the same things off again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Modes {
    /// Mouse reporting.
    mouse: bool,
}

impl Modes {
    /// Enters the terminal as cableview wants it: raw mode, the alternate screen, mouse
    /// reporting if `mouse`, and a panic hook turning off what was turned on and
    /// restoring the rest. The terminal is asked nothing: the keyboard enhancement is
    /// turned on later with [`Modes::keyboard`], once the terminal says it has it.
    ///
    /// Call [`Modes::leave`] on the way out whatever happens next, even when turning a
    /// mode on failed (the error comes instead of the terminal).
    pub(crate) fn enter(mouse: bool) -> (Self, io::Result<Screen>) {
        let modes = Self { mouse };
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A panic a guard catches (tantivy on a damaged index) is an error the
            // screen shows: the terminal stays as it is.
            if crate::search_index::guard::catching() {
                return;
            }
            modes.off();
            ratatui::restore();
            hook(info);
        }));
        let mut result = ratatui::crossterm::terminal::enable_raw_mode().and_then(|()| {
            execute!(
                io::stdout(),
                ratatui::crossterm::terminal::EnterAlternateScreen
            )
        });
        if mouse {
            result = result.and_then(|()| execute!(io::stdout(), EnableMouseCapture));
        }
        // Creating the terminal only asks the backend for the window's size (an ioctl).
        let terminal =
            result.and_then(|()| Terminal::new(CrosstermBackend::new(FrameWriter::default())));
        (modes, terminal)
    }

    /// Turns the keyboard enhancement on: the terminal said it has it. Every way out
    /// turns it off again from now on.
    pub(crate) fn keyboard(self) -> io::Result<()> {
        if KEYBOARD.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        execute!(
            io::stdout(),
            PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
        )
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
        if KEYBOARD.load(Ordering::SeqCst) {
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
        if KEYBOARD.load(Ordering::SeqCst) {
            let _ = execute!(io::stdout(), PopKeyboardEnhancementFlags);
        }
    }
}

/// Runs a session until the user quits or a signal asks it to stop (after which the
/// process should exit with [`signals::exit_status`]), keeping reading positions in
/// `store`. Returns the session and the notices the user has not seen (saving failed).
///
/// Three threads: this one runs the loop and alone draws and changes the session; an
/// input thread reads the terminal; a worker asks the index and reads cables. The
/// terminal is restored before this returns, whatever happened, and on panic by the
/// hook [`Modes::enter`] sets.
pub fn run(mut session: Session, mut store: Store) -> io::Result<(Session, Vec<String>)> {
    let signals = Signals::listen()?;
    let (modes, entered) = Modes::enter(session.mouse());
    let watchdog = Watchdog::start(signals, modes);
    let result = entered.and_then(|mut terminal| {
        event_loop::run_on(
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
