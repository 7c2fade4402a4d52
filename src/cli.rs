//! The command line: `cableview [FILE]` opens the reader; subcommands print or export.

mod args;
mod index;
mod load;

use crate::app::App;
use crate::cable::{Cable, EntityKind};
use crate::config;
use crate::config::startup::{self, Launch, Startup};
use crate::export::{self, Format};
use crate::library::Library;
use crate::paths::Paths;
use crate::regular_file::Limit;
use crate::sanitize::{path as shown, printable};
use crate::state::session::Session;
pub use args::{Cli, Command, OpenArgs, completions, man_page};
use clap::Parser;
use load::{
    file_limit, load_all, load_annotated, load_collection, load_leniently, names_a_directory,
    report_skipped,
};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

impl From<crate::config::FileError> for Failure {
    fn from(error: crate::config::FileError) -> Self {
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
    let result = match cli.command {
        Some(Command::Export {
            format,
            out,
            annotations,
            paths,
        }) => file_limit().and_then(|limit| {
            export_command(
                format,
                out.as_deref(),
                annotations.as_deref(),
                &paths,
                limit,
            )
            .map_err(Failure::from)
        }),
        Some(Command::Entities {
            kind,
            json,
            annotations,
            paths,
        }) => file_limit().and_then(|limit| {
            entities_command(kind.as_ref(), json, annotations.as_deref(), &paths, limit)
                .map_err(Failure::from)
        }),
        Some(Command::Index { index, paths }) => index::index_command(index.as_deref(), &paths),
        Some(Command::Search {
            index,
            json,
            limit,
            query,
        }) => index::search_command(index.as_deref(), json, limit, &query.join(" ")),
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
    eprintln!("cableview: {}", printable(message));
}

/// Writes to standard output, control characters made visible (line feeds and tabs
/// kept): every command's output passes here, so no cable text drives the terminal.
fn write_out(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(printable(text).as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}"))
        }
        _ => Ok(()),
    }
}

