//! The table's keys that reach beyond it: opening a cable, the overlays over the table
//! (help, TAG picker, skipped files, map), the facets pane shown or hidden, the export,
//! back to the reader. The rest the table takes itself ([`super::Table::update`]).

use super::table::{Around, keep_query};
use super::{Arrival, ListCursor, Overlay, Session};
use crate::session::action::Action;
use crate::session::message::Message;

impl Session {
    /// Keeps a query searched in the history, and asks the loop to save it.
    pub(super) fn record_query(&mut self, query: &str) {
        self.effects.extend(keep_query(&mut self.history, query));
    }

    pub(super) fn table_action(&mut self, message: Message) {
        self.notice = None;
        if let Message::Action(action) = &message
            && self.beyond_table(action)
        {
            return;
        }
        let around = Around {
            library: &self.library,
            history: &mut self.history,
        };
        let effects = self.table.update(around, message);
        self.effects.extend(effects);
    }

    /// A key of the table that needs the session; whether `action` was one. The facets
    /// pane, when it has the keys, leaves the session only the help, the map, the export
    /// and the pane itself; the search line leaves it all but enter and cancel.
    fn beyond_table(&mut self, action: &Action) -> bool {
        let typing = self.table.is_typing();
        let rows = !typing && !self.table.facets_focused();
        let facets = !typing && !rows;
        match action {
            Action::Export => {
                self.start_export();
                return true;
            }
            Action::Help => self.show(Overlay::Help(ListCursor::default())),
            Action::Facets => self.toggle_facets(),
            Action::Map => self.open_map(),
            Action::PickTag if !facets => {
                let picker = self.table.picker(&self.library);
                self.show(Overlay::Tags(picker));
            }
            Action::Skipped if !facets => self.show(Overlay::Skipped(ListCursor::default())),
            Action::Open if rows => self.open_selected(),
            // From the table, Ctrl-o returns to the reader where it was.
            Action::JumpBack | Action::JumpForward if !facets && self.view.open().is_some() => {
                self.view.back_to_reader();
            }
            _ => return false,
        }
        if !facets {
            // A sort or a filter may have put another cable under the cursor.
            self.want_snippet();
        }
        true
    }

    /// Opens the cable under the table's cursor.
    fn open_selected(&mut self) {
        let Some(cable) = self.table.current() else {
            return;
        };
        // Opened from full-text results, it shows where it says the words.
        let arrival = self
            .table
            .words_to_show()
            .map_or(Arrival::Resume, |(query, words)| {
                Arrival::Matches(query.to_string(), words.to_vec())
            });
        // Another cable from the table is a jump: Ctrl-o comes back.
        if self.view.open().is_some_and(|open| open.cable() != cable) {
            self.remember();
        }
        // The words of the query it was opened with last time are not this query's.
        if let Some(open) = self.view.open_mut()
            && open.cable() == cable
        {
            open.reader_mut().drop_matches();
        }
        self.go(cable, arrival);
    }
}
