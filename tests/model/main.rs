//! The model and its exports: the parser on the sample, the fixtures and generated input; pages, plain text and side files; every export format.
//!
//! One test binary for the area: every test file links the whole crate, so fewer
//! binaries build and link faster.

mod export_formats;
mod export_golden;
mod export_inline;
mod export_props;
mod facet_clauses;
#[cfg(unix)]
#[path = "../support/hostile.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod hostile;
mod index_sources;
mod index_tagging;
mod page_fixtures;
mod page_plain;
mod page_props;
mod parser_fixtures;
mod parser_hostile;
mod parser_props;
mod parser_sample;
mod partial_extract;
mod peer_cases;
mod search_index;
mod side_annotations;
mod tagger;
mod train_structure;
