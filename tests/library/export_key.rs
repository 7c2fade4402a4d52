//! `e` in the library on a corpus index: a picker of what to write, the folder, a
//! question before writing over files; the export runs on a thread, its progress and
//! result on the status line; a search's every match is exported, not only the rows
//! the table lists.

use crate::drive::Driver;
use cableview::library::Library;
use cableview::library::bundle::{Bundle, Selection};
use cableview::search_index::{self, SearchIndex};
use cableview::session::action::Action;
use cableview::session::export::ExportPrompt;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use cableview::session::{Effect, Session};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::atomic::AtomicBool;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// An index of the annotated fixtures and their pages, and a session on it.
fn indexed() -> (tempfile::TempDir, Driver) {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("ix");
    let inputs = [
        Path::new(FIXTURES).join("annotated"),
        Path::new(FIXTURES).join("raw"),
    ];
    let off = cableview::cable::Tagging::Off;
    search_index::update_tagged(&at, &inputs, off, &|_| {}, &AtomicBool::new(false))
        .expect("indexed");
    let library =
        Library::from_index(SearchIndex::open(&at).unwrap().with_tagging(off)).expect("a library");
    let mut session = Session::new(library, ReaderOptions::default());
    session.update(Message::Resize(90, 20));
    (dir, Driver::new(session))
}

fn screen(session: &Session) -> String {
    let mut terminal = Terminal::new(TestBackend::new(session.size.0, session.size.1)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(session, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

fn type_text(driver: &mut Driver, text: &str) {
    for c in text.chars() {
        driver.press(Message::Type(c));
    }
}

/// Ticks until the export has ended, as the event loop does while it runs.
fn wait(driver: &mut Driver) {
    for _ in 0..500 {
        if !driver.is_exporting() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        driver.press(Message::Tick);
    }
    panic!("the export did not end");
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn e_exports_every_match_of_the_search_as_cables_in_a_folder() {
    let (dir, mut driver) = indexed();
    driver.press(Action::Filter);
    type_text(&mut driver, "paris");
    driver.press(Action::Open);
    let shown = driver.table().rows().len();
    driver.press(Action::Export);
    insta::assert_snapshot!("export_picker_90x20", screen(&driver));
    // The second choice: the cables as JSON.
    driver.press(Action::Down);
    driver.press(Action::Open);
    let out = dir.path().join("out");
    type_text(&mut driver, out.to_str().unwrap());
    let effects = driver.press(Action::Open);
    assert!(
        effects.contains(&Effect::Export {
            selection: Selection::Query("paris".into()),
            bundle: Bundle::Cables(cableview::export::Format::Json),
            dir: Some(out.clone()),
            overwrite: false,
        }),
        "{effects:?}"
    );
    assert!(driver.is_exporting(), "it runs on a thread");
    wait(&mut driver);
    let written = files_in(&out);
    assert_eq!(written.len(), shown, "one file per cable: {written:?}");
    assert!(written.iter().all(|n| n.ends_with(".json")));
    let notice = driver.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with(&format!("exported {shown} cables to ")),
        "{notice}"
    );
}

#[test]
fn e_asks_before_writing_over_a_folder_holding_files() {
    let (dir, mut driver) = indexed();
    let out = dir.path().join("kept");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("rows.csv"), "mine\n").unwrap();
    driver.press(Action::Export);
    driver.press(Action::Open); // the rows as CSV
    type_text(&mut driver, out.to_str().unwrap());
    driver.press(Action::Open);
    assert!(
        matches!(driver.export_prompt(), Some(ExportPrompt::Overwrite { .. })),
        "{:?}",
        driver.export_prompt()
    );
    assert!(!driver.is_exporting());
    let shown = screen(&driver);
    assert!(shown.contains("holds files already"), "{shown}");
    assert!(shown.contains("y writes over them"), "{shown}");
    // Any key but y keeps the files.
    driver.press(Message::Type('n'));
    assert_eq!(
        std::fs::read_to_string(out.join("rows.csv")).unwrap(),
        "mine\n"
    );
    assert_eq!(driver.notice.as_deref(), Some("nothing exported"));
    // y writes over them: every row of the table, none of its own search.
    driver.press(Action::Export);
    driver.press(Action::Open);
    type_text(&mut driver, out.to_str().unwrap());
    driver.press(Action::Open);
    driver.press(Message::Type('y'));
    wait(&mut driver);
    let csv = std::fs::read_to_string(out.join("rows.csv")).unwrap();
    assert!(csv.starts_with("id,date,origin,classification,subject,score\n"));
    assert_eq!(csv.lines().count(), 1 + driver.table().rows().len());
}

#[test]
fn esc_closes_the_prompt_and_nothing_is_asked() {
    let (_dir, mut driver) = indexed();
    driver.press(Action::Export);
    let effects = driver.press(Action::Cancel);
    assert!(effects.is_empty());
    assert_eq!(driver.export_prompt(), None);
}

#[test]
fn the_list_of_what_to_export_moves_with_j_and_k_and_q_does_not_quit() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (_dir, mut driver) = indexed();
    driver.press(Action::Export);
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(driver.action_for_key(&key('j')), Some(Action::Down.into()));
    assert_eq!(driver.action_for_key(&key('k')), Some(Action::Up.into()));
    assert_ne!(driver.action_for_key(&key('q')), Some(Action::Quit.into()));
    driver.press(Action::Down);
    driver.press(Action::Open);
    // In the folder's line, letters are typed, `j` included.
    assert_eq!(driver.action_for_key(&key('j')), Some(Message::Type('j')));
}

/// The screen's last row: the status line.
fn footer(driver: &Driver) -> String {
    screen(driver)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_prompt_shows_its_own_keys_and_marks_a_cut_list() {
    let (_dir, mut driver) = indexed();
    driver.press(Message::Resize(40, 10));
    driver.press(Action::Export);
    let shown = screen(&driver);
    insta::assert_snapshot!("export_picker_40x10", shown);
    // The table's keys do not work while the prompt is open; its own are shown.
    let keys = footer(&driver);
    assert!(!keys.contains("search"), "{shown}");
    assert!(keys.contains("enter chooses"), "{shown}");
    assert!(keys.contains("esc closes"), "{shown}");
    // Six of the twelve choices fit: the border says more are below, then above.
    assert!(shown.contains("↓ 6 more"), "{shown}");
    for _ in 0..11 {
        driver.press(Action::Down);
    }
    let shown = screen(&driver);
    assert!(shown.contains("↑ 6 above"), "{shown}");
    assert!(!shown.contains("more"), "{shown}");
    // The folder's step: enter exports.
    driver.press(Action::Open);
    let keys = footer(&driver);
    assert!(keys.contains("enter exports"), "{}", screen(&driver));
    // Closed, the table's keys come back.
    driver.press(Action::Cancel);
    assert!(footer(&driver).contains("search"), "{}", screen(&driver));
}
