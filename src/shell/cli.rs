//! The command line: `cableview [FILE]` opens the reader; subcommands print or export.

mod args;
mod error;
mod export_index;
mod exporting;
mod index;
mod indexed;
mod load;
mod search;
mod table;
mod timeline;

use crate::cable::{Cable, EntityKind};
use crate::export;
use crate::input::LoadOptions;
use crate::library::bundle::Bundle;
use crate::sanitize::{path as shown, printable};
use crate::session::Session;
use crate::shell::config;
use crate::shell::config::startup::{self, Launch, Startup};
use crate::shell::paths::Paths;
use crate::shell::state::Store;
pub use args::{Cli, Command, OpenArgs, completions, man_page};
use clap::Parser;
pub use error::CliError;
use load::{
    load_all, load_annotated, load_entity_index, load_leniently, load_options, names_a_directory,
    report_skipped, take_annotations,
};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use table::{collection_entities, name_width, push_fitted};

/// Why a command failed, and the exit status that says so.
#[derive(Debug)]
pub struct Failure {
    /// What to tell the user.
    pub message: String,
    /// 2 for a bad config or theme file of the user's, 1 for anything else.
    pub code: u8,
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Self { message, code: 1 }
    }
}

impl From<CliError> for Failure {
    fn from(error: CliError) -> Self {
        Self {
            message: error.to_string(),
            code: 1,
        }
    }
}

impl From<crate::shell::config::FileError> for Failure {
    fn from(error: crate::shell::config::FileError) -> Self {
        Self {
            message: error.to_string(),
            code: 2,
        }
    }
}

