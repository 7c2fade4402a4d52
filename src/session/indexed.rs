//! A session on a corpus index: the table's `/` asks the index (through the event loop)
//! and shows what it found, and the links across cables (other cables naming an entity,
//! the cables citing one) are looked up in the index, so they reach the whole release.

use super::facets::FacetsPane;
use super::table::ShownFacets;
use super::{CableList, Effect, ListCursor, ListItem, Lookup, Overlay, Session};
use crate::library::{CableIndex, EntityKey};
use crate::session::action::{Action, Answer, AskError, Searched, SnippetRead};
use crate::session::reader::CableLink;

/// The cables an entity was last looked up in, for the status line, the sidebar's count
/// and `x`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Naming {
    /// The cable asking.
    pub cable: CableIndex,
    /// The entity.
    pub entity: Option<EntityKey>,
    /// How many other cables name it.
    pub count: usize,
    /// Which, once they were asked for (`x`).
    pub others: Option<Vec<CableIndex>>,
}

impl Session {
    /// Whether the library is on a corpus index.
    #[must_use]
    pub fn on_index(&self) -> bool {
        self.library.search_index().is_some()
    }

    /// After the table's query changed: asks the index for its cables (and facets).
    pub(super) fn query_changed(&mut self) {
        if !self.table.searches_index() {
            return;
        }
        self.fit_table();
        let query = self.table.query.text.clone();
        let facets = self.facets_open() || self.map().is_some_and(|m| m.narrows);
        if !query.is_empty() || facets {
            self.effects.push(Effect::Search { query, facets });
        }
    }

    /// Whether the facets pane is shown (its counts follow the query).
    pub(super) fn facets_open(&self) -> bool {
        self.table.facets.is_some()
    }

    /// `F`: shows the facets pane (asking the index for the query's facets) with the keys
    /// in it, gives it the keys again, or hides it when they are already there.
    pub(super) fn toggle_facets(&mut self) {
        if !self.on_index() {
            let how = "facets need a corpus index: `cableview index PATH...`, then `cableview --index DIR`";
            return self.tell(how.to_string());
        }
        match &mut self.table.facets {
            None => {
                self.table.facets = Some(ShownFacets {
                    pane: FacetsPane::default(),
                    focused: true,
                });
                self.fit_table();
                let query = self.table.query.text.clone();
                self.effects.push(Effect::Search {
                    query,
                    facets: true,
                });
            }
            Some(facets) if !facets.focused => facets.focused = true,
            Some(_) => self.table.facets = None,
        }
    }

    /// A key while the facets pane has the keys: moves, narrows the query with the value
    /// picked (the clause added to the filter line, where it can be edited), or goes back
    /// to the table.
    pub(super) fn facets_action(&mut self, action: &Action) {
        match action {
            Action::Facets => return self.toggle_facets(),
            Action::Map => return self.open_map(),
            Action::Cancel | Action::Back => {
                self.table.unfocus_facets();
                return;
            }
            Action::Help => {
                self.show(Overlay::Help(ListCursor::default()));
                return;
            }
            _ => {}
        }
        let Some(facets) = &mut self.table.facets else {
            return;
        };
        let Some(clause) = facets.pane.apply(action) else {
            return;
        };
        self.narrow(&clause);
    }

    /// Adds a facet's clause to the query (where it can be seen and edited), or takes it
    /// out when it is there already, and searches again.
    pub(super) fn narrow(&mut self, clause: &str) {
        let text = &mut self.table.query.text;
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
        self.table.line_cursor = self.table.query.text.chars().count();
        self.query_changed();
    }

    /// The index answered a query.
    pub(super) fn searched(&mut self, searched: Searched) {
        let spread = (searched.query == self.table.query.text)
            .then(|| searched.found.as_ref().ok().and_then(|f| f.spread.clone()))
            .flatten();
        let facets = self
            .table
            .found(&self.library, &searched.query, searched.found);
        if let (Some(ShownFacets { pane, .. }), Some(facets)) = (&mut self.table.facets, facets) {
            let timeline = spread
                .as_ref()
                .map(|s| crate::session::timeline::Timeline::of(s, None))
                .unwrap_or_default();
            pane.set_with_timeline(facets, timeline);
        }
        if let Some(spread) = &spread {
            self.spread_arrived(spread);
        }
        self.fit_table();
        self.want_snippet();
    }

    /// Asks for the selected row's snippet when results are shown and it has none.
    pub(super) fn want_snippet(&mut self) {
        if let Some((query, cable, id)) = self.table.snippet_wanted(&self.library) {
            self.effects.push(Effect::Snippet { query, cable, id });
        }
    }

    /// The index gave a snippet.
    pub(super) fn snippet_read(&mut self, read: SnippetRead) {
        self.table
            .snippet_read(&read.query, read.cable, read.snippet);
        self.want_snippet();
    }

    /// How many other cables name an entity: from the library's own index, or, on a
    /// corpus index, from the last lookup (`None` until it comes).
    #[must_use]
    pub fn others_naming(&self, cable: CableIndex, entity: &EntityKey) -> Option<usize> {
        if !self.on_index() {
            return Some(self.elsewhere(cable, entity).len());
        }
        let naming = self.naming.as_ref()?;
        (naming.cable == cable && naming.entity.as_ref() == Some(entity)).then_some(naming.count)
    }

