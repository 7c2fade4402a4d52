//! Reading the cables a command names: one file, several, a directory or the sample, with
//! `--annotations` and the file size limit alike for every command.

use super::{Failure, printable, shown, warn};
use crate::cable::Cable;
use crate::config;
use crate::input::{self, LoadError};
use crate::library::Library;
use crate::paths::Paths;
use crate::regular_file::Limit;
use std::path::{Path, PathBuf};

/// How much of a cable or side file may be read: `max_file_mb` in the user's config.
pub(super) fn file_limit() -> Result<Limit, Failure> {
    let config = match Paths::from_env().config_file() {
        Some(path) => config::Config::load(&path)?,
        None => config::Config::default(),
    };
    Ok(config.file_limit())
}

/// Loads the given cables, or the bundled sample when none is given; their warnings go to
/// standard error.
pub(super) fn load_all(paths: &[PathBuf], limit: Limit) -> Result<Vec<Cable>, LoadError> {
    if paths.is_empty() {
        return Ok(vec![input::sample()]);
    }
    let options = input::LoadOptions {
        limit,
        ..input::LoadOptions::default()
    };
    let cables: Vec<Cable> = paths
        .iter()
        .map(|p| input::load_with(p, &options))
        .collect::<Result<_, _>>()?;
    report_warnings(&cables, paths);
    Ok(cables)
}

/// Loads the one cable `--annotations` applies to, with that side file: the reader,
/// `export` and `entities` take the option alike and fail alike on a bad side file.
pub(super) fn load_annotated(
    paths: &[PathBuf],
    annotations: &Path,
    limit: Limit,
) -> Result<Cable, String> {
    let [path] = paths else {
        return Err("--annotations applies to one cable; give exactly one FILE".to_string());
    };
    let options = input::LoadOptions {
        annotations: Some(annotations.to_path_buf()),
        limit,
        ..input::LoadOptions::default()
    };
    let cable = input::load_with(path, &options).map_err(|e| e.to_string())?;
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

/// Loads files and directories into a library; bad files are counted on stderr.
pub(super) fn load_collection(paths: &[PathBuf], limit: Limit) -> Result<Library, String> {
    let never = std::sync::atomic::AtomicBool::new(false);
    let library = Library::load_limited(paths, limit, &|_| {}, &never);
    report_skipped(library.skipped());
    if library.is_empty() {
        return Err("no cable found in the given paths".to_string());
    }
    Ok(library)
}

/// Loads every cable under files and directories whole (for export); bad files are
/// counted on stderr, not fatal.
pub(super) fn load_leniently(
    paths: &[PathBuf],
    limit: Limit,
) -> Result<(Vec<Cable>, Vec<PathBuf>), String> {
    let never = std::sync::atomic::AtomicBool::new(false);
    let loaded = input::load_paths_with(paths, limit, &|_| {}, &never);
    report_skipped(&loaded.skipped);
    if loaded.cables.is_empty() {
        return Err("no cable found in the given paths".to_string());
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
        "cableview: skipped {} file{} that could not be read as cables",
        skipped.len(),
        if skipped.len() == 1 { "" } else { "s" }
    );
    // A few examples help; thousands would bury the output.
    for skip in skipped.iter().take(10) {
        eprintln!(
            "{}",
            printable(&format!("  {}: {}", shown(&skip.path), skip.reason))
        );
    }
}