/// Runs the command line and returns the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    load::set_tagger_flag(cli.tagger);
    let result = match cli.command {
        Some(Command::Export {
            index: Some(index),
            format,
            query,
            out,
            paths,
            ..
        }) => export_index::export_index_command(
            &index,
            &paths,
            query.as_deref(),
            format,
            out.as_deref(),
        ),
        Some(Command::Export {
            format: Bundle::Rows,
            ..
        }) => Err(Failure {
            message: "--format rows-csv needs --index DIR: rows are of an index's cables"
                .to_string(),
            code: 2,
        }),
        Some(Command::Export {
            format: Bundle::Cables(format),
            out,
            annotations,
            paths,
            ..
        }) => load_options().and_then(|mut options| {
            let annotations = take_annotations(annotations.as_deref(), &mut options)?;
            exporting::export_command(format, out.as_deref(), annotations, &paths, &options)
                .map_err(Failure::from)
        }),
        Some(Command::Entities {
            kind,
            json,
            annotations,
            paths,
        }) => load_options().and_then(|mut options| {
            let annotations = take_annotations(annotations.as_deref(), &mut options)?;
            entities_command(kind.as_ref(), json, annotations, &paths, &options)
                .map_err(Failure::from)
        }),
        Some(Command::Corrections { id }) => {
            corrections_command(id.as_deref()).map_err(Failure::from)
        }
        Some(Command::Index {
            index, check: true, ..
        }) => index::check_command(index.as_deref()),
        Some(Command::Index {
            index,
            annotations,
            paths,
            ..
        }) => index::index_command(index.as_deref(), annotations.as_deref(), &paths),
        Some(Command::Search {
            index,
            json,
            format,
            sort,
            count,
            facets,
            limit,
            query,
        }) => {
            let output = if count {
                search::Output::Count
            } else if facets {
                search::Output::Facets { json }
            } else if json {
                search::Output::Hits(args::SearchFormat::Jsonl, sort)
            } else {
                search::Output::Hits(format, sort)
            };
            search::search_command(index.as_deref(), output, limit as usize, &query.join(" "))
        }
        Some(Command::Timeline {
            index,
            by,
            json,
            query,
        }) => timeline::timeline_command(index.as_deref(), by, json, &query.join(" ")),
        Some(Command::Map { index, json, query }) => {
            timeline::map_command(index.as_deref(), json, &query.join(" "))
        }
        Some(Command::Schema) => write_out(export::schema::JSON_SCHEMA).map_err(Failure::from),
        Some(Command::Paths) => write_out(&Paths::from_env().report()).map_err(Failure::from),
        Some(Command::Config { default }) => config_command(default),
        Some(Command::Themes) => themes_command(),
        Some(Command::Completions { shell }) => {
            write_out(&completions(shell)).map_err(Failure::from)
        }
        Some(Command::Man) => write_out(&man_page()).map_err(Failure::from),
        None => open_command(&cli.open),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            warn(&failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// Prints a message on standard error as `cableview: MESSAGE`, control characters made
/// visible: messages quote file names, cable text and the user's files.
fn warn(message: &str) {
    // Not `eprintln!`, which panics when standard error is gone (a terminal hung up).
    let _ = writeln!(std::io::stderr(), "cableview: {}", printable(message));
}

/// Writes to standard output, control characters made visible (line feeds and tabs
/// kept): every command's output passes here, so no cable text drives the terminal.
fn write_out(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(printable(text).as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Write(e)),
        _ => Ok(()),
    }
}

fn entities_command(
    kind: Option<&EntityKind>,
    json: bool,
    annotations: Option<&Path>,
    paths: &[PathBuf],
    options: &LoadOptions,
) -> Result<(), CliError> {
    let cables = if let Some(annotations) = annotations {
        vec![load_annotated(paths, annotations, options)?]
    } else if names_a_directory(paths) {
        let index = load_entity_index(paths, options)?;
        return write_out(&collection_entities(&index, kind, json));
    } else {
        load_all(paths, options)?
    };
    let mut out = String::new();
    for cable in &cables {
        let entities: Vec<_> = cable
            .entities
            .iter()
            .filter(|e| kind.is_none_or(|k| e.kind == *k))
            .collect();
        if json {
            out.push_str(&crate::sanitize::json::to_string(&entities));
            out.push('\n');
            continue;
        }
        if cables.len() > 1 {
            out.push_str(&format!("# {}\n", cable.title()));
        }
        // KIND, COUNT and the gaps take 17 columns; PARAGRAPHS takes what it needs.
        let width = name_width(entities.iter().map(|e| e.name.as_str()), 17 + 12);
        out.push_str("KIND  ");
        push_fitted(&mut out, "NAME", width);
        out.push_str("  COUNT  PARAGRAPHS\n");
        for entity in entities {
            out.push_str(&format!("{:<4}  ", entity.kind.label()));
            push_fitted(&mut out, &entity.name, width);
            let _ = writeln!(
                out,
                "  {:>5}  {}",
                entity.count,
                entity.paragraphs.join(",")
            );
        }
    }
    write_out(&out)
}

/// `cableview corrections [ID]`: the rules for every cable, then each correction, one
/// line each, under its cable.
fn corrections_command(id: Option<&str>) -> Result<(), CliError> {
    let Some(dir) = Paths::from_env().data_dir else {
        return Err(CliError::NoDataDir);
    };
    let overlays = match id {
        Some(id) => {
            let id = crate::cable::CableId::new(id);
            let corrections = crate::corrections::Corrections::load(&dir, &id)?;
            vec![(id, corrections)]
        }
        None => crate::corrections::all(&dir)?,
    };
    let mut out = String::new();
    let rules = crate::corrections::everywhere::read(&dir)?;
    if !rules.is_empty() {
        let file = crate::corrections::Everywhere::path_of(&dir);
        let _ = writeln!(out, "every cable ({})", shown(&file));
        for (n, rule) in rules.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", n + 1, rule.describe());
        }
    }
    for (id, corrections) in overlays {
        if corrections.is_empty() {
            let _ = writeln!(out, "{id}: no corrections");
            continue;
        }
        let _ = writeln!(out, "{id} ({})", shown(corrections.path()));
        for (n, correction) in corrections.list().iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", n + 1, correction.describe());
        }
    }
    write_out(&out)
}

/// `cableview config`: checks the user's config, keys and theme; `--default`
/// prints the default config.
fn config_command(default: bool) -> Result<(), Failure> {
    if default {
        return Ok(write_out(config::DEFAULT_TOML)?);
    }
    let paths = Paths::from_env();
    let launch = Launch {
        no_state: true,
        ..Launch::default()
    };
    startup::prepare(&paths, &launch)?;
    let message = match paths.config_file() {
        Some(path) if path.exists() => format!("{} is valid\n", shown(&path)),
        Some(path) => format!("{} does not exist; the defaults apply\n", shown(&path)),
        None => "no config dir known; the defaults apply\n".to_string(),
    };
    Ok(write_out(&message)?)
}

/// `cableview themes`: every theme and where it comes from; a user theme that
/// does not load is reported on stderr and makes the exit status 2.
fn themes_command() -> Result<(), Failure> {
    let dir = Paths::from_env().themes_dir();
    let mut out = String::new();
    let mut invalid = 0;
    for listed in crate::shell::user_themes::list(dir.as_deref()) {
        let checked =
            crate::shell::user_themes::check(&listed.name, dir.as_deref(), ("", "", None));
        out.push_str(&listed.to_string());
        if let Err(error) = checked {
            out.push_str(" (invalid)");
            warn(&error.to_string());
            invalid += 1;
        }
        out.push('\n');
    }
    write_out(&out)?;
    if invalid > 0 {
        return Err(Failure {
            message: format!("{invalid} theme file(s) of yours cannot be used"),
            code: 2,
        });
    }
    Ok(())
}

