//! The keymap's tests: the embedded defaults, overrides, both sections and the keys
//! they share.

use super::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use std::collections::BTreeMap;

fn map(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    pairs
        .iter()
        .map(|(a, keys)| {
            (
                (*a).to_string(),
                keys.iter().map(|k| (*k).to_string()).collect(),
            )
        })
        .collect()
}

/// The defaults with these reader actions' keys replaced.
fn with_reader_keys(pairs: &[(&str, &[&str])]) -> Result<Keymap, KeymapError> {
    Keymap::from_overrides(&KeyOverrides {
        reader: map(pairs),
        ..KeyOverrides::default()
    })
}

#[test]
fn the_embedded_keymap_parses_and_binds_every_action() {
    let keymap = Keymap::default();
    for binding in Context::Reader.bindable() {
        assert!(
            !keymap.keys(&binding.action).is_empty(),
            "{} has no key",
            binding.name
        );
    }
    for binding in Context::Library.bindable() {
        assert!(
            !keymap.library_keys(&binding.action).is_empty(),
            "library {} has no key",
            binding.name
        );
    }
    let key = |s| Key::parse(s).unwrap();
    assert_eq!(keymap.action(&key("q")), Some(Action::Quit));
    assert_eq!(keymap.action(&key("ctrl-c")), Some(Action::Quit));
    assert_eq!(keymap.action(&key("]")), Some(Action::NextParagraph));
    assert_eq!(keymap.action(&key("5")), Some(Action::JumpToDigit));
    assert_eq!(keymap.action(&key("space")), Some(Action::PageDown));
    assert_eq!(
        keymap.action(&key("shift-tab")),
        Some(Action::FocusPrevious)
    );
    assert_eq!(keymap.action(&key("G")), Some(Action::Bottom));
}

#[test]
fn terminal_events_match_written_keys() {
    let keymap = Keymap::default();
    let shifted = Key::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(keymap.action(&shifted), Some(Action::Bottom));
    let backtab = Key::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(keymap.action(&backtab), Some(Action::FocusPrevious));
    let ctrl_d = Key::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(keymap.action(&ctrl_d), Some(Action::HalfPageDown));
}

#[test]
fn an_override_replaces_that_actions_defaults() {
    let keymap = with_reader_keys(&[("next_paragraph", &["alt-n", "}"])]).unwrap();
    assert_eq!(keymap.action(&Key::parse("]").unwrap()), None);
    assert_eq!(
        keymap.action(&Key::parse("}").unwrap()),
        Some(Action::NextParagraph)
    );
    assert_eq!(keymap.describe(&Action::NextParagraph), "alt-n, }");
    assert_eq!(
        keymap.action(&Key::parse("[").unwrap()),
        Some(Action::PreviousParagraph)
    );
}

#[test]
fn unknown_actions_and_bad_keys_are_errors() {
    let err = with_reader_keys(&[("fly", &["x"])]).unwrap_err();
    assert_eq!(err.to_string(), "unknown action \"fly\" in keymap");
    let err = with_reader_keys(&[("quit", &["ctrl-nosuch"])]).unwrap_err();
    assert!(
        err.to_string().contains("\"ctrl-nosuch\" for action quit"),
        "{err}"
    );
}

#[test]
fn a_key_on_two_actions_names_both() {
    let err = with_reader_keys(&[("next_theme", &["j"])]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "key j is bound to both down and next_theme"
    );
}

#[test]
fn user_files_are_read_and_checked() {
    assert!(Keymap::from_toml("quit = [\"Q\"]\n").is_ok());
    assert!(matches!(
        Keymap::from_toml("quit = 3"),
        Err(KeymapError::Syntax(_))
    ));
}

#[test]
fn library_keys_have_their_own_section() {
    let keymap = Keymap::default();
    let key = |s| Key::parse(s).unwrap();
    assert_eq!(keymap.library_action(&key("x")), Some(Action::OtherCables));
    assert_eq!(keymap.library_action(&key("R")), Some(Action::References));
    assert_eq!(keymap.library_action(&key("backspace")), Some(Action::Back));
    assert_eq!(
        keymap.library_action(&key("ctrl-o")),
        Some(Action::JumpBack)
    );
    // The same letter means different things in the table and in the reader.
    assert_eq!(keymap.library_action(&key("s")), Some(Action::NextSort));
    assert_eq!(keymap.action(&key("s")), Some(Action::SourceView));
    let overrides = KeyOverrides {
        library: [("next_sort".to_string(), vec!["S".to_string()])].into(),
        ..KeyOverrides::default()
    };
    let keymap = Keymap::from_overrides(&overrides).unwrap();
    assert_eq!(keymap.library_action(&key("S")), Some(Action::NextSort));
    assert_eq!(keymap.library_action(&key("s")), None);
}

