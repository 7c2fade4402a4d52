//! The keys of the world map: `M` over the table opens the query's map (asking the index
//! for its counts), in the reader the cable's own; in the map, enter narrows the query to
//! the post under the cursor and `L` shows the places named.

use super::map::{MapOutcome, WorldMap};
use super::{Effect, Session};
use crate::gazetteer::Gazetteer;
use crate::search_index::Spread;
use crate::session::action::Action;

impl Session {
    /// `M` over the table: the map of the query, filled in when the index answers.
    pub(super) fn open_map(&mut self) {
        if !self.on_index() {
            let how = "the map needs a corpus index: `cableview index PATH...`, then `cableview --index DIR`";
            return self.tell(how.to_string());
        }
        let query = self.table.query.text.clone();
        self.map = Some(WorldMap {
            title: query.clone(),
            narrows: true,
            ..WorldMap::default()
        });
        self.fit_map();
        self.effects.push(Effect::Search {
            query,
            facets: true,
        });
    }

    /// `M` in the reader: the open cable's post and the places it names.
    pub(super) fn open_cable_map(&mut self) {
        if let Some((_, app)) = &self.reader {
            self.map = Some(WorldMap::of_cable(&app.cable, Gazetteer::shipped()));
            self.fit_map();
        }
    }

    /// The index counted the query's cables by post: the map shows them.
    pub(super) fn spread_arrived(&mut self, spread: &Spread) {
        let Some(map) = &mut self.map else {
            return;
        };
        if !map.narrows {
            return;
        }
        let mut fresh = WorldMap::of_spread(&self.table.query.text, spread, Gazetteer::shipped());
        fresh.show_places = map.show_places;
        *map = fresh;
        self.fit_map();
    }

    /// A key while the map is shown.
    pub(super) fn map_action(&mut self, action: &Action) {
        let Some(map) = &mut self.map else {
            return;
        };
        match map.apply(action) {
            MapOutcome::Stay => {}
            MapOutcome::Close => self.map = None,
            MapOutcome::Narrow(clause) => {
                self.map = None;
                self.table.in_facets = false;
                self.narrow(&clause);
            }
        }
    }

    /// Tells the map's list how many rows it shows: the screen less the title and
    /// status lines, the list's border and its heading.
    pub(super) fn fit_map(&mut self) {
        let rows = usize::from(self.size.1.saturating_sub(5)).max(1);
        if let Some(map) = &mut self.map {
            map.set_height(rows);
        }
    }
}
