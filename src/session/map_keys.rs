//! The keys of the world map: `M` over the table opens the query's map (asking the index
//! for its counts), in the reader the cable's own; in the map, enter narrows the query to
//! the post under the cursor and `L` shows the places named.

use super::map::WorldMap;
use super::{Effect, Overlay, Session};
use crate::gazetteer::Gazetteer;
use crate::search_index::Spread;

impl Session {
    /// `M` over the table: the map of the query, filled in when the index answers.
    pub(super) fn open_map(&mut self) {
        if !self.on_index() {
            let how = "the map needs a corpus index: `cableview index PATH...`, then `cableview --index DIR`";
            return self.tell(how.to_string());
        }
        let query = self.table.query().text.clone();
        self.show(Overlay::Map(WorldMap {
            title: query.clone(),
            narrows: true,
            ..WorldMap::default()
        }));
        self.effects.push(Effect::Search {
            query,
            facets: true,
        });
    }

    /// `M` in the reader: the open cable's post and the places it names.
    pub(super) fn open_cable_map(&mut self) {
        if let Some(app) = self.reader() {
            let map = WorldMap::of_cable(app.cable(), Gazetteer::shipped());
            self.show(Overlay::Map(map));
        }
    }

    /// The index counted the query's cables by post: the map shows them.
    pub(super) fn spread_arrived(&mut self, spread: &Spread) {
        let query = self.table.query().text.clone();
        let Some(map) = self.map_mut() else {
            return;
        };
        if !map.narrows {
            return;
        }
        let mut fresh = WorldMap::of_spread(&query, spread, Gazetteer::shipped());
        fresh.show_places = map.show_places;
        *map = fresh;
        self.fit_overlays();
    }
}
