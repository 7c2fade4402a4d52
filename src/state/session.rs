//! One reading session's link to the store: resume where the user stopped, save
//! after each jump and on quit.

use super::{Store, cable_key};
use crate::app::{App, ReadingPosition};

/// Ties an open cable to the reading state.
#[derive(Debug)]
pub struct Session {
    store: Store,
    key: String,
    /// The last position saved, to save again only when it has moved.
    saved: Option<ReadingPosition>,
    /// Notices the user has not seen on stderr yet (saving failed mid-session).
    late: Vec<String>,
}

impl Session {
    /// Opens a session for the app's cable. Unless `fresh`, the saved position is
    /// restored with a "resumed at ¶4" notice. Notices from opening the store
    /// (a file set aside, saving off) go to the status line and are returned for
    /// stderr.
    pub fn start(store: Store, app: &mut App, fresh: bool) -> (Self, Vec<String>) {
        let key = cable_key(&app.cable);
        let mut session = Self {
            store,
            key,
            saved: None,
            late: Vec::new(),
        };
        let notices = session.store.take_notices();
        let mut status = notices.clone();
        if !fresh && let Some(position) = session.store.position_as::<ReadingPosition>(&session.key)
        {
            app.restore(&position);
            let block = app.position().paragraph;
            if block > 0 {
                status.insert(0, format!("resumed at {}", app.block_label(block)));
            }
            session.saved = Some(position);
        }
        if !status.is_empty() {
            app.notify(status.join("; "));
        }
        (session, notices)
    }

    /// After each action: saves when the reader has moved to another paragraph or
    /// changed what is worth keeping (selection, hidden kinds, marks). Scrolling
    /// within a paragraph waits for the next jump or the quit, to spare the disk.
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

    /// On quit: saves the exact position, and returns the notices not yet shown
    /// on stderr.
    pub fn finish(mut self, app: &mut App) -> Vec<String> {
        let position = app.position();
        if self.saved.as_ref() != Some(&position) {
            self.save(app, position);
        }
        self.late
    }

    fn save(&mut self, app: &mut App, position: ReadingPosition) {
        if !self.store.can_save() {
            return;
        }
        self.store.save(&self.key, &position);
        self.saved = Some(position);
        let notices = self.store.take_notices();
        if !notices.is_empty() {
            app.notify(notices.join("; "));
            self.late.extend(notices);
        }
    }
}
