//! `cableview search` as scripts use it: exit statuses as grep's, `--count`, `--sort`,
//! `--format csv` and `--facets --json`, on the fixture index.

use crate::search_index::{cableview, ids, indexed, search, text};
use std::path::Path;

fn run(index: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["search", "--index", index.to_str().unwrap()];
    all.extend_from_slice(args);
    cableview(&all)
}

#[test]
fn exit_statuses_are_greps() {
    let (_dir, index) = indexed();
    let found = run(&index, &["hezbollah"]);
    assert_eq!(found.status.code(), Some(0));
    let none = run(&index, &["zzzqqq"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    assert_eq!(text(&none.stderr), "cableview: no cable matches zzzqqq\n");
    let count = run(&index, &["--count", "zzzqqq"]);
    assert_eq!(
        (count.status.code(), text(&count.stdout)),
        (Some(1), "0\n".into())
    );
    let bad = run(&index, &["paris bogus:x"]);
    assert_eq!(bad.status.code(), Some(2));
    let missing = cableview(&["search", "--index", "/nonexistent-cableview-index", "paris"]);
    assert_eq!(missing.status.code(), Some(2), "{}", text(&missing.stderr));
}

#[test]
fn count_is_of_cables_not_files() {
    let (_dir, index) = indexed();
    let count = |query: &str| {
        let out = run(&index, &["--count", query]);
        text(&out.stdout).trim().parse::<usize>().unwrap()
    };
    for query in ["hezbollah", "tag:PTER", "date:2005..2006 france", "qadhafi"] {
        let listed = ids(&search(&index, query));
        assert_eq!(count(query), listed.len(), "{query}");
    }
    // 04PARIS8983 is a CSV row and an annotated file: one cable.
    assert_eq!(count("id:04PARIS8983"), 1);
}

#[test]
fn sort_by_date_gives_the_oldest_or_newest_matches() {
    let (_dir, index) = indexed();
    let dates = |order: &str, limit: &str| -> Vec<String> {
        let out = run(
            &index,
            &[
                "--format", "jsonl", "--sort", order, "-n", limit, "tag:PTER",
            ],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
            .lines()
            .map(|l| {
                let hit: serde_json::Value = serde_json::from_str(l).unwrap();
                hit["date"].as_str().unwrap_or("").to_string()
            })
            .collect()
    };
    let all = dates("date", "1000");
    // The undated last, in either order. (Every annotated text of the fixture is a row of
    // its CSV too, which dates it: the index merges the two.)
    let dated: Vec<String> = all.iter().filter(|d| !d.is_empty()).cloned().collect();
    assert!(dated.len() > 10, "{all:?}");
    assert!(all[..dated.len()] == dated[..], "{all:?}");
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{all:?}");
    let newest = dates("-date", "3");
    let mut reversed = dated.clone();
    reversed.reverse();
    assert_eq!(
        newest,
        reversed[..3],
        "the newest of every match, not of the best 3"
    );
    assert_eq!(dates("date", "3"), dated[..3]);
}

#[test]
fn csv_has_a_header_and_one_row_per_cable() {
    let (_dir, index) = indexed();
    let out = run(&index, &["--format", "csv", "-n", "1000", "hezbollah"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "id",
            "date",
            "origin",
            "classification",
            "subject",
            "score",
            "snippet"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let expected = ids(&search(&index, "hezbollah"));
    let found: Vec<String> = rows.iter().map(|r| r[0].to_string()).collect();
    assert_eq!(found, expected, "the same cables, best first");
    let paris = rows.iter().find(|r| &r[0] == "05PARIS2333").unwrap();
    assert!(paris[1].starts_with("2005-"), "{paris:?}");
    assert!(paris[5].parse::<f32>().unwrap() > 0.0);
    assert!(paris[6].to_lowercase().contains("hezbollah"), "{paris:?}");
    assert!(!paris[6].contains('\n'), "the snippet on one line");
}

#[test]
fn facets_as_json_add_up_to_the_cables_found() {
    let (_dir, index) = indexed();
    let out = run(&index, &["--facets", "--json", "tag:PTER"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let facets: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let total = facets["total"].as_u64().unwrap();
    assert!(total > 0);
    let sum = |key: &str| -> u64 {
        facets[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} in {facets}"))
            .iter()
            .map(|v| v["count"].as_u64().unwrap())
            .sum()
    };
    // Every cable has one classification and one year.
    assert_eq!(sum("classification"), total);
    assert_eq!(sum("year"), total);
    let tags = facets["tag"].as_array().unwrap();
    assert_eq!(
        tags[0]["value"], "PTER",
        "every cable found has the TAG: {tags:?}"
    );
    assert_eq!(tags[0]["count"].as_u64(), Some(total));
    for key in ["origin", "people", "organisations", "places", "other"] {
        assert!(facets[key].is_array(), "{key}");
    }
    // As text, the pane's sections with their counts.
    let out = run(&index, &["--facets", "tag:PTER"]);
    let shown = text(&out.stdout);
    assert!(
        shown.starts_with(&format!("{total} cables\nClassification\n")),
        "{shown}"
    );
    assert!(shown.contains("\nTAG\n  PTER "), "{shown}");
}
