//! The keys on the library's own screens: the table (its filters, sort, search and
//! facets), its help overlay, and the report of the files skipped.

use super::{Arrival, ListCursor, Screen, Session, help};
use crate::session::action::Action;

impl Session {
    /// Scrolls the skipped-files report, or leaves it.
    pub(super) fn skipped_action(&mut self, action: &Action) {
        let report = self.skipped.height().max(1);
        let positions = self.library.skipped().len().saturating_sub(report) + 1;
        match action {
            Action::Skipped | Action::Cancel | Action::Back => self.screen = Screen::Library,
            action => {
                self.skipped.apply(action, positions);
            }
        }
    }

    pub(super) fn help_action(&mut self, action: &Action) {
        let Some(help) = &mut self.help else {
            return;
        };
        match action {
            Action::Help | Action::Cancel | Action::Back => self.help = None,
            action => {
                let lines = help::library_lines(&self.options.keymap);
                let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                help::scroll(help, &lines, area, action);
            }
        }
    }

    /// Keeps a query searched in the history, and asks the loop to save it.
    pub(super) fn record_query(&mut self, query: &str) {
        if self.history.record(query) {
            let entries = self.history.entries().to_vec();
            self.effects.push(super::Effect::SaveHistory(entries));
        }
    }

    pub(super) fn table_action(&mut self, action: Action) {
        self.notice = None;
        if self.export_prompt.is_some() {
            return self.export_prompt_action(action);
        }
        if action == Action::Export {
            return self.start_export();
        }
        let library = &self.library;
        let table = &mut self.table;
        let len = table.rows.len();
        if table.picker.is_some() {
            return table.picker_action(library, &action);
        }
        if table.in_facets && !table.typing {
            return self.facets_action(&action);
        }
        if table.typing {
            match action {
                Action::Type(c) => {
                    table.type_char(library, c);
                    return self.query_changed();
                }
                Action::Backspace => {
                    table.backspace(library);
                    return self.query_changed();
                }
                Action::Edit(edit) => {
                    if table.edit(library, edit) {
                        self.query_changed();
                    }
                    return;
                }
                // On an index, up and down recall the queries searched before.
                Action::Up | Action::Down if table.searches_index() => {
                    let recalled = if action == Action::Up {
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
                Action::Cancel | Action::Open => {
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
        if table.cursor.apply(&action, len) {
            return self.want_snippet();
        }
        match action {
            Action::Help => self.help = Some(ListCursor::default()),
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
            Action::PickTag => table.open_picker(library, self.size),
            Action::Facets => self.toggle_facets(),
            Action::Map => self.open_map(),
            Action::Skipped => self.screen = Screen::Skipped,
            Action::Open => {
                if let Some(cable) = table.current() {
                    // Opened from full-text results, it shows where it says the words.
                    let arrival = table
                        .words_to_show()
                        .map_or(Arrival::Resume, |(query, words)| {
                            Arrival::Matches(query.to_string(), words.to_vec())
                        });
                    // Another cable from the table is a jump: Ctrl-o comes back.
                    if self.reader.as_ref().is_some_and(|(open, _)| *open != cable) {
                        self.remember();
                    }
                    // The words of the query it was opened with last time are not this
                    // query's.
                    if let Some((open, app)) = &mut self.reader
                        && *open == cable
                    {
                        app.drop_matches();
                    }
                    self.go(cable, arrival);
                }
            }
            // From the table, Ctrl-o returns to the reader where it was.
            Action::JumpBack | Action::JumpForward if self.reader.is_some() => {
                self.screen = Screen::Reader;
            }
            _ => {}
        }
        // A sort or a filter may have put another cable under the cursor.
        self.want_snippet();
    }
}
