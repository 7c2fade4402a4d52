//! The event loop of a multi-cable session: draw, wait for a key or a tick, update.

use super::{Browser, Command};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use std::io;
use std::time::Duration;

/// How long to wait for input: short, so load progress shows smoothly.
const POLL: Duration = Duration::from_millis(100);

/// Runs the browser until the user quits. The terminal is restored before this returns,
/// and on panic by ratatui's hook.
pub fn run(mut browser: Browser) -> io::Result<Browser> {
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut browser);
    ratatui::restore();
    result.map(|()| browser)
}

fn event_loop(terminal: &mut DefaultTerminal, browser: &mut Browser) -> io::Result<()> {
    let size = terminal.size()?;
    browser.update(Command::Resize(size.width, size.height));
    while !browser.quit {
        terminal.draw(|frame| frame.render_widget(&*browser, frame.area()))?;
        if !event::poll(POLL)? {
            browser.update(Command::Tick);
            continue;
        }
        let command = match event::read()? {
            Event::Resize(w, h) => Some(Command::Resize(w, h)),
            event => event
                .as_key_press_event()
                .and_then(|key| browser.command_for_key(&key)),
        };
        if let Some(command) = command {
            browser.update(command);
        }
        browser.update(Command::Tick);
    }
    Ok(())
}
