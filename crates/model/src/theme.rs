//! Colours and styles: built-in themes from `themes/*.toml`, and user themes that extend them.
//!
//! A theme file names a style for each entity kind, classification level and UI part.
//! Every entry is optional: a theme inherits from the theme it `extends` (`default` when
//! it says nothing), and a style it names replaces the inherited one whole.
//!
//! Styles here are plain data ([`Style`]); the UI turns a theme into its terminal
//! library's styles with [`Theme::map`].

pub mod contrast;
mod error;
mod file;
mod groups;
mod load;
mod style;

use crate::cable::{Classification, EntityKind};

pub use error::{EntryError, StyleError, ThemeError};
pub use file::{StyleSpec, ThemeFile, to_style};
pub use groups::{KindStyles, LevelStyles, UiStyles};
pub use style::{Color, Modifier, Style, UnknownColour};

/// The built-in themes, in the order `t` cycles through them.
pub const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("../../../themes/default.toml")),
    ("light", include_str!("../../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../../themes/high-contrast.toml"),
    ),
    ("mono", include_str!("../../../themes/mono.toml")),
];

/// A resolved theme: one [`Style`] (or, once mapped, one style `S`) per kind, level and
/// UI part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Theme<S = Style> {
    /// The theme's name.
    pub name: String,
    /// Entity kinds.
    pub kinds: KindStyles<S>,
    /// Classification levels.
    pub levels: LevelStyles<S>,
    /// Interface parts.
    pub ui: UiStyles<S>,
}

impl<S: Copy> Theme<S> {
    /// The same theme with each style turned by `f`: how the UI gets its terminal styles.
    pub fn map<T>(&self, f: impl Fn(&S) -> T) -> Theme<T> {
        Theme {
            name: self.name.clone(),
            kinds: self.kinds.map(&f),
            levels: self.levels.map(&f),
            ui: self.ui.map(&f),
        }
    }

    /// The style of an entity kind.
    #[must_use]
    pub fn kind(&self, kind: &EntityKind) -> S {
        match kind {
            EntityKind::Per => self.kinds.per,
            EntityKind::Org => self.kinds.org,
            EntityKind::Loc => self.kinds.loc,
            EntityKind::Misc => self.kinds.misc,
            EntityKind::Other(_) => self.kinds.other,
        }
    }

    /// The banner style of a classification level (`None`: not found in the cable).
    #[must_use]
    pub fn level(&self, level: Option<Classification>) -> S {
        match level {
            Some(Classification::Unclassified) => self.levels.unclassified,
            Some(Classification::SensitiveButUnclassified) => self.levels.sensitive,
            Some(Classification::Confidential) => self.levels.confidential,
            Some(Classification::Secret) => self.levels.secret,
            Some(Classification::TopSecret) => self.levels.top_secret,
            None => self.levels.unknown,
        }
    }
}

/// The names of the built-in themes.
#[must_use]
pub fn builtin_names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(name, _)| *name).collect()
}

/// The text of a built-in theme.
#[must_use]
pub fn builtin_text(name: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// The theme that theme `name` starts from, given its `extends`, and whether the
/// user's files may still stand in for that name (`users`): `None` when it starts
/// from nothing. A user's theme extending its own name extends the built-in it
/// shadows; one that extends nothing extends the built-in `default`.
#[must_use]
pub fn inherits_from(name: &str, extends: Option<&str>, users: bool) -> Option<(String, bool)> {
    match extends {
        Some(parent) if parent == name && users => Some((parent.to_string(), false)),
        Some(parent) => Some((parent.to_string(), users)),
        None if name == "default" || name == "mono" => None,
        None => Some(("default".to_string(), false)),
    }
}

/// The theme to start with: the one asked for, else `mono` when `NO_COLOR` is set, else `default`.
#[must_use]
pub fn default_name(asked: Option<&str>, no_color: bool) -> &str {
    match asked {
        Some(name) => name,
        None if no_color => "mono",
        None => "default",
    }
}

/// Whether the `NO_COLOR` convention asks for no colour (set and not empty).
#[must_use]
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
