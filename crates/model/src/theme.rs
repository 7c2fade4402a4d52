//! Colours and styles: built-in themes from `themes/*.toml`, and user themes that extend them.
//!
//! A theme file names a style for each entity kind, classification level and UI part.
//! Every entry is optional: a theme inherits from the theme it `extends` (`default` when
//! it says nothing), and a style it names replaces the inherited one whole.
//!
//! Styles here are plain data ([`Style`]); the UI turns a theme into its terminal
//! library's styles with [`Theme::map`].

pub mod contrast;
mod style;

use crate::cable::{Classification, EntityKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use thiserror::Error;

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

/// Why a theme could not be loaded.
#[derive(Debug, Error)]
pub enum ThemeError {
    /// No built-in or user theme has that name.
    #[error("no theme named {name:?} (built-in themes: {})", builtin_names().join(", "))]
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

/// One style as written in a theme file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    /// Foreground colour.
    pub fg: Option<String>,
    /// Background colour.
    pub bg: Option<String>,
    /// Modifiers: bold, dim, italic, underlined, reversed, crossed_out.
    #[serde(default)]
    pub modifiers: Vec<String>,
}

/// A theme file: every part optional, inheriting from `extends` (or `default`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeFile {
    /// The theme this one starts from.
    pub extends: Option<String>,
    /// Styles by entity kind: `PER`, `ORG`, `LOC`, `MISC`, `other`.
    #[serde(default)]
    pub kinds: BTreeMap<String, StyleSpec>,
    /// Styles by classification level.
    #[serde(default)]
    pub levels: BTreeMap<String, StyleSpec>,
    /// Styles of the interface parts.
    #[serde(default)]
    pub ui: BTreeMap<String, StyleSpec>,
}

