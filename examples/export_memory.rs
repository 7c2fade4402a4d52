//! Runs `cableview export` on a collection as a user would and reports its peak memory:
//! export streams, so the figure stays flat whatever the input's size.
//!
//! `cargo run --release --example cable_corpus -- --csv big.csv --count 41450` (466 MB), then
//! `cargo run --release --example export_memory -- big.csv [FORMAT]` (Linux: the child's
//! peak resident set from `getrusage`; standard output is counted, not kept).

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(input) = args.next().map(PathBuf::from) else {
        eprintln!("usage: export_memory INPUT [FORMAT]");
        return ExitCode::from(2);
    };
    let format = args
        .next()
        .map_or_else(|| "json".to_string(), |f| f.to_string_lossy().into_owned());
    // The binary cargo built beside this example: target/release/cableview.
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("cableview")))
        .filter(|binary| binary.is_file());
    let Some(binary) = binary else {
        eprintln!(
            "export_memory: build the cableview binary first (cargo test --release --no-run)"
        );
        return ExitCode::FAILURE;
    };
    let input_mb = std::fs::metadata(&input).map_or(0, |m| m.len()) as f64 / 1e6;
    let start = Instant::now();
    let mut child = match Command::new(&binary)
        .args(["export", "--format", &format])
        .arg(&input)
        .stdout(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => {
            eprintln!("export_memory: cannot run {}: {e}", binary.display());
            return ExitCode::FAILURE;
        }
    };
    let mut out = child.stdout.take().expect("a piped stdout");
    let mut buffer = vec![0; 1 << 16];
    let mut written: u64 = 0;
    while let Ok(n) = out.read(&mut buffer) {
        if n == 0 {
            break;
        }
        written += n as u64;
    }
    let status = child.wait().expect("the export ends");
    println!(
        "export --format {format} of {input_mb:.0} MB: {:.0} MB written in {:.1} s, {status}, peak RSS {}",
        written as f64 / 1e6,
        start.elapsed().as_secs_f64(),
        peak_of_children().map_or_else(
            || "unknown".to_string(),
            |kb| format!("{:.1} MB", kb as f64 / 1024.0)
        )
    );
    if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The largest resident set of any child waited for, in kilobytes (Linux counts `ru_maxrss`
/// in kilobytes).
#[cfg(unix)]
fn peak_of_children() -> Option<i64> {
    // SAFETY: getrusage only writes the struct it is given, which lives on this stack.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: as above; RUSAGE_CHILDREN is a valid `who`.
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &raw mut usage) } == 0;
    ok.then_some(usage.ru_maxrss)
}

#[cfg(not(unix))]
fn peak_of_children() -> Option<i64> {
    None
}
