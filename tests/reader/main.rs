//! The reader: keys to state to frame (TestBackend and insta snapshots), the README's key table, and the reading state.
//!
//! One test binary for the area: every test file links the whole crate, so fewer
//! binaries build and link faster.

#[path = "../support/drive.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod drive;
#[cfg(unix)]
#[path = "../support/hostile.rs"]
#[allow(dead_code, reason = "the shared helpers have more than this area uses")]
mod hostile;

mod alone;
mod header;
mod help_overlay;
mod jumps;
mod readme;
mod sidebar;
mod sizes;
mod snapshots;
mod state_session;
mod state_store;
mod tagged;
mod themes;
mod update;