fn open_command(args: &OpenArgs) -> Result<(), Failure> {
    if let Some(dir) = &args.index {
        return indexed::indexed_command(args, dir);
    }
    let mut notices = Vec::new();
    let for_one = args
        .annotations
        .as_deref()
        .filter(|a| !crate::input::corpus::is_corpus_file(a));
    if args.paths.is_empty() && for_one.is_none() && indexed::default_command(args, &mut notices)? {
        return Ok(());
    }
    for notice in &notices {
        warn(notice);
    }
    let mut options = load_options()?;
    let for_one = take_annotations(args.annotations.as_deref(), &mut options)?;
    if for_one.is_none() && (args.paths.len() > 1 || names_a_directory(&args.paths)) {
        return browse_command(args, &options);
    }
    // The reader gets the cable as parsed and applies aliases and corrections on opening
    // it, so a correction made in the reader shows when it reads the cable again.
    let parsed = LoadOptions {
        aliases: None,
        corrections: None,
        everywhere: std::sync::Arc::default(),
        ..options.clone()
    };
    let cables = match for_one {
        Some(annotations) => vec![load_annotated(&args.paths, annotations, &parsed)?],
        None => load_all(&args.paths, &parsed).map_err(CliError::from)?,
    };
    if !std::io::stdout().is_terminal() {
        let cables = cables
            .into_iter()
            .map(|c| options.adjust(c))
            .collect::<Result<Vec<_>, _>>()
            .map_err(CliError::from)?;
        return print_texts(&cables);
    }
    // A corrupt overlay of corrections stops here, before the screen changes; what
    // applying it noticed is said with the rest.
    let warnings: Vec<String> = match cables.first() {
        Some(cable) => {
            options
                .adjust(cable.clone())
                .map_err(CliError::from)?
                .warnings
        }
        None => Vec::new(),
    }
    .into_iter()
    .map(|w| w.message)
    .collect();
    let load = options;
    let Startup { options, store } = prepare_screen(args)?;
    let count = cables.len();
    let Some(cable) = cables.into_iter().next() else {
        return Err(CliError::NothingToOpen.into());
    };
    // What reading the cable noticed went to stderr, which the screen is about to cover:
    // the status line says it again (a default index that did not open, a side file
    // ignored, bytes replaced).
    let mut shown: Vec<String> = notices;
    shown.extend(warnings);
    if count > 1 {
        shown.push(format!("opened the first of {count} files"));
    }
    let session = Session::single_with(cable, options, load);
    run_session(session, store, args.fresh, shown)?;
    Ok(())
}

/// As `bat` does: a pipe gets the cables' clean text, not a screen.
fn print_texts(cables: &[Cable]) -> Result<(), Failure> {
    let texts: Vec<String> = cables.iter().map(export::text).collect();
    Ok(write_out(&texts.join("\n"))?)
}

/// Reads every file of the user's (config, theme, keys, state) before the screen
/// changes, so a bad one is reported plainly and nothing starts half-configured.
fn prepare_screen(args: &OpenArgs) -> Result<Startup, Failure> {
    let launch = Launch {
        theme: args.theme.clone(),
        no_color: crate::theme::no_color_env(),
        no_state: args.no_state,
    };
    Ok(startup::prepare(&Paths::from_env(), &launch)?)
}

/// Several cables or a directory: the library view, loading in the background.
fn browse_command(args: &OpenArgs, load: &LoadOptions) -> Result<(), Failure> {
    if !std::io::stdout().is_terminal() {
        let (cables, _) = load_leniently(&args.paths, load)?;
        return print_texts(&cables);
    }
    let Startup { options, store } = prepare_screen(args)?;
    let loader = crate::library::LoadHandle::spawn_limited(args.paths.clone(), load.clone());
    let session = Session::loading(Some(loader), options);
    let session = run_session(session, store, args.fresh, Vec::new())?;
    report_skipped(session.library.skipped());
    Ok(())
}

/// Runs a session on the terminal, keeping reading positions in `store`. The status line
/// starts with `shown` and the notices of opening the store (a file set aside, saving off),
/// which go to stderr too; those of saving during the session go to stderr at the end.
fn run_session(
    mut session: Session,
    mut store: Store,
    fresh: bool,
    mut shown: Vec<String>,
) -> Result<Session, Failure> {
    session.set_fresh(fresh);
    session.set_history(store.history());
    for notice in store.take_notices() {
        warn(&notice);
        shown.push(notice);
    }
    if !shown.is_empty() {
        session.notify(shown.join(" · "));
    }
    let (session, late) = crate::shell::tui::run(session, store).map_err(CliError::Terminal)?;
    for notice in late {
        warn(&notice);
    }
    Ok(session)
}
