//! Keys a user's config gives the reader keep working in a library session: the library's
//! default on the same key gives way, the library action keeps its other keys, and help
//! and hints show only the keys actually bound.

use crate::drive::Press;
use cableview::library::Library;
use cableview::session::Session;
use cableview::session::action::Action;
use cableview::session::help::HelpRow;
use cableview::session::keymap::Keymap;
use cableview::session::message::Message;
use cableview::session::reader::{Reader, ReaderOptions};
use cableview::shell::config::Config;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn options(config: &str) -> ReaderOptions {
    let config = Config::parse(config, "config.toml").expect("the config parses");
    ReaderOptions {
        keymap: Keymap::from_overrides(&config.keys).expect("the keys load"),
        ..ReaderOptions::default()
    }
}

/// A library of the fixtures with 09PARIS1426 open and LOC "France" selected (named by
/// other cables too).
fn library_reader(config: &str) -> Session {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let library = Library::load(&[fixtures], &|_| {}, &AtomicBool::new(false));
    let mut b = Session::new(library, options(config));
    b.press(Message::Resize(120, 40));
    b.press(Action::Filter);
    for c in "09paris1426".chars() {
        b.press(Message::Type(c));
    }
    b.press(Action::Open);
    b.press(Action::Open);
    assert!(b.view().reader().is_some());
    let app = &mut b.reader_mut().expect("a reader");
    let france = app
        .cable()
        .entities
        .iter()
        .position(|e| e.name == "France")
        .expect("France is named");
    app.select_entity(france, true);
    b
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn char_key(c: char) -> KeyEvent {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

/// The keys a help row gives the action whose doc starts with `what`.
fn help_keys(rows: &[HelpRow], what: &str) -> Option<String> {
    rows.iter().find_map(|row| match row {
        HelpRow::Binding { keys, doc } if doc.starts_with(what) => Some(keys.clone()),
        _ => None,
    })
}

fn screen(b: &Session) -> String {
    let mut terminal = Terminal::new(TestBackend::new(b.size.0, b.size.1)).expect("terminal");
    terminal
        .draw(|frame| frame.render_widget(b, frame.area()))
        .expect("draw");
    terminal.backend().to_string()
}

const QUIT_ON_X: &str = "[keys]\nquit = [\"x\", \"ctrl-c\"]\n";

#[test]
fn a_config_quitting_on_x_loads_and_x_quits_the_reader_alone() {
    let mut app = Reader::new(cableview::input::sample(), options(QUIT_ON_X));
    app.update(Message::Resize(120, 40));
    assert_eq!(
        app.action_for_key(&char_key('x')),
        Some(Action::Quit.into())
    );
    assert_eq!(app.update(Action::Quit), [cableview::session::Effect::Quit]);
}

#[test]
fn in_a_library_x_quits_too_and_other_cables_shows_unbound() {
    let mut b = library_reader(QUIT_ON_X);
    assert_eq!(b.action_for_key(&char_key('x')), Some(Action::Quit.into()));
    // The status line's hints say so, and say nothing of a key no longer listing cables.
    let text = screen(&b);
    assert!(text.contains("x quit"), "{text}");
    assert!(!text.contains("x to list"), "{text}");
    assert!(!text.contains("other cables · x"), "{text}");

    // The reader's help lists the move with no key; so does the library's.
    let app = &b.reader().expect("a reader");
    let rows = cableview::session::help::reader_lines(&app.options().keymap, app.in_library());
    assert_eq!(help_keys(&rows, "quit").as_deref(), Some("x, ctrl-c"));
    assert_eq!(
        help_keys(&rows, "the other cables naming").as_deref(),
        Some("")
    );
    let rows = cableview::session::help::library_lines(b.keymap());
    assert_eq!(
        help_keys(&rows, "the other cables naming").as_deref(),
        Some("")
    );
    b.press(Action::Back);
    b.press(Action::Help);
    let text = screen(&b);
    assert!(
        text.contains("(unbound)  the other cables naming"),
        "{text}"
    );
    b.press(Action::Help);

    b.press(Action::Open);
    assert!(b.view().reader().is_some());
    let x = b.action_for_key(&char_key('x')).expect("an action");
    assert!(
        b.press(x).contains(&cableview::session::Effect::Quit),
        "x quits the library session"
    );
}

#[test]
fn a_library_action_keeps_a_key_of_its_own() {
    let config = "[keys]\nquit = [\"x\"]\n\n[keys.library]\nother_cables = [\"o\"]\n";
    let mut b = library_reader(config);
    assert_eq!(b.action_for_key(&char_key('x')), Some(Action::Quit.into()));
    assert_eq!(
        b.action_for_key(&char_key('o')),
        Some(Action::OtherCables.into())
    );
    b.press(Action::OtherCables);
    let list = b.cable_list().expect("the list of other cables");
    assert!(list.title.starts_with("France in "), "{}", list.title);
    assert!(!list.items.is_empty(), "France is named in other cables");
}

#[test]
fn ctrl_n_on_a_reader_action_leaves_jump_forward_its_other_key() {
    let config = "[keys]\nnext_paragraph = [\"]\", \"ctrl-n\"]\n";
    let b = library_reader(config);
    let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(
        b.action_for_key(&ctrl('n')),
        Some(Action::NextParagraph.into())
    );
    assert_eq!(
        b.action_for_key(&ctrl('i')),
        Some(Action::JumpForward.into())
    );
    assert_eq!(b.keymap().describe_library(&Action::JumpForward), "ctrl-i");
}

#[test]
fn a_users_move_key_takes_the_readers_default_in_the_library_only() {
    let config = "[keys.library]\nback = [\"n\"]\n";
    let b = library_reader(config);
    assert_eq!(b.action_for_key(&char_key('n')), Some(Action::Back.into()));
    let app = &b.reader().expect("a reader");
    let rows = cableview::session::help::reader_lines(&app.options().keymap, app.in_library());
    assert_eq!(help_keys(&rows, "next match").as_deref(), Some(""));
    // A cable read alone keeps n for the next match.
    let alone = Reader::new(cableview::input::sample(), options(config));
    assert_eq!(
        alone.action_for_key(&char_key('n')),
        Some(Action::NextMatch.into())
    );
}

#[test]
fn help_titles_name_the_keys_bound() {
    let config = "[keys]\ncancel = [\"ctrl-g\"]\n[keys.library]\ncancel = [\"ctrl-g\"]\n";
    let mut b = library_reader(config);
    b.press(Action::Help);
    assert!(screen(&b).contains(" Keys · ctrl-g closes · j/k scroll "));
    b.press(Action::Help);
    b.press(Action::Back);
    b.press(Action::Help);
    assert!(screen(&b).contains(" Keys · ctrl-g closes · j/k scroll "));
}
