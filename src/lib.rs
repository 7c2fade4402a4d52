//! cableview: read diplomatic cables and their named entities (people, organisations, places).
//!
//! The app of a workspace whose crates are its layers, each using only those before it
//! (docs/ARCHITECTURE.md):
//! - **model** (crate `cableview-model`): [`cable`] parses files into a typed document,
//!   [`input`] reads files and folders, [`export`] writes documents out, [`tagger`],
//!   [`aliases`], [`corrections`], [`tags`], [`sanitize`], [`file_error`],
//!   [`atomic_file`], [`regular_file`] and [`theme`] (colours as data) serve them. None
//!   of it knows the terminal.
//! - **index** (crate `cableview-index`): [`search_index`], the whole release in tantivy.
//! - **app** (this crate): [`library`] indexes many cables in memory; [`session`], the
//!   one state of a run and its `update` (no I/O: it returns effects); [`ui`], widgets
//!   drawing the session; [`shell`], the terminal and its event loop (which carries out
//!   the effects), the command line, the user's files and the reading state on disk.

// The lower layers' modules, re-exported under the paths the app has always used
// (`crate::cable::...`): the model's crate and the index's.
pub use cableview_index::search_index;
pub use cableview_model::{
    SAMPLE, SAMPLE_NAME, aliases, atomic_file, cable, corrections, export, file_error, gazetteer,
    input, regular_file, sanitize, tagger, tags, theme,
};

#[cfg(test)]
mod layers;
pub mod library;
pub mod session;
pub mod shell;
pub mod ui;
