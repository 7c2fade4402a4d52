//! The user's settings: `config.toml` in the config dir, read strictly.
//!
//! Every field is optional and falls back to the embedded default
//! (`assets/config.toml`, which `cableview config --default` prints). An unknown
//! field, a wrong type or a bad value is an error that names the file, line and
//! column: a half-read config never starts the reader.

pub mod startup;

use crate::cable::EntityKind;
use crate::export::citation::Template;
pub use crate::file_error::{FileError, read_text};
use crate::session::keymap::{KeyOverrides, Sections};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// The commented default config, embedded; parsing it gives [`Config::default`].
pub const DEFAULT_TOML: &str = include_str!("../../assets/config.toml");

/// The narrowest reading column a config may ask for.
pub const MIN_WIDTH: u16 = 20;
/// The widest reading column a config may ask for.
pub const MAX_WIDTH: u16 = 1000;

/// The settings of `config.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The theme at start: a built-in one or a `themes/NAME.toml` of the user.
    pub theme: String,
    /// The side panes shown at start (the reader always shows).
    pub panes: Vec<Pane>,
    /// The entity kinds highlighted at start; the others start hidden.
    pub kinds: Vec<Kind>,
    /// The widest the reading column grows, in terminal columns.
    #[serde(deserialize_with = "width")]
    pub max_width: u16,
    /// Whether the reader captures the mouse (wheel, clicks); off leaves the
    /// terminal's own selection working.
    pub mouse: bool,
    /// The view at start: the clean text or the file's own lines.
    pub view: View,
    /// The largest cable or side file read, in MB: a stray disk image or a file that
    /// never ends is skipped with the reason instead of filling memory.
    #[serde(deserialize_with = "megabytes")]
    pub max_file_mb: u64,
    /// How `y` cites a paragraph: placeholders such as `{id}` and `{url}`, groups in
    /// `[...]` left out when a value is missing.
    pub citation: Template,
    /// Key overrides: action name -> its keys, replacing that action's defaults; the
    /// library's actions in `[keys.library]`.
    pub keys: KeyOverrides,
    /// Whether cableview's tagger finds entities in cables that carry none
    /// (`--tagger` overrides it).
    pub tagger: TaggerSetting,
}

/// cableview's own tagger, on or off (`tagger` in config.toml, `--tagger`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum TaggerSetting {
    /// Cables without annotations of their own are tagged.
    #[default]
    On,
    /// They are left without entities.
    Off,
}

impl TaggerSetting {
    /// The parser's setting.
    #[must_use]
    pub fn tagging(self) -> crate::cable::Tagging {
        match self {
            Self::On => crate::cable::Tagging::Builtin,
            Self::Off => crate::cable::Tagging::Off,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            theme: "default".to_string(),
            panes: vec![Pane::Navigator, Pane::Entities],
            kinds: vec![Kind::Per, Kind::Org, Kind::Loc, Kind::Misc],
            max_width: 100,
            mouse: true,
            view: View::Clean,
            max_file_mb: crate::regular_file::DEFAULT_CABLE_MB,
            citation: Template::default(),
            keys: KeyOverrides::default(),
            tagger: TaggerSetting::On,
        }
    }
}

/// A side pane that can be shown or folded away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pane {
    /// The paragraph navigator, on the left.
    Navigator,
    /// The entity sidebar, on the right.
    Entities,
}

/// One of the four entity kinds, as the tagger writes them (`"PER"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Kind {
    /// People.
    Per,
    /// Organisations.
    Org,
    /// Locations.
    Loc,
    /// Everything else the tagger named.
    Misc,
}

impl Kind {
    /// The model's kind.
    #[must_use]
    pub fn entity_kind(self) -> EntityKind {
        match self {
            Self::Per => EntityKind::Per,
            Self::Org => EntityKind::Org,
            Self::Loc => EntityKind::Loc,
            Self::Misc => EntityKind::Misc,
        }
    }
}

/// The reader's view at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// The clean text, with highlights.
    #[default]
    Clean,
    /// The file's own lines, brackets and all.
    Source,
}

fn width<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u16, D::Error> {
    let expected = format!("expected a number of columns from {MIN_WIDTH} to {MAX_WIDTH}");
    let value = toml::Value::deserialize(deserializer)?;
    let Some(number) = value.as_integer() else {
        let found = value.type_str();
        return Err(serde::de::Error::custom(format!(
            "wrong type: {found} {value}, {expected}"
        )));
    };
    u16::try_from(number)
        .ok()
        .filter(|w| (MIN_WIDTH..=MAX_WIDTH).contains(w))
        .ok_or_else(|| serde::de::Error::custom(format!("invalid width {number}, {expected}")))
}

/// The largest `max_file_mb` accepted: cables are read whole into memory.
pub const MAX_FILE_MB: u64 = 4096;

fn megabytes<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    let expected = format!("expected a number of megabytes from 1 to {MAX_FILE_MB}");
    let value = toml::Value::deserialize(deserializer)?;
    let Some(number) = value.as_integer() else {
        let found = value.type_str();
        return Err(serde::de::Error::custom(format!(
            "wrong type: {found} {value}, {expected}"
        )));
    };
    u64::try_from(number)
        .ok()
        .filter(|mb| (1..=MAX_FILE_MB).contains(mb))
        .ok_or_else(|| serde::de::Error::custom(format!("invalid size {number}, {expected}")))
}

