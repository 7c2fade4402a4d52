//! One key with its modifiers: read from a keymap file, compared with what the terminal
//! sends, and written back for people.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;
use thiserror::Error;

/// Why a key as written in a keymap is not one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyError {
    /// Nothing was written.
    #[error("empty key")]
    Empty,
    /// A prefix before `-` is not ctrl, alt or shift.
    #[error("unknown modifier {0:?}")]
    Modifier(String),
    /// A character the terminal would take as a command, not text.
    #[error("{0:?} is a control character; write the key's name, like tab or enter")]
    Control(char),
    /// A name of no key.
    #[error("unknown key name {0:?}")]
    Name(String),
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
    ///
    /// # Errors
    /// An unknown modifier or key name, a control character, or nothing.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        if text.is_empty() {
            return Err(KeyError::Empty);
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
                other => return Err(KeyError::Modifier(other.to_string())),
            };
            rest = tail;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            // Help, hints and the README print keys as written: a control character
            // would reach the terminal.
            (Some(c), None) if c.is_control() || crate::sanitize::is_unsafe(c) => {
                return Err(KeyError::Control(c));
            }
            (Some(c), None) => {
                if modifiers.contains(KeyModifiers::SHIFT) {
                    modifiers.remove(KeyModifiers::SHIFT);
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => named_key(&rest.to_ascii_lowercase())
                .ok_or_else(|| KeyError::Name(rest.to_string()))?,
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn control_characters_are_not_keys() {
        for text in ["\u{1b}", "\t", "ctrl-\u{7}", "\u{9b}", "\u{202e}"] {
            let error = Key::parse(text).expect_err(text);
            assert!(
                error.to_string().contains("is a control character"),
                "{error}"
            );
        }
    }
}
