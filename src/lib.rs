//! cableview: read diplomatic cables with inline named-entity annotations.
//!
//! The crate is a library with a thin binary. [`cable`] parses files into a typed
//! document and knows nothing of the terminal; [`export`] writes documents out;
//! [`cli`] is the command line.

pub mod action;
pub mod aliases;
pub mod app;
pub mod cable;
pub mod cli;
pub mod config;
pub mod corrections;
pub mod export;
pub mod input;
pub mod keymap;
pub mod library;
pub mod paths;
pub mod regular_file;
pub mod sanitize;
pub mod search_index;
pub mod session;
pub mod state;
pub mod tags;
pub mod text_layout;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod user_themes;

/// The bundled sample cable (05PARIS2333), opened when no file is given.
pub const SAMPLE: &str = include_str!("../assets/05PARIS2333.txt");

/// The file name the bundled sample is known by.
pub const SAMPLE_NAME: &str = "05PARIS2333.txt";
