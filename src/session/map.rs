//! The world map (`M`): a query's cables placed at their origin posts, sized by count,
//! with a list of the posts beside it (enter narrows the query to one), and the places
//! its cables name as a second layer. In the reader, the open cable's own post and
//! places. Coordinates come from [`crate::gazetteer`]; what it lacks is unplaced.

use super::ListCursor;
use super::action::Action;
use crate::cable::{Cable, EntityKind};
use crate::gazetteer::{Gazetteer, Point};
use crate::search_index::Spread;

/// A post or a place with its cables (or mentions) and where it is, if known.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// As the cables write it.
    pub name: String,
    /// Cables from the post, or naming the place (mentions, in one cable).
    pub count: u64,
    /// Where it is; `None`: unplaced.
    pub at: Option<Point>,
}

/// What a key in the map did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapOutcome {
    /// Nothing for the session to do.
    Stay,
    /// Close the map.
    Close,
    /// Narrow the query with this clause (`origin="Embassy Paris"`), and close.
    Narrow(String),
}

/// The map's state: its marks, the layer shown and the cursor over the posts' list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorldMap {
    /// What it maps: the query, or the cable's ID.
    pub title: String,
    /// The posts, most cables first.
    pub posts: Vec<Mark>,
    /// The places named, most first.
    pub places: Vec<Mark>,
    /// Whether the places layer is drawn.
    pub show_places: bool,
    /// Whether enter narrows the query (a query's map, not a cable's).
    pub narrows: bool,
    /// The cursor over [`Self::posts`].
    pub cursor: ListCursor,
}

impl WorldMap {
    /// The map of a query's spread.
    #[must_use]
    pub fn of_spread(query: &str, spread: &Spread, gazetteer: &Gazetteer) -> Self {
        let posts = spread
            .origins
            .iter()
            .map(|(name, count)| Mark {
                name: name.clone(),
                count: *count,
                at: gazetteer.post(name),
            })
            .collect();
        Self {
            title: if query.trim().is_empty() {
                "every cable".to_string()
            } else {
                query.to_string()
            },
            posts,
            places: places(&spread.places, gazetteer),
            show_places: false,
            narrows: true,
            cursor: ListCursor::default(),
        }
    }

    /// The map of one cable: its post, and the places it names (counted by mention),
    /// shown from the start.
    #[must_use]
    pub fn of_cable(cable: &Cable, gazetteer: &Gazetteer) -> Self {
        let mut named: Vec<(String, u64)> = Vec::new();
        for entity in cable.entities.iter().filter(|e| e.kind == EntityKind::Loc) {
            let key = crate::gazetteer::fold(&entity.name);
            match named
                .iter_mut()
                .find(|(n, _)| crate::gazetteer::fold(n) == key)
            {
                Some((_, n)) => *n += entity.count as u64,
                None => named.push((entity.name.clone(), entity.count as u64)),
            }
        }
        named.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let posts = cable
            .header
            .origin
            .iter()
            .map(|name| Mark {
                name: name.clone(),
                count: 1,
                at: gazetteer.post(name),
            })
            .collect();
        Self {
            title: cable.id.as_deref().unwrap_or("this cable").to_string(),
            posts,
            places: places(&named, gazetteer),
            show_places: true,
            narrows: false,
            cursor: ListCursor::default(),
        }
    }

    /// The list beside the map: the posts, then (with the layer shown) the places.
    #[must_use]
    pub fn listed(&self) -> Vec<&Mark> {
        let places = self.places.iter().filter(|_| self.show_places);
        self.posts.iter().chain(places).collect()
    }

    /// Applies a key: moves in the list, toggles the places layer (`L`), narrows to the
    /// post or place under the cursor (enter: `origin=`, `loc=`), or closes (esc, `M`).
    pub fn apply(&mut self, action: &Action) -> MapOutcome {
        match action {
            Action::Map | Action::Cancel | Action::Back | Action::Quit => MapOutcome::Close,
            Action::ToggleLoc => {
                self.show_places = !self.show_places;
                let len = self.listed().len();
                self.cursor
                    .select(self.cursor.selected.min(len.saturating_sub(1)), len);
                MapOutcome::Stay
            }
            Action::Open | Action::Activate if self.narrows => {
                use super::facets::{Section, clause};
                let at = self.cursor.selected;
                let clause = match self.posts.get(at) {
                    Some(post) => clause(&Section::Origin, &post.name),
                    None => self
                        .places
                        .get(at - self.posts.len())
                        .filter(|_| self.show_places)
                        .and_then(|place| clause(&Section::Entity(EntityKind::Loc), &place.name)),
                };
                clause.map_or(MapOutcome::Stay, MapOutcome::Narrow)
            }
            action => {
                let len = self.listed().len();
                self.cursor.apply(action, len);
                MapOutcome::Stay
            }
        }
    }

    /// Takes the number of rows the list shows.
    pub fn set_height(&mut self, height: usize) {
        let len = self.listed().len();
        self.cursor.set_height(height, len);
    }
}

fn places(named: &[(String, u64)], gazetteer: &Gazetteer) -> Vec<Mark> {
    named
        .iter()
        .map(|(name, count)| Mark {
            name: name.clone(),
            count: *count,
            at: gazetteer.place(name),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spread() -> Spread {
        Spread {
            total: 7,
            origins: vec![("Embassy Paris".into(), 5), ("Embassy Atlantis".into(), 2)],
            places: vec![("FRANCE".into(), 4), ("NARNIA".into(), 1)],
            ..Spread::default()
        }
    }

    #[test]
    fn posts_are_placed_or_unplaced_never_guessed() {
        let map = WorldMap::of_spread("x", &spread(), Gazetteer::shipped());
        assert!(map.posts[0].at.is_some());
        assert_eq!(map.posts[1].at, None);
        assert!(map.places[0].at.is_some());
        assert_eq!(map.places[1].at, None);
    }

    #[test]
    fn enter_narrows_to_the_post_and_l_toggles_the_places() {
        let mut map = WorldMap::of_spread("x", &spread(), Gazetteer::shipped());
        assert_eq!(map.listed().len(), 2);
        assert_eq!(map.apply(&Action::ToggleLoc), MapOutcome::Stay);
        assert_eq!(map.listed().len(), 4);
        map.apply(&Action::Down);
        assert_eq!(
            map.apply(&Action::Open),
            MapOutcome::Narrow("origin=\"Embassy Atlantis\"".into())
        );
        map.apply(&Action::Down);
        assert_eq!(
            map.apply(&Action::Open),
            MapOutcome::Narrow("loc=FRANCE".into())
        );
        assert_eq!(map.apply(&Action::Cancel), MapOutcome::Close);
    }
}
