//! The command line's definitions: arguments, subcommands and their help, from which
//! `--help`, the completion scripts and the man page are all generated.

use crate::cable::EntityKind;
use crate::export::Format;
use crate::library::bundle::Bundle;
use crate::search_index::SearchOrder;
use clap::{Args, CommandFactory, Parser, Subcommand};
use std::path::PathBuf;

/// What `--help` says after the options: what a PATH opens, and the exit statuses.
const AFTER_HELP: &str = "\
What PATH opens:
  no PATH              the library of the default index, once `cableview index` has built
                       one (`index dir` in `cableview paths`); else, or when that index
                       cannot be opened (said on stderr and the status line), the bundled
                       sample cable (05PARIS2333) in the reader
  one FILE             that cable in the reader: annotated text, a WikiLeaks page or plain text
  a DIR, several FILEs the library: a table of every cable, walked recursively
With standard output not a terminal, the cables' clean text is printed instead (for an
index, where it is and how many cables it holds).

Exit status: 0 done, 1 unreadable input, 2 configuration or usage error.

Examples:
  cableview cables/                     the library of every cable under cables/
  cableview 05PARIS2333.html | less     the clean text, paged";

/// Read diplomatic cables and their named entities: annotated, from a side file or tagged.
///
/// One FILE opens the reader; a directory or several files open the library; no PATH opens
/// the default corpus index's library, or the bundled sample when there is none.
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
    /// cableview's own entity tagger for cables without annotations (pages, plain text,
    /// CSV rows): on or off; `tagger` in config.toml, else on. Inline annotations and side
    /// files always win over it.
    #[arg(long, global = true, value_enum, value_name = "on|off")]
    pub tagger: Option<crate::shell::config::TaggerSetting>,
}

