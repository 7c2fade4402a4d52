//! The command line: `cableview [FILE]` opens the reader; subcommands print or export.

use crate::cable::{Cable, EntityKind};
use crate::export::{self, Format};
use crate::input::{self, LoadError};
use crate::library::Library;
use clap::{Args, Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Read diplomatic cables with inline named-entity annotations.
#[derive(Debug, Parser)]
#[command(
    name = "cableview",
    version,
    about,
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
    /// The cable to open; none opens the bundled sample (05PARIS2333).
    pub paths: Vec<PathBuf>,
    /// The theme to use (see `cableview themes`).
    #[arg(long)]
    pub theme: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print cables as JSON, clean text or Markdown.
    Export {
        /// The output format.
        #[arg(long, short, value_enum, default_value = "json")]
        format: Format,
        /// Cable files or directories of them (walked recursively); none means the sample.
        paths: Vec<PathBuf>,
    },
    /// Print the entity table: kind, name, count, paragraphs; most frequent first.
    Entities {
        /// Only this kind (PER, ORG, LOC, MISC).
        #[arg(long, short, value_parser = parse_kind)]
        kind: Option<EntityKind>,
        /// JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Cable files or directories of them (walked recursively); none means the sample.
        paths: Vec<PathBuf>,
    },
}

fn parse_kind(value: &str) -> Result<EntityKind, String> {
    let kind = EntityKind::from_label(&value.to_ascii_uppercase());
    match kind {
        EntityKind::Other(_) => Err(format!(
            "unknown kind {value:?}, expected PER, ORG, LOC or MISC"
        )),
        kind => Ok(kind),
    }
}

/// Runs the command line and returns the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Export { format, paths }) => export_command(format, &paths),
        Some(Command::Entities { kind, json, paths }) => {
            entities_command(kind.as_ref(), json, &paths)
        }
        None => open_command(&cli.open),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cableview: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Loads the given cables, or the bundled sample when none is given.
fn load_all(paths: &[PathBuf]) -> Result<Vec<Cable>, LoadError> {
    if paths.is_empty() {
        return Ok(vec![input::sample()]);
    }
    paths.iter().map(|p| input::load(p)).collect()
}

/// Whether any path is a directory: then the paths are a collection, loaded leniently.
fn names_a_directory(paths: &[PathBuf]) -> bool {
    paths.iter().any(|p| p.is_dir())
}

/// Loads files and directories into a library; bad files are counted on stderr.
fn load_collection(paths: &[PathBuf]) -> Result<Library, String> {
    let never = std::sync::atomic::AtomicBool::new(false);
    let library = Library::load(paths, &|_| {}, &never);
    report_skipped(library.skipped());
    if library.is_empty() {
        return Err("no cable found in the given paths".to_string());
    }
    Ok(library)
}

/// Loads every cable under files and directories whole (for export); bad files are
/// counted on stderr, not fatal.
fn load_leniently(paths: &[PathBuf]) -> Result<Vec<Cable>, String> {
    let loaded = input::load_paths(paths);
    report_skipped(&loaded.skipped);
    if loaded.cables.is_empty() {
        return Err("no cable found in the given paths".to_string());
    }
    Ok(loaded.cables.into_iter().map(|(_, cable)| cable).collect())
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
        eprintln!("  {}: {}", skip.path.display(), skip.reason);
    }
}

fn write_out(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}"))
        }
        _ => Ok(()),
    }
}

fn export_command(format: Format, paths: &[PathBuf]) -> Result<(), String> {
    if names_a_directory(paths) {
        return export_cables(format, &load_leniently(paths)?);
    }
    let cables = load_all(paths).map_err(|e| e.to_string())?;
    export_cables(format, &cables)
}

fn export_cables(format: Format, cables: &[Cable]) -> Result<(), String> {
    let mut out = String::new();
    for (i, cable) in cables.iter().enumerate() {
        if i > 0 && format != Format::Json {
            out.push('\n');
        }
        out.push_str(&export::render(cable, format));
        if format == Format::Json {
            out.push('\n');
        }
    }
    write_out(&out)
}

fn entities_command(
    kind: Option<&EntityKind>,
    json: bool,
    paths: &[PathBuf],
) -> Result<(), String> {
    if names_a_directory(paths) {
        let library = load_collection(paths)?;
        return write_out(&collection_entities(&library, kind, json));
    }
    let cables = load_all(paths).map_err(|e| e.to_string())?;
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

fn open_command(args: &OpenArgs) -> Result<(), String> {
    let cables = load_all(&args.paths).map_err(|e| e.to_string())?;
    if !std::io::stdout().is_terminal() {
        // As `bat` does: a pipe gets the clean text, not a screen.
        let texts: Vec<String> = cables.iter().map(export::text).collect();
        return write_out(&texts.join("\n"));
    }
    Err("the interactive reader is not built yet; pipe the output or use `export`".to_string())
}