macro_rules! style_group {
    ($(#[doc = $sdoc:literal])* $name:ident { $( $(#[doc = $doc:literal])* $field:ident = $key:literal, )* }) => {
        $(#[doc = $sdoc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct $name<S = Style> { $( $(#[doc = $doc])* pub $field: S, )* }

        impl<S> $name<S> {
            /// The same table with each style turned by `f`.
            pub fn map<T>(&self, f: impl Fn(&S) -> T) -> $name<T> {
                $name { $( $field: f(&self.$field), )* }
            }
        }

        impl $name {
            /// The keys a theme file may use in this table.
            pub const KEYS: &'static [&'static str] = &[$($key),*];

            fn slot(&mut self, key: &str) -> Option<&mut Style> {
                match key {
                    $( $key => Some(&mut self.$field), )*
                    _ => None,
                }
            }

            fn styles(&self) -> Vec<Style> {
                vec![$(self.$field),*]
            }
        }
    };
}

style_group!(
    /// Styles of the entity kinds.
    KindStyles {
        /// Persons.
        per = "PER",
        /// Organisations.
        org = "ORG",
        /// Locations.
        loc = "LOC",
        /// Miscellaneous.
        misc = "MISC",
        /// Any other label.
        other = "other",
    }
);

style_group!(
    /// Styles of the classification banners.
    LevelStyles {
        /// UNCLASSIFIED.
        unclassified = "unclassified",
        /// SENSITIVE BUT UNCLASSIFIED.
        sensitive = "sensitive",
        /// CONFIDENTIAL.
        confidential = "confidential",
        /// SECRET.
        secret = "secret",
        /// TOP SECRET.
        top_secret = "top_secret",
        /// No classification found.
        unknown = "unknown",
    }
);

style_group!(
    /// Styles of the interface parts.
    UiStyles {
        /// Plain text.
        text = "text",
        /// Secondary text: counts, hints, first words.
        dim = "dim",
        /// Pane borders.
        border = "border",
        /// The focused pane's border.
        border_focused = "border_focused",
        /// Pane titles.
        title = "title",
        /// Section headings.
        heading = "heading",
        /// Paragraph labels (`¶5`).
        label = "label",
        /// Portion-marking badges.
        marking = "marking",
        /// The current paragraph in the navigator.
        current = "current",
        /// The cursor row of a focused list.
        cursor = "cursor",
        /// Mentions of the selected entity.
        selected_mention = "selected_mention",
        /// Search matches.
        search_match = "search_match",
        /// The search match or mention the cursor is on.
        search_current = "search_current",
        /// The status line.
        status = "status",
        /// Keys in the status line.
        status_key = "status_key",
        /// A notice in the status line.
        notice = "notice",
        /// The scroll bar thumb.
        scrollbar = "scrollbar",
        /// Hidden kinds in the sidebar.
        hidden = "hidden",
        /// Links to other cables of a library (REFs, cited by) in the header.
        link = "link",
    }
);

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

impl Theme {
    /// A built-in theme by name.
    #[must_use]
    pub fn builtin(name: &str) -> Option<Theme> {
        Self::load(name, None).ok()
    }

    /// Loads a theme: `user_dir/NAME.toml` first, then the built-ins; follows `extends`.
    pub fn load(name: &str, user_dir: Option<&Path>) -> Result<Theme, ThemeError> {
        Self::resolve(name, None, user_dir)
    }

    /// Reads a theme file's text under `name`, resolving `extends` with `user_dir`.
    pub fn from_toml(name: &str, text: &str, user_dir: Option<&Path>) -> Result<Theme, ThemeError> {
        Self::resolve(name, Some(text), user_dir)
    }

    /// Follows `extends` from theme `name` (whose text is `text`, or is looked up) to a
    /// theme that extends nothing, then lays the files' styles over each other from
    /// there. A loop, not recursion: a chain is as long as the user's files make it.
    fn resolve(
        name: &str,
        text: Option<&str>,
        user_dir: Option<&Path>,
    ) -> Result<Theme, ThemeError> {
        let mut chain: Vec<(String, bool)> = Vec::new();
        let mut files: Vec<ThemeFile> = Vec::new();
        let mut next = Some((name.to_string(), user_dir.is_some()));
        while let Some((current, users)) = next {
            if chain.contains(&(current.clone(), users)) {
                let mut names: Vec<&str> = chain.iter().map(|(n, _)| n.as_str()).collect();
                names.push(&current);
                return Err(ThemeError::Invalid {
                    name: name.to_string(),
                    message: format!("`extends` goes round in a circle: {}", names.join(" → ")),
                });
            }
            let text = match (chain.is_empty(), text) {
                (true, Some(text)) => text.to_string(),
                _ => Self::text_of(&current, user_dir.filter(|_| users))?,
            };
            let file: ThemeFile = toml::from_str(&text).map_err(|e| ThemeError::Invalid {
                name: current.clone(),
                message: e.message().to_string(),
            })?;
            next = inherits_from(&current, file.extends.as_deref(), users);
            chain.push((current, users));
            files.push(file);
        }
        let mut theme = Theme::<Style>::default();
        for ((current, _), file) in chain.iter().zip(&files).rev() {
            let invalid = |error: EntryError| ThemeError::Entry {
                name: current.clone(),
                error,
            };
            apply(
                &file.kinds,
                "kinds",
                KindStyles::KEYS,
                &mut theme.kinds,
                KindStyles::slot,
            )
            .map_err(invalid)?;
            apply(
                &file.levels,
                "levels",
                LevelStyles::KEYS,
                &mut theme.levels,
                LevelStyles::slot,
            )
            .map_err(invalid)?;
            apply(
                &file.ui,
                "ui",
                UiStyles::KEYS,
                &mut theme.ui,
                UiStyles::slot,
            )
            .map_err(invalid)?;
        }
        theme.name = name.to_string();
        Ok(theme)
    }

    /// The text of theme `name`: `user_dir/NAME.toml` if there is one, else the built-in.
    fn text_of(name: &str, user_dir: Option<&Path>) -> Result<String, ThemeError> {
        if let Some(dir) = user_dir {
            let path = dir.join(format!("{name}.toml"));
            if path.is_file() {
                let text =
                    crate::regular_file::read_to_string(&path, crate::regular_file::Limit::CONFIG)
                        .map_err(|source| ThemeError::Unreadable {
                            name: name.to_string(),
                            path: crate::sanitize::path(&path),
                            source,
                        })?;
                return Ok(text);
            }
        }
        builtin_text(name)
            .map(str::to_string)
            .ok_or_else(|| ThemeError::Unknown {
                name: name.to_string(),
            })
    }

    /// Whether any style of the theme sets a colour.
    #[must_use]
    pub fn has_colour(&self) -> bool {
        let coloured = |s: &Style| s.fg.is_some() || s.bg.is_some();
        self.kinds
            .styles()
            .iter()
            .chain(&self.levels.styles())
            .chain(&self.ui.styles())
            .any(coloured)
    }
}

fn apply<G>(
    specs: &BTreeMap<String, StyleSpec>,
    table: &'static str,
    keys: &'static [&'static str],
    group: &mut G,
    slot: for<'g> fn(&'g mut G, &str) -> Option<&'g mut Style>,
) -> Result<(), EntryError> {
    for (key, spec) in specs {
        let style = to_style(spec).map_err(|error| EntryError::Style {
            table,
            key: key.clone(),
            error,
        })?;
        let target = slot(group, key).ok_or_else(|| EntryError::Unknown {
            table,
            key: key.clone(),
            expected: keys,
        })?;
        *target = style;
    }
    Ok(())
}

