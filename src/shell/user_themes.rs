//! The user's themes: `themes/NAME.toml` in the config dir, checked before the
//! reader starts so a mistake is an error with file, line and column, and the
//! list `cableview themes` prints.
//!
//! Resolving a theme (inheritance, styles) is [`crate::theme`]'s job; this module
//! only finds the user's files and says precisely what is wrong with them.

use crate::shell::config::FileError;
use crate::theme::{self, KindStyles, LevelStyles, StyleSpec, Theme, ThemeFile, UiStyles};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// What `expected` says after a bad colour.
const COLOURS: &str =
    "a colour name (red, lightblue, darkgray), #rrggbb or a 256-colour index 0-255";
/// What `expected` says after a bad modifier.
const MODIFIERS: &str = "bold, dim, italic, underlined, reversed, crossed_out or slow_blink";

/// Where a theme comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in cableview.
    BuiltIn,
    /// A file of the user's; `overrides` when a built-in has the same name.
    User {
        /// The theme file.
        path: PathBuf,
        /// Whether it replaces a built-in theme.
        overrides: bool,
    },
}

/// One theme `cableview themes` lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The name `--theme` and `theme =` take.
    pub name: String,
    /// Where it comes from.
    pub origin: Origin,
}

impl fmt::Display for Listed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<16} ", self.name)?;
        match &self.origin {
            Origin::BuiltIn => write!(f, "built-in"),
            Origin::User { path, overrides } => {
                write!(f, "{}", crate::sanitize::path(path))?;
                if *overrides {
                    write!(f, " (overrides the built-in)")?;
                }
                Ok(())
            }
        }
    }
}

