//! Everything read from the user's files before the screen changes: the config,
//! the key overrides, the theme and the reading state. A mistake in any file is a
//! [`FileError`] here, so the reader never starts half-configured.

use super::{Config, FileError, Locations, Pane, View};
use crate::cable::EntityKind;
use crate::file_error::line_column;
use crate::session::action::Context;
use crate::session::keymap::{Key, Keymap, KeymapError};
use crate::session::reader::ReaderOptions;
use crate::shell::paths::Paths;
use crate::shell::state::Store;

/// What the command line asks for.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// `--theme NAME`.
    pub theme: Option<String>,
    /// Whether `NO_COLOR` is set (and not empty).
    pub no_color: bool,
    /// `--no-state`.
    pub no_state: bool,
}

/// The reader's options and the state store, ready to open a cable.
#[derive(Debug)]
pub struct Startup {
    /// How the reader starts.
    pub options: ReaderOptions,
    /// The reading state (disabled with `--no-state`).
    pub store: Store,
}

/// Reads the config, keymap, theme and state named by `paths`.
pub fn prepare(paths: &Paths, launch: &Launch) -> Result<Startup, FileError> {
    let config_path = paths.config_file();
    let file = config_path
        .as_deref()
        .map_or_else(|| "config.toml".to_string(), crate::sanitize::path);
    let text = match &config_path {
        Some(path) => super::read_text(path)?.unwrap_or_default(),
        None => String::new(),
    };
    let config = Config::parse(&text, &file)?;
    let at = Locations::of(&text);
    let keymap =
        Keymap::from_overrides(&config.keys).map_err(|e| keymap_error(&e, &file, &text, &at))?;

    // --theme, then a theme the config names, then NO_COLOR, then the default.
    let themes_dir = paths.themes_dir();
    let (theme, asked_in) = match (&launch.theme, &at.theme) {
        (Some(name), _) => (name.clone(), ("the --theme option", "", None)),
        (None, Some(span)) => (
            config.theme.clone(),
            (file.as_str(), text.as_str(), Some(span.clone())),
        ),
        (None, None) if launch.no_color => ("mono".to_string(), ("NO_COLOR", "", None)),
        (None, None) => (config.theme.clone(), (file.as_str(), text.as_str(), None)),
    };
    crate::shell::user_themes::check(&theme, themes_dir.as_deref(), asked_in)?;

    let store = match paths.state_file() {
        Some(path) if !launch.no_state => Store::open(path),
        _ => Store::disabled(),
    };
    Ok(Startup {
        options: options(&config, theme, themes_dir, keymap),
        store,
    })
}

/// The reader's options from a config.
#[must_use]
pub fn options(
    config: &Config,
    theme: String,
    themes_dir: Option<std::path::PathBuf>,
    keymap: Keymap,
) -> ReaderOptions {
    // A listed pane shows when the terminal is wide enough; an unlisted one starts folded.
    let pane = |p: Pane| (!config.panes.contains(&p)).then_some(false);
    let shown = config.entity_kinds();
    ReaderOptions {
        theme,
        themes_dir,
        show_navigator: pane(Pane::Navigator),
        show_entities: pane(Pane::Entities),
        hidden_kinds: EntityKind::STANDARD
            .into_iter()
            .filter(|k| !shown.contains(k))
            .collect(),
        max_width: config.max_width,
        mouse: config.mouse,
        source_view: config.view == View::Source,
        keymap,
        citation: config.citation.clone(),
    }
}

/// Where a keymap error's action (`quit`, or `library.quit` for the library's) is
/// written in the config, if it is.
fn entry<'a>(at: &'a Locations, action: &str) -> Option<&'a crate::shell::config::KeyLocations> {
    match action.strip_prefix("library.") {
        Some(name) => at.library_keys.get(name),
        None => at.keys.get(action),
    }
}

