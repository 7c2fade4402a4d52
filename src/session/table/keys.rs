//! The table's own keys: the cursor over the rows, typing into the filter (or the search
//! line, with the queries searched before), the sort, the filters' cycles, and the keys of
//! the facets pane. What reaches beyond the table (opening a cable, the overlays, the
//! export) the session takes before a key gets here.

use super::{ShownFacets, Table};
use crate::library::Library;
use crate::session::Effect;
use crate::session::action::Action;
use crate::session::facets::FacetsPane;
use crate::session::line::History;
use crate::session::message::Message;

/// What the table's keys use of the session around it.
#[derive(Debug)]
pub struct Around<'a> {
    /// The cables the rows are of.
    pub library: &'a Library,
    /// The queries searched: up and down recall them in the search line, and a query
    /// searched is kept there.
    pub history: &'a mut History,
}

impl Table {
    /// Applies a key meant for the table: moves its cursor, types into its filter, sorts,
    /// cycles a filter, moves in the facets pane. Returns what to ask of the world: a
    /// search of the index when the query changed, the selected row's snippet, the
    /// history to keep. Does no I/O.
    pub fn update(&mut self, around: Around<'_>, message: Message) -> Vec<Effect> {
        let mut effects = Vec::new();
        self.apply(around, message, &mut effects);
        effects
    }

    fn apply(&mut self, around: Around<'_>, message: Message, effects: &mut Vec<Effect>) {
        let Around { library, history } = around;
        if self.facets_focused() && !self.typing {
            if let Message::Action(action) = &message {
                self.facets_key(action, effects);
            }
            return;
        }
        if self.typing {
            match message {
                Message::Type(c) => {
                    self.type_char(library, c);
                    return effects.extend(self.query_changed());
                }
                Message::Backspace => {
                    self.backspace(library);
                    return effects.extend(self.query_changed());
                }
                Message::Edit(edit) => {
                    if self.edit(library, edit) {
                        effects.extend(self.query_changed());
                    }
                    return;
                }
                // On an index, up and down recall the queries searched before.
                Message::Action(Action::Up | Action::Down) if self.indexed => {
                    let recalled = if message == Message::Action(Action::Up) {
                        history.older(&self.query.text)
                    } else {
                        history.newer()
                    };
                    if let Some(text) = recalled {
                        self.set_text(library, text);
                        effects.extend(self.query_changed());
                    }
                    return;
                }
                Message::Action(Action::Cancel | Action::Open) => {
                    self.typing = false;
                    if self.indexed {
                        effects.extend(keep_query(history, &self.query.text));
                    }
                    return;
                }
                _ => {}
            }
        }
        let Message::Action(action) = message else {
            return;
        };
        if self.cursor.apply(&action, self.rows.len()) {
            return effects.extend(self.want_snippet(library));
        }
        match action {
            Action::Filter => {
                self.typing = true;
                self.line_cursor = self.query.text.chars().count();
            }
            Action::Cancel => {
                self.clear_filters(library);
                effects.extend(self.query_changed());
            }
            Action::NextSort => self.next_sort(library),
            Action::Reverse => self.reverse(library),
            Action::NextClassification => self.next_classification(library),
            Action::NextTag => self.next_tag(library),
            _ => {}
        }
        // A sort or a filter may have put another cable under the cursor.
        effects.extend(self.want_snippet(library));
    }

    /// A key while the facets pane has the keys: moves, narrows the query with the value
    /// picked, or gives the keys back to the table.
    fn facets_key(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        if matches!(action, Action::Cancel | Action::Back) {
            return self.unfocus_facets();
        }
        let Some(facets) = &mut self.facets else {
            return;
        };
        if let Some(clause) = facets.pane.apply(action) {
            effects.extend(self.narrow(&clause));
        }
    }

    /// After the query changed: on an index, the search asking for its cables (and the
    /// facets, when the pane is shown).
    fn query_changed(&mut self) -> Option<Effect> {
        if !self.indexed {
            return None;
        }
        // The results may have gone, and the snippet pane with them.
        self.fit();
        let query = self.query.text.clone();
        let facets = self.facets.is_some();
        (!query.is_empty() || facets).then_some(Effect::Search { query, facets })
    }

