//! The terminal: set it up, run the event loop, and restore it on every way out
//! (quit, error, panic, SIGTERM/SIGHUP/SIGINT).

use crate::action::{Action, Mouse};
use crate::app::App;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long the loop waits for input before checking for a termination signal.
const POLL: Duration = Duration::from_millis(200);

/// Runs the reader until the user quits or a signal asks it to stop, and returns the
/// final state so the caller can save the reading position.
///
/// The terminal is restored before this returns, whatever happened, and on panic by
/// ratatui's panic hook (extended here to turn mouse reporting off too).
pub fn run(app: App) -> io::Result<App> {
    run_with(app, |_| {})
}

/// [`run`], calling `after_update` after every action the app takes, so the caller
/// can react to a new state (save the reading position after a jump) without the
/// app knowing about files.
pub fn run_with(mut app: App, after_update: impl FnMut(&mut App)) -> io::Result<App> {
    let stop = Arc::new(AtomicBool::new(false));
    register_signals(&stop)?;
    let mut terminal = ratatui::init();
    let mouse = app.options.mouse;
    if mouse {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture);
            hook(info);
        }));
    }
    let result = (if mouse {
        execute!(io::stdout(), EnableMouseCapture)
    } else {
        Ok(())
    })
    .and_then(|()| event_loop(&mut terminal, &mut app, &stop, after_update));
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    if stop.load(Ordering::Relaxed) {
        app.quit = true;
        app.notify("terminated by signal");
    }
    result.map(|()| app)
}

/// Sets `stop` when SIGTERM, SIGHUP or SIGINT arrives, so the loop can restore the terminal.
#[cfg(unix)]
pub(crate) fn register_signals(stop: &Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(stop))?;
    }
    Ok(())
}

/// No signals to catch here.
#[cfg(not(unix))]
pub(crate) fn register_signals(_stop: &Arc<AtomicBool>) -> io::Result<()> {
    Ok(())
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
    mut after_update: impl FnMut(&mut App),
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|frame| crate::ui::draw(frame, app))?;
            dirty = false;
        }
        if !event::poll(POLL)? {
            continue;
        }
        if let Some(action) = action_for_event(app, &event::read()?) {
            app.update(action);
            after_update(app);
            send_clipboard(app)?;
            dirty = true;
        }
    }
    Ok(())
}

/// Puts queued text on the clipboard with OSC 52: terminals honour it over SSH too, and
/// it is wrapped for tmux when running inside it. The escape carries base64 only, so
/// nothing from the cable reaches the terminal raw.
pub(crate) fn send_clipboard(app: &mut App) -> io::Result<()> {
    if let Some(text) = app.clipboard.take() {
        let mut stdout = io::stdout().lock();
        io::Write::write_all(
            &mut stdout,
            crate::export::citation::osc52(&text).as_bytes(),
        )?;
        io::Write::flush(&mut stdout)?;
    }
    Ok(())
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
