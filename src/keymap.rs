//! Keys to actions: the defaults from `assets/keymap.toml`, then the user's overrides.

use crate::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use thiserror::Error;

/// The default keymap, embedded so a broken file cannot ship (a test parses it).
pub const DEFAULT_KEYMAP: &str = include_str!("../assets/keymap.toml");

/// Why a keymap could not be built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeymapError {
    /// The file is not a table of action = [keys].
    #[error("keymap is not valid TOML of the form action = [\"key\", ...]: {0}")]
    Syntax(String),
    /// An action name that does not exist.
    #[error("unknown action {0:?} in keymap")]
    UnknownAction(String),
    /// A key that cannot be read.
    #[error("cannot read key {key:?} for action {action}: {reason}")]
    BadKey {
        /// The action it was bound to.
        action: String,
        /// The key as written.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
    /// One key bound to two actions.
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

/// A key with its modifiers, normalised so that `G` and `shift-g` compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift is folded into the character or `BackTab`).
    pub modifiers: KeyModifiers,
}

impl Key {
    /// Normalises a key as the terminal reports it.
    #[must_use]
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                // Terminals send ctrl-D as ctrl-d; ctrl bindings are case-blind.
                if modifiers.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Self { code, modifiers }
    }

    /// Reads a key as written in a keymap: `j`, `G`, `ctrl-d`, `shift-tab`, `pagedown`.
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.is_empty() {
            return Err("empty key".into());
        }
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        // A single character is a key even if it is `-`.
        while rest.chars().count() > 1 {
            let Some((prefix, tail)) = rest.split_once('-') else {
                break;
            };
            if tail.is_empty() {
                break;
            }
            modifiers |= match prefix.to_ascii_lowercase().as_str() {
                "ctrl" | "c" | "control" => KeyModifiers::CONTROL,
                "alt" | "a" | "meta" => KeyModifiers::ALT,
                "shift" | "s" => KeyModifiers::SHIFT,
                other => return Err(format!("unknown modifier {other:?}")),
            };
            rest = tail;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if modifiers.contains(KeyModifiers::SHIFT) {
                    modifiers.remove(KeyModifiers::SHIFT);
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => named_key(&rest.to_ascii_lowercase())
                .ok_or_else(|| format!("unknown key name {rest:?}"))?,
        };
        Ok(Self::new(code, modifiers))
    }

    /// The key as it arrived from the terminal.
    #[must_use]
    pub fn from_event(event: &KeyEvent) -> Self {
        Self::new(event.code, event.modifiers)
    }
}

