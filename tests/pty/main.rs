//! The real binary in a pseudo-terminal (portable-pty + vt100) with real key presses.
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
#[path = "../support/pty.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod pty;

mod copy;
mod corrections;
mod default_index;
mod hangup;
mod keyboard;
mod library;
mod reader;
mod start_up;
mod state;

// On a corpus index.
#[path = "../../benches/support/corpus.rs"]
#[allow(dead_code, reason = "the generator has more than this area uses")]
mod corpus;
mod export;
mod index_damage;
mod index_interrupt;
mod index_search;
mod indexed;
mod indexed_across;
#[path = "../../benches/support/release.rs"]
#[allow(dead_code, reason = "the generator has more than this area uses")]
mod release;
mod timeline_map;
