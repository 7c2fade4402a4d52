//! Keys to actions: the defaults from `assets/keymap.toml`, then the user's overrides.
//!
//! Two sections: the reader's keys at the top level, the library's in `[library]`. A key
//! names one action per section. The library's moves between cables (`back`, `x`, `R`,
//! jumps) are taken in the reader of a library session before its own keys; where a key is
//! bound on both sides, the user's binding wins over a default
//! ([`Keymap::from_overrides`]).

mod bindings;
mod key;
mod overrides;

use crate::session::action::{Action, Binding, Context};
pub use bindings::Bindings;
pub use key::{Key, KeyError};
pub use overrides::KeyOverrides;
pub(crate) use overrides::Sections;
use ratatui::crossterm::event::KeyCode;
use thiserror::Error;

/// The default keymap, embedded so a broken file cannot ship (a test parses it).
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Why a keymap could not be built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeymapError {
    /// The file is not a table of action = [keys].
    #[error("keymap is not valid TOML of the form action = [\"key\", ...]: {0}")]
    Syntax(String),
    /// An action name that does not exist (`library.NAME` for the library's section).
    #[error("unknown action {0:?} in keymap")]
    UnknownAction(String),
    /// A key that cannot be read.
    #[error("cannot read key {key:?} for action {action}: {reason}")]
    BadKey {
        /// The action it was bound to (`library.NAME` for the library's section).
        action: String,
        /// The key as written.
        key: String,
        /// What is wrong with it.
        reason: KeyError,
    },
    /// One key bound to two actions (`library.NAME` for the library's section).
    #[error("key {key} is bound to both {first} and {second}")]
    Conflict {
        /// The key.
        key: String,
        /// One action.
        first: String,
        /// The other action.
        second: String,
    },
}

/// The name of the library's section, in keymap files and in qualified action names
/// (`library.other_cables`).
pub const LIBRARY: &str = "library";

/// `quit` for the reader's section, `library.quit` for the library's.
fn qualified(section: &str, name: &str) -> String {
    if section.is_empty() {
        name.to_string()
    } else {
        format!("{section}.{name}")
    }
}

