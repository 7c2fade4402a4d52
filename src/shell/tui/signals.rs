//! Signals sent to a running screen, for both event loops (the reader's and the
//! library's): the handlers only set flags; the loop looks at them between events.
//!
//! - SIGTERM, SIGHUP, SIGINT and SIGQUIT end the loop; the terminal is restored on the
//!   way out as after `q`, and the process then exits with 128 + the signal's number
//!   (143, 129, 130, 131), as a shell reports a process a signal ended. In raw mode
//!   Ctrl-C and Ctrl-\ are keys, not signals: only a signal sent to the process counts.
//! - SIGTSTP (`kill -TSTP`, or Ctrl-Z when a terminal has its signal keys on) restores
//!   the terminal and stops the process; SIGCONT, when the shell continues it, puts the
//!   terminal back as cableview wants it and draws the whole screen again. After a
//!   SIGSTOP sent from outside, SIGCONT does the same, in case the shell reset the
//!   terminal meanwhile.

use super::Modes;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::{Rect, Size};
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// What the handlers have seen. Registered once per process; the handlers stay.
struct Flags {
    /// The number of the signal that asked the loop to end; 0 before one came.
    stop: Arc<AtomicUsize>,
    /// SIGTSTP came: restore the terminal and stop.
    suspend: Arc<AtomicBool>,
    /// SIGCONT came: put the terminal back and redraw.
    continued: Arc<AtomicBool>,
}

static FLAGS: OnceLock<Flags> = OnceLock::new();

/// The signals a running screen reacts to, shared by its loop and its watchdog.
#[derive(Clone, Copy)]
pub(crate) struct Signals(&'static Flags);

impl Signals {
    /// Starts listening (once per process: later calls share the same handlers).
    pub(crate) fn listen() -> io::Result<Self> {
        if let Some(flags) = FLAGS.get() {
            return Ok(Self(flags));
        }
        let flags = Flags {
            stop: Arc::new(AtomicUsize::new(0)),
            suspend: Arc::new(AtomicBool::new(false)),
            continued: Arc::new(AtomicBool::new(false)),
        };
        register(&flags)?;
        Ok(Self(FLAGS.get_or_init(|| flags)))
    }

    /// Whether a signal asked the loop to end.
    pub(crate) fn stop_requested(self) -> bool {
        self.0.stop.load(Ordering::SeqCst) != 0
    }

    /// When SIGTSTP came: restores the terminal, stops the process until SIGCONT, then
    /// sets the terminal up again and clears it, so the next frame is drawn whole. After
    /// a SIGCONT alone (the process was stopped from outside) it does the same but for
    /// the stop. Returns the terminal's size when it did either, for the caller to lay
    /// the screen out again (it may have been resized meanwhile).
    pub(crate) fn pause_if_asked<B: Backend<Error: Send + Sync + 'static>>(
        self,
        terminal: &mut Terminal<B>,
        modes: Modes,
    ) -> io::Result<Option<Size>> {
        let suspend = self.0.suspend.swap(false, Ordering::SeqCst);
        let continued = self.0.continued.swap(false, Ordering::SeqCst);
        if !suspend && !continued {
            return Ok(None);
        }
        let _ = terminal.show_cursor();
        modes.leave();
        if suspend {
            stop_here()?;
            // The SIGCONT that woke the process is this one.
            self.0.continued.store(false, Ordering::SeqCst);
        }
        modes.resume()?;
        // Clears the screen and forgets the last frame, so the next is drawn whole
        // (`Terminal::clear` would ask the terminal where the cursor is: no need).
        let size = terminal.size().map_err(io::Error::other)?;
        terminal
            .resize(Rect::new(0, 0, size.width, size.height))
            .map_err(io::Error::other)?;
        Ok(Some(size))
    }
}

/// The exit status a shell gives a process ended by the signal that stopped the loop:
/// 128 + its number. `None` when no signal did.
#[must_use]
pub fn exit_status() -> Option<u8> {
    let signal = FLAGS.get()?.stop.load(Ordering::SeqCst);
    (signal != 0).then(|| u8::try_from(128 + signal).unwrap_or(u8::MAX))
}

#[cfg(unix)]
fn register(flags: &Flags) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
        let number = usize::try_from(signal).unwrap_or(1);
        signal_hook::flag::register_usize(signal, Arc::clone(&flags.stop), number)?;
    }
    signal_hook::flag::register(SIGTSTP, Arc::clone(&flags.suspend))?;
    signal_hook::flag::register(SIGCONT, Arc::clone(&flags.continued))?;
    Ok(())
}

/// No signals to catch here.
#[cfg(not(unix))]
fn register(_flags: &Flags) -> io::Result<()> {
    Ok(())
}

/// Stops the process as SIGTSTP's default action would (with SIGSTOP, which stops
/// even a process whose group has no shell to continue it); returns once continued.
#[cfg(unix)]
fn stop_here() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)
}

#[cfg(not(unix))]
fn stop_here() -> io::Result<()> {
    Ok(())
}