/// The user's theme files, by name, sorted; names that are not UTF-8 are skipped.
#[must_use]
pub fn user_files(themes_dir: Option<&Path>) -> BTreeMap<String, PathBuf> {
    let Some(entries) = themes_dir.and_then(|d| std::fs::read_dir(d).ok()) else {
        return BTreeMap::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .filter_map(|p| Some((p.file_stem()?.to_str()?.to_string(), p)))
        .collect()
}

/// Every theme: the built-ins in cycling order, then the user's own, by name.
#[must_use]
pub fn list(themes_dir: Option<&Path>) -> Vec<Listed> {
    let mut users = user_files(themes_dir);
    let mut out: Vec<Listed> = theme::builtin_names()
        .into_iter()
        .map(|name| Listed {
            name: name.to_string(),
            origin: match users.remove(name) {
                Some(path) => Origin::User {
                    path,
                    overrides: true,
                },
                None => Origin::BuiltIn,
            },
        })
        .collect();
    out.extend(users.into_iter().map(|(name, path)| Listed {
        name,
        origin: Origin::User {
            path,
            overrides: false,
        },
    }));
    out
}

/// The theme after `current` in [`list`] order that loads, with the names passed over
/// because they did not; `None` when none loads (the current one stays). What `t` does.
#[must_use]
pub fn next_after(current: &str, themes_dir: Option<&Path>) -> Option<(Theme, Vec<String>)> {
    let names: Vec<String> = list(themes_dir).into_iter().map(|t| t.name).collect();
    let at = names.iter().position(|n| n == current).unwrap_or(0);
    let mut skipped = Vec::new();
    for step in 1..=names.len() {
        let name = &names[(at + step) % names.len()];
        match Theme::load(name, themes_dir) {
            Ok(theme) => return Some((theme, skipped)),
            Err(_) => skipped.push(name.clone()),
        }
    }
    None
}

/// Every theme name there is, for "expected one of ...".
fn all_names(themes_dir: Option<&Path>) -> String {
    list(themes_dir)
        .into_iter()
        .map(|t| t.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks that theme `name` exists and that it and every user theme it extends
/// are valid. `asked_in` names where the name came from, for the error.
pub fn check(
    name: &str,
    themes_dir: Option<&Path>,
    asked_in: (&str, &str, Option<std::ops::Range<usize>>),
) -> Result<(), FileError> {
    let users_files = user_files(themes_dir);
    let exists = |n: &str| users_files.contains_key(n) || theme::builtin_names().contains(&n);
    if !exists(name) {
        let (file, text, span) = asked_in;
        return Err(FileError::at_span(
            file,
            text,
            span,
            format!("unknown theme {name:?}"),
            Some(format!("one of {}", all_names(themes_dir))),
        ));
    }
    // Follow `extends` as the theme module will, through the built-ins too (`light`
    // extends `default`, which may be the user's), checking each user file on the way.
    let mut chain: Vec<Link> = Vec::new();
    let mut next = Some((name.to_string(), true));
    while let Some((current, users)) = next.take() {
        if !users {
            break; // built-ins only from here: they neither fail nor loop
        }
        if let Some(start) = chain.iter().position(|link| link.name == current) {
            return Err(circle(&chain[start..], &current, name));
        }
        let Some(path) = users_files.get(&current) else {
            // A built-in (the theme module reports an unknown one).
            let extends = theme::builtin_text(&current)
                .and_then(|text| toml::from_str::<ThemeFile>(text).ok())
                .and_then(|file| file.extends);
            next = theme::inherits_from(&current, extends.as_deref(), true);
            chain.push(Link {
                name: current,
                extends: None,
            });
            continue;
        };
        let Some(text) = crate::shell::config::read_text(path)? else {
            break;
        };
        let file = crate::sanitize::path(path);
        let parent = check_text(&file, &text)?;
        if let Some((parent, span)) = &parent {
            let mut problem = None;
            if parent == &current && !theme::builtin_names().contains(&parent.as_str()) {
                let others: Vec<String> = list(themes_dir)
                    .into_iter()
                    .map(|t| t.name)
                    .filter(|n| n != parent)
                    .collect();
                problem = Some((
                    format!("theme {parent:?} extends itself"),
                    format!("another theme, one of {}", others.join(", ")),
                ));
            } else if !exists(parent) {
                problem = Some((
                    format!("unknown theme {parent:?}"),
                    format!("one of {}", all_names(themes_dir)),
                ));
            }
            if let Some((problem, expected)) = problem {
                return Err(FileError::at_span(
                    &file,
                    &text,
                    Some(span.clone()),
                    problem,
                    Some(expected),
                ));
            }
        }
        let extends = parent.as_ref().map(|(p, _)| p.as_str());
        next = theme::inherits_from(&current, extends, true);
        chain.push(Link {
            name: current,
            extends: parent.map(|(_, span)| (file, text, span)),
        });
    }
    Theme::load(name, themes_dir)
        .map(|_| ())
        .map_err(|e| FileError {
            file: format!("theme {name:?}"),
            at: None,
            problem: e.to_string(),
            expected: None,
        })
}

/// One theme on the way along `extends`: its name and, for a user's file that names
/// a parent, the file, its text and where the parent's name stands.
struct Link {
    name: String,
    extends: Option<(String, String, std::ops::Range<usize>)>,
}

/// The error for `extends` that come back to `back_to`: `circle` runs from the first
/// visit of it. It is placed on the `extends` of the last file of the user's in the
/// circle (built-ins cannot make one alone), the one that leads back.
fn circle(circle: &[Link], back_to: &str, asked: &str) -> FileError {
    let names: Vec<&str> = circle
        .iter()
        .map(|link| link.name.as_str())
        .chain([back_to])
        .collect();
    let problem = format!("`extends` goes round in a circle: {}", names.join(" → "));
    let expected = Some("a theme whose `extends` lead to a built-in".to_string());
    match circle.iter().rev().find_map(|link| link.extends.as_ref()) {
        Some((file, text, span)) => {
            FileError::at_span(file, text, Some(span.clone()), problem, expected)
        }
        None => FileError {
            file: format!("theme {asked:?}"),
            at: None,
            problem,
            expected,
        },
    }
}

/// The shape of a theme file with places, to put errors where they are.
#[derive(Deserialize)]
struct Located {
    extends: Option<Spanned<String>>,
    #[serde(default)]
    kinds: BTreeMap<Spanned<String>, LocatedStyle>,
    #[serde(default)]
    levels: BTreeMap<Spanned<String>, LocatedStyle>,
    #[serde(default)]
    ui: BTreeMap<Spanned<String>, LocatedStyle>,
}

#[derive(Deserialize)]
struct LocatedStyle {
    fg: Option<Spanned<String>>,
    bg: Option<Spanned<String>>,
    #[serde(default)]
    modifiers: Vec<Spanned<String>>,
}

/// Checks one theme file's text: its shape, table entries, colours and
/// modifiers. Returns the theme it extends, with where that name stands.
pub fn check_text(
    file: &str,
    text: &str,
) -> Result<Option<(String, std::ops::Range<usize>)>, FileError> {
    toml::from_str::<ThemeFile>(text).map_err(|e| FileError::from_toml(file, text, &e))?;
    let located: Located =
        toml::from_str(text).map_err(|e| FileError::from_toml(file, text, &e))?;
    let tables = [
        ("kinds", KindStyles::KEYS, &located.kinds),
        ("levels", LevelStyles::KEYS, &located.levels),
        ("ui", UiStyles::KEYS, &located.ui),
    ];
    for (table, keys, entries) in tables {
        for (key, style) in entries {
            if !keys.contains(&key.get_ref().as_str()) {
                return Err(FileError::at_span(
                    file,
                    text,
                    Some(key.span()),
                    format!("unknown [{table}] entry {:?}", key.get_ref()),
                    Some(format!("one of {}", keys.join(", "))),
                ));
            }
            check_style(file, text, style)?;
        }
    }
    Ok(located.extends.map(|e| {
        let span = e.span();
        (e.into_inner(), span)
    }))
}

fn check_style(file: &str, text: &str, style: &LocatedStyle) -> Result<(), FileError> {
    for colour in [&style.fg, &style.bg].into_iter().flatten() {
        let spec = StyleSpec {
            fg: Some(colour.get_ref().clone()),
            ..StyleSpec::default()
        };
        if theme::to_style(&spec).is_err() {
            return Err(FileError::at_span(
                file,
                text,
                Some(colour.span()),
                format!("unknown colour {:?}", colour.get_ref()),
                Some(COLOURS.to_string()),
            ));
        }
    }
    for modifier in &style.modifiers {
        let spec = StyleSpec {
            modifiers: vec![modifier.get_ref().clone()],
            ..StyleSpec::default()
        };
        if theme::to_style(&spec).is_err() {
            return Err(FileError::at_span(
                file,
                text,
                Some(modifier.span()),
                format!("unknown modifier {:?}", modifier.get_ref()),
                Some(MODIFIERS.to_string()),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_partial_theme_passes_and_names_its_parent() {
        let text =
            "extends = \"light\"\n[kinds]\nPER = { fg = \"#ff0000\", modifiers = [\"bold\"] }\n";
        let parent = check_text("t.toml", text).expect("valid");
        assert_eq!(
            parent.map(|(p, s)| (p, &text[s])),
            Some(("light".to_string(), "\"light\""))
        );
    }

    #[test]
    fn a_bad_colour_is_placed_on_its_value() {
        let text = "[kinds]\nPER = { fg = \"#ff0000\" }\nORG = { bg = \"blurple\" }\n";
        let error = check_text("t.toml", text).expect_err("bad colour");
        assert_eq!(
            error.to_string(),
            format!("unknown colour \"blurple\" in t.toml at 3:14, expected {COLOURS}")
        );
    }

    #[test]
    fn a_bad_modifier_and_an_unknown_entry_are_placed() {
        let text = "[ui]\ntext = { modifiers = [\"bold\", \"blinky\"] }\n";
        let error = check_text("t.toml", text).expect_err("bad modifier");
        assert_eq!(error.at, Some((2, 31)));
        let text = "[ui]\n\nborderz = {}\n";
        let error = check_text("t.toml", text).expect_err("unknown entry");
        assert!(
            error.to_string().starts_with(
                "unknown [ui] entry \"borderz\" in t.toml at 3:1, expected one of text, dim,"
            ),
            "{error}"
        );
    }

    #[test]
    fn the_list_marks_user_themes_and_overrides() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("light.toml"), "").expect("write");
        std::fs::write(dir.path().join("mine.toml"), "").expect("write");
        std::fs::write(dir.path().join("notes.txt"), "").expect("write");
        let listed = list(Some(dir.path()));
        let names: Vec<&str> = listed.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["default", "light", "high-contrast", "mono", "mine"]);
        assert_eq!(listed[0].origin, Origin::BuiltIn);
        assert!(
            listed[1]
                .to_string()
                .ends_with("light.toml (overrides the built-in)")
        );
        assert!(listed[4].to_string().ends_with("mine.toml"));
    }

    #[test]
    fn an_unknown_theme_or_parent_is_an_error_naming_the_choices() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("mine.toml"), "\nextends = \"nope\"\n").expect("write");
        let error = check(
            "zzz",
            Some(dir.path()),
            ("config.toml", "theme = \"zzz\"", Some(8..13)),
        )
        .expect_err("unknown");
        assert_eq!(
            error.to_string(),
            "unknown theme \"zzz\" in config.toml at 1:9, expected one of default, light, high-contrast, mono, mine"
        );
        let error = check("mine", Some(dir.path()), ("x", "", None)).expect_err("bad parent");
        assert_eq!(error.problem, "unknown theme \"nope\"");
        assert_eq!(error.at, Some((2, 11)));
    }

    #[test]
    fn a_circle_of_themes_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.toml"), "extends = \"b\"\n").expect("write");
        std::fs::write(dir.path().join("b.toml"), "extends = \"a\"\n").expect("write");
        let error = check("a", Some(dir.path()), ("x", "", None)).expect_err("circle");
        assert_eq!(error.problem, "`extends` goes round in a circle: a → b → a");
        assert_eq!(error.file, dir.path().join("b.toml").display().to_string());
        assert_eq!(error.at, Some((1, 11)));
        assert!(error.expected.is_some());
    }

    #[test]
    fn a_circle_through_a_built_in_is_placed_in_the_users_file() {
        // The built-in `light` extends `default`, here the user's.
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("default.toml"), "\n extends = \"light\"\n").expect("write");
        let error = check("light", Some(dir.path()), ("x", "", None)).expect_err("circle");
        assert_eq!(
            error.problem,
            "`extends` goes round in a circle: light → default → light"
        );
        assert_eq!(error.at, Some((2, 12)));
    }

    #[test]
    fn a_theme_may_extend_its_own_name_only_when_that_is_a_built_in() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("light.toml"), "extends = \"light\"\n").expect("write");
        std::fs::write(dir.path().join("mine.toml"), "# mine\nextends = \"mine\"\n")
            .expect("write");
        check("light", Some(dir.path()), ("x", "", None)).expect("extends the built-in");
        let error = check("mine", Some(dir.path()), ("x", "", None)).expect_err("itself");
        assert_eq!(
            error.to_string(),
            format!(
                "theme \"mine\" extends itself in {} at 2:11, \
                 expected another theme, one of default, light, high-contrast, mono",
                dir.path().join("mine.toml").display()
            )
        );
    }

    #[test]
    fn a_long_chain_without_a_circle_is_fine() {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..30 {
            let text = format!("extends = \"t{}\"\n", i + 1);
            std::fs::write(dir.path().join(format!("t{i}.toml")), text).expect("write");
        }
        std::fs::write(dir.path().join("t30.toml"), "extends = \"mono\"\n").expect("write");
        check("t0", Some(dir.path()), ("x", "", None)).expect("a chain of 31");
        assert!(
            !Theme::load("t0", Some(dir.path()))
                .expect("loads")
                .has_colour()
        );
    }

    #[test]
    fn a_theme_nested_too_deep_is_placed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let deep = format!("[ui]\n{} = {{}}\n", vec!["x"; 81].join("."));
        std::fs::write(dir.path().join("deep.toml"), deep).expect("write");
        let error = check("deep", Some(dir.path()), ("x", "", None)).expect_err("too deep");
        assert_eq!(error.at, Some((2, 161)));
        assert_eq!(
            error.expected.as_deref(),
            Some("at most 80 levels of nesting")
        );
    }
}
