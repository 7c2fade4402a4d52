//! The library on a corpus index: the table of every indexed cable from the index's
//! columns, each cable read from the index when it opens, the filter over its columns.

use crate::drive::Driver;
use cableview::cable::CableId;
use cableview::library::Library;
use cableview::search_index::{self, SearchIndex};
use cableview::session::Session;
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");

/// A session on an index of the annotated fixtures, at 120x30.
fn indexed() -> (tempfile::TempDir, Driver, u64) {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("ix");
    let report = search_index::update(
        &at,
        &[PathBuf::from(ANNOTATED)],
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("indexed");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let index = SearchIndex::open(&at).expect("opens");
    let count = index.len();
    let library = Library::from_index(index).expect("a library");
    let mut session = Session::new(library, ReaderOptions::default());
    session.update(Message::Resize(120, 30));
    (dir, Driver::new(session), count)
}

#[test]
fn the_table_lists_every_indexed_cable_and_opens_one_from_the_index() {
    let (_dir, mut driver, count) = indexed();
    assert!(count > 30, "{count}");
    assert_eq!(driver.library.len() as u64, count);
    assert_eq!(driver.table().rows().len() as u64, count);
    assert!(
        driver.screen().contains("04PARIS8983"),
        "{}",
        driver.screen()
    );
    // The filter sees the indexed columns: ID, subject, origin, TAGS.
    driver.press(Action::Filter);
    for c in "annual terrorism report".chars() {
        driver.press(Message::Type(c));
    }
    driver.press(Action::Open);
    assert_eq!(driver.table().rows().len(), 1, "{}", driver.screen());
    // Opening it reads the body from the index: paragraphs and entities come back.
    driver.press(Action::Open);
    assert!(driver.view().reader().is_some());
    let app = driver.app();
    let file = std::fs::read_dir(ANNOTATED)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("04PARIS8983"))
        .expect("the fixture");
    let parsed = cableview::input::load(&file).expect("the fixture parses");
    assert_eq!(app.cable().id.as_deref(), Some("04PARIS8983"));
    assert_eq!(app.cable().paragraphs.len(), parsed.paragraphs.len());
    assert_eq!(app.cable().entities.len(), parsed.entities.len());
    assert!(!app.cable().entities.is_empty());
    assert!(
        driver.screen().contains("ANNUAL TERRORISM REPORT"),
        "{}",
        driver.screen()
    );
}

#[test]
fn a_folder_and_its_index_show_the_same_rows_and_cables() {
    // The WikiLeaks pages beside the annotated texts: two files of each cable, the
    // pages indexed first.
    let paths = [
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/raw")),
        PathBuf::from(ANNOTATED),
    ];
    // Tagged, as by default: the index records whose mentions a file holds, so a page
    // the tagger read never outranks its annotated text, here as in the folder.
    let folder = Library::load_limited(
        &paths,
        cableview::input::LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    );
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("ix");
    search_index::update(&at, &paths, &|_| {}, &AtomicBool::new(false)).expect("indexed");
    let indexed = Library::from_index(SearchIndex::open(&at).unwrap()).unwrap();
    assert_eq!(indexed.len(), folder.len());
    let mut counted = 0;
    for row in folder.rows() {
        let at = indexed
            .find_id(&CableId::new(row.id.as_str()))
            .unwrap_or_else(|| panic!("{}", row.id));
        // Mentions, and the page's date and origin merged into the text's row.
        assert_eq!(indexed.row(at).unwrap(), row);
        counted += usize::from(row.mentions > 0);
    }
    assert!(counted > 30, "{counted} cables with mentions");
    // Opened from the index, a cable of two files is its annotated text with the page's
    // header fields and text, as in the folder.
    let id = CableId::new("04PARIS8983");
    let from_index = indexed.open(indexed.find_id(&id).unwrap()).unwrap();
    let from_folder = folder.open(folder.find_id(&id).unwrap()).unwrap();
    assert_eq!(from_index.entities.len(), from_folder.entities.len());
    assert!(!from_index.entities.is_empty());
    assert_eq!(from_index.header, from_folder.header);
    assert_eq!(from_index.source_name, from_folder.source_name);
    let names = |c: &cableview::cable::Cable| -> Vec<String> {
        c.other_sources.iter().map(|s| s.name.clone()).collect()
    };
    assert_eq!(names(&from_index), ["04PARIS8983.html"]);
    assert_eq!(names(&from_index), names(&from_folder));
}

/// The title line, the screen's first row.
fn title(driver: &Driver) -> String {
    driver
        .screen()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_query_the_index_cannot_run_shows_no_count_in_the_title() {
    let (_dir, mut driver, count) = indexed();
    let all = format!("{count} of {count} cables");
    assert!(title(&driver).contains(&all), "{}", title(&driver));
    // Typed fast: only the last key's query reaches the index, as the event loop
    // supersedes the others, and it cannot run.
    driver.press(Action::Filter);
    let typed = "per:\"unclosed";
    let (last, first) = (typed.chars().last().unwrap(), &typed[..typed.len() - 1]);
    for c in first.chars() {
        driver.session.update(Message::Type(c));
    }
    driver.press(Message::Type(last));
    let screen = driver.screen();
    assert!(driver.table().query_error().is_some(), "{screen}");
    let top = title(&driver);
    assert!(!top.contains(&all), "a count of no query: {screen}");
    assert!(top.contains("the query cannot run"), "{screen}");
    assert!(top.contains("/per:\"unclosed"), "{screen}");
    // Typed slowly, the rows of an earlier query stay; their count is not this one's.
    driver.press(Action::Cancel);
    driver.press(Action::Cancel);
    driver.press(Action::Filter);
    for c in "terrorism \"x".chars() {
        driver.press(Message::Type(c));
    }
    let screen = driver.screen();
    assert!(!title(&driver).contains("match"), "{screen}");
    assert!(title(&driver).contains("the query cannot run"), "{screen}");
    // Mended, the query runs and the count comes back.
    driver.press(Message::Backspace);
    driver.press(Message::Backspace);
    assert!(title(&driver).contains("match"), "{}", driver.screen());
}