/// Options of the reader.
#[derive(Debug, Args, Default)]
pub struct OpenArgs {
    /// One cable opens the reader; a directory or several files open the library; none
    /// opens the default index's library (`cableview index` builds it), else the bundled
    /// sample (05PARIS2333).
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
    /// A `.jsonl` file holds one spaCy-style document per line with the cable's `id`, for
    /// every cable opened (CSV rows, folders, an index; see docs/annotations.md).
    #[arg(long, value_name = "ANN", value_hint = clap::ValueHint::FilePath)]
    pub annotations: Option<PathBuf>,
    /// Open the library of every cable in this corpus index (`cableview index` builds it);
    /// each cable is read from the index when opened.
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath, conflicts_with_all = ["paths"])]
    pub index: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Export cables: JSON, text, Markdown, displaCy, brat, CoNLL, HTML, CSV, Prodigy, doccano
    /// or the annotated text cableview reads (inline).
    #[command(after_help = concat!(
        "Without --out the export goes to standard output (plain text when piped).\n",
        "A cable held in two files (its annotated text and its page) is exported once,\n",
        "merged as the library shows it.\n",
        "With --index, the cables of a corpus index: all, those of the IDs given, or those\n",
        "--query finds (the query language of `cableview search`); `--format rows-csv` gives\n",
        "their rows instead (id, date, origin, classification, subject, score).\n",
        "Exit status: 0 done, 1 unreadable input (with --index: no cable found), 2\n",
        "configuration or usage error (with --index: any error).\n\n",
        "Examples:\n",
        "  cableview export --format conll cables/ > train.conll\n",
        "  cableview export --format brat --out brat/ cables/\n",
        "  cableview export --index ~/cablegate-index --query 'qadhaf*' --out qadhafi/\n",
        "  cableview export --index ~/cablegate-index --format rows-csv --query tag:PTER > rows.csv"
    ))]
    Export {
        /// The output format; rows-csv (with --index) for the rows of the cables found.
        #[arg(long, short, value_parser = bundle_parser(), default_value = "json")]
        format: Bundle,
        /// Export from this corpus index (`cableview index` builds it); PATHs are then
        /// reference IDs.
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath, conflicts_with = "annotations")]
        index: Option<PathBuf>,
        /// With --index: the cables this query finds (`cableview search`'s language), best
        /// first.
        #[arg(
            long,
            short,
            value_name = "QUERY",
            requires = "index",
            conflicts_with = "paths"
        )]
        query: Option<String>,
        /// Write one file per cable (brat: .txt and .ann) into this directory, created if
        /// missing, instead of printing. Required for brat and for HTML of several cables.
        #[arg(long, short, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Entity annotations for the one cable given, from a side file (brat `.ann` or
        /// spaCy/displaCy JSON), as the reader takes them; a `.jsonl` file, one document
        /// per line with the cable's `id`, applies to every cable given.
        #[arg(long, value_name = "ANN")]
        annotations: Option<PathBuf>,
        /// Cable files or directories of them (walked recursively); none means the sample.
        /// With --index: reference IDs; none means every cable.
        #[arg(value_name = "PATH|ID")]
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
        /// spaCy/displaCy JSON), as the reader takes them; a `.jsonl` file, one document
        /// per line with the cable's `id`, applies to every cable given.
        #[arg(long, value_name = "ANN")]
        annotations: Option<PathBuf>,
        /// Cable files or directories of them (walked recursively); none means the sample.
        paths: Vec<PathBuf>,
    },
    /// List the entity corrections saved in the data dir, of one cable or of all.
    #[command(after_help = concat!(
        "Exit status: 0 done, 1 an unreadable or corrupt corrections file.\n\n",
        "Example:\n",
        "  cableview corrections 05PARIS2333"
    ))]
    Corrections {
        /// The cable's reference ID; none lists every cable with corrections.
        id: Option<String>,
    },
    /// Build or update the corpus index from release CSVs, folders and files.
    #[command(after_help = concat!(
        "Unchanged files (same size and modification time) and CSV rows already indexed\n",
        "(same hash) are not parsed again. Ctrl-C (or a hang-up, or SIGTERM) commits what\n",
        "is done and stops. An index whose files fail their checksums is not written to.\n",
        "Exit status: 0 done, 1 the index cannot be written (locked, read-only, corrupt)\n",
        "or --check found damage, 130 interrupted.\n\n",
        "Examples:\n",
        "  cableview index cables.csv\n",
        "  cableview index --index ~/cablegate-index cables.csv pages/\n",
        "  cableview index --check"
    ))]
    Index {
        /// The index folder (default: `index` in the data dir, see `cableview paths`).
        #[arg(long, value_name = "DIR")]
        index: Option<PathBuf>,
        /// Verify the checksum of every file of the index and name the damaged ones;
        /// writes nothing.
        #[arg(long, conflicts_with = "paths")]
        check: bool,
        /// Entities from a collection's side file: one spaCy-style document per line
        /// (JSON Lines, `.jsonl`) with the cable's `id`; they win over the tagger for the
        /// cables parsed in this run (see docs/annotations.md).
        #[arg(long, value_name = "FILE.jsonl", conflicts_with = "check")]
        annotations: Option<PathBuf>,
        /// Release CSVs (`.csv`), cable files and folders of them.
        #[arg(required_unless_present = "check")]
        paths: Vec<PathBuf>,
    },
    /// Search the corpus index: ranked cables with a snippet of each.
    #[command(after_help = concat!(
        "Query: words (all must match), \"a phrase\", AND, OR, NOT, -word, (groups), and fields\n",
        "id: origin: tag: class: subject: entity: per: org: loc: misc: and date:2005..2007\n",
        "(date:2005, date:2005-03, date:2005-03-01..2005-06-30); field=value for a facet's exact\n",
        "value (per=\"Barack Obama\"); qadhaf* (prefix), qadhafi~1 (one edit; ~2 two),\n",
        "\"tripoli qadhafi\"~5 (the words at most 5 positions apart) and ~qadhafi (every\n",
        "spelling of its group in aliases.toml).\n",
        "Exit status: 0 cables found, 1 none found (said on stderr), 2 no index, a query error\n",
        "or a usage error (as grep and rg).\n\n",
        "Examples:\n",
        "  cableview search \"container security\"\n",
        "  cableview search 'tag:PTER date:2005..2007 entity:\"Djamel Beghal\"'\n",
        "  cableview search --format csv --sort date -n 1000 'qadhaf*' > hits.csv\n",
        "  cableview search --count hezbollah\n",
        "  cableview search --facets --json 'tag:PTER'\n",
        "  cableview search --format jsonl --limit 100 hezbollah | jq .id"
    ))]
    Search {
        /// The index folder (default: `index` in the data dir).
        #[arg(long, value_name = "DIR")]
        index: Option<PathBuf>,
        /// The same as `--format jsonl` (with `--facets`: the facets as one JSON object).
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// text: columns, subject and snippet for a reader; csv: id, date, origin,
        /// classification, subject, score, snippet (a header row first); jsonl: one JSON
        /// object per line with the same fields and the snippet's highlights.
        #[arg(long, value_enum, default_value = "text")]
        format: SearchFormat,
        /// The order: score (best first), date (oldest first) or -date (newest first).
        #[arg(long, value_parser = sort_parser(), default_value = "score", allow_hyphen_values = true)]
        sort: SearchOrder,
        /// Print only how many cables match (a cable in two files counted once).
        #[arg(long, conflicts_with_all = ["facets", "format", "sort"])]
        count: bool,
        /// Print the facets of the cables found (classification, origin, year, TAG, people,
        /// organisations, places, other) as the library's facets pane shows them.
        #[arg(long, conflicts_with_all = ["format", "sort"])]
        facets: bool,
        /// How many cables to show (1 or more).
        #[arg(long, short = 'n', default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
        /// The query (several words are joined with spaces).
        #[arg(required = true)]
        query: Vec<String>,
    },
    /// Print a query's cables per year (or per month) as bars, from the corpus index.
    #[command(after_help = concat!(
        "One line per period, oldest first, the periods without cables too. By month when the\n",
        "query's years span three or fewer, else by year (--by chooses).\n",
        "Exit status: 0 cables found, 1 none found, 2 no index or a query error.\n\n",
        "Examples:\n",
        "  cableview timeline 'tag:PTER'\n",
        "  cableview timeline --by month --json 'per=\"Djamel Beghal\"'"
    ))]
    Timeline {
        /// The index folder (default: `index` in the data dir).
        #[arg(long, value_name = "DIR")]
        index: Option<PathBuf>,
        /// The period of a line (default: month within three years, else year).
        #[arg(long, value_enum)]
        by: Option<TimelineBy>,
        /// One JSON object: `by`, `total`, `peak` and `periods` (`period`, `count`).
        #[arg(long)]
        json: bool,
        /// The query (several words are joined with spaces); `""` for every cable.
        #[arg(required = true)]
        query: Vec<String>,
    },
    /// Print the posts a query's cables came from, with counts and coordinates.
    #[command(after_help = concat!(
        "One line per post, most cables first: count, latitude, longitude, name; the posts the\n",
        "gazetteer cannot place are listed as unplaced. --json prints GeoJSON (a\n",
        "FeatureCollection of points, the unplaced in its `unplaced` member), for any mapping\n",
        "tool. Coordinates: GeoNames (CC BY 4.0), see docs/map.md.\n",
        "Exit status: 0 cables found, 1 none found, 2 no index or a query error.\n\n",
        "Examples:\n",
        "  cableview map 'tag:PTER'\n",
        "  cableview map --json hezbollah > posts.geojson"
    ))]
    Map {
        /// The index folder (default: `index` in the data dir).
        #[arg(long, value_name = "DIR")]
        index: Option<PathBuf>,
        /// GeoJSON instead of text.
        #[arg(long)]
        json: bool,
        /// The query (several words are joined with spaces); `""` for every cable.
        #[arg(required = true)]
        query: Vec<String>,
    },
    /// Print the JSON Schema (2020-12) that `export --format json` follows.
    #[command(after_help = concat!(
        "Exit status: 0 done.\n\n",
        "Example:\n",
        "  cableview schema > cable.schema.json"
    ))]
    Schema,
    /// Print the config file, themes dir, state file and default index in use.
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

