//! cableview: read diplomatic cables with inline named-entity annotations.
//!
//! The crate is a library with a thin binary. [`cable`] parses files into a typed
//! document and knows nothing of the terminal; [`export`] writes documents out;
//! [`cli`] is the command line.

pub mod cable;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod input;
pub mod library;

/// The bundled sample cable (05PARIS2333), opened when no file is given.
pub const SAMPLE: &str = include_str!("../assets/05PARIS2333.txt");

/// The file name the bundled sample is known by.
pub const SAMPLE_NAME: &str = "05PARIS2333.txt";
