//! The table at 80x24 and narrower: columns fit the width (the subject takes what is left,
//! columns with nothing to say hide, days in full, posts without `Embassy`), and the
//! status line's keys fit too.

use crate::drive::Press;
use cableview::library::Library;
use cableview::session::Session;
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn library(dir: &str, w: u16, h: u16) -> Session {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let library = Library::load(&[root.join(dir)], &|_| {}, &AtomicBool::new(false));
    let mut session = Session::new(library, ReaderOptions::default());
    session.press(Message::Resize(w, h));
    session
}

fn screen(session: &Session) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(session.size.0, session.size.1)).unwrap();
    terminal
        .draw(|frame| cableview::ui::draw(frame, session))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

/// Where each heading starts on the headings row.
fn heading_at(rows: &[String], title: &str) -> Option<usize> {
    rows[2]
        .split_whitespace()
        .any(|w| w.trim_end_matches(['↑', '↓']) == title)
        .then(|| rows[2].find(title).expect("found above"))
        .map(|byte| rows[2][..byte].chars().count())
}

#[test]
fn annotated_cables_at_80x24_give_the_subject_what_is_left() {
    let s = library("tests/fixtures/annotated", 80, 24);
    let rows = screen(&s);
    insta::assert_snapshot!("annotated_80x24", rows.join("\n"));
    // The ID column is as wide as the longest ID (7575LIBREVILLE1895, 18) plus a space.
    assert_eq!(heading_at(&rows, "Date"), Some(19));
    // ¶ gave way to the subject, which has at least 24 columns before Mentions.
    assert_eq!(heading_at(&rows, "¶"), None, "{}", rows[2]);
    let subject = heading_at(&rows, "Subject").unwrap();
    let after = heading_at(&rows, "Mentions").unwrap();
    assert!(after - subject >= 25, "{}", rows[2]);
    // Every row fits, and the status line names help and quit.
    assert!(rows.iter().all(|r| r.chars().count() <= 80));
    assert!(
        rows[23].contains("? help") && rows[23].contains("q quit"),
        "{}",
        rows[23]
    );
    assert!(rows[23].contains("enter open"), "{}", rows[23]);
}

#[test]
fn pages_at_80x24_show_days_posts_and_no_empty_mentions_column() {
    let s = library("tests/fixtures/raw", 80, 24);
    let rows = screen(&s);
    insta::assert_snapshot!("pages_80x24", rows.join("\n"));
    assert_eq!(heading_at(&rows, "Mentions"), None, "{}", rows[2]);
    let paris = rows.iter().find(|r| r.starts_with("05PARIS2333 ")).unwrap();
    assert!(paris.contains(" 2005-04-07 "), "{paris}");
    assert!(
        paris.contains(" Paris ") && !paris.contains("Embassy"),
        "{paris}"
    );
    // Wide enough, origins keep their prefix and levels their names.
    let s = library("tests/fixtures/raw", 200, 24);
    let rows = screen(&s);
    let paris = rows.iter().find(|r| r.starts_with("05PARIS2333 ")).unwrap();
    assert!(
        paris.contains(" Embassy Paris ") && paris.contains("SECRET"),
        "{paris}"
    );
}

#[test]
fn narrower_still_the_least_useful_columns_go_first() {
    let s = library("tests/fixtures/annotated", 60, 24);
    let rows = screen(&s);
    assert_eq!(heading_at(&rows, "¶"), None, "{}", rows[2]);
    assert!(heading_at(&rows, "Subject").is_some(), "{}", rows[2]);
    assert!(rows[23].contains("? help"), "{}", rows[23]);
    assert!(rows.iter().all(|r| r.chars().count() <= 60));
}

#[test]
fn every_screen_says_the_same_when_the_terminal_is_too_small() {
    // The frame's words, however they wrap.
    let said = |s: &Session| -> String {
        let rows = screen(s);
        rows.iter().map(|r| r.trim()).collect::<Vec<_>>().join(" ")
    };
    let mut s = library("tests/fixtures/annotated", 30, 8);
    let small = "cableview needs at least 40x10; this terminal is 30x8";
    assert!(said(&s).contains(small), "{}", said(&s));
    // The reader on a cable, at the same size, says it in the same words.
    s.press(Action::Open);
    assert!(s.view().reader().is_some());
    assert!(said(&s).contains(small), "{}", said(&s));
    // From the minimum size up, the table is drawn.
    s.press(Action::Back);
    s.press(Message::Resize(40, 10));
    assert!(
        screen(&s)[0].starts_with("cableview library"),
        "{}",
        said(&s)
    );
}
