//! A guard around reading the index: tantivy trusts its files and asserts (or indexes
//! out of bounds) on damaged ones, so a panic inside a guarded call is caught and
//! becomes an error, quietly: the panic hook (which restores the terminal under the
//! screen and prints a backtrace) is skipped for it.

use super::IndexError;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

thread_local! {
    /// How deep this thread is in guarded calls.
    static GUARDED: Cell<u32> = const { Cell::new(0) };
}

static QUIET_HOOK: Once = Once::new();

/// Whether a panic now would be caught by a guard of this thread: a panic hook that
/// restores the terminal or reports the panic should do nothing then.
#[must_use]
pub fn catching() -> bool {
    GUARDED.with(Cell::get) > 0
}

/// A panic caught by [`catch`], with its message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Panicked {
    /// What the panic said (`a panic` when it said nothing readable).
    pub message: String,
}

/// Runs `f`, turning a panic into `Err` with its message, without the panic hook's
/// report. For any work that may meet damaged index files (a loader thread too).
///
/// # Errors
/// The panic, when `f` panicked.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Panicked> {
    QUIET_HOOK.call_once(|| {
        // Hooks set later (the screen's) check `catching` themselves; this one keeps the
        // default report off the command line's standard error.
        let hook = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !catching() {
                hook(info);
            }
        }));
    });
    GUARDED.with(|g| g.set(g.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(g.get() - 1));
    result.map_err(|payload| Panicked {
        message: payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string()),
    })
}

/// Runs a read of the index in `dir`, a panic in it reported as [`IndexError::Corrupt`].
pub(super) fn guarded<T>(
    dir: &Path,
    f: impl FnOnce() -> Result<T, IndexError>,
) -> Result<T, IndexError> {
    catch(f).unwrap_or_else(|panic| {
        Err(IndexError::Corrupt(
            dir.to_path_buf(),
            format!("reading it failed: {}", first_line(&panic.message)),
        ))
    })
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_becomes_a_corrupt_index_error() {
        let dir = Path::new("idx");
        let result: Result<(), IndexError> =
            guarded(dir, || panic!("assertion failed: end <= len"));
        let Err(IndexError::Corrupt(_, why)) = result else {
            panic!("{result:?}");
        };
        assert_eq!(why, "reading it failed: assertion failed: end <= len");
        assert!(!catching(), "the guard is left");
    }

    #[test]
    fn nested_guards_leave_the_outer_one_catching() {
        let inner = catch(|| catch(|| panic!("inner")).unwrap_err().message);
        assert_eq!(inner.as_deref(), Ok("inner"));
        assert!(!catching());
    }
}
