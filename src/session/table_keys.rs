//! The keys of the table of cables: its filters, sort, search and facets.

use super::{Arrival, ListCursor, Overlay, Session};
use crate::session::action::Action;
use crate::session::message::Message;

impl Session {
    /// Keeps a query searched in the history, and asks the loop to save it.
    pub(super) fn record_query(&mut self, query: &str) {
        if self.history.record(query) {
            let entries = self.history.entries().to_vec();
            self.effects.push(super::Effect::SaveHistory(entries));
        }
    }

    pub(super) fn table_action(&mut self, message: Message) {
        self.notice = None;
        if message == Message::Action(Action::Export) {
            return self.start_export();
        }
        let library = &self.library;
        let table = &mut self.table;
        let len = table.rows.len();
        if table.facets_focused() && !table.typing {
            if let Message::Action(action) = &message {
                self.facets_action(action);
            }
            return;
        }
        if table.typing {
            match message {
                Message::Type(c) => {
                    table.type_char(library, c);
                    return self.query_changed();
                }
                Message::Backspace => {
                    table.backspace(library);
                    return self.query_changed();
                }
                Message::Edit(edit) => {
                    if table.edit(library, edit) {
                        self.query_changed();
                    }
                    return;
                }
                // On an index, up and down recall the queries searched before.
                Message::Action(Action::Up | Action::Down) if table.searches_index() => {
                    let recalled = if message == Message::Action(Action::Up) {
                        self.history.older(&table.query.text)
                    } else {
                        self.history.newer()
                    };
                    if let Some(text) = recalled {
                        table.set_text(library, text);
                        self.query_changed();
                    }
                    return;
                }
                Message::Action(Action::Cancel | Action::Open) => {
                    table.typing = false;
                    if table.searches_index() {
                        let query = table.query.text.clone();
                        self.record_query(&query);
                    }
                    return;
                }
                _ => {}
            }
        }
        let Message::Action(action) = message else {
            return;
        };
        if table.cursor.apply(&action, len) {
            return self.want_snippet();
        }
        match action {
            Action::Help => self.show(Overlay::Help(ListCursor::default())),
            Action::Filter => {
                table.typing = true;
                table.line_cursor = table.query.text.chars().count();
            }
            Action::Cancel => {
                table.clear_filters(library);
                self.query_changed();
            }
            Action::NextSort => table.next_sort(library),
            Action::Reverse => table.reverse(library),
            Action::NextClassification => table.next_classification(library),
            Action::NextTag => table.next_tag(library),
            Action::PickTag => {
                let picker = table.picker(library);
                self.show(Overlay::Tags(picker));
            }
            Action::Facets => self.toggle_facets(),
            Action::Map => self.open_map(),
            Action::Skipped => self.show(Overlay::Skipped(ListCursor::default())),
            Action::Open => {
                if let Some(cable) = table.current() {
                    // Opened from full-text results, it shows where it says the words.
                    let arrival = table
                        .words_to_show()
                        .map_or(Arrival::Resume, |(query, words)| {
                            Arrival::Matches(query.to_string(), words.to_vec())
                        });
                    // Another cable from the table is a jump: Ctrl-o comes back.
                    if self.view.open().is_some_and(|open| open.cable() != cable) {
                        self.remember();
                    }
                    // The words of the query it was opened with last time are not this
                    // query's.
                    if let Some(open) = self.view.open_mut()
                        && open.cable() == cable
                    {
                        open.reader_mut().drop_matches();
                    }
                    self.go(cable, arrival);
                }
            }
            // From the table, Ctrl-o returns to the reader where it was.
            Action::JumpBack | Action::JumpForward if self.view.open().is_some() => {
                self.view.back_to_reader();
            }
            _ => {}
        }
        // A sort or a filter may have put another cable under the cursor.
        self.want_snippet();
    }
}
