//! The real binary in a pseudo-terminal (portable-pty + vt100) with real key presses.
//!
//! One test binary for the area: every test file links the whole crate, so fewer
//! binaries build and link faster.

#[path = "../support/controls.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod controls;
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
mod state;
