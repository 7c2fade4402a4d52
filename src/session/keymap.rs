//! Keys to actions: the defaults from `assets/keymap.toml`, then the user's overrides.
//!
//! Two sections: the reader's keys at the top level, the library's in `[library]`. A key
//! names one action per section. The library's moves between cables (`back`, `x`, `R`,
//! jumps) are taken in the reader of a library session before its own keys; where a key is
//! bound on both sides, the user's binding wins over a default
//! ([`Keymap::from_overrides`]).

mod bindings;
mod describe;
mod key;
mod overrides;

use crate::session::action::{Action, Binding, Context};
pub use bindings::Bindings;
pub use describe::describe_keys;
pub use key::{Key, KeyError};
pub use overrides::KeyOverrides;
pub(crate) use overrides::Sections;
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
}

fn parse_table(text: &str) -> Result<KeyOverrides, KeymapError> {
    toml::from_str(text).map_err(|e| KeymapError::Syntax(e.message().to_string()))
}

#[cfg(test)]
mod tests;
