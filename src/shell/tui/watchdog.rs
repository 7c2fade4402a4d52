//! A way out when the event loop cannot take it itself.
//!
//! Once the terminal is gone (its window closed, the tmux server killed), crossterm 0.29
//! reads it at end of file again and again inside `event::poll` and never returns, so the
//! thread reading it never gets back (and without a signal the loop has nothing to end on): the process would spin at full CPU
//! forever. A thread watches: when a signal asked to stop, or one poll has run far past
//! its timeout, and the loop has still not ended a moment later, it turns off what it can
//! of the terminal modes and ends the process. The reading position was saved at the
//! last jump, so only the moves since then are lost.

use super::{Modes, Signals};
use ratatui::crossterm::event;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How long the loop gets to end by itself after a signal asked it to.
const GRACE: Duration = Duration::from_secs(1);
/// A poll this long is crossterm stuck on a dead terminal: the input thread polls for
/// 200 ms.
const STUCK: Duration = Duration::from_secs(3);
/// How often the watching thread looks.
const TICK: Duration = Duration::from_millis(100);
/// The exit status when the watchdog ends the process and no signal asked it to: 128 +
/// SIGHUP, as a shell reports a hang-up (the terminal is gone). After a signal, 128 +
/// that signal's number.
const EXIT_STATUS: u8 = 129;

/// What the loop and the watching thread share.
struct Shared {
    started: Instant,
    /// Milliseconds after `started` when the running poll began; 0 when not polling.
    polling_since: AtomicU64,
    /// Set when the loop has ended, so the thread stops watching.
    done: AtomicBool,
}

/// Watches an event loop; the terminal's polls go through its [`Poller`]. Dropping it (when the loop
/// has ended) stops the watching.
pub(crate) struct Watchdog {
    shared: Arc<Shared>,
}

impl Watchdog {
    /// Starts watching a loop that ends when `signals` ask it to; `modes` are turned off
    /// if the watchdog has to end the process.
    pub(crate) fn start(signals: Signals, modes: Modes) -> Self {
        let shared = Arc::new(Shared {
            started: Instant::now(),
            polling_since: AtomicU64::new(0),
            done: AtomicBool::new(false),
        });
        let watched = Arc::clone(&shared);
        // If the thread cannot start, the loop runs unwatched, as it did before.
        let _ = std::thread::Builder::new()
            .name("cableview-watchdog".into())
            .spawn(move || watch(&watched, signals, modes));
        Self { shared }
    }

    /// What times the polls of the thread reading the terminal.
    pub(crate) fn poller(&self) -> Poller {
        Poller {
            shared: Arc::clone(&self.shared),
        }
    }
}

/// Polls the terminal for the thread reading it, timed for the watchdog.
pub(crate) struct Poller {
    shared: Arc<Shared>,
}

impl Poller {
    /// `crossterm::event::poll`, timed.
    pub(crate) fn poll(&self, timeout: Duration) -> io::Result<bool> {
        let now = millis_since(self.shared.started).max(1);
        self.shared.polling_since.store(now, Ordering::Relaxed);
        let ready = event::poll(timeout);
        self.shared.polling_since.store(0, Ordering::Relaxed);
        ready
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.shared.done.store(true, Ordering::Relaxed);
    }
}

fn millis_since(start: Instant) -> u64 {
    u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX)
}

fn watch(shared: &Shared, signals: Signals, modes: Modes) {
    let mut stop_seen: Option<Instant> = None;
    while !shared.done.load(Ordering::Relaxed) {
        std::thread::sleep(TICK);
        let since = shared.polling_since.load(Ordering::Relaxed);
        let stuck = since != 0 && millis_since(shared.started).saturating_sub(since) > ms(STUCK);
        if signals.stop_requested() || stuck {
            let first = *stop_seen.get_or_insert_with(Instant::now);
            if first.elapsed() >= GRACE && !shared.done.load(Ordering::Relaxed) {
                modes.leave();
                if signals.stop_requested() {
                    eprintln!("cableview: a signal asked to stop and the screen did not; exiting");
                } else {
                    eprintln!("cableview: the terminal stopped answering; exiting");
                }
                let status = super::signals::exit_status().unwrap_or(EXIT_STATUS);
                std::process::exit(i32::from(status));
            }
        } else {
            // A long poll that ended after all (the process was stopped and continued).
            stop_seen = None;
        }
    }
}

fn ms(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
