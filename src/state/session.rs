//! A reading session's link to the store: resume where the user stopped, save
//! after each jump, on leaving a cable and on quit. A single-cable session reads one
//! cable; a library session opens one after another with [`Session::open`].
//!
//! Saves during the session go to the store's saving thread, so a jump never waits
//! for the disk or another instance's lock; the quit waits for them to be written.

use super::{Store, cable_key};
use crate::app::{App, ReadingPosition};

/// Ties the open cable to the reading state.
#[derive(Debug)]
pub struct Session {
    store: Store,
    /// The open cable's key; `None` before the first.
    key: Option<String>,
    /// The last position saved, to save again only when it has moved.
    saved: Option<ReadingPosition>,
    /// Notices the user has not seen on stderr yet (saving failed mid-session).
    late: Vec<String>,
}

impl Session {
    /// A session with no cable open yet, and the notices from opening the store (a
    /// file set aside, saving off), for the status line and stderr.
    #[must_use]
    pub fn new(mut store: Store) -> (Self, Vec<String>) {
        let notices = store.take_notices();
        let session = Self {
            store,
            key: None,
            saved: None,
            late: Vec::new(),
        };
        (session, notices)
    }

    /// A session that neither reads nor writes (`--no-state`, or none given).
    #[must_use]
    pub fn disabled() -> Self {
        Self::new(Store::disabled()).0
    }

    /// Opens a session for the app's cable. Unless `fresh`, the saved position is
    /// restored with a "resumed at ¶4" notice. Notices from opening the store
    /// (a file set aside, saving off) go to the status line and are returned for
    /// stderr.
    pub fn start(store: Store, app: &mut App, fresh: bool) -> (Self, Vec<String>) {
        let (mut session, notices) = Self::new(store);
        let mut status = notices.clone();
        if let Some(resumed) = session.open(app, fresh) {
            status.insert(0, resumed);
        }
        if !status.is_empty() {
            app.notify(status.join("; "));
        }
        (session, notices)
    }

    /// Makes the app's cable the one this session saves, restoring its saved position
    /// unless `fresh`. Returns `resumed at ¶4` when it moved the reader. Save the
    /// previous cable first ([`Session::save_now`]): its position is not kept here.
    pub fn open(&mut self, app: &mut App, fresh: bool) -> Option<String> {
        let key = cable_key(&app.cable);
        self.saved = None;
        let saved = (!fresh)
            .then(|| self.store.position_as::<ReadingPosition>(&key))
            .flatten();
        self.key = Some(key);
        let position = saved?;
        app.restore(&position);
        self.saved = Some(position);
        let block = app.position().paragraph;
        (block > 0).then(|| format!("resumed at {}", app.block_label(block)))
    }

    /// After each action: saves when the reader has moved to another paragraph or
    /// changed what is worth keeping (selection, hidden kinds, marks). Scrolling
    /// within a paragraph waits for the next jump, leaving the cable or the quit, to
    /// spare the disk.
    pub fn after_update(&mut self, app: &mut App) {
        let position = app.position();
        let moved = self.saved.as_ref().is_none_or(|saved| {
            let mut saved = saved.clone();
            saved.row = position.row;
            saved != position
        });
        if moved {
            self.save(app, position);
        }
    }

    /// Saves the exact position now, if it changed since the last save: on leaving
    /// the cable.
    pub fn save_now(&mut self, app: &mut App) {
        let position = app.position();
        if self.saved.as_ref() != Some(&position) {
            self.save(app, position);
        }
    }

    /// On quit: saves the exact position, waits until every save is written, and
    /// returns the notices not yet shown on stderr.
    pub fn finish(mut self, app: &mut App) -> Vec<String> {
        self.save_now(app);
        self.flush();
        self.late
    }

    /// The notices not yet shown on stderr, once every save is written, without
    /// saving (no cable is open).
    #[must_use]
    pub fn into_unseen_notices(mut self) -> Vec<String> {
        self.flush();
        self.late
    }

    /// Waits until every position saved so far is on disk; a failure meanwhile
    /// becomes a notice for stderr.
    pub fn flush(&mut self) {
        self.store.flush();
        self.late.extend(self.store.take_notices());
    }

    fn save(&mut self, app: &mut App, position: ReadingPosition) {
        let Some(key) = &self.key else {
            return;
        };
        if !self.store.can_save() {
            return;
        }
        self.store.save_later(key, &position);
        self.saved = Some(position);
        let notices = self.store.take_notices();
        if !notices.is_empty() {
            app.notify(notices.join("; "));
            self.late.extend(notices);
        }
    }
}
