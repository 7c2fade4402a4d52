//! Loading a theme: finding its file (the user's or a built-in), following `extends`, and
//! laying each file's styles over the ones it inherits.

use super::{
    EntryError, KindStyles, LevelStyles, Style, StyleSpec, Theme, ThemeError, ThemeFile, UiStyles,
    builtin_text, inherits_from, to_style,
};
use std::collections::BTreeMap;
use std::path::Path;

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

#[cfg(test)]
mod tests {
    use super::super::{Color, builtin_names, default_name};
    use super::*;
    use crate::cable::EntityKind;

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
