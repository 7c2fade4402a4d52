//! The shell: what touches the world around the session. The terminal and its event
//! loop ([`tui`]), the command line ([`cli`]), the user's files ([`config`], [`paths`],
//! [`user_themes`]) and the reading state on disk ([`state`]).

pub mod cli;
pub mod config;
pub mod paths;
pub mod state;
pub mod tui;
pub mod user_themes;
