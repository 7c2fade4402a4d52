//! Reading the cables a command names: one file, several, a directory or the sample, with
//! `--annotations` and the file size limit alike for every command.

use super::{CliError, Failure, printable, shown, warn};
use crate::aliases::{ALIASES_FILE, Aliases};
use crate::cable::{Cable, Tagging};
use crate::corrections::Everywhere;
use crate::input::LoadOptions;
use crate::input::{self, LoadError};
use crate::shell::config;
use crate::shell::paths::Paths;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// `--tagger` as given on the command line: set once by [`super::main`] before any
/// command runs, read wherever cables are read, so that every command takes the flag
/// without each threading it through.
static TAGGER_FLAG: OnceLock<config::TaggerSetting> = OnceLock::new();

/// Records `--tagger`; a second call changes nothing.
pub(super) fn set_tagger_flag(setting: Option<config::TaggerSetting>) {
    if let Some(setting) = setting {
        let _ = TAGGER_FLAG.set(setting);
    }
}

fn user_config(paths: &Paths) -> Result<config::Config, Failure> {
    Ok(match paths.config_file() {
        Some(path) => config::Config::load(&path)?,
        None => config::Config::default(),
    })
}

/// Whether cables without annotations are tagged: `--tagger`, else `tagger` in the
/// user's config, else on.
pub(super) fn tagging() -> Result<Tagging, Failure> {
    let setting = match TAGGER_FLAG.get() {
        Some(flag) => *flag,
        None => user_config(&Paths::from_env())?.tagger,
    };
    Ok(setting.tagging())
}

/// How every command reads cables: `max_file_mb` in the user's config, the user's
/// `aliases.toml`, the corrections in the data dir (for each cable and for every one),
/// `--tagger`. A bad config, aliases or corrections file is an error (status 2).
pub(super) fn load_options() -> Result<LoadOptions, Failure> {
    let paths = Paths::from_env();
    let config = user_config(&paths)?;
    let aliases = match &paths.config_dir {
        Some(dir) => load_aliases(&dir.join(ALIASES_FILE))?,
        None => Aliases::default(),
    };
    // A corrupt file of corrections for every cable stops every command, as a bad
    // aliases file does: its rules would otherwise be silently left out.
    let everywhere =
        Everywhere::load(paths.data_dir.as_deref(), Some(&aliases)).map_err(|e| Failure {
            message: e.to_string(),
            code: 2,
        })?;
    Ok(LoadOptions {
        limit: config.file_limit(),
        aliases: (!aliases.is_empty()).then(|| Arc::new(aliases)),
        corrections: paths.data_dir,
        everywhere: Arc::new(everywhere),
        tagging: TAGGER_FLAG
            .get()
            .copied()
            .unwrap_or(config.tagger)
            .tagging(),
        ..LoadOptions::default()
    })
}

/// Reads the aliases file at `path`; a missing file gives no aliases.
fn load_aliases(path: &Path) -> Result<Aliases, config::FileError> {
    match config::read_text(path)? {
        Some(text) => Aliases::parse(&text, &crate::sanitize::path(path)),
        None => Ok(Aliases::default()),
    }
}

/// `--annotations` as given: a collection's side file (`.jsonl`) is read through (every
/// line checked) into `options`, for every cable read, and `None` comes back; one
/// cable's side file comes back as it is.
pub(super) fn take_annotations<'a>(
    given: Option<&'a Path>,
    options: &mut LoadOptions,
) -> Result<Option<&'a Path>, Failure> {
    match given {
        Some(path) if input::corpus::is_corpus_file(path) => {
            options.corpus = Some(open_corpus(path, options)?);
            Ok(None)
        }
        other => Ok(other),
    }
}

/// A collection's side file, opened: a line that is not a document is an error naming
/// it (status 1, as for unreadable input).
pub(super) fn open_corpus(
    path: &Path,
    options: &LoadOptions,
) -> Result<Arc<input::SideCorpus>, Failure> {
    input::SideCorpus::open(path, options.labels.clone())
        .map(Arc::new)
        .map_err(|e| Failure::from(e.to_string()))
}

