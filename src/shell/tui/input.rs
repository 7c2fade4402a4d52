//! The input thread: the only reader of the terminal. It asks the terminal about the
//! keyboard protocol once the first frame is drawn, then reads events into the loop's
//! inbox from the first moment, so nothing typed is lost while the loop draws, waits for
//! the answer, or the library loads.

use super::Inbound;
use super::watchdog::Poller;
use ratatui::crossterm::event;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

/// How long a poll waits before looking whether the loop has ended.
const POLL: Duration = Duration::from_millis(200);
/// How long after the first frame the terminal is asked: in tmux under load, a query
/// sent at once delayed the first frame's showing (its median 38 ms, up to 120, against
/// 30 ms, up to 47, asked 100 ms later), while keys read meanwhile lose nothing.
const ASK_AFTER: Duration = Duration::from_millis(100);

/// The running input thread; dropping it asks the thread to stop reading (within a poll),
/// so what is typed after cableview ends goes to the shell.
pub(crate) struct Input {
    stop: Arc<AtomicBool>,
}

impl Input {
    /// Starts reading the terminal into `inbox`. When `ask`, [`ASK_AFTER`] later it asks
    /// whether the keyboard enhancement is there and reports it with
    /// [`Inbound::Keyboard`]: crossterm keeps the events it reads while it waits for the
    /// answer and gives them next, so none is lost even on a terminal that never answers
    /// (it gives up after 2 s).
    pub(crate) fn start(inbox: Sender<Inbound>, poller: Poller, ask: bool) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let failed = inbox.clone();
        let spawned = std::thread::Builder::new()
            .name("cableview-input".into())
            .spawn(move || read(&inbox, &poller, &stopped, ask));
        if let Err(e) = spawned {
            // Without input the loop could only wait for a signal: it ends with the error.
            let _ = failed.send(Inbound::InputFailed(e));
        }
        Self { stop }
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn read(inbox: &Sender<Inbound>, poller: &Poller, stop: &AtomicBool, ask: bool) {
    let mut ask_at = ask.then(|| Instant::now() + ASK_AFTER);
    while !stop.load(Ordering::Relaxed) {
        let now = Instant::now();
        if ask_at.is_some_and(|at| at <= now) {
            ask_at = None;
            let keyboard = matches!(
                ratatui::crossterm::terminal::supports_keyboard_enhancement(),
                Ok(true)
            );
            if inbox.send(Inbound::Keyboard(keyboard)).is_err() {
                return;
            }
            continue;
        }
        let wait = ask_at.map_or(POLL, |at| at.saturating_duration_since(now).min(POLL));
        let message = match poller.poll(wait) {
            Ok(false) => continue,
            Ok(true) => match event::read() {
                Ok(event) => Inbound::Input(event),
                Err(e) => Inbound::InputFailed(e),
            },
            Err(e) => Inbound::InputFailed(e),
        };
        let failed = matches!(message, Inbound::InputFailed(_));
        if inbox.send(message).is_err() || failed {
            return;
        }
    }
}