/// Turns a written style into a [`Style`].
///
/// # Errors
/// A colour or modifier not known.
pub fn to_style(spec: &StyleSpec) -> Result<Style, StyleError> {
    let colour = |text: &str| text.parse::<Color>();
    let mut style = Style::default();
    if let Some(fg) = &spec.fg {
        style = style.fg(colour(fg)?);
    }
    if let Some(bg) = &spec.bg {
        style = style.bg(colour(bg)?);
    }
    for name in &spec.modifiers {
        style = style.add_modifier(match name.to_ascii_lowercase().as_str() {
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underlined" | "underline" => Modifier::UNDERLINED,
            "reversed" | "reverse" => Modifier::REVERSED,
            "crossed_out" | "strikethrough" => Modifier::CROSSED_OUT,
            "slow_blink" | "blink" => Modifier::SLOW_BLINK,
            other => return Err(StyleError::Modifier(other.to_string())),
        });
    }
    Ok(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_loads_and_names_every_kind() {
        for name in builtin_names() {
            let theme = Theme::builtin(name).unwrap_or_else(|| panic!("{name} loads"));
            assert_eq!(theme.name, name);
            for kind in EntityKind::STANDARD {
                // A non-colour cue for every kind, so monochrome terminals can tell them apart.
                assert!(
                    !theme.kind(&kind).add_modifier.is_empty(),
                    "{name}: {kind} has no modifier"
                );
            }
        }
    }

    #[test]
    fn kinds_differ_by_modifier_alone_in_mono() {
        let mono = Theme::builtin("mono").unwrap();
        assert!(!mono.has_colour());
        let mods: Vec<_> = EntityKind::STANDARD
            .iter()
            .map(|k| mono.kind(k).add_modifier)
            .collect();
        for (i, a) in mods.iter().enumerate() {
            for b in &mods[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert!(Theme::builtin("default").unwrap().has_colour());
    }

    #[test]
    fn a_partial_theme_inherits_from_default() {
        let theme =
            Theme::from_toml("mine", "[kinds]\nPER = { fg = \"#ff0000\" }\n", None).unwrap();
        let default = Theme::builtin("default").unwrap();
        assert_eq!(theme.kinds.per, Style::default().fg(Color::Rgb(255, 0, 0)));
        assert_eq!(theme.kinds.org, default.kinds.org);
        assert_eq!(theme.ui, default.ui);
        let light = Theme::from_toml(
            "mine",
            "extends = \"light\"\n[ui]\ntext = { fg = \"42\" }",
            None,
        )
        .unwrap();
        assert_eq!(light.kinds, Theme::builtin("light").unwrap().kinds);
        assert_eq!(light.ui.text, Style::default().fg(Color::Indexed(42)));
    }

    #[test]
    fn bad_themes_say_what_is_wrong() {
        let err = Theme::from_toml("x", "[kinds]\nPER = { fg = \"blurple\" }", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "theme \"x\": [kinds] PER: unknown colour \"blurple\" (a name, #rrggbb or 0-255)"
        );
        let err = Theme::from_toml("x", "[ui]\nborderz = {}", None).unwrap_err();
        assert!(
            err.to_string().contains("[ui] has no entry \"borderz\""),
            "{err}"
        );
        let err = Theme::from_toml("x", "extends = \"nope\"", None).unwrap_err();
        assert!(
            err.to_string().starts_with("no theme named \"nope\""),
            "{err}"
        );
        assert!(Theme::load("nope", None).is_err());
    }

    #[test]
    fn user_themes_are_found_first_and_may_extend_each_other() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), "extends = \"mono\"\n").unwrap();
        std::fs::write(dir.path().join("b.toml"), "extends = \"a\"\n").unwrap();
        std::fs::write(dir.path().join("loop.toml"), "extends = \"loop2\"\n").unwrap();
        std::fs::write(dir.path().join("loop2.toml"), "extends = \"loop\"\n").unwrap();
        let b = Theme::load("b", Some(dir.path())).unwrap();
        assert!(!b.has_colour());
        assert_eq!(
            Theme::load("loop", Some(dir.path()))
                .unwrap_err()
                .to_string(),
            "theme \"loop\": `extends` goes round in a circle: loop → loop2 → loop"
        );
    }

    #[test]
    fn a_chain_longer_than_a_few_themes_loads() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..40 {
            let text = format!("extends = \"t{}\"\n", i + 1);
            std::fs::write(dir.path().join(format!("t{i}.toml")), text).unwrap();
        }
        std::fs::write(
            dir.path().join("t40.toml"),
            "extends = \"light\"\n[ui]\ntext = { fg = \"1\" }\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("t39.toml"),
            "extends = \"t40\"\n[ui]\ntext = { fg = \"2\" }\n",
        )
        .unwrap();
        let theme = Theme::load("t0", Some(dir.path())).unwrap();
        // The nearer file wins; the rest comes from `light`.
        assert_eq!(theme.ui.text, Style::default().fg(Color::Indexed(2)));
        assert_eq!(theme.kinds, Theme::builtin("light").unwrap().kinds);
        assert_eq!(theme.name, "t0");
    }

    #[test]
    fn no_color_picks_mono_unless_a_theme_is_asked_for() {
        assert_eq!(default_name(None, true), "mono");
        assert_eq!(default_name(None, false), "default");
        assert_eq!(default_name(Some("light"), true), "light");
    }
}