fn named_key(name: &str) -> Option<KeyCode> {
    Some(match name {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        f if f.starts_with('f') => {
            let n: u8 = f[1..].parse().ok()?;
            if !(1..=24).contains(&n) {
                return None;
            }
            KeyCode::F(n)
        }
        _ => return None,
    })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::Up => f.write_str("up"),
            KeyCode::Down => f.write_str("down"),
            KeyCode::Left => f.write_str("left"),
            KeyCode::Right => f.write_str("right"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pageup"),
            KeyCode::PageDown => f.write_str("pagedown"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Key bindings, both ways round.
#[derive(Debug, Clone)]
pub struct Keymap {
    by_key: HashMap<Key, Action>,
    by_action: Vec<(Action, Vec<Key>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self::with_overrides(&BTreeMap::new()).expect("the embedded keymap is valid")
    }
}

impl Keymap {
    /// The defaults, with each named action's keys replaced by the user's list.
    ///
    /// Unknown action names, unreadable keys and a key bound to two actions are errors.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<Self, KeymapError> {
        let mut table = parse_table(DEFAULT_KEYMAP)?;
        for (name, keys) in overrides {
            if Action::from_name(name).is_none() {
                return Err(KeymapError::UnknownAction(name.clone()));
            }
            table.insert(name.clone(), keys.clone());
        }
        let mut by_key: HashMap<Key, Action> = HashMap::new();
        let mut by_action = Vec::new();
        for action in Action::BINDABLE {
            let name = action.name().unwrap_or_default();
            let mut keys = Vec::new();
            for text in table.get(name).into_iter().flatten() {
                let key = Key::parse(text).map_err(|reason| KeymapError::BadKey {
                    action: name.to_string(),
                    key: text.clone(),
                    reason,
                })?;
                if let Some(other) = by_key.get(&key).filter(|other| *other != action) {
                    return Err(KeymapError::Conflict {
                        key: key.to_string(),
                        first: other.name().unwrap_or_default().to_string(),
                        second: name.to_string(),
                    });
                }
                by_key.insert(key, action.clone());
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            by_action.push((action.clone(), keys));
        }
        Ok(Self { by_key, by_action })
    }

    /// Reads a user keymap file's text (`action = ["key", ...]`) and applies it.
    pub fn from_toml(text: &str) -> Result<Self, KeymapError> {
        let table = parse_table(text)?;
        Self::with_overrides(&table)
    }

    /// The action bound to a key. `jump_to_digit` becomes a jump to that digit's paragraph.
    #[must_use]
    pub fn action(&self, key: &Key) -> Option<Action> {
        let action = self.by_key.get(key)?;
        match (action, key.code) {
            (Action::JumpToDigit, KeyCode::Char(c)) if c.is_ascii_digit() => {
                Some(Action::GoTo(c.to_string()))
            }
            (action, _) => Some(action.clone()),
        }
    }

    /// The keys bound to an action, in the order written.
    #[must_use]
    pub fn keys(&self, action: &Action) -> &[Key] {
        self.by_action
            .iter()
            .find(|(a, _)| a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// Every bindable action with its keys, in help order.
    pub fn bindings(&self) -> impl Iterator<Item = (&Action, &[Key])> {
        self.by_action.iter().map(|(a, k)| (a, k.as_slice()))
    }

    /// The keys of an action written for people: `j, down`; a run of digits as `1..9`.
    #[must_use]
    pub fn describe(&self, action: &Action) -> String {
        let keys = self.keys(action);
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

    /// A Markdown table of every binding, for the README.
    #[must_use]
    pub fn markdown_table(&self) -> String {
        let mut out = String::from("| keys | action |\n|---|---|\n");
        for (action, _) in self.bindings() {
            let keys = self.describe(action);
            let keys = if keys.is_empty() {
                "(unbound)".to_string()
            } else {
                format!("`{keys}`")
            };
            out.push_str(&format!(
                "| {} | {} |\n",
                keys.replace('|', "\\|"),
                action.doc()
            ));
        }
        out
    }
}

fn parse_table(text: &str) -> Result<BTreeMap<String, Vec<String>>, KeymapError> {
    toml::from_str(text).map_err(|e| KeymapError::Syntax(e.message().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_embedded_keymap_parses_and_binds_every_action() {
        let keymap = Keymap::default();
        for action in Action::BINDABLE {
            assert!(!keymap.keys(action).is_empty(), "{action:?} has no key");
        }
        let key = |s| Key::parse(s).unwrap();
        assert_eq!(keymap.action(&key("q")), Some(Action::Quit));
        assert_eq!(keymap.action(&key("ctrl-c")), Some(Action::Quit));
        assert_eq!(keymap.action(&key("]")), Some(Action::NextParagraph));
        assert_eq!(keymap.action(&key("5")), Some(Action::GoTo("5".into())));
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
    fn keys_parse_and_print_round_trip() {
        for text in [
            "j",
            "G",
            "ctrl-d",
            "shift-tab",
            "pagedown",
            "space",
            "enter",
            "esc",
            "f1",
            "-",
            "alt-x",
        ] {
            assert_eq!(Key::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(Key::parse("shift-g").unwrap(), Key::parse("G").unwrap());
        assert!(Key::parse("").is_err());
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f99").is_err());
        assert!(Key::parse("nosuchkey").is_err());
    }

    #[test]
    fn an_override_replaces_that_actions_defaults() {
        let keymap = Keymap::with_overrides(&map(&[("next_paragraph", &["ctrl-n", "}"])])).unwrap();
        assert_eq!(keymap.action(&Key::parse("]").unwrap()), None);
        assert_eq!(
            keymap.action(&Key::parse("}").unwrap()),
            Some(Action::NextParagraph)
        );
        assert_eq!(keymap.describe(&Action::NextParagraph), "ctrl-n, }");
        assert_eq!(
            keymap.action(&Key::parse("[").unwrap()),
            Some(Action::PreviousParagraph)
        );
    }

    #[test]
    fn unknown_actions_and_bad_keys_are_errors() {
        let err = Keymap::with_overrides(&map(&[("fly", &["x"])])).unwrap_err();
        assert_eq!(err.to_string(), "unknown action \"fly\" in keymap");
        let err = Keymap::with_overrides(&map(&[("quit", &["ctrl-nosuch"])])).unwrap_err();
        assert!(
            err.to_string().contains("\"ctrl-nosuch\" for action quit"),
            "{err}"
        );
    }

    #[test]
    fn a_key_on_two_actions_names_both() {
        let err = Keymap::with_overrides(&map(&[("next_theme", &["j"])])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "key j is bound to both down and next_theme"
        );
    }

    #[test]
    fn user_files_are_read_and_checked() {
        assert!(Keymap::from_toml("quit = [\"x\"]\n").is_ok());
        assert!(matches!(
            Keymap::from_toml("quit = 3"),
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
    }
}