#[test]
fn jump_forward_has_a_key_that_is_not_tab() {
    let keymap = Keymap::default();
    let ctrl = |c| Key::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    // With the keyboard enhancement ctrl-i arrives as itself; without it, as tab.
    assert_eq!(keymap.library_action(&ctrl('i')), Some(Action::JumpForward));
    assert_eq!(keymap.library_action(&ctrl('n')), Some(Action::JumpForward));
    let tab = Key::new(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(keymap.library_action(&tab), None);
    assert_eq!(keymap.action(&tab), Some(Action::FocusNext));
    assert_eq!(
        keymap.describe_library(&Action::JumpForward),
        "ctrl-i, ctrl-n"
    );
}

#[test]
fn library_errors_name_the_section() {
    let library = |name: &str, keys: &[&str]| KeyOverrides {
        library: [(
            name.to_string(),
            keys.iter().map(|k| (*k).to_string()).collect(),
        )]
        .into(),
        ..KeyOverrides::default()
    };
    let err = Keymap::from_overrides(&library("fly", &["x"])).unwrap_err();
    assert_eq!(err.to_string(), "unknown action \"library.fly\" in keymap");
    let err = Keymap::from_overrides(&library("reverse", &["s"])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "key s is bound to both library.next_sort and library.reverse"
    );
    let err = Keymap::from_overrides(&library("quit", &["hyper-q"])).unwrap_err();
    assert!(err.to_string().contains("for action library.quit"), "{err}");
    // Table keys may repeat the reader's: they work on another screen.
    assert!(Keymap::from_overrides(&library("next_tag", &["t"])).is_ok());
}

#[test]
fn a_users_reader_key_drops_the_library_default_on_it() {
    let key = |s| Key::parse(s).unwrap();
    // A config from before the library had keys: x quits, everywhere.
    let keymap = with_reader_keys(&[("quit", &["x"])]).unwrap();
    assert_eq!(keymap.action(&key("x")), Some(Action::Quit));
    assert_eq!(keymap.library_action(&key("x")), None);
    assert!(keymap.library_keys(&Action::OtherCables).is_empty());
    let session = keymap.for_library_session();
    assert_eq!(session.action(&key("x")), Some(Action::Quit));
    // A move with another key keeps it.
    let keymap = with_reader_keys(&[("next_paragraph", &["ctrl-n"])]).unwrap();
    assert_eq!(keymap.action(&key("ctrl-n")), Some(Action::NextParagraph));
    assert_eq!(keymap.library_action(&key("ctrl-n")), None);
    assert_eq!(keymap.describe_library(&Action::JumpForward), "ctrl-i");
}

#[test]
fn a_users_move_key_wins_over_the_reader_default_in_a_library_session() {
    let overrides = KeyOverrides {
        library: [("other_cables".to_string(), vec!["n".to_string()])].into(),
        ..KeyOverrides::default()
    };
    let keymap = Keymap::from_overrides(&overrides).unwrap();
    let n = Key::parse("n").unwrap();
    assert_eq!(keymap.library_action(&n), Some(Action::OtherCables));
    // Alone, the reader keeps n; in a library session the move takes it.
    assert_eq!(keymap.action(&n), Some(Action::NextMatch));
    let session = keymap.for_library_session();
    assert_eq!(session.action(&n), None);
    assert!(session.keys(&Action::NextMatch).is_empty());
    assert_eq!(session.library_action(&n), Some(Action::OtherCables));
}

#[test]
fn a_key_the_user_binds_on_both_sides_is_an_error() {
    let overrides = KeyOverrides {
        reader: map(&[("quit", &["x"])]),
        library: map(&[("other_cables", &["x", "o"])]),
    };
    let err = Keymap::from_overrides(&overrides).unwrap_err();
    assert_eq!(
        err.to_string(),
        "key x is bound to both quit and library.other_cables"
    );
}

#[test]
fn the_default_moves_share_no_key_with_the_default_reader() {
    let keymap = Keymap::default();
    let session = keymap.for_library_session();
    for (action, keys) in keymap.bindings() {
        assert_eq!(session.keys(&action.action), keys, "{}", action.name);
    }
}

#[test]
fn key_files_read_both_sections() {
    let keymap = Keymap::from_toml("quit = [\"Q\"]\n[library]\nquit = [\"Q\"]\n").unwrap();
    let q = Key::parse("Q").unwrap();
    assert_eq!(keymap.action(&q), Some(Action::Quit));
    assert_eq!(keymap.library_action(&q), Some(Action::Quit));
    let overrides: KeyOverrides =
        toml::from_str("quit = [\"Q\"]\n[library]\nback = [\"h\"]\n").unwrap();
    assert_eq!(overrides.reader["quit"], vec!["Q".to_string()]);
    assert_eq!(overrides.library["back"], vec!["h".to_string()]);
    assert!(matches!(
        Keymap::from_toml("[library]\nback = \"h\""),
        Err(KeymapError::Syntax(_))
    ));
}

#[test]
fn digits_are_described_as_a_range() {
    assert_eq!(Keymap::default().describe(&Action::JumpToDigit), "1..9");
    assert!(
        Keymap::default()
            .markdown_table()
            .contains("| `?, f1` | show or hide this help |")
    );
    let library = Keymap::default().library_markdown_table();
    assert!(
        library.contains("| `x` | reader | the other cables"),
        "{library}"
    );
    assert!(library.contains("| `s` | library | sort by the next column ("));
    assert!(library.contains("| `ctrl-i, ctrl-n` | library, reader | jump forward"));
}
