//! `cableview timeline` and `cableview map`: when a query's cables were written, as a bar
//! per year or month, and where, as posts with their counts and coordinates. Both count
//! with the index's facets; exit status as `search`'s.

use super::args::TimelineBy;
use super::index::index_dir;
use super::search::as_error;
use super::{Failure, write_out};
use crate::gazetteer::Gazetteer;
use crate::sanitize::visible;
use crate::search_index::{SearchIndex, Spread};
use crate::session::map::WorldMap;
use crate::session::timeline::{Period, Timeline, bar};
use std::fmt::Write as _;
use std::path::Path;

/// The widest bar printed, in cells.
const BAR: usize = 40;

/// The spread of `query`'s cables, or why there is none (status 1 when none match).
fn spread_of(given: Option<&Path>, query: &str) -> Result<Spread, Failure> {
    let dir = index_dir(given).map_err(|f| Failure { code: 2, ..f })?;
    let mut index = SearchIndex::open(&dir).map_err(|e| as_error(e, query))?;
    let options = super::load::load_options().map_err(|f| Failure { code: 2, ..f })?;
    index.set_aliases(options.aliases);
    let spread = index.spread(query).map_err(|e| as_error(e, query))?;
    if spread.total == 0 {
        return Err(Failure {
            message: format!("no cable matches {}", visible(query)),
            code: 1,
        });
    }
    Ok(spread)
}

/// `cableview timeline [--index DIR] [--by year|month] [--json] QUERY`.
pub(super) fn timeline_command(
    given: Option<&Path>,
    by: Option<TimelineBy>,
    json: bool,
    query: &str,
) -> Result<(), Failure> {
    let spread = spread_of(given, query)?;
    let by = by.map(|b| match b {
        TimelineBy::Year => Period::Year,
        TimelineBy::Month => Period::Month,
    });
    let timeline = Timeline::of(&spread, by);
    let text = if json {
        timeline_json(&timeline, spread.total)
    } else {
        timeline_text(&timeline)
    };
    write_out(&text).map_err(Failure::from)
}

/// `2005  412 ████████▍`: a line per period, the counts aligned.
#[must_use]
pub fn timeline_text(timeline: &Timeline) -> String {
    let most = timeline.bars.iter().map(|b| b.1).max().unwrap_or(0);
    let width = most.to_string().len();
    let mut out = String::new();
    for (period, count) in &timeline.bars {
        let bar = bar(*count, most, BAR);
        let _ = writeln!(
            out,
            "{}",
            format!("{period}  {count:>width$} {bar}").trim_end()
        );
    }
    out
}

fn timeline_json(timeline: &Timeline, total: u64) -> String {
    let periods: Vec<_> = timeline
        .bars
        .iter()
        .map(|(period, count)| serde_json::json!({ "period": period, "count": count }))
        .collect();
    let peak = timeline
        .peak()
        .and_then(|i| timeline.bars.get(i))
        .map(|b| &b.0);
    let object = serde_json::json!({
        "by": timeline.by,
        "total": total,
        "peak": peak,
        "periods": periods,
    });
    format!("{}\n", crate::sanitize::json::to_string(&object))
}

/// `cableview map [--index DIR] [--json] QUERY`.
pub(super) fn map_command(given: Option<&Path>, json: bool, query: &str) -> Result<(), Failure> {
    let spread = spread_of(given, query)?;
    let map = WorldMap::of_spread(query, &spread, Gazetteer::shipped());
    let text = if json { map_json(&map) } else { map_text(&map) };
    write_out(&text).map_err(Failure::from)
}

/// `    412   48.8534     2.3488  Embassy Paris`, most first; the unplaced with dashes.
fn map_text(map: &WorldMap) -> String {
    let width = map
        .posts
        .iter()
        .map(|m| m.count.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for mark in &map.posts {
        let count = mark.count;
        let name = visible(&mark.name);
        let _ = match mark.at {
            Some(p) => writeln!(
                out,
                "{count:>width$}  {:>8.4}  {:>9.4}  {name}",
                p.lat, p.lon
            ),
            None => writeln!(
                out,
                "{count:>width$}  {:>8}  {:>9}  {name}  (unplaced)",
                "-", "-"
            ),
        };
    }
    out
}

/// A GeoJSON FeatureCollection of the placed posts (`post`, `count`), the others in
/// `unplaced`.
fn map_json(map: &WorldMap) -> String {
    let features: Vec<_> = map
        .posts
        .iter()
        .filter_map(|m| {
            let p = m.at?;
            Some(serde_json::json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [p.lon, p.lat] },
                "properties": { "post": m.name, "count": m.count },
            }))
        })
        .collect();
    let unplaced: Vec<_> = map
        .posts
        .iter()
        .filter(|m| m.at.is_none())
        .map(|m| serde_json::json!({ "post": m.name, "count": m.count }))
        .collect();
    let object = serde_json::json!({
        "type": "FeatureCollection",
        "features": features,
        "unplaced": unplaced,
    });
    format!("{}\n", crate::sanitize::json::to_string(&object))
}
