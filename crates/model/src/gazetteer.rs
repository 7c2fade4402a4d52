//! Where posts and places are on the globe: the tables shipped in `assets/gazetteer/`
//! (made by `tools/gazetteer/make.py` from GeoNames data, CC BY 4.0). A name not in them
//! is unplaced: nothing is guessed from its spelling beyond the fold below.

use std::collections::HashMap;
use std::sync::OnceLock;
use thiserror::Error;

/// A point on the globe, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Point {
    /// Latitude, north positive.
    pub lat: f64,
    /// Longitude, east positive.
    pub lon: f64,
}

/// A line of a gazetteer table that is not `name<TAB>lat<TAB>lon`.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{file}, line {line}: expected `name<TAB>latitude<TAB>longitude`, found `{found}`")]
pub struct GazetteerError {
    /// The table's name.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// What the line holds.
    pub found: String,
}

/// The posts' and places' coordinates, looked up by folded name.
#[derive(Debug, Default)]
pub struct Gazetteer {
    posts: HashMap<String, Point>,
    places: HashMap<String, Point>,
}

/// What a post's name says before its city: `Embassy Paris` is placed as `Paris`.
const POST_KINDS: [&str; 12] = [
    "embassy ",
    "consulate general ",
    "consulate ",
    "us consulate ",
    "us embassy ",
    "us mission ",
    "mission ",
    "us office ",
    "branch office ",
    "reo ",
    "usun ",
    "us interests section ",
];

impl Gazetteer {
    /// The tables shipped with cableview.
    #[must_use]
    pub fn shipped() -> &'static Self {
        static SHIPPED: OnceLock<Gazetteer> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            let table = |file: &str, text: &str| {
                // The shipped tables are checked by a test; were one broken, its names
                // would all be unplaced rather than cableview stop.
                parse(file, text).unwrap_or_default()
            };
            Self {
                posts: table(
                    "posts.tsv",
                    include_str!("../../../assets/gazetteer/posts.tsv"),
                ),
                places: table(
                    "places.tsv",
                    include_str!("../../../assets/gazetteer/places.tsv"),
                ),
            }
        })
    }

    /// Where a post (a cable's origin) is: by its whole name (`Secretary of State`,
    /// `USUN New York`), else by the city after its kind (`Embassy Paris`, `Consulate
    /// Jeddah`). `None` when the tables do not have it.
    #[must_use]
    pub fn post(&self, origin: &str) -> Option<Point> {
        if let Some(point) = self.posts.get(&fold(origin)) {
            return Some(*point);
        }
        let lower = origin.trim().to_lowercase();
        POST_KINDS
            .iter()
            .find_map(|kind| lower.strip_prefix(kind))
            .and_then(|city| self.posts.get(&fold(city)).copied())
    }

    /// Where a place (a LOC entity: a country, a continent or a city) is.
    #[must_use]
    pub fn place(&self, name: &str) -> Option<Point> {
        self.places.get(&fold(name)).copied()
    }
}

/// The key a name is looked up by: its ASCII letters and digits, lowercase, so `Port Au
/// Prince`, `PORT-AU-PRINCE` and `Port-au-Prince` are one.
#[must_use]
pub fn fold(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A table: `#` lines are comments; each other line `name<TAB>lat<TAB>lon`.
///
/// # Errors
/// The first line that is not that, with coordinates on the globe.
pub fn parse(file: &str, text: &str) -> Result<HashMap<String, Point>, GazetteerError> {
    let mut table = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let point = match (fields.next(), fields.next(), fields.next(), fields.next()) {
            (Some(name), Some(lat), Some(lon), None) if !fold(name).is_empty() => {
                match (lat.parse::<f64>(), lon.parse::<f64>()) {
                    (Ok(lat), Ok(lon)) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => {
                        Some((fold(name), Point { lat, lon }))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let (key, point) = point.ok_or_else(|| GazetteerError {
            file: file.to_string(),
            line: n + 1,
            found: line.chars().take(80).collect(),
        })?;
        table.entry(key).or_insert(point);
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_tables_parse() {
        parse(
            "posts.tsv",
            include_str!("../../../assets/gazetteer/posts.tsv"),
        )
        .unwrap();
        parse(
            "places.tsv",
            include_str!("../../../assets/gazetteer/places.tsv"),
        )
        .unwrap();
    }

    #[test]
    fn posts_are_placed_by_their_city_or_whole_name() {
        let g = Gazetteer::shipped();
        let paris = g.post("Embassy Paris").unwrap();
        assert!((paris.lat - 48.85).abs() < 0.1 && (paris.lon - 2.35).abs() < 0.1);
        assert!(g.post("Consulate Jeddah").is_some());
        assert!(g.post("Embassy Port Au Prince").is_some());
        let washington = g.post("Secretary of State").unwrap();
        assert!((washington.lon + 77.0).abs() < 0.5);
        assert!(g.post("USUN New York").unwrap().lon < -73.0);
        assert_eq!(g.post("Embassy Atlantis"), None);
        assert_eq!(g.post(""), None);
    }

    #[test]
    fn places_include_countries_and_cities() {
        let g = Gazetteer::shipped();
        assert!(g.place("FRANCE").is_some());
        assert!(g.place("Iraq").is_some());
        assert!(g.place("BAGHDAD").is_some());
        assert_eq!(g.place("Nowhere In Particular"), None);
    }

    #[test]
    fn a_bad_line_is_named() {
        let e = parse("posts.tsv", "# c\nParis\t48.8\t2.3\nLyon\t45.7\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().contains("posts.tsv, line 3: expected"));
        assert!(parse("p", "X\t91\t0\n").is_err());
    }
}
