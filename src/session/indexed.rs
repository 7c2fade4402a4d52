//! A session on a corpus index: the table's `/` asks the index (through the event loop)
//! and shows what it found, and the links across cables (other cables naming an entity,
//! the cables citing one) are looked up in the index, so they reach the whole release.

use super::{CableList, Effect, ListCursor, ListItem, Lookup, Overlay, Session};
use crate::library::{CableIndex, EntityKey};
use crate::session::action::{Answer, AskError, Searched, SnippetRead};
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

    /// `F`: shows the facets pane (asking the index for the query's facets) with the keys
    /// in it, gives it the keys again, or hides it when they are already there.
    pub(super) fn toggle_facets(&mut self) {
        if !self.on_index() {
            let how = "facets need a corpus index: `cableview index PATH...`, then `cableview --index DIR`";
            return self.tell(how.to_string());
        }
        self.effects.extend(self.table.toggle_facets());
    }

    /// Adds a clause picked on the map to the query (or takes it out when it is there
    /// already), and searches again.
    pub(super) fn narrow(&mut self, clause: &str) {
        self.table.unfocus_facets();
        self.effects.extend(self.table.narrow(clause));
    }

    /// The index answered a query.
    pub(super) fn searched(&mut self, searched: Searched) {
        if let Some(spread) = self.table.searched(&self.library, searched) {
            self.spread_arrived(&spread);
        }
        self.want_snippet();
    }

    /// Asks for the selected row's snippet when results are shown and it has none.
    pub(super) fn want_snippet(&mut self) {
        self.effects.extend(self.table.want_snippet(&self.library));
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
        let Some(entity) = app.selected().and_then(|i| app.cable().entities.get(i)) else {
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
                if let Some(app) = self.reader_mut() {
                    app.set_cited_by(links);
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
        let Some(entity) = app.selected().and_then(|i| app.cable().entities.get(i)) else {
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
