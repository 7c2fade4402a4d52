//! The library: loading the fixtures, sort and filter, REF links, the browser across cables and its state.
//!
//! One test binary for the area: every test file links the whole crate, so fewer
//! binaries build and link faster.

#[path = "../../benches/support/corpus.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod corpus;
#[path = "../support/drive.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod drive;
#[cfg(unix)]
#[path = "../support/hostile.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod hostile;

mod browser;
mod corpus_generator;
mod export_key;
mod facets;
mod fit;
mod fixtures;
mod full_text;
mod indexed;
mod keys;
mod landing;
mod picker;
mod refs;
mod search_line;
mod sources;
mod state;
mod timeline_map;
