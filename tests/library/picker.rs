//! Filters by class and TAG: `T` opens a fuzzy picker of the TAGs in use (counts, names
//! from the TAGS table), `enter` filters by one, the title names every active filter and
//! one `esc` clears them all.

use crate::drive::Press;
use cableview::library::Library;
use cableview::session::Session;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn library(w: u16, h: u16) -> Session {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = [root.join("tests/fixtures/annotated")];
    let library = Library::load(&paths, &|_| {}, &AtomicBool::new(false));
    let mut session = Session::new(library, ReaderOptions::default());
    session.press(Message::Resize(w, h));
    session
}

fn screen(session: &Session) -> String {
    let mut terminal = Terminal::new(TestBackend::new(session.size.0, session.size.1)).unwrap();
    terminal
        .draw(|frame| cableview::ui::draw(frame, session))
        .unwrap();
    terminal.backend().to_string()
}

/// Presses a key as the terminal sends it.
fn key(session: &mut Session, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = session.action_for_key(&event) {
        session.press(action);
    }
}

fn typed(session: &mut Session, text: &str) {
    for c in text.chars() {
        key(session, KeyCode::Char(c));
    }
}

#[test]
fn t_picks_a_tag_by_its_name_and_the_title_says_so() {
    let mut s = library(80, 24);
    let tags = s.library.tags();
    key(&mut s, KeyCode::Char('T'));
    let picker = s.picker().expect("T opens the picker");
    assert_eq!(picker.items.len(), tags.len());
    let text = screen(&s);
    assert!(
        text.contains(&format!("TAGs: {0} of {0}", tags.len())),
        "{text}"
    );
    // Most used first, with its count and its name.
    let (top, count) = &tags[0];
    let name = cableview::tags::lookup(top).unwrap().name;
    let line = format!("{top}  {count:>3}  {name}");
    assert!(text.contains(&line), "{line}\n{text}");
    // Letters type into the query, not the table's keys (`s` would sort, `q` quit).
    typed(&mut s, "terrorists");
    assert_eq!(s.table().query().sort, cableview::library::Column::Id);
    let text = screen(&s);
    insta::assert_snapshot!("tag_picker_80x24", text);
    let picked = s.picker().unwrap().selected().unwrap().code.clone();
    assert_eq!(picked, "PTER", "PTER is Terrorists and Terrorism");
    key(&mut s, KeyCode::Enter);
    assert!(s.picker().is_none());
    assert_eq!(s.table().query().tag.as_deref(), Some("PTER"));
    assert!(!s.table().rows().is_empty());
    assert!(
        s.table()
            .rows()
            .iter()
            .all(|&c| s.library.tags_of(c).iter().any(|t| t == "PTER"))
    );
    let title = screen(&s).lines().next().unwrap().to_string();
    assert!(title.contains("· TAG PTER (esc clears)"), "{title}");
}

#[test]
fn esc_closes_the_picker_without_a_change_and_then_clears_every_filter() {
    let mut s = library(120, 30);
    let all = s.table().rows().len();
    key(&mut s, KeyCode::Char('c'));
    key(&mut s, KeyCode::Char('T'));
    typed(&mut s, "pgov");
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "a");
    key(&mut s, KeyCode::Enter);
    let title = screen(&s).lines().next().unwrap().to_string();
    assert!(
        title.contains("· class UNCLASSIFIED · TAG PGOV · /a (esc clears)"),
        "{title}"
    );
    assert!(s.table().rows().len() < all);
    // The picker's esc leaves the filters as they were.
    key(&mut s, KeyCode::Char('T'));
    typed(&mut s, "fr");
    key(&mut s, KeyCode::Esc);
    assert!(s.picker().is_none());
    assert_eq!(s.table().query().tag.as_deref(), Some("PGOV"));
    // One esc on the table clears text, class and TAG.
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.table().rows().len(), all);
    let title = screen(&s).lines().next().unwrap().to_string();
    assert!(
        !title.contains("class") && !title.contains("TAG"),
        "{title}"
    );
    assert!(!title.contains("clears"), "{title}");
}

#[test]
fn a_query_nothing_matches_says_so_and_enter_changes_nothing() {
    let mut s = library(80, 24);
    key(&mut s, KeyCode::Char('T'));
    typed(&mut s, "zqxjv");
    assert!(screen(&s).contains("no TAG matches"));
    key(&mut s, KeyCode::Enter);
    assert!(s.picker().is_none());
    assert_eq!(s.table().query().tag, None);
    // Tiny terminals draw without panic.
    key(&mut s, KeyCode::Char('T'));
    for (w, h) in [(1, 1), (20, 5), (30, 6), (80, 24)] {
        s.press(Message::Resize(w, h));
        let _ = screen(&s);
    }
}
