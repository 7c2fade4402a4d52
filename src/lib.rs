//! cableview: read diplomatic cables with inline named-entity annotations.
//!
//! The crate is a library with a thin binary, in four layers, each using only those
//! before it:
//! - **model**: [`cable`] parses files into a typed document, [`input`] reads files and
//!   folders (through [`regular_file`]), [`library`] indexes many cables, [`search_index`]
//!   the whole release, [`export`] writes documents out; [`aliases`], [`corrections`],
//!   [`tags`], [`sanitize`], [`file_error`], [`atomic_file`] and [`theme`] (the styles, also used by the brat export) serve them. None of it knows the terminal.
//! - **session**: [`session`], the one state of a run and its `update` (no I/O: it returns
//!   effects), the reader on one cable ([`session::reader`]), actions, keymap.
//! - **ui**: [`ui`], widgets drawing the session.
//! - **shell**: [`shell`], the terminal and its event loop (which carries out the effects),
//!   the command line, the user's files and the reading state on disk.

pub mod aliases;
pub mod atomic_file;
pub mod cable;
pub mod corrections;
pub mod export;
pub mod file_error;
pub mod gazetteer;
pub mod input;
pub mod library;
pub mod regular_file;
pub mod sanitize;
pub mod search_index;
pub mod session;
pub mod shell;
pub mod tagger;
pub mod tags;
pub mod theme;
pub mod ui;

/// The bundled sample cable (05PARIS2333), opened when no file is given.
pub const SAMPLE: &str = include_str!("../assets/05PARIS2333.txt");

/// The file name the bundled sample is known by.
pub const SAMPLE_NAME: &str = "05PARIS2333.txt";
