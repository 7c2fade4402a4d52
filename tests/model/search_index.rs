//! The corpus index through its public API: a search finds the cables a case-insensitive
//! whole-word match finds, facets count what they say, links and rows come back.

use cableview::cable::CableId;
use cableview::cable::EntityKind;
use cableview::search_index::{self, SearchIndex, document_text};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/release.csv");
const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");

/// An index of `paths` in a temporary folder, every input read.
pub(crate) fn build<P: AsRef<Path>>(paths: &[P]) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.as_ref().to_path_buf()).collect();
    let report = search_index::update(
        &dir.path().join("ix"),
        &paths,
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let index = SearchIndex::open(&dir.path().join("ix")).unwrap();
    (dir, index)
}

/// Whether `word` stands in `text` as a whole word, any case: what `rg -iw` finds.
fn has_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn a_word_finds_the_cables_a_text_match_finds() {
    let (_dir, index) = build(&[FIXTURE]);
    let cables: Vec<_> = cableview::input::load_paths(&[PathBuf::from(FIXTURE)]).cables;
    assert_eq!(cables.len(), 304);
    for word in [
        "hezbollah",
        "Container",
        "paris",
        "U",
        "s",
        "coup",
        "Mugabe",
        "1.4",
        "été",
        "zzzqx",
    ] {
        let expected: BTreeSet<CableId> = cables
            .iter()
            .filter(|(_, c)| word.split('.').all(|w| has_word(&document_text(c), w)))
            .map(|(_, c)| c.id.clone().unwrap())
            .collect();
        let found: BTreeSet<CableId> = index
            .search(word, 10_000)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
        if word.contains('.') {
            // `1.4` is the phrase `1 4`: within the cables holding both words.
            assert!(found.is_subset(&expected) && !found.is_empty(), "{word}");
        } else {
            assert_eq!(found, expected, "{word}");
        }
    }
}

#[test]
fn apostrophes_and_abbreviations_split_into_words() {
    let (_dir, index) = build(&[FIXTURE]);
    let possessive = index.search("Hezbollah's", 1000).unwrap();
    let word = index.search("hezbollah", 1000).unwrap();
    assert!(possessive.len() <= word.len());
    let us = index.search("U.S.", 1000).unwrap();
    assert!(!us.is_empty());
    for hit in &us {
        let marked: Vec<&str> = hit
            .highlights
            .iter()
            .map(|r| &hit.snippet[r.clone()])
            .collect();
        assert!(
            marked
                .iter()
                .all(|m| m.eq_ignore_ascii_case("u") || m.eq_ignore_ascii_case("s")),
            "{marked:?}"
        );
    }
}

#[test]
fn facets_count_the_cables_of_a_query() {
    let (_dir, index) = build(&[FIXTURE]);
    let all = index.facets("").unwrap();
    assert_eq!(all.total, 304);
    let by_level: u64 = all.classification.iter().map(|(_, n)| n).sum();
    assert_eq!(
        by_level, 304,
        "every fixture cable has a level: {:?}",
        all.classification
    );
    let years: Vec<&str> = all.year.iter().map(|(y, _)| y.as_str()).collect();
    let mut sorted = years.clone();
    sorted.sort_unstable();
    assert_eq!(years, sorted, "years oldest first");
    let paris = index.facets("origin:\"Embassy Paris\"").unwrap();
    assert_eq!(paris.origin.len(), 1);
    assert_eq!(paris.origin[0], ("Embassy Paris".to_string(), paris.total));
    let tagged = index.facets("tag:PTER").unwrap();
    assert!(
        tagged
            .tag
            .iter()
            .any(|(t, n)| t == "PTER" && *n == tagged.total)
    );
}

#[test]
fn entities_links_rows_and_bodies_come_from_the_index() {
    let (_dir, index) = build(&[ANNOTATED]);
    let naming = index
        .cables_naming(&EntityKind::Per, "djamel beghal")
        .unwrap();
    assert_eq!(
        naming.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["04PARIS8983"]
    );
    let facets = index.facets("").unwrap();
    let (kind, top) = &facets.entities[2];
    assert_eq!(*kind, EntityKind::Loc);
    assert!(!top.is_empty());
    let rows = index.all().unwrap();
    assert_eq!(rows.len() as u64, index.len());
    let paris = rows.iter().find(|r| r.id == "04PARIS8983").unwrap();
    assert!(paris.paragraphs > 0 && paris.subject.is_some());
    let cable = index.load_cable(&CableId::new("04PARIS8983")).unwrap();
    assert_eq!(cable.id.as_deref(), Some("04PARIS8983"));
    assert!(!cable.entities.is_empty(), "parsed again from its file");
    // Every cited-by row's cable has a REF naming the cable.
    for row in &rows {
        for citing in index.cited_by(&row.id).unwrap() {
            assert_ne!(citing.id, row.id);
        }
    }
}

#[test]
fn a_csv_row_is_read_again_when_opened() {
    let (_dir, index) = build(&[FIXTURE]);
    let cable = index.load_cable(&CableId::new("00HARARE6677")).unwrap();
    assert_eq!(cable.header.origin.as_deref(), Some("Embassy Harare"));
    assert!(cable.paragraphs.len() > 3);
    assert!(index.load_cable(&CableId::new("99NOWHERE1")).is_err());
    let cited = index.cited_by(&CableId::new("00HARARE6584")).unwrap();
    assert_eq!(
        cited.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["00HARARE6677"]
    );
    assert!(Path::new(FIXTURE).exists());
}