    /// Asks the index for the cables naming the selected entity: to list them (`x`) or
    /// only to count them.
    pub(super) fn look_up_naming(&mut self, list: bool) {
        let Some(open) = self.view.open() else {
            return;
        };
        let (cable, app) = (open.cable(), open.reader());
        let Some(entity) = app.selected.and_then(|i| app.cable.entities.get(i)) else {
            return;
        };
        let key = EntityKey::of(entity);
        let cached = self
            .naming
            .as_ref()
            .filter(|n| n.cable == cable && n.entity.as_ref() == Some(&key));
        match cached {
            Some(n) if list && n.others.is_some() => return self.list_naming(),
            Some(_) if !list => return,
            _ => {}
        }
        self.effects.push(Effect::Lookup(Lookup::Naming {
            cable,
            entity: key,
            name: entity.name.clone(),
            list,
        }));
    }

    /// The index answered a lookup.
    pub(super) fn looked_up(&mut self, lookup: Lookup, answer: Result<Answer, AskError>) {
        let ids = match answer {
            Ok(Answer::Cables(ids)) => ids,
            Ok(Answer::Count(count)) => return self.counted(&lookup, count),
            Err(e) => return self.tell(e.to_string()),
        };
        let Some(open) = self.view.open().map(super::OpenCable::cable) else {
            return;
        };
        // A cable's text and page are two documents, not always side by side.
        let mut seen = std::collections::HashSet::new();
        let mut found: Vec<CableIndex> = ids
            .iter()
            .filter_map(|id| self.library.find_id(id))
            .filter(|&c| seen.insert(c))
            .collect();
        match lookup {
            Lookup::Naming {
                cable,
                entity,
                list,
                ..
            } if cable == open => {
                found.retain(|&c| c != cable);
                self.naming = Some(Naming {
                    cable,
                    entity: Some(entity),
                    count: found.len(),
                    others: Some(found),
                });
                if list {
                    self.list_naming();
                } else {
                    self.note_selected_entity();
                }
            }
            Lookup::CitedBy { cable, .. } if cable == open => {
                found.retain(|&c| c != cable);
                let links: Vec<CableLink> = found
                    .into_iter()
                    .map(|c| CableLink {
                        cable: c,
                        id: self.cable_id(c).to_string(),
                    })
                    .collect();
                let size = self.size;
                if let Some(app) = self.reader_mut()
                    && let Some(known) = &mut app.links
                {
                    known.cited_by = links;
                    // The header grows a line of links: lay the text out again.
                    app.update(crate::session::message::Message::Resize(size.0, size.1));
                }
            }
            // The reader has moved on since it asked.
            _ => {}
        }
    }

    /// The index counted the documents naming the selected entity: the others are those
    /// less this cable's own.
    fn counted(&mut self, lookup: &Lookup, count: u64) {
        let Lookup::Naming { cable, entity, .. } = lookup else {
            return;
        };
        if self.view.open().is_none_or(|open| open.cable() != *cable) {
            return;
        }
        self.naming = Some(Naming {
            cable: *cable,
            entity: Some(entity.clone()),
            count: usize::try_from(count.saturating_sub(1)).unwrap_or(usize::MAX),
            others: None,
        });
        self.note_selected_entity();
    }

    /// Lists the cables the last lookup found naming the selected entity.
    fn list_naming(&mut self) {
        let Some(naming) = &self.naming else {
            return;
        };
        let Some(others) = &naming.others else {
            return;
        };
        let Some(app) = self.reader() else {
            return;
        };
        let Some(entity) = app.selected.and_then(|i| app.cable.entities.get(i)) else {
            return;
        };
        let id_width = others
            .iter()
            .map(|&c| self.cable_id(c).chars().count())
            .max()
            .unwrap_or(0);
        let items: Vec<ListItem> = others
            .iter()
            .map(|&c| {
                let row = self.library.row(c);
                let date = row.and_then(|r| r.date.as_deref()).unwrap_or("");
                let subject = row.map_or("", |r| r.subject.as_str());
                ListItem {
                    cable: c,
                    entity: naming.entity.clone(),
                    text: format!("{:id_width$}  {date}  {subject}", self.cable_id(c)),
                }
            })
            .collect();
        let list = CableList {
            title: format!("{} in {}", entity.name, super::other_cables(items.len())),
            items,
            cursor: ListCursor::default(),
        };
        self.show(Overlay::Cables(list));
    }
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
    use super::find_clause;

    #[test]
    fn a_clause_is_found_whole_only() {
        assert_eq!(find_clause("tag=PTER", "tag=PTER"), Some(0));
        assert_eq!(find_clause("war tag=PTERX", "tag=PTER"), None);
        assert_eq!(find_clause("a origin=\"X Y\" b", "origin=\"X Y\""), Some(2));
        assert_eq!(find_clause("xtag=PTER", "tag=PTER"), None);
    }
}
