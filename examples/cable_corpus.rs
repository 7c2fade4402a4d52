//! Writes a benchmark corpus of synthetic cables recombined from real ones: a folder of
//! annotated files, or the release's `cables.csv` of any size.
//!
//! `cargo run --release --example cable_corpus -- --count 10000 --out DIR`
//! `cargo run --release --example cable_corpus -- --csv cables.csv` (251,287 rows)
//! `cargo run --release --example cable_corpus -- --csv raw.csv --raw` (no inline annotations)
//! `cargo run --release --example cable_corpus -- --csv release.csv --pages tests/fixtures/raw`

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "../benches/support/release.rs"]
#[allow(dead_code, reason = "the generator's shorthand is for the benchmarks")]
mod release;

use clap::Parser;
use corpus::{Source, generate};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The release's size: the default number of rows of `--csv`.
const RELEASE_ROWS: usize = 251_287;

/// Write N synthetic annotated cables, recombined from real cables' paragraphs.
#[derive(Debug, Parser)]
#[command(name = "cable_corpus", version)]
struct Args {
    /// How many cables to write (default 10,000 files, or 251,287 rows with --csv).
    #[arg(long)]
    count: Option<usize>,
    /// The directory to write them into (created if missing).
    #[arg(long, required_unless_present = "csv")]
    out: Option<PathBuf>,
    /// Write one release CSV here instead of a folder.
    #[arg(long)]
    csv: Option<PathBuf>,
    /// With --csv: one row per WikiLeaks page in these folders, its text as it is.
    #[arg(long)]
    pages: Vec<PathBuf>,
    /// The annotated cables to recombine.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated"))]
    from: PathBuf,
    /// With --csv: bodies without their inline annotations, as the release's rows are
    /// (the tagger then reads every row).
    #[arg(long)]
    raw: bool,
    /// Seed of the generator: the same seed writes the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match (&args.csv, &args.out) {
        (Some(csv), _) if !args.pages.is_empty() => from_pages(&args.pages, csv),
        (Some(csv), _) => Source::from_dir(&args.from).and_then(|source| {
            let count = args.count.unwrap_or(RELEASE_ROWS);
            let bytes = release::generate_csv_as(&source, count, args.seed, args.raw, csv)?;
            Ok(format!(
                "wrote {count} rows ({:.1} MB) to {}",
                bytes as f64 / 1e6,
                csv.display()
            ))
        }),
        (None, Some(out)) => Source::from_dir(&args.from).and_then(|source| {
            let written = generate(&source, args.count.unwrap_or(10_000), args.seed, out)?;
            Ok(format!(
                "wrote {} cables ({:.1} MB) to {}",
                written.cables,
                written.bytes as f64 / 1e6,
                out.display()
            ))
        }),
        (None, None) => Err(std::io::Error::other("give --out DIR or --csv FILE")),
    };
    match result {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cable_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One row per page, in file-name order.
fn from_pages(dirs: &[PathBuf], csv: &Path) -> std::io::Result<String> {
    let mut pages = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "html") {
                pages.push(path);
            }
        }
    }
    pages.sort_by_key(|p| p.file_name().map(std::ffi::OsStr::to_os_string));
    let mut out = std::io::BufWriter::new(std::fs::File::create(csv)?);
    let mut rows = 0;
    for page in &pages {
        let Ok(cable) = cableview::input::load(page) else {
            continue;
        };
        if let Some(mut row) = release::row_of_page(&cable) {
            rows += 1;
            row.identifier = rows.to_string();
            release::write_row(&mut out, &row)?;
        }
    }
    out.flush()?;
    Ok(format!("wrote {rows} rows to {}", csv.display()))
}
