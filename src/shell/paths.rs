//! Where cableview keeps the user's files: the config dir (`config.toml`, `themes/`)
//! and the data dir (`state.json`, the corpus index `index/`).
//!
//! The platform's places come from the `directories` crate (on Linux that honours
//! `XDG_CONFIG_HOME` and `XDG_DATA_HOME`); `CABLEVIEW_CONFIG_DIR` and
//! `CABLEVIEW_DATA_DIR` override them, which is what tests use. No file is required.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

/// The variable that overrides the config dir.
pub const CONFIG_DIR_VAR: &str = "CABLEVIEW_CONFIG_DIR";
/// The variable that overrides the data dir.
pub const DATA_DIR_VAR: &str = "CABLEVIEW_DATA_DIR";
/// The config file's name inside the config dir.
pub const CONFIG_FILE: &str = "config.toml";
/// The user themes' folder inside the config dir.
pub const THEMES_DIR: &str = "themes";
/// The reading state's file name inside the data dir.
pub const STATE_FILE: &str = "state.json";

/// The two directories in use. Either may be unknown (no home directory and no
/// override), in which case the embedded defaults apply and nothing is saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paths {
    /// Holds `config.toml` and `themes/`.
    pub config_dir: Option<PathBuf>,
    /// Holds `state.json`.
    pub data_dir: Option<PathBuf>,
}

impl Paths {
    /// The paths for this process: the environment overrides, else the platform's places.
    #[must_use]
    pub fn from_env() -> Self {
        let project = directories::ProjectDirs::from("", "", "cableview");
        Self::resolve(|name| std::env::var_os(name), project.as_ref())
    }

    /// Resolves the paths from an environment lookup and the platform's places.
    ///
    /// An empty override counts as unset, as a shell's `VAR=` usually means.
    pub fn resolve(
        env: impl Fn(&str) -> Option<OsString>,
        project: Option<&directories::ProjectDirs>,
    ) -> Self {
        let var = |name: &str| env(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        Self {
            config_dir: var(CONFIG_DIR_VAR)
                .or_else(|| project.map(|p| p.config_dir().to_path_buf())),
            data_dir: var(DATA_DIR_VAR).or_else(|| project.map(|p| p.data_dir().to_path_buf())),
        }
    }

    /// Paths rooted in two given directories (tests, embedding).
    #[must_use]
    pub fn at(config_dir: impl Into<PathBuf>, data_dir: impl Into<PathBuf>) -> Self {
        Self {
            config_dir: Some(config_dir.into()),
            data_dir: Some(data_dir.into()),
        }
    }

    /// `config.toml` in the config dir.
    #[must_use]
    pub fn config_file(&self) -> Option<PathBuf> {
        self.config_dir.as_deref().map(|d| d.join(CONFIG_FILE))
    }

    /// `themes/` in the config dir.
    #[must_use]
    pub fn themes_dir(&self) -> Option<PathBuf> {
        self.config_dir.as_deref().map(|d| d.join(THEMES_DIR))
    }

    /// `state.json` in the data dir.
    #[must_use]
    pub fn state_file(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(|d| d.join(STATE_FILE))
    }

    /// The default corpus index: `index/` in the data dir, which `cableview index` builds
    /// and plain `cableview` opens.
    #[must_use]
    pub fn index_dir(&self) -> Option<PathBuf> {
        crate::search_index::default_dir(self.data_dir.as_deref())
    }

    /// What `cableview paths` prints: one line per file, with whether it exists.
    #[must_use]
    pub fn report(&self) -> String {
        let rows = [
            ("config file", self.config_file()),
            ("themes dir", self.themes_dir()),
            ("state file", self.state_file()),
            ("index dir", self.index_dir()),
        ];
        let mut out = String::new();
        for (name, path) in rows {
            out.push_str(&format!("{name:<12} {}\n", Shown(path.as_deref())));
        }
        out
    }
}

/// A path as `cableview paths` shows it: the path, and a note when it is absent.
struct Shown<'a>(Option<&'a Path>);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => write!(
                f,
                "(unknown: no home directory; set {CONFIG_DIR_VAR} or {DATA_DIR_VAR})"
            ),
            Some(path) if path.exists() => write!(f, "{}", crate::sanitize::path(path)),
            Some(path) => write!(f, "{} (not present)", crate::sanitize::path(path)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let pairs: Vec<(String, OsString)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), OsString::from(v)))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn overrides_win_over_the_platform_places() {
        let project = directories::ProjectDirs::from_path(PathBuf::from("cableview"));
        let paths = Paths::resolve(
            env_of(&[(CONFIG_DIR_VAR, "/c"), (DATA_DIR_VAR, "/d")]),
            project.as_ref(),
        );
        assert_eq!(paths.config_file(), Some(PathBuf::from("/c/config.toml")));
        assert_eq!(paths.themes_dir(), Some(PathBuf::from("/c/themes")));
        assert_eq!(paths.state_file(), Some(PathBuf::from("/d/state.json")));
    }

    #[test]
    fn empty_overrides_count_as_unset() {
        let paths = Paths::resolve(env_of(&[(CONFIG_DIR_VAR, ""), (DATA_DIR_VAR, "")]), None);
        assert_eq!(paths, Paths::default());
        assert!(paths.report().contains("unknown: no home directory"));
    }

    #[test]
    fn the_platform_places_are_used_without_overrides() {
        let Some(project) = directories::ProjectDirs::from("", "", "cableview") else {
            return; // no home directory on this machine: nothing to compare with
        };
        let paths = Paths::resolve(env_of(&[]), Some(&project));
        assert_eq!(paths.config_dir.as_deref(), Some(project.config_dir()));
        assert_eq!(paths.data_dir.as_deref(), Some(project.data_dir()));
    }

    #[test]
    fn the_report_marks_absent_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(CONFIG_FILE), "").expect("write");
        let paths = Paths::at(dir.path(), dir.path().join("data"));
        let report = paths.report();
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("config file ") && !lines[0].ends_with("(not present)"));
        assert!(lines[1].starts_with("themes dir ") && lines[1].ends_with("(not present)"));
        assert!(lines[2].starts_with("state file ") && lines[2].ends_with("(not present)"));
        assert!(lines[3].starts_with("index dir ") && lines[3].ends_with("(not present)"));
    }
}
