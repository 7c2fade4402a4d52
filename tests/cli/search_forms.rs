//! The query forms beyond words and phrases: prefix (`qadhaf*`), fuzzy (`qadhafi~1`),
//! proximity (`"tripoli qadhafi"~5`), checked against a plain text match of the fixture
//! CSV as `rg -iwc` would count it, on an index of that CSV alone.

use crate::search_index::{FIXTURE, cableview, ids, search, text};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// An index of the fixture CSV alone: one document per cable, so counts are of rows.
fn csv_index() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let out = cableview(&["index", "--index", index.to_str().unwrap(), FIXTURE]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (dir, index)
}

/// Each row's ID and the lower-cased words of its text, cut as the index cuts them.
fn rows() -> Vec<(String, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .escape(Some(b'\\'))
        .from_path(FIXTURE)
        .unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let words = r[7]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            (r[2].to_string(), words)
        })
        .collect()
}

/// The IDs of the rows with a word `matches` accepts: a text match.
fn text_match(matches: impl Fn(&str) -> bool) -> BTreeSet<String> {
    rows()
        .into_iter()
        .filter(|(_, words)| words.iter().any(|w| matches(w)))
        .map(|(id, _)| id)
        .collect()
}

fn found(index: &Path, query: &str) -> BTreeSet<String> {
    ids(&search(index, query)).into_iter().collect()
}

/// Edits between two words: insertions, deletions, substitutions and swaps of two
/// neighbours (optimal string alignment).
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[test]
fn a_prefix_finds_what_a_text_match_of_the_prefix_finds() {
    let (_dir, index) = csv_index();
    for stem in ["qadhaf", "terror", "hezb"] {
        let expected = text_match(|w| w.starts_with(stem));
        let exact = found(&index, stem);
        let prefix = found(&index, &format!("{stem}*"));
        assert_eq!(prefix, expected, "{stem}*");
        assert!(prefix.is_superset(&exact), "{stem}");
    }
    // Each word found is scored as a word typed, and highlighted in the snippet.
    let hits = search(&index, "terror*");
    let scores: BTreeSet<String> = hits.iter().map(|h| h["score"].to_string()).collect();
    assert!(scores.len() > 1, "ranked, not all alike: {scores:?}");
    for hit in &hits {
        let snippet = hit["snippet"].as_str().unwrap();
        for range in hit["highlights"].as_array().unwrap() {
            let (start, end) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
            let word = snippet[start as usize..end as usize].to_lowercase();
            assert!(word.starts_with("terror"), "{word} in {snippet}");
        }
    }
    assert!(
        hits.iter()
            .any(|h| !h["highlights"].as_array().unwrap().is_empty())
    );
    // More than the word alone where the text has longer words.
    assert!(found(&index, "terror*").len() > found(&index, "terror").len());
    // In a field, and upper-case as typed.
    assert_eq!(
        found(&index, "subject:QADHAF*"),
        found(&index, "subject:qadhaf*")
    );
    assert!(
        found(&index, "id:05paris*")
            .iter()
            .all(|id| id.starts_with("05PARIS"))
    );
}

#[test]
fn a_fuzzy_word_finds_the_words_within_its_edits() {
    let (_dir, index) = csv_index();
    for (word, n) in [("qadhafi", 1), ("qadhafi", 2), ("hizballah", 1)] {
        let expected = text_match(|w| edits(w, word) <= n);
        assert_eq!(
            found(&index, &format!("{word}~{n}")),
            expected,
            "{word}~{n}"
        );
    }
    assert!(found(&index, "qadhafi~2").len() > found(&index, "qadhafi").len());
}

#[test]
fn a_phrase_with_a_distance_finds_its_words_near_each_other() {
    let (_dir, index) = csv_index();
    let near = found(&index, "\"tripoli qadhafi\"~5");
    let both = found(&index, "tripoli qadhafi");
    let exact = found(&index, "\"tripoli qadhafi\"");
    assert!(
        !near.is_empty() && near.is_subset(&both),
        "{near:?} {both:?}"
    );
    assert!(exact.is_subset(&near) && exact.len() < near.len());
    // Each found cable has the words at most five words apart (tantivy's slop: a word
    // between costs 1, the two swapped 2).
    let rows = rows();
    for id in &near {
        let words = &rows.iter().find(|(i, _)| i == id).unwrap().1;
        let at = |w: &'static str| -> Vec<usize> {
            (0..words.len()).filter(|&i| words[i] == w).collect()
        };
        let close = at("tripoli")
            .iter()
            .any(|&t| at("qadhafi").iter().any(|&q| q.abs_diff(t) <= 6));
        assert!(close, "{id}");
    }
}

#[test]
fn the_old_forms_still_work_and_new_errors_say_where() {
    let (_dir, index) = csv_index();
    let out = cableview(&["search", "--index", index.to_str().unwrap(), "qadhafi~3"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("column 8: `~3`: a fuzzy match allows 1 or 2 edits"),
        "{stderr}"
    );
    assert!(stderr.contains("\n  qadhafi~3\n         ^"), "{stderr}");
    // `NOT` alone keeps every cable but those; AND NOT as NOT.
    let all = found(&index, "date:1900..2100").len();
    let with = found(&index, "hezbollah").len();
    assert_eq!(found(&index, "NOT hezbollah").len(), all - with);
    assert_eq!(
        found(&index, "france AND NOT hezbollah"),
        found(&index, "france -hezbollah")
    );
    // An apostrophe inside a word is the word's.
    assert!(!found(&index, "Hezbollah's").is_empty());
    // `per=` and `year=` name a facet's exact value.
    assert_eq!(found(&index, "year=2005"), found(&index, "date:2005"));
}

#[test]
fn a_tilde_searches_every_spelling_of_an_aliases_group() {
    let (dir, index) = csv_index();
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::write(
        config.join("aliases.toml"),
        "\"Muammar Qadhafi\" = [\"Qadhafi\", \"Gaddafi\", \"Qaddafi\"]\n",
    )
    .unwrap();
    let run = |query: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cableview"))
            .args([
                "search",
                "--index",
                index.to_str().unwrap(),
                "--count",
                query,
            ])
            .env("CABLEVIEW_DATA_DIR", "/nonexistent-cableview-data")
            .env("CABLEVIEW_CONFIG_DIR", &config)
            .output()
            .unwrap()
    };
    let count = |query: &str| {
        let out = run(query);
        assert!(out.status.success(), "{query}: {}", text(&out.stderr));
        text(&out.stdout).trim().parse::<usize>().unwrap()
    };
    let expected = text_match(|w| ["qadhafi", "gaddafi", "qaddafi"].contains(&w)).len();
    assert_eq!(count("~qadhafi"), expected);
    assert_eq!(count("~Gaddafi"), expected, "any spelling of the group");
    assert!(
        expected > count("qadhafi"),
        "the spellings joined find more"
    );
    assert_eq!(
        count("subject:~qadhafi"),
        count("subject:(qadhafi OR gaddafi OR qaddafi)")
    );
    // A word no group has is said, not searched alone.
    let out = run("~tripoli");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("`~tripoli`: no group of aliases.toml has the spelling"),
        "{}",
        text(&out.stderr)
    );
}