impl Config {
    /// Parses the text of a config file; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Self, FileError> {
        toml::from_str(text).map_err(|e| FileError::from_toml(file, text, &e))
    }

    /// Reads the config file at `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Self, FileError> {
        match read_text(path)? {
            Some(text) => Self::parse(&text, &crate::sanitize::path(path)),
            None => Ok(Self::default()),
        }
    }

    /// How much of a cable or side file may be read.
    #[must_use]
    pub fn file_limit(&self) -> crate::regular_file::Limit {
        crate::regular_file::Limit::cable_mb(self.max_file_mb)
    }

    /// The config file's entity kinds as the model's.
    #[must_use]
    pub fn entity_kinds(&self) -> Vec<EntityKind> {
        self.kinds.iter().map(|k| k.entity_kind()).collect()
    }
}

/// Where a `[keys]` entry stands: the action's name, then each key with its place.
pub type KeyLocations = (Range<usize>, Vec<(String, Range<usize>)>);

/// Where things stand in a config's text, for errors found after parsing
/// (a key conflict, an unknown theme): byte ranges of values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locations {
    /// The `theme = ...` value.
    pub theme: Option<Range<usize>>,
    /// Each `[keys]` action: where its name stands, and each of its keys.
    pub keys: BTreeMap<String, KeyLocations>,
    /// Each `[keys.library]` action, likewise.
    pub library_keys: BTreeMap<String, KeyLocations>,
}

impl Locations {
    /// Finds the locations in a config's text; empty when it does not parse.
    #[must_use]
    pub fn of(text: &str) -> Self {
        type Spanned = toml::Spanned<String>;
        #[derive(Deserialize)]
        struct Raw {
            theme: Option<Spanned>,
            keys: Option<Sections<Spanned, Vec<Spanned>>>,
        }
        let Ok(raw) = toml::from_str::<Raw>(text) else {
            return Self::default();
        };
        let located = |entries: BTreeMap<Spanned, Vec<Spanned>>| {
            entries
                .into_iter()
                .map(|(action, keys)| {
                    let span = action.span();
                    let keys = keys
                        .into_iter()
                        .map(|k| {
                            let span = k.span();
                            (k.into_inner(), span)
                        })
                        .collect();
                    (action.into_inner(), (span, keys))
                })
                .collect()
        };
        let (keys, library_keys) = match raw.keys {
            Some(sections) => (located(sections.reader), located(sections.library)),
            None => (BTreeMap::new(), BTreeMap::new()),
        };
        Self {
            theme: raw.theme.map(|t| t.span()),
            keys,
            library_keys,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_default_parses_to_the_defaults() {
        let parsed = Config::parse(DEFAULT_TOML, "config.toml").expect("the default parses");
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn every_field_of_the_default_file_is_written_out() {
        // A field missing from the commented default would be undocumented there.
        let value: toml::Table = toml::from_str(DEFAULT_TOML).expect("toml");
        let fields = [
            "theme",
            "panes",
            "kinds",
            "max_width",
            "mouse",
            "view",
            "max_file_mb",
            "citation",
            "tagger",
            "keys",
        ];
        for field in fields {
            assert!(
                value.contains_key(field),
                "{field} missing from assets/config.toml"
            );
        }
        assert_eq!(value.len(), fields.len());
    }

    #[test]
    fn an_empty_file_gives_the_defaults() {
        assert_eq!(Config::parse("", "config.toml"), Ok(Config::default()));
    }

    #[test]
    fn a_missing_file_gives_the_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(
            Config::load(&dir.path().join("config.toml")),
            Ok(Config::default())
        );
    }

    #[test]
    fn a_directory_in_place_of_the_file_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = Config::load(dir.path()).expect_err("a directory is not a config");
        assert!(
            error.to_string().starts_with("cannot read the file"),
            "{error}"
        );
    }

    #[test]
    fn kinds_become_the_models_kinds() {
        let config = Config::parse(r#"kinds = ["PER", "LOC"]"#, "c").expect("parses");
        assert_eq!(
            config.entity_kinds(),
            vec![EntityKind::Per, EntityKind::Loc]
        );
    }

    #[test]
    fn locations_find_the_theme_and_each_key() {
        let text = "theme = \"light\"\n[keys]\nquit = [\"q\", \"x\"]\n";
        let at = Locations::of(text);
        assert_eq!(at.theme.map(|s| &text[s]), Some("\"light\""));
        let (action, keys) = &at.keys["quit"];
        assert_eq!(&text[action.clone()], "quit");
        assert_eq!(keys[1].0, "x");
        assert_eq!(&text[keys[1].1.clone()], "\"x\"");
        let text = "[keys]\nquit = [\"Q\"]\n[keys.library]\nback = [\"h\"]\n";
        let at = Locations::of(text);
        assert_eq!(&text[at.keys["quit"].0.clone()], "quit");
        let (action, keys) = &at.library_keys["back"];
        assert_eq!(&text[action.clone()], "back");
        assert_eq!(&text[keys[0].1.clone()], "\"h\"");
    }

    #[test]
    fn library_keys_are_read_from_their_own_table() {
        let config = Config::parse(
            "[keys]\nquit = [\"Q\"]\n[keys.library]\nback = [\"h\"]\n",
            "c",
        )
        .expect("parses");
        assert_eq!(config.keys.reader["quit"], vec!["Q".to_string()]);
        assert_eq!(config.keys.library["back"], vec!["h".to_string()]);
        let error = Config::parse("[keys.library]\nback = \"h\"\n", "c").expect_err("not a list");
        assert_eq!(
            error.to_string(),
            "wrong type: string \"h\" in c at 2:8, expected a list"
        );
    }
}