    /// Adds a facet's clause to the query (where it can be seen and edited), or takes it
    /// out when it is there already: the search to ask for.
    pub(in crate::session) fn narrow(&mut self, clause: &str) -> Option<Effect> {
        let text = &mut self.query.text;
        // A value already picked is taken out again.
        match find_clause(text, clause) {
            Some(at) => {
                text.replace_range(at..at + clause.len(), "");
                *text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            None => {
                if !text.trim().is_empty() {
                    text.push(' ');
                }
                text.push_str(clause);
            }
        }
        self.line_cursor = self.query.text.chars().count();
        self.query_changed()
    }

    /// `F` on a corpus index: shows the facets pane with the keys in it (returning the
    /// search for the query's facets), gives it the keys again, or hides it when they are
    /// already there.
    pub(in crate::session) fn toggle_facets(&mut self) -> Option<Effect> {
        match &mut self.facets {
            None => {
                self.facets = Some(ShownFacets {
                    pane: FacetsPane::default(),
                    focused: true,
                });
                self.fit();
                return Some(Effect::Search {
                    query: self.query.text.clone(),
                    facets: true,
                });
            }
            Some(facets) if !facets.focused => facets.focused = true,
            Some(_) => self.facets = None,
        }
        None
    }

    /// The snippet to ask the index for: the selected row's, when results are shown and
    /// it has none yet.
    pub(in crate::session) fn want_snippet(&mut self, library: &Library) -> Option<Effect> {
        self.snippet_wanted(library)
            .map(|(query, cable, id)| Effect::Snippet { query, cable, id })
    }
}

/// Keeps a query searched in the history: the effect saving the history, when it changed.
pub(in crate::session) fn keep_query(history: &mut History, query: &str) -> Option<Effect> {
    history
        .record(query)
        .then(|| Effect::SaveHistory(history.entries().to_vec()))
}

/// Where `clause` stands in a query as a whole, between spaces or the ends.
fn find_clause(text: &str, clause: &str) -> Option<usize> {
    text.match_indices(clause).map(|(at, _)| at).find(|&at| {
        let end = at + clause.len();
        (at == 0 || text[..at].ends_with(' '))
            && (end == text.len() || text[end..].starts_with(' '))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cable::Cable;

    fn cable(id: &str, subject: &str) -> Cable {
        let mut cable = crate::input::sample();
        cable.id = Some(crate::cable::CableId::new(id));
        cable.header.subject = Some(subject.to_string());
        cable
    }

    #[test]
    fn the_table_takes_its_own_keys_and_leaves_the_others() {
        let library = Library::from_cables(vec![
            cable("05PARIS1", "Zebra counts"),
            cable("05ROME2", "Olive oil"),
            cable("05OSLO3", "Zebra exports"),
        ]);
        let ids = |t: &Table| -> Vec<String> {
            t.rows()
                .iter()
                .map(|&c| library.row(c).unwrap().id.clone())
                .collect()
        };
        let mut table = Table::new(&library);
        table.resize((120, 40));
        let mut history = History::default();
        let mut press = |table: &mut Table, message: Message| {
            let around = Around {
                library: &library,
                history: &mut history,
            };
            table.update(around, message)
        };
        assert_eq!(ids(&table), ["05OSLO3", "05PARIS1", "05ROME2"]);
        // A folder's filter narrows the rows as it is typed, asking nothing of the world.
        assert!(press(&mut table, Action::Filter.into()).is_empty());
        assert!(table.is_typing());
        for c in "zebra".chars() {
            assert!(press(&mut table, Message::Type(c)).is_empty());
        }
        assert_eq!(ids(&table), ["05OSLO3", "05PARIS1"]);
        press(&mut table, Action::Cancel.into());
        assert!(!table.is_typing());
        assert_eq!(
            table.query().text,
            "zebra",
            "leaving the line keeps the filter"
        );
        press(&mut table, Action::Down.into());
        assert_eq!(table.cursor().selected, 1);
        // Opening, the help, the export: the session's; the table stays as it was.
        let before = table.clone();
        for action in [Action::Open, Action::Help, Action::Export, Action::Facets] {
            assert!(press(&mut table, action.into()).is_empty());
        }
        assert_eq!(table, before);
        // A sort keeps the cursor on its cable, wherever its row goes.
        let selected = table.current();
        press(&mut table, Action::Reverse.into());
        assert_eq!(ids(&table), ["05PARIS1", "05OSLO3"]);
        assert_eq!(table.current(), selected);
        assert_eq!(table.cursor().selected, 0);
        press(&mut table, Action::Cancel.into());
        assert_eq!(ids(&table), ["05ROME2", "05PARIS1", "05OSLO3"]);
        assert_eq!(table.current(), selected);
        assert!(
            history.entries().is_empty(),
            "a folder's filter is not a search"
        );
    }

    #[test]
    fn a_clause_is_found_whole_only() {
        assert_eq!(find_clause("tag=PTER", "tag=PTER"), Some(0));
        assert_eq!(find_clause("war tag=PTERX", "tag=PTER"), None);
        assert_eq!(find_clause("a origin=\"X Y\" b", "origin=\"X Y\""), Some(2));
        assert_eq!(find_clause("xtag=PTER", "tag=PTER"), None);
    }
}
