//! The one event loop. It waits on one inbox for whatever comes first: an input event (from
//! the input thread), an answer (from the worker), or the time to look at a load's
//! progress and the signal flags. It applies each to the session, carries out the effects
//! (sending the slow ones to the worker) and draws when something changed; it never waits
//! on the index or a file itself.
//!
//! Input is applied in the order it came, but held while it cannot be applied yet: while
//! the library loads (keys typed at start-up are applied once the table is there), and,
//! for a key other than typing, while a query is being answered (so `Enter` after a query
//! opens one of its cables, not a row of the table before it).

use super::worker::{Answered, Kind, Worker};
use super::{Modes, Screen, Signals, Watchdog, carry::with_saved, carry_out, clipboard};
use crate::session::action::Action;
use crate::session::message::Message;
use crate::session::{Effect, Session};
use crate::shell::state::Store;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyModifiers};
use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// How long the loop waits for a message before looking at the signal flags.
const POLL: Duration = Duration::from_millis(200);
/// How long it waits while a library loads or an export runs: short, so progress shows
/// smoothly.
const LOADING_POLL: Duration = Duration::from_millis(100);
/// At most this many messages are taken before the screen is drawn again.
const MAX_BATCH: usize = 64;

/// What the loop's inbox takes.
#[derive(Debug)]
pub(crate) enum Inbound {
    /// An event read from the terminal.
    Input(Event),
    /// Reading the terminal failed: the loop ends with the error.
    InputFailed(io::Error),
    /// The terminal answered whether it has the keyboard enhancement.
    Keyboard(bool),
    /// The worker answered a job.
    Answered(Answered),
    /// The worker dropped a job of this kind, stale before it began.
    Skipped(Kind),
    /// The worker's job of this kind panicked, with this message.
    Failed(Kind, String),
    /// A script's events are all sent: end once every answer came.
    End,
}

/// How the frames went: how long the loop was busy (from taking a message to having drawn
/// what it changed) each time it woke.
#[derive(Debug, Clone, Default)]
pub struct Frames {
    /// How many frames were drawn.
    pub drawn: usize,
    /// Each busy stretch, in order.
    pub busy: Vec<Duration>,
}

impl Frames {
    /// The longest time the loop spent between taking a message and drawing its frame:
    /// how long the screen stalled at worst.
    #[must_use]
    pub fn longest(&self) -> Duration {
        self.busy.iter().copied().max().unwrap_or_default()
    }
}

/// Runs the loop on the real terminal, with an input thread reading it (started once the
/// first frame is drawn) and the signal flags looked at on each wake.
pub(crate) fn run_on(
    terminal: &mut Screen,
    session: &mut Session,
    store: &mut Store,
    tty: (Signals, Modes),
    watchdog: &Watchdog,
) -> io::Result<()> {
    let (inbox, messages) = mpsc::channel();
    let mut looping = Loop::new(terminal, session, store, Some(tty), &inbox);
    if looping.first_frame()? {
        return Ok(());
    }
    // Only now is the terminal asked about the keyboard, and read.
    let _input = super::input::Input::start(inbox, watchdog.poller(), true);
    looping.run(&messages)
}

/// Runs the loop on `terminal` without signals or terminal modes, fed `script`'s events,
/// each after its delay, by a thread; ends once the script is over and every answer came
/// (or the session quits). For benchmarks and tests of the loop itself.
///
/// # Errors
/// When drawing fails or carrying out an effect does.
pub fn run_scripted<B: Backend<Error: Send + Sync + 'static>>(
    terminal: &mut Terminal<B>,
    session: &mut Session,
    script: Vec<(Duration, Event)>,
) -> io::Result<Frames> {
    let mut store = Store::disabled();
    let (inbox, messages) = mpsc::channel();
    let mut looping = Loop::new(terminal, session, &mut store, None, &inbox);
    if looping.first_frame()? {
        return Ok(looping.frames);
    }
    let feeder = inbox.clone();
    std::thread::spawn(move || {
        for (delay, event) in script {
            std::thread::sleep(delay);
            if feeder.send(Inbound::Input(event)).is_err() {
                return;
            }
        }
        let _ = feeder.send(Inbound::End);
    });
    drop(inbox);
    looping.run(&messages)?;
    Ok(looping.frames)
}

/// The loop's state between wakes.
struct Loop<'a, B: Backend<Error: Send + Sync + 'static>> {
    terminal: &'a mut Terminal<B>,
    session: &'a mut Session,
    store: &'a mut Store,
    tty: Option<(Signals, Modes)>,
    worker: Worker,
    /// Input not applied yet, in the order it came.
    held: VecDeque<Event>,
    dirty: bool,
    /// A script is over: end when nothing is left to answer.
    ending: bool,
    frames: Frames,
}

