//! The library on a corpus index answered by the index: `/` searches the full text as
//! the user types (ranked rows, the selected row's snippet, the words highlighted in the
//! cable opened), and `x`, REF links and cited-by reach every indexed cable.

use crate::drive::Driver;
use cableview::cable::CableId;
use cableview::library::Library;
use cableview::search_index::{self, SearchIndex};
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use cableview::session::{Effect, Session};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// An index of the annotated fixtures and their pages, and a session on it at `w`x`h`.
pub(crate) fn indexed(w: u16, h: u16) -> (tempfile::TempDir, PathBuf, Driver) {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("ix");
    let inputs = [
        Path::new(FIXTURES).join("annotated"),
        Path::new(FIXTURES).join("raw"),
    ];
    // Untagged: a page tagged too would be a second document naming the same entities,
    // which the index counts apart until it keeps one document per cable.
    let off = cableview::cable::Tagging::Off;
    search_index::update_tagged(&at, &inputs, off, &|_| {}, &AtomicBool::new(false))
        .expect("indexed");
    let library =
        Library::from_index(SearchIndex::open(&at).unwrap().with_tagging(off)).expect("a library");
    let mut session = Session::new(library, ReaderOptions::default());
    session.update(Message::Resize(w, h));
    (dir, at, Driver::new(session))
}

pub(crate) fn type_text(driver: &mut Driver, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| driver.press(Message::Type(c)))
        .collect()
}

/// The IDs of the table's rows, in order.
fn row_ids(driver: &Driver) -> Vec<String> {
    driver
        .table()
        .rows()
        .iter()
        .map(|&c| driver.library.row(c).unwrap().id.clone())
        .collect()
}

#[test]
fn typing_searches_the_full_text_and_ranks_the_rows() {
    let (_dir, at, mut driver) = indexed(110, 30);
    driver.press(Action::Filter);
    let effects = type_text(&mut driver, "terrorism");
    // Each key asks the index (through the loop), never the table's columns.
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Search { query, .. } if query == "terrorism")),
        "{effects:?}"
    );
    let index = SearchIndex::open(&at).unwrap();
    let mut expected: Vec<String> = Vec::new();
    for hit in index.search("terrorism", 1_000).unwrap() {
        let id = hit.id.into_string();
        if !expected.contains(&id) {
            expected.push(id);
        }
    }
    assert!(expected.len() > 3, "{expected:?}");
    assert_eq!(row_ids(&driver), expected, "best first, each cable once");
    let screen = driver.screen();
    assert!(screen.contains("best first"), "{screen}");
    // The selected row's snippet is shown under the table, its matches marked.
    let snippet = driver.table().current_snippet().expect("the snippet came");
    assert!(!snippet.highlights.is_empty());
    let marked = &snippet.text[snippet.highlights[0].clone()];
    assert!(marked.eq_ignore_ascii_case("terrorism"), "{marked}");
    assert!(screen.contains(&format!("── {} ", expected[0])), "{screen}");
    // `s` sorts the results by each column in turn, then comes back to their ranking.
    driver.press(Action::Open);
    driver.press(Action::NextSort);
    assert!(driver.screen().contains("sort ID"), "{}", driver.screen());
    assert_ne!(row_ids(&driver), expected);
    for _ in 0..cableview::library::Column::ALL.len() {
        driver.press(Action::NextSort);
    }
    assert!(
        driver.screen().contains("best first"),
        "{}",
        driver.screen()
    );
    assert_eq!(row_ids(&driver), expected);
    driver.press(Action::Filter);
    // A word the subject alone has is found in the text too; a word no cable has, none.
    driver.press(Action::Cancel);
    driver.press(Action::Filter);
    type_text(&mut driver, "xyzzyplugh");
    assert!(driver.table().rows().is_empty());
    assert!(driver.screen().contains("no cable matches"));
}

