//! The event loop of a multi-cable session: draw, wait for a key or a tick, update.

use super::{Browser, Command, Screen};
use crate::tui::{Modes, Signals, Watchdog};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use std::io;
use std::time::Duration;

/// How long to wait for input while loading: short, so load progress shows smoothly.
const LOADING_POLL: Duration = Duration::from_millis(100);
/// How long to wait for input otherwise: only to look at the signal flags now and then.
const IDLE_POLL: Duration = Duration::from_millis(200);

/// Runs the browser until the user quits or a signal asks it to stop (after which the
/// process should exit with [`crate::tui::signals::exit_status`]). The terminal is
/// restored before this returns, and on panic by ratatui's hook (extended to turn mouse
/// reporting and the keyboard enhancement off too), as for a single cable; SIGTSTP and
/// SIGCONT are handled as there.
pub fn run(mut browser: Browser) -> io::Result<Browser> {
    let signals = Signals::listen()?;
    let (mut terminal, modes, entered) = Modes::enter(browser.mouse());
    let watchdog = Watchdog::start(signals, modes);
    let result =
        entered.and_then(|()| event_loop(&mut terminal, &mut browser, (signals, modes), &watchdog));
    drop(watchdog);
    modes.leave();
    result.map(|()| browser)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    browser: &mut Browser,
    (signals, modes): (Signals, Modes),
    watchdog: &Watchdog,
) -> io::Result<()> {
    let size = terminal.size()?;
    browser.update(Command::Resize(size.width, size.height));
    // Draw only when something changed: idle, the loop only wakes to look at the signals.
    let mut dirty = true;
    while !browser.quit && !signals.stop_requested() {
        if let Some(size) = signals.pause_if_asked(terminal, modes)? {
            browser.update(Command::Resize(size.width, size.height));
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| frame.render_widget(&*browser, frame.area()))?;
            dirty = false;
        }
        let poll = if browser.is_loading() {
            LOADING_POLL
        } else {
            IDLE_POLL
        };
        if watchdog.poll(poll)?
            && let Some(command) = command_for_event(browser, &event::read()?)
        {
            for effect in browser.update(command) {
                if let Some((theme, skipped)) = crate::tui::carry_out(effect, browser.themes_dir())?
                {
                    browser.set_theme(theme, &skipped);
                }
            }
            dirty = true;
        }
        if browser.is_loading() {
            browser.update(Command::Tick);
            dirty = true;
        }
    }
    Ok(())
}

fn command_for_event(browser: &Browser, event: &Event) -> Option<Command> {
    if let Some(key) = event.as_key_press_event() {
        return browser.command_for_key(&key);
    }
    match event {
        Event::Resize(w, h) => Some(Command::Resize(*w, *h)),
        // The mouse works in the reader as it does for a single cable.
        Event::Mouse(_) if browser.screen == Screen::Reader && browser.list.is_none() => {
            let (_, app) = browser.reader.as_ref()?;
            crate::tui::action_for_event(app, event).map(Command::Reader)
        }
        _ => None,
    }
}