impl<'a, B: Backend<Error: Send + Sync + 'static>> Loop<'a, B> {
    fn new(
        terminal: &'a mut Terminal<B>,
        session: &'a mut Session,
        store: &'a mut Store,
        tty: Option<(Signals, Modes)>,
        inbox: &Sender<Inbound>,
    ) -> Self {
        Self {
            terminal,
            session,
            store,
            tty,
            worker: Worker::start(inbox.clone()),
            held: VecDeque::new(),
            dirty: true,
            ending: false,
            frames: Frames::default(),
        }
    }

    /// Lays the screen out for the terminal's size, starts the session and draws its first
    /// frame. Returns whether to quit.
    fn first_frame(&mut self) -> io::Result<bool> {
        let size = self.terminal.size().map_err(io::Error::other)?;
        if self.apply(Message::Resize(size.width, size.height))? {
            return Ok(true);
        }
        // A single cable is read here: the first frame shows it, not an empty screen.
        let effects = self.session.start();
        if self.carry(effects, false)? {
            return Ok(true);
        }
        self.draw()?;
        Ok(false)
    }

    /// Waits for messages and handles them until the session quits, a signal asks to
    /// stop, or a script is over.
    fn run(&mut self, messages: &Receiver<Inbound>) -> io::Result<()> {
        loop {
            let ticking = self.session.is_loading() || self.session.is_exporting();
            let first = match messages.recv_timeout(if ticking { LOADING_POLL } else { POLL }) {
                Ok(message) => Some(message),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            };
            let woke = Instant::now();
            let mut next = first;
            let mut taken = 0;
            while let Some(message) = next.take() {
                if self.take(message)? {
                    return Ok(());
                }
                taken += 1;
                if taken < MAX_BATCH {
                    next = messages.try_recv().ok();
                }
            }
            if ticking && self.apply(Message::Tick)? {
                return Ok(());
            }
            if self.release()? {
                return Ok(());
            }
            if let Some((signals, modes)) = self.tty {
                if signals.stop_requested() {
                    return Ok(());
                }
                if let Some(size) = signals.pause_if_asked(self.terminal, modes)?
                    && self.apply(Message::Resize(size.width, size.height))?
                {
                    return Ok(());
                }
            }
            if self.dirty {
                self.draw()?;
                self.frames.busy.push(woke.elapsed());
            }
            if self.ending && self.held.is_empty() && self.worker.idle() {
                return Ok(());
            }
        }
    }

    fn draw(&mut self) -> io::Result<()> {
        let session = &*self.session;
        self.terminal
            .draw(|frame| crate::ui::draw(frame, session))
            .map_err(io::Error::other)?;
        self.dirty = false;
        self.frames.drawn += 1;
        Ok(())
    }

    /// Handles one message. Returns whether to quit.
    fn take(&mut self, message: Inbound) -> io::Result<bool> {
        match message {
            Inbound::Input(event) => {
                self.held.push_back(event);
                Ok(false)
            }
            Inbound::InputFailed(e) => Err(e),
            Inbound::Keyboard(true) => match self.tty {
                Some((_, modes)) => modes.keyboard().map(|()| false),
                None => Ok(false),
            },
            Inbound::Keyboard(false) => Ok(false),
            Inbound::Answered(answered) => match self.worker.take(answered) {
                Some(action) => self.apply(with_saved(action, self.store)),
                None => Ok(false),
            },
            Inbound::Skipped(kind) => {
                self.worker.skipped(kind);
                Ok(false)
            }
            Inbound::Failed(kind, why) => {
                self.worker.skipped(kind);
                self.apply(Message::Notice(why))
            }
            Inbound::End => {
                self.ending = true;
                Ok(false)
            }
        }
    }

    /// Applies the input held, in order, until one must wait. Returns whether to quit.
    fn release(&mut self) -> io::Result<bool> {
        while let Some(event) = self.held.front() {
            let action = self.session.action_for_event(event);
            if self.must_wait(action.as_ref()) {
                // Ctrl-C (or whatever quits with Ctrl) is not kept waiting behind others.
                return match self.held.iter().skip(1).find_map(|e| self.control_quit(e)) {
                    Some(quit) => self.apply(quit),
                    None => Ok(false),
                };
            }
            self.held.pop_front();
            if let Some(action) = action
                && self.apply(action)?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Whether input that maps to `action` now must wait: anything but quitting or a
    /// resize while the library loads; anything but typing while a query is answered.
    fn must_wait(&self, action: Option<&Message>) -> bool {
        if matches!(
            action,
            Some(Message::Action(Action::Quit) | Message::Resize(..))
        ) {
            return false;
        }
        if self.session.is_loading() {
            return true;
        }
        let typing = matches!(
            action,
            Some(Message::Type(_) | Message::Backspace | Message::Edit(_))
        );
        !typing && self.worker.searching()
    }

    /// `Quit`, when `event` is a key with Ctrl that quits now.
    fn control_quit(&self, event: &Event) -> Option<Message> {
        let key = event.as_key_press_event()?;
        (key.modifiers.contains(KeyModifiers::CONTROL)
            && self.session.action_for_event(event) == Some(Message::Action(Action::Quit)))
        .then_some(Message::Action(Action::Quit))
    }

    /// Applies one action and carries out its effects. Returns whether to quit.
    fn apply(&mut self, action: Message) -> io::Result<bool> {
        self.dirty = true;
        let effects = self.session.update(action);
        self.carry(effects, true)
    }

    /// Carries out effects, and those of what they report, until nothing is left: the
    /// worker's jobs go to it when `offload`, the rest is done here. Returns whether to
    /// quit.
    fn carry(&mut self, effects: Vec<Effect>, offload: bool) -> io::Result<bool> {
        let mut effects = VecDeque::from(effects);
        while let Some(effect) = effects.pop_front() {
            let library = std::sync::Arc::clone(&self.session.library);
            let offered = if offload {
                self.worker.offer(effect, &library)
            } else {
                Some(effect)
            };
            let Some(effect) = offered else {
                if let Some(action) = self.worker.take_loop_answer() {
                    let action = with_saved(action, self.store);
                    effects.extend(self.session.update(action));
                }
                continue;
            };
            match carry_out(effect, self.session, self.store, &mut clipboard::copy)? {
                super::Outcome::Quit => return Ok(true),
                super::Outcome::Report(action) => effects.extend(self.session.update(action)),
                super::Outcome::Done => {}
            }
        }
        Ok(false)
    }
}