#[test]
fn a_cable_opened_from_the_results_shows_the_words_and_n_walks_them() {
    let (_dir, _at, mut driver) = indexed(110, 30);
    driver.press(Action::Filter);
    type_text(&mut driver, "hezbollah");
    driver.press(Action::Open);
    driver.press(Action::Open);
    assert!(driver.view().reader().is_some());
    let app = driver.app();
    let search = app.search().expect("the words are highlighted");
    assert!(search.hits.len() > 1, "{:?}", search.hits);
    assert_eq!(search.current, Some(0), "on the first");
    let status = driver.screen();
    assert!(
        status.contains(&format!("/hezbollah 1/{}", search.hits.len())),
        "{status}"
    );
    driver.press(Action::NextMatch);
    let search = driver.app().search().unwrap();
    assert_eq!(search.current, Some(1));
    // Found again by its ID, the same cable no longer shows the words of the first query.
    let id = driver.app().cable().id.clone().unwrap();
    driver.press(Action::Back);
    driver.press(Action::Cancel);
    driver.press(Action::Filter);
    type_text(&mut driver, &id.to_lowercase());
    driver.press(Action::Open);
    driver.press(Action::Open);
    assert_eq!(driver.app().cable().id.as_deref(), Some(id.as_str()));
    assert!(
        driver.app().search().is_none(),
        "{:?}",
        driver.app().search()
    );
    assert!(!driver.screen().contains("/hezbollah"));
}

#[test]
fn a_query_error_says_where_and_keeps_the_rows() {
    let (_dir, _at, mut driver) = indexed(110, 30);
    driver.press(Action::Filter);
    type_text(&mut driver, "paris");
    let rows = driver.table().rows().to_vec();
    assert!(!rows.is_empty());
    // An open quote is not a query yet: it says so, and the rows stay.
    type_text(&mut driver, " \"");
    assert_eq!(driver.table().rows(), rows);
    let screen = driver.screen();
    assert!(screen.contains("quote is never closed"), "{screen}");
    // Deleting the wrong part runs the query again.
    driver.press(Message::Backspace);
    driver.press(Message::Backspace);
    assert!(!driver.screen().contains("never closed"));
    assert_eq!(driver.table().rows(), rows);
    // A field the index does not know is named.
    driver.press(Action::Cancel);
    driver.press(Action::Cancel);
    driver.press(Action::Filter);
    type_text(&mut driver, "bogus:x");
    let screen = driver.screen();
    assert!(screen.contains("unknown field `bogus`"), "{screen}");
}

#[test]
fn x_lists_every_indexed_cable_naming_the_entity() {
    let (_dir, at, mut driver) = indexed(110, 30);
    let index = SearchIndex::open(&at).unwrap();
    // An entity several indexed cables name.
    let facets = index.facets("").unwrap();
    let (kind, names) = facets
        .entities
        .iter()
        .find(|(_, names)| names.first().is_some_and(|(_, n)| *n >= 3))
        .expect("an entity in three cables");
    let name = names[0].0.clone();
    let naming: Vec<CableId> = index
        .cables_naming(kind, &name)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    // Open the first of them at that entity, as the sidebar would select it.
    let first = driver.library.find_id(&naming[0]).unwrap();
    driver.select(first);
    driver.press(Action::Open);
    let entity = driver
        .app()
        .cable()
        .entities
        .iter()
        .position(|e| e.kind == *kind && e.name == name)
        .expect("the entity in its cable");
    driver.press(Action::FocusNext);
    while driver.app().focus() != cableview::session::reader::Focus::Entities {
        driver.press(Action::FocusNext);
    }
    driver.press(Action::Top);
    while driver.app().entity_list().entity_at_cursor() != Some(entity) {
        driver.press(Action::Down);
    }
    let effects = driver.press(Action::Activate);
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Lookup(_))),
        "the count comes from the index: {effects:?}"
    );
    let others = naming.len() - 1;
    assert!(
        driver
            .screen()
            .contains(&format!("{name}: in {others} other cables")),
        "{}",
        driver.screen()
    );
    driver.press(Action::OtherCables);
    let list = driver.cable_list().expect("the list");
    let listed: Vec<String> = list
        .items
        .iter()
        .map(|i| driver.library.row(i.cable).unwrap().id.clone())
        .collect();
    let mut expected: Vec<String> = naming[1..].iter().map(ToString::to_string).collect();
    expected.dedup();
    assert_eq!(listed, expected);
    // Enter goes there, at the entity; Ctrl-o comes back.
    driver.press(Action::Open);
    assert_eq!(driver.app().cable().id.as_deref(), Some(naming[1].as_str()));
    let selected = driver
        .app()
        .selected()
        .map(|i| driver.app().cable().entities[i].name.clone());
    assert_eq!(selected.as_deref(), Some(name.as_str()));
    driver.press(Action::JumpBack);
    assert_eq!(driver.app().cable().id.as_deref(), Some(naming[0].as_str()));
}