/// Places a keymap error on the `[keys]` or `[keys.library]` entry that caused it.
fn keymap_error(error: &KeymapError, file: &str, text: &str, at: &Locations) -> FileError {
    let here = |span, problem: String, expected: Option<String>| {
        FileError::at_span(file, text, span, problem, expected)
    };
    let key_span = |action: &str, key: &str| {
        let wanted = Key::parse(key).ok();
        entry(at, action).and_then(|(_, keys)| {
            keys.iter()
                .find(|(k, _)| k == key || (wanted.is_some() && Key::parse(k).ok() == wanted))
                .map(|(_, span)| span.clone())
        })
    };
    match error {
        KeymapError::UnknownAction(action) => {
            let (table, name, names): (_, _, Vec<&str>) = match action.strip_prefix("library.") {
                Some(name) => (
                    "[keys.library]",
                    name,
                    Context::Library.bindable().iter().map(|b| b.name).collect(),
                ),
                None => (
                    "[keys]",
                    action.as_str(),
                    Context::Reader.bindable().iter().map(|b| b.name).collect(),
                ),
            };
            here(
                entry(at, action).map(|(span, _)| span.clone()),
                format!("unknown {table} action {name:?}"),
                Some(format!("one of {}", names.join(", "))),
            )
        }
        KeymapError::BadKey {
            action,
            key,
            reason,
        } => here(
            key_span(action, key),
            format!("cannot read key {key:?} ({reason})"),
            Some(
                "a character or a key name with modifiers, like \"q\", \"G\", \"ctrl-d\", \
                 \"shift-tab\", \"pagedown\", \"f1\""
                    .to_string(),
            ),
        ),
        KeymapError::Conflict { key, first, second } => {
            let first_span = key_span(first, key);
            let second_span = key_span(second, key);
            if let (Some(first_at), Some(second_at)) = (&first_span, &second_span) {
                // Both bindings are the user's: name both lines, one to change.
                let line = |span: &std::ops::Range<usize>| line_column(text, span.start).0;
                return here(
                    second_span.clone(),
                    format!(
                        "key {key:?} is bound to both {first} (line {}) and {second} (line {})",
                        line(first_at),
                        line(second_at)
                    ),
                    Some(format!(
                        "one action per key: {key:?} taken off {first} or {second}"
                    )),
                );
            }
            // The user's entry is the one to fix: the defaults alone never conflict.
            let span = second_span.or(first_span);
            let (fix, other) = if entry(at, second).is_some() {
                (second, first)
            } else {
                (first, second)
            };
            here(
                span,
                format!("key {key:?} is bound to both {first} and {second}"),
                Some(format!(
                    "one action per key: another key for {fix}, or {other} rebound too"
                )),
            )
        }
        KeymapError::Syntax(message) => here(None, message.clone(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::action::Action;

    fn prepare_with(config: &str) -> Result<Startup, FileError> {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("config.toml"), config).expect("write");
        let paths = Paths::at(dir.path(), dir.path().join("data"));
        prepare(&paths, &Launch::default()).map_err(|mut e| {
            e.file = "config.toml".to_string();
            e
        })
    }

    #[test]
    fn the_defaults_give_the_readers_defaults() {
        let options = prepare_with("").expect("valid").options;
        let defaults = ReaderOptions::default();
        assert_eq!(options.theme, defaults.theme);
        assert_eq!(options.show_navigator, defaults.show_navigator);
        assert_eq!(options.show_entities, defaults.show_entities);
        assert_eq!(options.hidden_kinds, defaults.hidden_kinds);
        assert_eq!(options.max_width, defaults.max_width);
        assert_eq!(options.mouse, defaults.mouse);
        assert_eq!(options.source_view, defaults.source_view);
        assert_eq!(options.citation, defaults.citation);
    }

    #[test]
    fn config_fields_reach_the_options() {
        let text = "panes = [\"entities\"]\nkinds = [\"PER\", \"LOC\"]\nmax_width = 60\nmouse = false\nview = \"source\"\ncitation = \"{id}/{paragraph}\"\n[keys]\nquit = [\"Q\"]\n";
        let options = prepare_with(text).expect("valid").options;
        assert_eq!(options.show_navigator, Some(false));
        assert_eq!(options.show_entities, None);
        assert_eq!(
            options.hidden_kinds,
            vec![EntityKind::Org, EntityKind::Misc]
        );
        assert_eq!(options.max_width, 60);
        assert!(!options.mouse && options.source_view);
        assert_eq!(options.citation.source(), "{id}/{paragraph}");
        let x = Key::parse("Q").expect("key");
        assert_eq!(options.keymap.action(&x), Some(Action::Quit));
        assert_eq!(options.keymap.action(&Key::parse("q").expect("key")), None);
    }

    #[test]
    fn library_keys_reach_the_options() {
        let text = "[keys]\nquit = [\"x\"]\n[keys.library]\nother_cables = [\"o\"]\n";
        let keymap = prepare_with(text).expect("valid").options.keymap;
        let key = |k| Key::parse(k).expect("key");
        assert_eq!(keymap.action(&key("x")), Some(Action::Quit));
        assert_eq!(keymap.library_action(&key("o")), Some(Action::OtherCables));
        assert_eq!(keymap.library_action(&key("x")), None);
    }

    #[test]
    fn a_reader_key_from_before_the_library_drops_the_library_default() {
        let keymap = prepare_with("[keys]\nquit = [\"x\", \"ctrl-c\"]\n")
            .expect("valid")
            .options
            .keymap;
        let x = Key::parse("x").expect("key");
        assert_eq!(keymap.action(&x), Some(Action::Quit));
        assert_eq!(keymap.library_action(&x), None);
        assert!(keymap.library_keys(&Action::OtherCables).is_empty());
    }

    #[test]
    fn a_key_bound_on_both_sides_by_the_user_names_both_lines() {
        let text = "[keys]\nquit = [\"x\"]\n\n[keys.library]\nother_cables = [\"o\", \"x\"]\n";
        let error = prepare_with(text).expect_err("x on both sides");
        assert_eq!(
            error.to_string(),
            "key \"x\" is bound to both quit (line 2) and library.other_cables (line 5) \
             in config.toml at 5:22, expected one action per key: \"x\" taken off quit or \
             library.other_cables"
        );
        // A move's key over a reader default is no error: the move wins in the library.
        assert!(prepare_with("[keys.library]\nback = [\"n\"]\n").is_ok());
    }

    #[test]
    fn no_color_gives_mono_unless_the_config_names_a_theme() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = Paths::at(dir.path(), dir.path());
        let launch = Launch {
            no_color: true,
            no_state: true,
            ..Launch::default()
        };
        assert_eq!(prepare(&paths, &launch).expect("ok").options.theme, "mono");
        std::fs::write(dir.path().join("config.toml"), "theme = \"light\"").expect("write");
        assert_eq!(prepare(&paths, &launch).expect("ok").options.theme, "light");
        let asked = Launch {
            theme: Some("high-contrast".into()),
            ..launch
        };
        assert_eq!(
            prepare(&paths, &asked).expect("ok").options.theme,
            "high-contrast"
        );
    }

    #[test]
    fn an_unknown_theme_on_the_command_line_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = Paths::at(dir.path(), dir.path());
        let launch = Launch {
            theme: Some("nope".into()),
            ..Launch::default()
        };
        let error = prepare(&paths, &launch).expect_err("unknown theme");
        assert_eq!(
            error.to_string(),
            "unknown theme \"nope\" in the --theme option, expected one of default, light, high-contrast, mono"
        );
    }
}