fn export_command(
    format: Format,
    out: Option<&Path>,
    annotations: Option<&Path>,
    paths: &[PathBuf],
    limit: Limit,
) -> Result<(), String> {
    let (cables, files) = if let Some(annotations) = annotations {
        (
            vec![load_annotated(paths, annotations, limit)?],
            paths.to_vec(),
        )
    } else if names_a_directory(paths) {
        load_leniently(paths, limit)?
    } else {
        (
            load_all(paths, limit).map_err(|e| e.to_string())?,
            paths.to_vec(),
        )
    };
    let Some(dir) = out else {
        let text = export::stream(&cables, format).map_err(|e| e.to_string())?;
        return write_out(&text);
    };
    if dir.is_file() {
        return Err(format!(
            "{}: is a file, expected a directory for --out",
            shown(dir)
        ));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: cannot create directory: {e}", shown(dir)))?;
    let write = |name: &str, contents: &str| {
        let path = dir.join(name);
        crate::regular_file::write(&path, contents.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", shown(&path)))?;
        Ok::<_, String>(path)
    };
    let fallbacks: Vec<String> = files
        .iter()
        .map(|p| {
            p.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let mut written = String::new();
    for (cable, stem) in cables.iter().zip(export::stems(&cables, &fallbacks)) {
        for file in export::files(cable, &stem, format) {
            let path = write(&file.name, &file.contents)?;
            written.push_str(&format!("{}\n", shown(&path)));
        }
    }
    // brat shows only the entity types its configuration declares: complete the user's
    // files rather than overwrite or ignore them.
    if format == Format::Brat {
        for conf in export::brat::conf_files(&cables, existing_confs(dir)?) {
            let path = write(conf.name, &conf.contents)?;
            if !conf.added.is_empty() {
                warn(&format!(
                    "{}: added {}",
                    shown(&path),
                    conf.added.join(", ")
                ));
            }
            written.push_str(&format!("{}\n", shown(&path)));
        }
    }
    write_out(&written)
}

/// The brat configuration files `dir` holds already, read up front: one that exists but
/// cannot be read stops the export rather than being overwritten.
fn existing_confs(dir: &Path) -> Result<impl Fn(&str) -> Option<String>, String> {
    let mut found = Vec::new();
    for name in ["annotation.conf", "visual.conf"] {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => found.push((name, text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: cannot read: {e}", shown(&path))),
        }
    }
    Ok(move |name: &str| {
        found
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| text.clone())
    })
}

fn entities_command(
    kind: Option<&EntityKind>,
    json: bool,
    annotations: Option<&Path>,
    paths: &[PathBuf],
    limit: Limit,
) -> Result<(), String> {
    let cables = if let Some(annotations) = annotations {
        vec![load_annotated(paths, annotations, limit)?]
    } else if names_a_directory(paths) {
        let library = load_collection(paths, limit)?;
        return write_out(&collection_entities(&library, kind, json));
    } else {
        load_all(paths, limit).map_err(|e| e.to_string())?
    };
    let mut out = String::new();
    for cable in &cables {
        let entities: Vec<_> = cable
            .entities
            .iter()
            .filter(|e| kind.is_none_or(|k| e.kind == *k))
            .collect();
        if json {
            out.push_str(&serde_json::to_string(&entities).unwrap_or_default());
            out.push('\n');
            continue;
        }
        if cables.len() > 1 {
            out.push_str(&format!("# {}\n", cable.title()));
        }
        let width = entities
            .iter()
            .map(|e| e.name.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        out.push_str(&format!(
            "{:<4}  {:<width$}  {:>5}  PARAGRAPHS\n",
            "KIND", "NAME", "COUNT"
        ));
        for entity in entities {
            out.push_str(&format!(
                "{:<4}  {:<width$}  {:>5}  {}\n",
                entity.kind.label(),
                entity.name,
                entity.count,
                entity.paragraphs.join(",")
            ));
        }
    }
    write_out(&out)
}

/// The entity table of a whole collection, with the number of cables naming each.
fn collection_entities(library: &Library, kind: Option<&EntityKind>, json: bool) -> String {
    let table = library.collection_entities(kind);
    if json {
        return serde_json::to_string(&table).unwrap_or_default() + "\n";
    }
    let width = table
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!(
        "{:<4}  {:<width$}  {:>6}  {:>5}\n",
        "KIND", "NAME", "CABLES", "COUNT"
    );
    for entity in table {
        out.push_str(&format!(
            "{:<4}  {:<width$}  {:>6}  {:>5}\n",
            entity.kind.label(),
            entity.name,
            entity.cables,
            entity.count
        ));
    }
    out
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
    for listed in crate::user_themes::list(dir.as_deref()) {
        let checked = crate::user_themes::check(&listed.name, dir.as_deref(), ("", "", None));
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
    let limit = file_limit()?;
    if args.annotations.is_none() && (args.paths.len() > 1 || names_a_directory(&args.paths)) {
        return browse_command(args, limit);
    }
    let cables = match &args.annotations {
        Some(annotations) => vec![load_annotated(&args.paths, annotations, limit)?],
        None => load_all(&args.paths, limit).map_err(|e| e.to_string())?,
    };
    if !std::io::stdout().is_terminal() {
        return print_texts(&cables);
    }
    let Startup { options, store } = prepare_screen(args)?;
    let count = cables.len();
    let Some(cable) = cables.into_iter().next() else {
        return Err("no cable to open".to_string().into());
    };
    let mut app = App::new(cable, options);
    let (mut session, notices) = Session::start(store, &mut app, args.fresh);
    for notice in &notices {
        warn(notice);
    }
    if count > 1 {
        app.notify(format!("opened the first of {count} files"));
    }
    let mut app = crate::tui::run_with(app, |app| session.after_update(app))
        .map_err(|e| format!("terminal error: {e}"))?;
    for notice in session.finish(&mut app) {
        warn(&notice);
    }
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
fn browse_command(args: &OpenArgs, limit: Limit) -> Result<(), Failure> {
    if !std::io::stdout().is_terminal() {
        let (cables, _) = load_leniently(&args.paths, limit)?;
        return print_texts(&cables);
    }
    let Startup { options, store } = prepare_screen(args)?;
    let loader = crate::library::LoadHandle::spawn_limited(args.paths.clone(), limit);
    let mut browser = crate::browser::Browser::loading(Some(loader), options);
    for notice in browser.keep_positions(store, args.fresh) {
        warn(&notice);
    }
    let mut browser =
        crate::browser::run::run(browser).map_err(|e| format!("terminal error: {e}"))?;
    report_skipped(browser.library.skipped());
    for notice in browser.finish() {
        warn(&notice);
    }
    Ok(())
}