/// Loads the given cables, or the bundled sample when none is given; their warnings go to
/// standard error.
pub(super) fn load_all(paths: &[PathBuf], options: &LoadOptions) -> Result<Vec<Cable>, LoadError> {
    if paths.is_empty() {
        return Ok(vec![options.adjust(input::sample())?]);
    }
    let cables: Vec<Cable> = paths
        .iter()
        .map(|p| input::load_with(p, options))
        .collect::<Result<_, _>>()?;
    report_warnings(&cables, paths);
    Ok(cables)
}

/// Loads the one cable `--annotations` applies to, with that side file: the reader,
/// `export` and `entities` take the option alike and fail alike on a bad side file.
pub(super) fn load_annotated(
    paths: &[PathBuf],
    annotations: &Path,
    options: &LoadOptions,
) -> Result<Cable, CliError> {
    let [path] = paths else {
        return Err(CliError::AnnotationsForOne);
    };
    let options = LoadOptions {
        annotations: Some(annotations.to_path_buf()),
        ..options.clone()
    };
    let cable = input::load_with(path, &options)?;
    report_warnings(std::slice::from_ref(&cable), paths);
    Ok(cable)
}

/// What reading the cables noticed (a side file's mentions left out, bytes that are not
/// UTF-8), on standard error, each after the cable's file.
fn report_warnings(cables: &[Cable], files: &[PathBuf]) {
    for (cable, file) in cables.iter().zip(files) {
        for warning in &cable.warnings {
            warn(&warning.located(&shown(file)));
        }
    }
}

/// Whether any path is a directory or a release CSV: then the paths are a collection,
/// loaded leniently.
pub(super) fn names_a_directory(paths: &[PathBuf]) -> bool {
    paths
        .iter()
        .any(|p| p.is_dir() || input::release_csv::is_release_csv(p))
}

/// The entity index of every cable under files and directories, nothing else kept:
/// `entities DIR` needs no table, filter text or links.
pub(super) fn load_entity_index(
    paths: &[PathBuf],
    options: &LoadOptions,
) -> Result<crate::library::EntityIndex, CliError> {
    let never = std::sync::atomic::AtomicBool::new(false);
    let (per_cable, skipped) =
        input::load_paths_map(paths, options.clone(), &|_| {}, &never, |_, cable| {
            crate::library::FileEntities::from_cable(cable)
        });
    report_skipped(&skipped);
    if per_cable.is_empty() {
        return Err(CliError::NoCable);
    }
    // A cable's annotated text and its page count once, as in the library.
    Ok(crate::library::EntityIndex::build_files(per_cable))
}

/// Loads every cable under files and directories whole (for export); bad files are
/// counted on stderr, not fatal.
pub(super) fn load_leniently(
    paths: &[PathBuf],
    options: &LoadOptions,
) -> Result<(Vec<Cable>, Vec<PathBuf>), CliError> {
    let never = std::sync::atomic::AtomicBool::new(false);
    let loaded = input::load_paths_with(paths, options.clone(), &|_| {}, &never);
    report_skipped(&loaded.skipped);
    if loaded.cables.is_empty() {
        return Err(CliError::NoCable);
    }
    let (files, cables): (Vec<PathBuf>, Vec<Cable>) = loaded.cables.into_iter().unzip();
    report_warnings(&cables, &files);
    Ok((cables, files))
}

pub(super) fn report_skipped(skipped: &[input::Skipped]) {
    if skipped.is_empty() {
        return;
    }
    eprintln!(
        "cableview: skipped {} that could not be read as cables",
        input::skipped_summary(skipped)
    );
    // A few examples help; thousands would bury the output.
    for skip in skipped.iter().take(10) {
        eprintln!(
            "{}",
            printable(&format!("  {}: {}", shown(&skip.path), skip.reason))
        );
    }
}
