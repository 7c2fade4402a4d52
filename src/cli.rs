//! The command line: `cableview [FILE]` opens the reader; subcommands print or export.

use crate::app::App;
use crate::cable::{Cable, EntityKind};
use crate::config;
use crate::config::startup::{self, Launch, Startup};
use crate::export::{self, Format};
use crate::input::{self, LoadError};
use crate::library::Library;
use crate::paths::Paths;
use crate::regular_file::Limit;
use crate::sanitize::{path as shown, printable};
use crate::state::session::Session;
use clap::{Args, CommandFactory, Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `--help` says after the options: what a PATH opens, and the exit statuses.
const AFTER_HELP: &str = "\
What PATH opens:
  no PATH              the bundled sample cable (05PARIS2333) in the reader
  one FILE             that cable in the reader: annotated text, a WikiLeaks page or plain text
  a DIR, several FILEs the library: a table of every cable, walked recursively
With standard output not a terminal, the cables' clean text is printed instead.

Exit status: 0 done, 1 unreadable input, 2 configuration or usage error.

Examples:
  cableview cables/                     the library of every cable under cables/
  cableview 05PARIS2333.html | less     the clean text, paged";

/// Read diplomatic cables with inline named-entity annotations.
///
/// One FILE opens the reader; a directory or several files open the library; no PATH opens
/// the bundled sample.
#[derive(Debug, Parser)]
#[command(
    name = "cableview",
    version,
    about,
    long_about,
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub open: OpenArgs,
}

/// Options of the reader.
#[derive(Debug, Args, Default)]
pub struct OpenArgs {
    /// One cable opens the reader; a directory or several files open the library; none
    /// opens the bundled sample (05PARIS2333).
    #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// The theme: default, light, high-contrast, mono or one of yours (`cableview themes`).
    #[arg(long, value_parser = ThemeName, hide_possible_values = true)]
    pub theme: Option<String>,
    /// Start at the top, ignoring the saved reading position (it is still saved).
    #[arg(long)]
    pub fresh: bool,
    /// Neither read nor save reading positions.
    #[arg(long)]
    pub no_state: bool,
    /// Entity annotations for the cable from a side file: brat standoff (`.ann`) or
    /// spaCy/displaCy JSON. Without it, `FILE.ann` / `FILE.ents.json` beside FILE is used.
    #[arg(long, value_name = "ANN", value_hint = clap::ValueHint::FilePath)]
    pub annotations: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Export cables: JSON, text, Markdown, displaCy, brat, CoNLL, HTML, CSV, Prodigy or doccano.
    #[command(after_help = concat!(
        "Without --out the export goes to standard output (plain text when piped).\n",
        "Exit status: 0 done, 1 unreadable input, 2 configuration or usage error.\n\n",
        "Examples:\n",
        "  cableview export --format conll cables/ > train.conll\n",
        "  cableview export --format brat --out brat/ cables/"
    ))]
    Export {
        /// The output format.
        #[arg(long, short, value_enum, default_value = "json")]
        format: Format,
        /// Write one file per cable (brat: .txt and .ann) into this directory, created if
        /// missing, instead of printing. Required for brat and for HTML of several cables.
        #[arg(long, short, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Entity annotations for the one cable given, from a side file (brat `.ann` or
        /// spaCy/displaCy JSON), as the reader takes them.
        #[arg(long, value_name = "ANN")]
        annotations: Option<PathBuf>,
        /// Cable files or directories of them (walked recursively); none means the sample.
        paths: Vec<PathBuf>,
    },
    /// Print the entity table: kind, name, count, paragraphs; most frequent first.
    #[command(after_help = concat!(
        "A directory gives the collection's table, with the number of cables naming each.\n",
        "Exit status: 0 done, 1 unreadable input, 2 configuration or usage error.\n\n",
        "Examples:\n",
        "  cableview entities --kind PER 05PARIS2333.txt\n",
        "  cableview entities --json cables/ | jq '.[0]'"
    ))]
    Entities {
        /// Only this kind.
        #[arg(long, short, value_parser = kind_parser(), ignore_case = true)]
        kind: Option<EntityKind>,
        /// JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Entity annotations for the one cable given, from a side file (brat `.ann` or
        /// spaCy/displaCy JSON), as the reader takes them.
        #[arg(long, value_name = "ANN")]
        annotations: Option<PathBuf>,
        /// Cable files or directories of them (walked recursively); none means the sample.
        paths: Vec<PathBuf>,
    },
    /// Print the JSON Schema (2020-12) that `export --format json` follows.
    #[command(after_help = concat!(
        "Exit status: 0 done.\n\n",
        "Example:\n",
        "  cableview schema > cable.schema.json"
    ))]
    Schema,
    /// Print the config file, themes dir and state file in use.
    #[command(after_help = concat!(
        "Exit status: 0 done.\n\n",
        "Example:\n",
        "  cableview paths"
    ))]
    Paths,
    /// List every theme and where it comes from (built-in or a file of yours).
    #[command(after_help = concat!(
        "Exit status: 0 done, 2 when a theme file of yours cannot be used.\n\n",
        "Example:\n",
        "  cableview themes"
    ))]
    Themes,
    /// Check the config file, or print the commented default with `--default`.
    #[command(after_help = concat!(
        "Exit status: 0 valid, 2 when a file of yours is not.\n\n",
        "Examples:\n",
        "  cableview config\n",
        "  cableview config --default > ~/.config/cableview/config.toml"
    ))]
    Config {
        /// Print the default config.toml, commented, as a starting point.
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script: bash, zsh, fish, elvish or powershell.
    #[command(after_help = concat!(
        "Exit status: 0 done, 2 usage error.\n\n",
        "Examples:\n",
        "  cableview completions bash > ~/.local/share/bash-completion/completions/cableview\n",
        "  cableview completions zsh > ~/.zfunc/_cableview"
    ))]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), built from the same definitions as this help.
    #[command(after_help = concat!(
        "Exit status: 0 done.\n\n",
        "Example:\n",
        "  cableview man > ~/.local/share/man/man1/cableview.1"
    ))]
    Man,
}

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

