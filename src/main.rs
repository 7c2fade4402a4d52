//! The `cableview` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    cableview::cli::main()
}
