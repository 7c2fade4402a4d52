//! Drives a session without a terminal, as the event loop does: each action's effects are
//! carried out (cables read, positions saved in a store, themes loaded) and what comes of
//! them fed back, so a test sees the state a user would.

use cableview::library::CableIndex;
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::{Effect, Session};
use cableview::shell::state::Store;

/// What a test drives: a session, the store it saves in, what it copied, whether it quit.
pub struct Driver {
    /// The session.
    pub session: Session,
    /// Where positions are saved (disabled unless a test gives one).
    pub store: Store,
    /// What was put on the clipboard, in order.
    pub copies: Vec<String>,
    /// Whether the session asked to quit.
    pub quit: bool,
}

impl Driver {
    /// Starts `session` (a single cable is read) with no reading state.
    pub fn new(session: Session) -> Self {
        Self::with_store(session, Store::disabled())
    }

    /// Starts `session`, keeping reading positions in `store`.
    pub fn with_store(mut session: Session, store: Store) -> Self {
        let effects = session.start();
        let mut driver = Self {
            session,
            store,
            copies: Vec::new(),
            quit: false,
        };
        driver.settle(effects);
        driver
    }

    /// Applies an action, carries out its effects, and returns them.
    pub fn press(&mut self, action: impl Into<Message>) -> Vec<Effect> {
        let effects = self.session.update(action);
        self.settle(effects.clone());
        effects
    }

    /// Moves the table's cursor onto `cable` with the keys, as a user would.
    pub fn select(&mut self, cable: CableIndex) {
        self.press(Action::Top);
        while self.session.table().current() != Some(cable) {
            let before = self.session.table().cursor().selected;
            self.press(Action::Down);
            let after = self.session.table().cursor().selected;
            assert_ne!(after, before, "{cable:?} is not a row of the table");
        }
    }

    fn settle(&mut self, effects: Vec<Effect>) {
        let copies = &mut self.copies;
        let quit =
            cableview::shell::tui::settle(&mut self.session, &mut self.store, effects, &mut |t| {
                copies.push(t.to_string());
                Ok(cableview::shell::tui::clipboard::Sent::Osc52)
            })
            .expect("nothing here writes to a terminal");
        self.quit |= quit;
    }
}

/// Pressing actions on a bare session: its effects carried out with no reading state.
pub trait Press {
    /// Applies an action, carries out its effects, and returns them.
    fn press(&mut self, action: impl Into<Message>) -> Vec<Effect>;
}

impl Press for Session {
    fn press(&mut self, action: impl Into<Message>) -> Vec<Effect> {
        let effects = self.update(action);
        let mut store = Store::disabled();
        cableview::shell::tui::settle(self, &mut store, effects.clone(), &mut |_| {
            Ok(cableview::shell::tui::clipboard::Sent::Osc52)
        })
        .expect("nothing here writes to a terminal");
        effects
    }
}

impl std::ops::Deref for Driver {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.session
    }
}

impl std::ops::DerefMut for Driver {
    fn deref_mut(&mut self) -> &mut Session {
        &mut self.session
    }
}

impl Driver {
    /// The open cable's reader.
    pub fn app(&self) -> &cableview::session::reader::Reader {
        self.session.reader().expect("a cable is open")
    }

    /// The screen as the event loop draws it, on a test terminal of the session's size.
    pub fn terminal(&self) -> ratatui::Terminal<ratatui::backend::TestBackend> {
        let (w, h) = self.session.size;
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("a terminal");
        terminal
            .draw(|frame| cableview::ui::draw(frame, &self.session))
            .expect("drawn");
        terminal
    }

    /// The screen's text, row by row.
    pub fn screen(&self) -> String {
        self.terminal().backend().to_string()
    }
}

/// A single-cable session on `cable` at `w`x`h`, started: the reader is open.
pub fn single(
    cable: cableview::cable::Cable,
    options: cableview::session::reader::ReaderOptions,
    w: u16,
    h: u16,
) -> Driver {
    let mut session = Session::single(cable, options);
    session.update(Message::Resize(w, h));
    Driver::new(session)
}
