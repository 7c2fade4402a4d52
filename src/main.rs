//! The `cableview` binary: everything lives in the library.

/// Parsing allocates many small strings (mentions, labels, entity names); mimalloc makes
/// each of them several times cheaper than the system allocator, in every thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cableview::cli::main()
}