#[test]
fn ref_links_and_cited_by_come_from_the_index() {
    let (_dir, at, mut driver) = indexed(110, 30);
    let index = SearchIndex::open(&at).unwrap();
    // A cable another indexed cable cites.
    let (cited, citing) = driver
        .library
        .rows()
        .find_map(|row| {
            let id = CableId::new(row.id.as_str());
            let by = index.cited_by(&id).ok()?;
            let other = by.into_iter().find(|r| r.id != id)?;
            Some((id, other.id.into_string()))
        })
        .expect("a cited cable");
    let cable = driver.library.find_id(&cited).unwrap();
    driver.select(cable);
    driver.press(Action::Open);
    driver.press(Action::References);
    let list = driver.cable_list().expect("the list");
    assert!(
        list.items
            .iter()
            .any(|i| i.text == format!("cited by {citing}")),
        "{:?}",
        list.items
    );
    assert!(
        driver.screen().contains(&format!("Cited by {citing}"))
            || driver.screen().contains(&citing)
    );
    // Going to the citing cable, its REF list leads back.
    let to = list
        .items
        .iter()
        .position(|i| i.text == format!("cited by {citing}"))
        .unwrap();
    driver.cable_list_mut().unwrap().cursor.selected = to;
    driver.press(Action::Open);
    assert_eq!(driver.app().cable().id.as_deref(), Some(citing.as_str()));
    driver.press(Action::References);
    let list = driver.cable_list().expect("the list");
    assert!(
        list.items
            .iter()
            .any(|i| i.text.starts_with("REF ") && i.text.ends_with(&format!("→ {cited}"))),
        "{:?}",
        list.items
    );
}

#[test]
fn the_facets_pane_counts_the_search_and_narrows_it() {
    let (_dir, at, mut driver) = indexed(120, 34);
    driver.press(Action::Filter);
    type_text(&mut driver, "terrorism");
    driver.press(Action::Open);
    let effects = driver.press(Action::Facets);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Search { query, facets: true } if query == "terrorism")),
        "{effects:?}"
    );
    let index = SearchIndex::open(&at).unwrap();
    let facets = index.facets("terrorism").unwrap();
    let screen = driver.screen();
    assert!(
        screen.contains(&format!("Facets · {} cables", facets.total)),
        "{screen}"
    );
    let (class, count) = facets.classification[0].clone();
    assert!(screen.contains(&class), "{screen}");
    // Keys move in the pane; enter adds the value's clause to the query.
    driver.press(Action::Open);
    assert_eq!(
        driver.table().query().text,
        format!("terrorism class={class}")
    );
    let narrowed = index.facets(&driver.table().query().text).unwrap();
    assert_eq!(narrowed.total, count);
    assert!(
        driver
            .screen()
            .contains(&format!("Facets · {count} cables")),
        "{}",
        driver.screen()
    );
    let expected: std::collections::BTreeSet<String> = index
        .search(&driver.table().query().text, 1_000)
        .unwrap()
        .into_iter()
        .map(|h| h.id.into_string())
        .collect();
    let shown: std::collections::BTreeSet<String> = row_ids(&driver).into_iter().collect();
    assert_eq!(shown, expected);
    // Enter on the value picked takes it out again.
    driver.press(Action::Open);
    assert_eq!(driver.table().query().text, "terrorism");
    driver.press(Action::Open);
    assert_eq!(
        driver.table().query().text,
        format!("terrorism class={class}")
    );
    // Esc gives the keys back to the table, F takes them again, and F there hides it.
    driver.press(Action::Cancel);
    driver.press(Action::Down);
    assert_eq!(
        driver.table().cursor().selected,
        1.min(driver.table().rows().len() - 1)
    );
    driver.press(Action::Facets);
    driver.press(Action::Facets);
    assert!(!driver.screen().contains("Facets ·"));
}

#[test]
fn facets_on_a_folder_say_they_need_an_index() {
    let library = Library::load(
        &[Path::new(FIXTURES).join("annotated")],
        &|_| {},
        &AtomicBool::new(false),
    );
    let mut session = Session::new(library, ReaderOptions::default());
    session.update(Message::Resize(110, 30));
    let mut driver = Driver::new(session);
    driver.press(Action::Facets);
    assert!(
        driver.screen().contains("facets need a corpus index"),
        "{}",
        driver.screen()
    );
}