#[test]
fn a_cable_held_in_its_text_and_its_page_is_one_hit() {
    const RAW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/raw");
    let (_dir, index) = build(&[ANNOTATED, RAW]);
    let hits = index.search("terrorism", 1_000).unwrap();
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    let distinct: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), distinct.len(), "{ids:?}");
    // Both files of 04PARIS8983 say it; the cable is found once, and the limit counts
    // cables, not files.
    assert!(distinct.contains("04PARIS8983"));
    assert_eq!(index.search("terrorism", 3).unwrap().len(), 3);
    // One document per cable: the total counts cables too.
    assert_eq!(
        index.ranked("terrorism", 1_000).unwrap().total,
        ids.len() as u64
    );
}

/// The cables a query finds, each once.
fn found(index: &SearchIndex, query: &str) -> BTreeSet<CableId> {
    index
        .search(query, 1_000)
        .unwrap()
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn and_not_excludes_as_not_does() {
    let (_dir, index) = build(&[ANNOTATED]);
    let ids = |q: &str| found(&index, q);
    let without = ids("france NOT hezbollah");
    assert!(!without.is_empty());
    assert_eq!(ids("france AND NOT hezbollah"), without);
    assert_eq!(ids("france -hezbollah"), without);
    assert!(without.len() < ids("france").len());
}

#[test]
fn a_word_right_after_a_phrase_is_a_word_of_its_own() {
    let (_dir, index) = build(&[ANNOTATED]);
    let ids = |q: &str| found(&index, q);
    let spaced = ids("\"container security\" initiative");
    assert!(!spaced.is_empty());
    assert_eq!(ids("\"container security\"initiative"), spaced);
}

#[test]
fn the_words_to_show_leave_out_those_a_query_excludes() {
    let (_dir, index) = build(&[ANNOTATED]);
    assert_eq!(index.words("terrorism NOT iran").unwrap(), ["terrorism"]);
    assert_eq!(index.words("terrorism -iran").unwrap(), ["terrorism"]);
    let words = index.words("\"container security\" OR iran").unwrap();
    assert_eq!(words, ["container", "security", "iran"]);
}

#[test]
fn a_hit_without_a_match_in_the_text_opens_on_its_summary_or_paragraphs_not_its_header() {
    // `tag:PTER` matches no word of the text: the snippet is the cable's summary, or
    // without one the text's opening, which for a raw CSV row must not be its header
    // lines (read again from the row, the index storing no text).
    let (_dir, index) = build(&[FIXTURE]);
    let cables: std::collections::HashMap<CableId, String> =
        cableview::input::load_paths(&[PathBuf::from(FIXTURE)])
            .cables
            .iter()
            .map(|(_, c)| {
                let shown = c.header.summary.clone();
                let shown = shown.unwrap_or_else(|| search_index::reading_text(c));
                (c.id.clone().unwrap(), shown)
            })
            .collect();
    let hits = index.search("tag:PTER", 1000).unwrap();
    assert!(hits.len() > 5);
    // 72TEHRAN5055's summary (`SUMMARY: FOLLOWING ASSASSINATION ... END SUMMARY`).
    let tehran = hits.iter().find(|h| h.id == "72TEHRAN5055").unwrap();
    assert!(
        tehran
            .snippet
            .starts_with("FOLLOWING ASSASSINATION OF GENERAL")
    );
    for hit in hits.iter().filter(|h| h.highlights.is_empty()) {
        assert!(
            !hit.snippet.contains("TAGS:"),
            "{}: {}",
            hit.id,
            hit.snippet
        );
        let text = &cables[&hit.id];
        assert!(
            text.starts_with(hit.snippet.trim_end()),
            "{}: {}",
            hit.id,
            hit.snippet
        );
    }
}

#[test]
fn to_and_info_find_the_cables_routed_to_a_recipient() {
    let pages = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/raw-more");
    let files = [
        "01PARIS11204.html",
        "00THEHAGUE1695.html",
        "02ANKARA8305.html",
    ];
    let paths: Vec<PathBuf> = files.iter().map(|f| Path::new(pages).join(f)).collect();
    let (_dir, index) = build(&paths);
    let ids = |list: &[&str]| {
        list.iter()
            .map(|s| CableId::new(*s))
            .collect::<BTreeSet<_>>()
    };
    // 01PARIS11204 went TO SECSTATE WASHDC, with AMEMBASSY ROME among its INFO posts.
    assert_eq!(
        found(&index, "info:\"amembassy rome\""),
        ids(&["01PARIS11204"])
    );
    assert!(found(&index, "to:washdc").contains("01PARIS11204"));
    assert!(!found(&index, "to:rome").contains("01PARIS11204"));
    // Every cable found by `to:` names the recipient in its TO list.
    let cables = cableview::input::load_paths(&paths).cables;
    let expected: BTreeSet<CableId> = cables
        .iter()
        .filter(|(_, c)| c.header.to.iter().any(|r| has_word(r, "washdc")))
        .map(|(_, c)| c.id.clone().unwrap())
        .collect();
    assert_eq!(found(&index, "to:washdc"), expected);
}