/// `--kind`: one of the four kinds, any case; the values are listed in help and completions.
fn kind_parser() -> impl clap::builder::TypedValueParser<Value = EntityKind> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(["PER", "ORG", "LOC", "MISC"])
        .map(|label| EntityKind::from_label(&label.to_ascii_uppercase()))
}

/// `--theme`: any name (a theme of the user's may be called anything), with the built-in
/// names offered to shell completion.
#[derive(Debug, Clone, Copy)]
struct ThemeName;

impl clap::builder::TypedValueParser for ThemeName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            crate::theme::BUILTIN
                .iter()
                .map(|(name, _)| clap::builder::PossibleValue::new(*name)),
        ))
    }
}

/// `cableview completions SHELL`: the script, generated from the same definitions.
#[must_use]
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "cableview", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// `cableview man`: the manual page in roff, its `.TH` line first as man pages start.
#[must_use]
pub fn man_page() -> String {
    let mut out = Vec::new();
    // Writing into a vector cannot fail.
    let _ = clap_mangen::Man::new(Cli::command())
        .title("CABLEVIEW")
        .render(&mut out);
    let page = String::from_utf8_lossy(&out);
    // roff puts its apostrophe definitions first; they may as well follow the title.
    let (title, rest): (Vec<&str>, Vec<&str>) = page.lines().partition(|l| l.starts_with(".TH "));
    title
        .into_iter()
        .chain(rest)
        .map(|l| format!("{l}\n"))
        .collect()
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

/// How much of a cable or side file may be read: `max_file_mb` in the user's config.
fn file_limit() -> Result<Limit, Failure> {
    let config = match Paths::from_env().config_file() {
        Some(path) => config::Config::load(&path)?,
        None => config::Config::default(),
    };
    Ok(config.file_limit())
}

/// Loads the given cables, or the bundled sample when none is given; their warnings go to
/// standard error.
fn load_all(paths: &[PathBuf], limit: Limit) -> Result<Vec<Cable>, LoadError> {
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
fn load_annotated(paths: &[PathBuf], annotations: &Path, limit: Limit) -> Result<Cable, String> {
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

/// Whether any path is a directory: then the paths are a collection, loaded leniently.
fn names_a_directory(paths: &[PathBuf]) -> bool {
    paths.iter().any(|p| p.is_dir())
}

/// Loads files and directories into a library; bad files are counted on stderr.
fn load_collection(paths: &[PathBuf], limit: Limit) -> Result<Library, String> {
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
fn load_leniently(paths: &[PathBuf], limit: Limit) -> Result<(Vec<Cable>, Vec<PathBuf>), String> {
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

fn report_skipped(skipped: &[input::Skipped]) {
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
