//! cableview's model: cables parsed into typed documents, and everything done to them
//! short of showing them.
//!
//! [`cable`] parses files into a typed document (its [`cable::refs`] reduces IDs and REFs
//! to one key, [`cable::flat`] lays a cable out as the one text offsets count in);
//! [`input`] reads files, folders and the release's CSV (through [`regular_file`]);
//! [`export`] writes documents out; [`tagger`] finds entities in cables that have none;
//! [`aliases`], [`corrections`], [`tags`], [`sanitize`], [`file_error`], [`atomic_file`]
//! and [`theme`] (colours as plain data) serve them.
//!
//! None of it knows the terminal, the command line or the index engine: no ratatui,
//! crossterm, clap or tantivy among this crate's dependencies.

pub mod aliases;
pub mod atomic_file;
pub mod cable;
pub mod corrections;
pub mod export;
pub mod file_error;
pub mod gazetteer;
pub mod input;
pub mod regular_file;
pub mod sanitize;
pub mod tagger;
pub mod tags;
pub mod theme;

/// The bundled sample cable (05PARIS2333), opened when no file is given.
pub const SAMPLE: &str = include_str!("../../../assets/05PARIS2333.txt");

/// The file name the bundled sample is known by.
pub const SAMPLE_NAME: &str = "05PARIS2333.txt";
