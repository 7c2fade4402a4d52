//! The library on a corpus index: `cableview --index DIR`, and plain `cableview` when the
//! default index (`index/` in the data dir) exists.

use super::{Failure, OpenArgs, prepare_screen, run_session, write_out};
use crate::library::{Library, LoadHandle};
use crate::sanitize::path as shown;
use crate::search_index::SearchIndex;
use crate::session::Session;
use crate::shell::config::startup::Startup;
use crate::shell::paths::Paths;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// `cableview --index DIR`: the library of every indexed cable, its table built from the
/// index's columns; a pipe gets the number of cables and where the index is.
pub(super) fn indexed_command(args: &OpenArgs, dir: &Path) -> Result<(), Failure> {
    let index = open(dir, args.annotations.as_deref())?;
    show(args, dir, index)
}

/// Plain `cableview`: the library on the default index, when its folder exists. `false`
/// when there is none, or when it cannot be opened: then why is added to `notices` and
/// the caller opens the sample, so a broken index never stops cableview from starting.
pub(super) fn default_command(args: &OpenArgs, notices: &mut Vec<String>) -> Result<bool, Failure> {
    let Some(dir) = default_dir() else {
        return Ok(false);
    };
    match open(&dir, args.annotations.as_deref()) {
        Ok(index) => show(args, &dir, index).map(|()| true),
        Err(failure) => {
            notices.push(format!(
                "default index {}; showing the bundled sample",
                failure.message
            ));
            Ok(false)
        }
    }
}

/// The default index's folder, when the data dir is known and the folder is there.
fn default_dir() -> Option<PathBuf> {
    Paths::from_env().index_dir().filter(|d| d.exists())
}

/// The index, its cables read again as they were indexed: `--tagger`, and the
/// collection's side file `--annotations FILE.jsonl` names.
pub(super) fn open(dir: &Path, annotations: Option<&Path>) -> Result<SearchIndex, Failure> {
    let tagging = super::load::tagging()?;
    let annotations = match annotations {
        Some(path) if crate::input::corpus::is_corpus_file(path) => {
            let options = crate::input::LoadOptions::default();
            Some(super::load::open_corpus(path, &options)?)
        }
        Some(_) => {
            return Err(Failure {
                message: "with an index, --annotations takes a collection's side file \
                          (FILE.jsonl, one document a line)"
                    .to_string(),
                code: 2,
            });
        }
        None => None,
    };
    Ok(SearchIndex::open(dir)
        .map_err(|e| e.to_string())?
        .with_tagging(tagging)
        .with_annotations(annotations))
}

/// The library on the index: on a terminal, its table is read on a background thread
/// while the screen says so; piped, where the index is and how many cables it holds.
fn show(args: &OpenArgs, dir: &Path, mut index: SearchIndex) -> Result<(), Failure> {
    // Corrections and aliases apply to the cables opened, as in a folder; `~word` in a
    // search finds every spelling of its group.
    let options = super::load::load_options()?;
    index.set_aliases(options.aliases.clone());
    if !std::io::stdout().is_terminal() {
        let library = Library::from_index_with(index, options).map_err(|e| e.to_string())?;
        return Ok(write_out(&format!(
            "{}: {} cables\n",
            shown(dir),
            library.len()
        ))?);
    }
    let Startup {
        options: reader,
        store,
    } = prepare_screen(args)?;
    let loader = LoadHandle::spawn_index(index, options);
    run_session(
        Session::loading(Some(loader), reader),
        store,
        args.fresh,
        Vec::new(),
    )?;
    Ok(())
}
