//! The `cableview` binary: everything lives in the library.

/// Parsing allocates many small strings (mentions, labels, entity names); mimalloc makes
/// each of them several times cheaper than the system allocator, in every thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let code = cableview::shell::cli::main();
    // A signal that ended the screen (SIGTERM, SIGHUP, SIGINT, SIGQUIT): 128 + its
    // number, as shells expect, once the terminal is restored and the state saved.
    cableview::shell::tui::signals::exit_status().map_or(code, std::process::ExitCode::from)
}
