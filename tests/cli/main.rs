//! The command line, run as a user would: the real binary, its output and exit status.
//!
//! One test binary for the area: every test file links the whole crate, so fewer
//! binaries build and link faster.

#[path = "../support/controls.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod controls;
#[path = "../support/damage.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod damage;
#[cfg(unix)]
#[path = "../support/hostile.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod hostile;

mod annotations;
mod commands;
mod config;
mod config_files;
mod default_index;
mod entities;
mod everywhere;
mod export;
mod export_index;
mod export_merge;
mod export_stream;
mod index_damage;
mod index_merge;
mod json_controls;
mod library;
mod long_row;
mod pages;
mod partial_extract;
mod refusals;
mod search_forms;
mod search_index;
mod search_output;
mod snippet_rows;
mod source_id;
mod tagger;
mod timeline_map;