/// The keys of an action written for people: `j, down`; a run of digits as `1..9`.
pub fn describe_keys(keys: &[Key]) -> String {
    let digits = keys
        .iter()
        .filter(|k| matches!(k.code, KeyCode::Char(c) if c.is_ascii_digit()))
        .count();
    if digits == keys.len() && digits > 2 {
        let first = keys.first().map(ToString::to_string).unwrap_or_default();
        let last = keys.last().map(ToString::to_string).unwrap_or_default();
        return format!("{first}..{last}");
    }
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Keys for a Markdown table cell: in backticks, `(unbound)` for none.
fn markdown_keys(keys: &[Key]) -> String {
    let keys = describe_keys(keys);
    if keys.is_empty() {
        "(unbound)".to_string()
    } else {
        format!("`{keys}`").replace('|', "\\|")
    }
}

/// Key bindings of the reader and of the library.
#[derive(Debug, Clone)]
pub struct Keymap {
    reader: Bindings,
    library: Bindings,
}

impl Default for Keymap {
    fn default() -> Self {
        Self::from_overrides(&KeyOverrides::default()).expect("the embedded keymap is valid")
    }
}

impl Keymap {
    /// The defaults, with each named action's keys (reader's and library's) replaced by
    /// the user's list.
    ///
    /// Unknown action names, unreadable keys and a key bound to two actions of a section
    /// are errors. The library's moves between cables are taken before the reader's keys in
    /// a library session, so a key bound on both sides is settled: a key the user gives a
    /// reader action drops the library's default on it (configs written before the library
    /// had keys keep working), a key the user gives a move wins over the reader's default
    /// in a library session ([`Keymap::for_library_session`]), and a key the user binds on
    /// both sides is an error.
    pub fn from_overrides(overrides: &KeyOverrides) -> Result<Self, KeymapError> {
        let mut table = parse_table(DEFAULT_KEYMAP)?;
        for (name, keys) in &overrides.reader {
            if Context::Reader.action_named(name).is_none() {
                return Err(KeymapError::UnknownAction(name.clone()));
            }
            table.reader.insert(name.clone(), keys.clone());
        }
        for (name, keys) in &overrides.library {
            if Context::Library.action_named(name).is_none() {
                return Err(KeymapError::UnknownAction(qualified(LIBRARY, name)));
            }
            table.library.insert(name.clone(), keys.clone());
        }
        let mut keymap = Self {
            reader: Bindings::build(&table.reader, Context::Reader, "")?,
            library: Bindings::build(&table.library, Context::Library, LIBRARY)?,
        };
        keymap.settle_shared_keys(overrides)?;
        Ok(keymap)
    }

    /// Settles the keys bound both to a reader action and to one of the library's moves
    /// between cables, which in a library session take their keys before the reader's.
    ///
    /// A key the user gives a reader action drops the library's default on it, so configs
    /// written before the library had keys keep working (`quit = ["x"]`); the move keeps
    /// its other keys, if any. A key the user gives a move wins over the reader's default
    /// in a library session only ([`Keymap::for_library_session`]). A key the user binds
    /// on both sides, or the defaults on both, is a [`KeymapError::Conflict`].
    fn settle_shared_keys(&mut self, overrides: &KeyOverrides) -> Result<(), KeymapError> {
        let shared: Vec<(Key, &'static str, &'static str)> = self
            .library
            .iter()
            .filter(|(binding, _)| binding.action.moves_between_cables())
            .flat_map(|(binding, keys)| {
                keys.iter().filter_map(|key| {
                    let reader = Context::Reader.binding(self.reader.get(key)?)?;
                    Some((*key, reader.name, binding.name))
                })
            })
            .collect();
        for (key, reader_name, library_name) in shared {
            let by_user = (
                overrides.reader.contains_key(reader_name),
                overrides.library.contains_key(library_name),
            );
            match by_user {
                (true, false) => self.library.unbind(&key),
                (false, true) => {}
                _ => {
                    return Err(KeymapError::Conflict {
                        key: key.to_string(),
                        first: reader_name.to_string(),
                        second: qualified(LIBRARY, library_name),
                    });
                }
            }
        }
        Ok(())
    }

    /// The keymap of the reader in a library session: the library's moves between cables
    /// are taken before the reader's keys there, so a reader default the user gave to a
    /// move is left out (and help and hints do not show it).
    #[must_use]
    pub fn for_library_session(&self) -> Self {
        let mut keymap = self.clone();
        for (_, keys) in self
            .library
            .iter()
            .filter(|(binding, _)| binding.action.moves_between_cables())
        {
            for key in keys {
                keymap.reader.unbind(key);
            }
        }
        keymap
    }

    /// Reads a user keymap file's text (`action = ["key", ...]`, a `[library]` table)
    /// and applies it.
    pub fn from_toml(text: &str) -> Result<Self, KeymapError> {
        Self::from_overrides(&parse_table(text)?)
    }

    /// The reader action bound to a key.
    #[must_use]
    pub fn action(&self, key: &Key) -> Option<Action> {
        self.reader.get(key).cloned()
    }

    /// The library action bound to a key.
    #[must_use]
    pub fn library_action(&self, key: &Key) -> Option<Action> {
        self.library.get(key).cloned()
    }

    /// The keys bound to a reader action, in the order written.
    #[must_use]
    pub fn keys(&self, action: &Action) -> &[Key] {
        self.reader.keys(action)
    }

    /// The keys bound to a library action, in the order written.
    #[must_use]
    pub fn library_keys(&self, action: &Action) -> &[Key] {
        self.library.keys(action)
    }

    /// Every bindable reader action with its keys, in help order.
    pub fn bindings(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> {
        self.reader.iter()
    }

    /// Every bindable library action with its keys, in help order.
    pub fn library_bindings(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> {
        self.library.iter()
    }

    /// The keys of a reader action written for people: `j, down`; digits as `1..9`.
    #[must_use]
    pub fn describe(&self, action: &Action) -> String {
        describe_keys(self.keys(action))
    }

    /// The keys of a library action written for people: `ctrl-i, ctrl-n`.
    #[must_use]
    pub fn describe_library(&self, action: &Action) -> String {
        describe_keys(self.library_keys(action))
    }

    /// The first key of a reader action, for hints (`q`); `None` when unbound.
    #[must_use]
    pub fn key(&self, action: &Action) -> Option<Key> {
        self.keys(action).first().copied()
    }

    /// The first key of a library action, for hints (`x`); `None` when unbound.
    #[must_use]
    pub fn library_key(&self, action: &Action) -> Option<Key> {
        self.library_keys(action).first().copied()
    }

    /// A Markdown table of every reader binding, for the README.
    #[must_use]
    pub fn markdown_table(&self) -> String {
        let mut out = String::from("| keys | action |\n|---|---|\n");
        for (binding, keys) in self.bindings() {
            out.push_str(&format!("| {} | {} |\n", markdown_keys(keys), binding.doc));
        }
        out
    }

    /// A Markdown table of every library binding and where it works, for the README.
    #[must_use]
    pub fn library_markdown_table(&self) -> String {
        let mut out = String::from("| keys | where | action |\n|---|---|---|\n");
        for (binding, keys) in self.library_bindings() {
            let action = &binding.action;
            let place = match (action.on_table(), action.moves_between_cables()) {
                (true, true) => "library, reader",
                (false, true) => "reader",
                _ => "library",
            };
            out.push_str(&format!(
                "| {} | {place} | {} |\n",
                markdown_keys(keys),
                binding.doc
            ));
        }
        out
    }
}

fn parse_table(text: &str) -> Result<KeyOverrides, KeymapError> {
    toml::from_str(text).map_err(|e| KeymapError::Syntax(e.message().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;
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
}