/// `timeline --by`: the period of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TimelineBy {
    /// Calendar years.
    Year,
    /// Calendar months.
    Month,
}

/// `search --format`: how the hits are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchFormat {
    /// Columns, subject and snippet, matches in bold on a terminal.
    Text,
    /// A header row, then one row per cable (RFC 4180).
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// `--sort`: `score`, `date` or `-date`.
fn sort_parser() -> impl clap::builder::TypedValueParser<Value = SearchOrder> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(["score", "date", "-date"]).map(|order| {
        match order.as_str() {
            "date" => SearchOrder::Date,
            "-date" => SearchOrder::DateDescending,
            _ => SearchOrder::Score,
        }
    })
}

/// `export --format`: a format of [`Format`] by name (each with its summary in help), or
/// `rows-csv`. Built here rather than derived on [`Format`], so the model needs no clap.
fn bundle_parser() -> impl clap::builder::TypedValueParser<Value = Bundle> {
    use clap::builder::{PossibleValue, TypedValueParser as _};
    let values = Format::ALL
        .map(|format| PossibleValue::new(format.name()).help(format.summary()))
        .into_iter()
        .chain([PossibleValue::new("rows-csv")
            .help("The rows of the cables found, as CSV (with --index)")]);
    clap::builder::PossibleValuesParser::new(values)
        .map(|name| name.parse::<Format>().map_or(Bundle::Rows, Bundle::Cables))
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
