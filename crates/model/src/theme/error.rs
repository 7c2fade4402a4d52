//! Why a theme cannot be loaded: the file, one of its entries, or one written style.

use super::UnknownColour;
use thiserror::Error;

/// Why a theme could not be loaded.
#[derive(Debug, Error)]
pub enum ThemeError {
    /// No built-in or user theme has that name.
    #[error("no theme named {name:?} (built-in themes: {})", super::builtin_names().join(", "))]
    Unknown {
        /// The name asked for.
        name: String,
    },
    /// The theme file is not valid.
    #[error("theme {name:?}: {message}")]
    Invalid {
        /// The theme's name.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// A user theme file exists but cannot be read.
    #[error("theme {name:?}: cannot read {path}: {source}")]
    Unreadable {
        /// The theme's name.
        name: String,
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// An entry of the theme file cannot be used.
    #[error("theme {name:?}: {error}")]
    Entry {
        /// The theme's name.
        name: String,
        /// The entry, and what is wrong with it.
        #[source]
        error: EntryError,
    },
}

/// An entry of a theme's table that cannot be used.
#[derive(Debug, Error)]
pub enum EntryError {
    /// The table has no such entry.
    #[error("[{table}] has no entry {key:?} (expected one of {})", .expected.join(", "))]
    Unknown {
        /// The table: `kinds`, `levels` or `ui`.
        table: &'static str,
        /// The entry as written.
        key: String,
        /// The entries the table has.
        expected: &'static [&'static str],
    },
    /// The entry's style cannot be read.
    #[error("[{table}] {key}: {error}")]
    Style {
        /// The table: `kinds`, `levels` or `ui`.
        table: &'static str,
        /// The entry.
        key: String,
        /// What is wrong with its style.
        #[source]
        error: StyleError,
    },
}

/// A written style that cannot be read.
#[derive(Debug, Error)]
pub enum StyleError {
    /// A colour is neither a name, `#rrggbb` nor `0`–`255`.
    #[error(transparent)]
    Colour(#[from] UnknownColour),
    /// A modifier is not one of those known.
    #[error("unknown modifier {0:?}")]
    Modifier(String),
}
