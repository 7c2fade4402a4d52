//! Writes a benchmark corpus of synthetic cables recombined from real ones.
//!
//! `cargo run --release --example cable_corpus -- --count 10000 --out DIR`

#[path = "../benches/support/corpus.rs"]
mod corpus;

use clap::Parser;
use corpus::{Source, generate};
use std::path::PathBuf;
use std::process::ExitCode;

/// Write N synthetic annotated cables, recombined from real cables' paragraphs.
#[derive(Debug, Parser)]
#[command(name = "cable_corpus", version)]
struct Args {
    /// How many cables to write.
    #[arg(long, default_value_t = 10_000)]
    count: usize,
    /// The directory to write them into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// The annotated cables to recombine.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated"))]
    from: PathBuf,
    /// Seed of the generator: the same seed writes the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = Source::from_dir(&args.from)
        .and_then(|source| generate(&source, args.count, args.seed, &args.out));
    match result {
        Ok(written) => {
            println!(
                "wrote {} cables ({:.1} MB) to {}",
                written.cables,
                written.bytes as f64 / 1e6,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cable_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}
