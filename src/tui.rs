//! The terminal: set it up, run the event loop, and restore it on every way out
//! (quit, error, panic, SIGTERM/SIGHUP/SIGINT/SIGQUIT), and while stopped (SIGTSTP).

use crate::action::{Action, Mouse};
use crate::app::{App, Effect};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyboardEnhancementFlags, MouseButton,
    MouseEventKind, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use ratatui::crossterm::execute;
pub(crate) use signals::Signals;
use std::io;
use std::time::Duration;
pub(crate) use watchdog::Watchdog;

pub mod signals;
mod watchdog;

/// How long the loop waits for input before checking for a signal.
const POLL: Duration = Duration::from_millis(200);

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

/// Runs the reader until the user quits or a signal asks it to stop, and returns the
/// final state so the caller can save the reading position. After a signal the
/// process should exit with [`signals::exit_status`].
///
/// The terminal is restored before this returns, whatever happened, and on panic by
/// ratatui's panic hook (extended here to turn mouse reporting and the keyboard
/// enhancement off too).
pub fn run(app: App) -> io::Result<App> {
    run_with(app, |_| {})
}

/// [`run`], calling `after_update` after every action the app takes, so the caller
/// can react to a new state (save the reading position after a jump) without the
/// app knowing about files.
pub fn run_with(mut app: App, after_update: impl FnMut(&mut App)) -> io::Result<App> {
    let signals = Signals::listen()?;
    let (mut terminal, modes, entered) = Modes::enter(app.options.mouse);
    let watchdog = Watchdog::start(signals, modes);
    let result = entered.and_then(|()| {
        event_loop(
            &mut terminal,
            &mut app,
            (signals, modes),
            &watchdog,
            after_update,
        )
    });
    drop(watchdog);
    modes.leave();
    if signals.stop_requested() {
        app.notify("terminated by signal");
    }
    result.map(|()| app)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    (signals, modes): (Signals, Modes),
    watchdog: &Watchdog,
    mut after_update: impl FnMut(&mut App),
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    let mut quit = false;
    while !quit && !signals.stop_requested() {
        if let Some(size) = signals.pause_if_asked(terminal, modes)? {
            app.update(Action::Resize(size.width, size.height));
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| crate::ui::draw(frame, app))?;
            dirty = false;
        }
        if !watchdog.poll(POLL)? {
            continue;
        }
        if let Some(action) = action_for_event(app, &event::read()?) {
            for effect in app.update(action) {
                match effect {
                    Effect::Quit => quit = true,
                    // A cable alone has no library to open another cable from.
                    Effect::OpenCable(_) => {}
                    effect => {
                        if let Some((theme, skipped)) =
                            carry_out(effect, app.options.themes_dir.as_deref())?
                        {
                            app.set_theme(theme, &skipped);
                        }
                    }
                }
            }
            after_update(app);
            dirty = true;
        }
    }
    Ok(())
}

/// Carries out an effect that touches the world the same way in every session: text to
/// the clipboard, or the next theme loaded from the themes dir, returned for the caller to
/// hand to its state. [`Effect::Quit`] and [`Effect::OpenCable`] are the caller's.
pub(crate) fn carry_out(
    effect: Effect,
    themes_dir: Option<&std::path::Path>,
) -> io::Result<Option<(crate::theme::Theme, Vec<String>)>> {
    match effect {
        Effect::Copy(text) => copy_to_clipboard(&text).map(|()| None),
        Effect::NextTheme { after } => Ok(crate::user_themes::next_after(&after, themes_dir)),
        Effect::Quit | Effect::OpenCable(_) => Ok(None),
    }
}

/// Puts text on the clipboard with OSC 52: terminals honour it over SSH too, and it is
/// wrapped for tmux when running inside it. The escape carries base64 only, so nothing
/// from the cable reaches the terminal raw.
fn copy_to_clipboard(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    io::Write::write_all(&mut stdout, crate::export::citation::osc52(text).as_bytes())?;
    io::Write::flush(&mut stdout)
}

/// The action a terminal event means for the app, if any.
#[must_use]
pub fn action_for_event(app: &App, event: &Event) -> Option<Action> {
    if let Some(key) = event.as_key_press_event() {
        return app.action_for_key(&key);
    }
    match event {
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(mouse) => {
            let (x, y) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::ScrollDown => Some(Action::Mouse(Mouse::WheelDown(x, y))),
                MouseEventKind::ScrollUp => Some(Action::Mouse(Mouse::WheelUp(x, y))),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Mouse(Mouse::Click(x, y))),
                _ => None,
            }
        }
        _ => None,
    }
}