#[test]
fn a_cable_found_by_an_entity_opens_at_its_name() {
    let (_dir, at, mut driver) = indexed(110, 30);
    let index = SearchIndex::open(&at).unwrap();
    let facets = index.facets("").unwrap();
    let (_, people) = facets
        .entities
        .iter()
        .find(|(kind, _)| *kind == cableview::cable::EntityKind::Per)
        .unwrap();
    let (name, _) = people
        .iter()
        .find(|(n, _)| n.contains(' ') && n.chars().all(|c| c.is_alphabetic() || c == ' '))
        .expect("a person of two words or more");
    for query in [
        format!("entity:\"{name}\""),
        cableview::session::facets::clause(
            &cableview::session::facets::Section::Entity(cableview::cable::EntityKind::Per),
            name,
        )
        .unwrap(),
    ] {
        driver.press(Action::Cancel);
        driver.press(Action::Filter);
        type_text(&mut driver, &query);
        driver.press(Action::Open);
        assert!(!driver.table().rows().is_empty(), "{query}");
        driver.press(Action::Open);
        let search = driver.app().search().expect("the name is highlighted");
        let first = search.hits.first().expect("a match");
        let said = &driver.app().block_text(first.block)[first.bytes.clone()];
        assert!(
            name.split(' ').any(|w| w.eq_ignore_ascii_case(said)),
            "{said} in {name}"
        );
        assert!(search.hits.len() >= 2, "{query}: {:?}", search.hits);
        driver.press(Action::Back);
    }
}

#[test]
fn the_table_of_an_index_is_read_while_the_screen_says_so() {
    let (_dir, at, _) = indexed(100, 30);
    let index = SearchIndex::open(&at).unwrap();
    let documents = index.len();
    // The load says it is opening the index, then waits for the test's word to read it.
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let loader = cableview::library::LoadHandle::on_thread(move |sender| {
        let _ = sender.send(cableview::library::LoadEvent::OpeningIndex(documents));
        let _ = wait.recv();
        let library = Library::from_index(index).unwrap();
        let _ = sender.send(cableview::library::LoadEvent::Done(Box::new(library)));
    });
    let mut session = Session::loading(Some(loader), ReaderOptions::default());
    session.update(Message::Resize(100, 30));
    // What the loading screen says while the thread reads the table.
    for _ in 0..1_000 {
        session.update(Message::Tick);
        if matches!(session.view(), cableview::session::View::Loading(l) if l.opening_index().is_some())
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| cableview::ui::draw(f, &session)).unwrap();
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains(&format!(
            "Opening the index: the table of {documents} documents"
        )),
        "{screen}"
    );
    go.send(()).unwrap();
    // Then the table, as `cableview --index` shows it.
    for _ in 0..1_000 {
        session.update(Message::Tick);
        if session.view().is_library() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(session.view().is_library());
    let direct = Library::from_index(SearchIndex::open(&at).unwrap()).unwrap();
    assert_eq!(session.library.len(), direct.len());
}

#[test]
fn the_facets_keep_the_rows_and_a_value_taken_out_brings_every_cable_back() {
    let (_dir, _at, mut driver) = indexed(120, 34);
    let all = driver.table().rows().len();
    driver.press(Action::Filter);
    type_text(&mut driver, "terrorism");
    driver.press(Action::Open);
    // Sorted by a column, the cursor on the third row: showing the facets keeps both.
    driver.press(Action::NextSort);
    driver.press(Action::Down);
    driver.press(Action::Down);
    let (rows, cursor) = (
        driver.table().rows().to_vec(),
        driver.table().cursor().selected,
    );
    driver.press(Action::Facets);
    assert_eq!(driver.table().rows(), rows);
    assert_eq!(driver.table().cursor().selected, cursor);
    assert!(driver.screen().contains("sort ID"), "{}", driver.screen());
    // With no words, a value picked then taken out leaves every cable shown.
    driver.press(Action::Cancel);
    driver.press(Action::Cancel);
    assert!(driver.table().query().text.is_empty());
    driver.press(Action::Facets);
    driver.press(Action::Open);
    assert!(driver.table().query().text.starts_with("class="));
    assert!(driver.table().rows().len() < all);
    driver.press(Action::Open);
    assert!(driver.table().query().text.is_empty());
    assert_eq!(driver.table().rows().len(), all, "{}", driver.screen());
    assert!(!driver.screen().contains("match"), "{}", driver.screen());
}
