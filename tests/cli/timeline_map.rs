//! `cableview timeline` and `cableview map` on the fixture index: bars per period that
//! add up to the facets' counts, posts with coordinates (GeoJSON with `--json`), the
//! unplaced listed, and exit statuses as `search`'s.

use crate::search_index::{cableview, indexed, text};
use std::path::Path;

fn run(command: &str, index: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec![command, "--index", index.to_str().unwrap()];
    all.extend_from_slice(args);
    cableview(&all)
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// The facets' counts of a section, as `search --facets --json` gives them.
fn facet_counts(index: &Path, query: &str, section: &str) -> Vec<(String, u64)> {
    let facets = json(&run("search", index, &["--facets", "--json", query]));
    facets[section]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let value = v["value"].as_str().unwrap().to_string();
            (value, v["count"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn a_long_span_is_a_bar_per_year_that_its_date_clause_finds() {
    let (_dir, index) = indexed();
    let out = run("timeline", &index, &["tag:PTER"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    let bars: Vec<(u32, u64)> = printed
        .lines()
        .map(|l| {
            let fields: Vec<&str> = l.split_whitespace().collect();
            (fields[0].parse().unwrap(), fields[1].parse().unwrap())
        })
        .collect();
    // A line per year from the first to the last, the empty ones too.
    assert!(bars.len() > 10, "{printed}");
    assert!(bars.windows(2).all(|w| w[1].0 == w[0].0 + 1), "{printed}");
    assert!(bars.iter().any(|b| b.1 == 0) && bars[0].1 > 0, "{printed}");
    // Each bar counts what `date:YEAR` finds, as the facets count it.
    for &(year, count) in bars.iter().filter(|b| b.1 > 0).take(4) {
        let query = format!("tag:PTER date:{year}");
        let facets = json(&run("search", &index, &["--facets", "--json", &query]));
        assert_eq!(facets["total"].as_u64(), Some(count), "{year}");
    }
    // The peak's bar is the longest: 40 full cells; no line ends in spaces.
    let most = bars.iter().map(|b| b.1).max().unwrap();
    let peak = bars.iter().position(|b| b.1 == most).unwrap();
    let peak_line = printed.lines().nth(peak).unwrap();
    assert!(peak_line.ends_with(&"█".repeat(40)), "{peak_line}");
    assert!(printed.lines().all(|l| l.trim_end() == l));
}

#[test]
fn three_years_or_fewer_go_by_month_and_json_says_so() {
    let (_dir, index) = indexed();
    let query = "date:2005..2006 france";
    let value = json(&run("timeline", &index, &["--json", query]));
    assert_eq!(value["by"], "month");
    let periods = value["periods"].as_array().unwrap();
    assert!(
        periods
            .iter()
            .all(|p| p["period"].as_str().unwrap().len() == 7)
    );
    let sum: u64 = periods.iter().map(|p| p["count"].as_u64().unwrap()).sum();
    let years: u64 = facet_counts(&index, query, "year")
        .iter()
        .map(|y| y.1)
        .sum();
    assert_eq!(sum, years);
    let peak = value["peak"].as_str().unwrap();
    let most = periods.iter().map(|p| p["count"].as_u64().unwrap()).max();
    let at_peak = periods.iter().find(|p| p["period"] == peak).unwrap();
    assert_eq!(at_peak["count"].as_u64(), most);
    // Asked by year, the same cables in two bars.
    let by_year = json(&run("timeline", &index, &["--json", "--by", "year", query]));
    assert_eq!(by_year["by"], "year");
    assert_eq!(by_year["periods"].as_array().unwrap().len(), 2);
}

#[test]
fn map_prints_each_post_with_its_coordinates_most_first() {
    let (_dir, index) = indexed();
    let out = run("map", &index, &["tag:PTER"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    let paris = printed
        .lines()
        .find(|l| l.ends_with("  Embassy Paris"))
        .unwrap_or_else(|| panic!("{printed}"));
    let fields: Vec<&str> = paris.split_whitespace().collect();
    let lat: f64 = fields[1].parse().unwrap();
    let lon: f64 = fields[2].parse().unwrap();
    assert!(
        (lat - 48.85).abs() < 0.1 && (lon - 2.35).abs() < 0.1,
        "{paris}"
    );
    let counts: Vec<u64> = printed
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{printed}");
    // Each post's count is the facets' (which keep the 20 most frequent).
    for (post, count) in facet_counts(&index, "tag:PTER", "origin") {
        let line = printed
            .lines()
            .find(|l| l.contains(&format!("  {post}")))
            .unwrap();
        assert_eq!(
            line.split_whitespace().next(),
            Some(count.to_string().as_str())
        );
    }
}

#[test]
fn map_json_is_geojson_with_the_unplaced_apart() {
    let (_dir, index) = indexed();
    let value = json(&run("map", &index, &["--json", ""]));
    assert_eq!(value["type"], "FeatureCollection");
    let features = value["features"].as_array().unwrap();
    let bogota = features
        .iter()
        .find(|f| f["properties"]["post"] == "Embassy Bogota")
        .unwrap();
    assert_eq!(bogota["type"], "Feature");
    assert_eq!(bogota["geometry"]["type"], "Point");
    let at = bogota["geometry"]["coordinates"].as_array().unwrap();
    // GeoJSON is longitude first.
    assert!((at[0].as_f64().unwrap() + 74.08).abs() < 0.1, "{at:?}");
    assert!((at[1].as_f64().unwrap() - 4.61).abs() < 0.1, "{at:?}");
    // A travelling delegation is nowhere: listed, not guessed.
    let unplaced = value["unplaced"].as_array().unwrap();
    assert!(
        unplaced
            .iter()
            .any(|u| u["post"] == "US Delegation, Secretary"),
        "{unplaced:?}"
    );
    assert!(
        !features
            .iter()
            .any(|f| f["properties"]["post"] == "US Delegation, Secretary")
    );
    let text_out = text(&run("map", &index, &[""]).stdout);
    assert!(
        text_out.contains("US Delegation, Secretary  (unplaced)"),
        "{text_out}"
    );
}

#[test]
fn nothing_found_and_bad_queries_exit_as_search_does() {
    let (_dir, index) = indexed();
    for command in ["timeline", "map"] {
        let none = run(command, &index, &["zzzqqq"]);
        assert_eq!(none.status.code(), Some(1), "{command}");
        assert_eq!(text(&none.stderr), "cableview: no cable matches zzzqqq\n");
        let bad = run(command, &index, &["date:2007..2005"]);
        assert_eq!(bad.status.code(), Some(2), "{command}");
        assert!(
            text(&bad.stderr).contains("query error at column"),
            "{}",
            text(&bad.stderr)
        );
        let missing = cableview(&[command, "--index", "/nonexistent-cableview-index", "x"]);
        assert_eq!(missing.status.code(), Some(2), "{command}");
    }
}
