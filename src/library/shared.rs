//! An error shared by the clones of what carries it: the results the event loop hands
//! the session stay cheap to clone and can be compared, whatever error they hold.

use std::fmt;
use std::sync::Arc;

/// An error behind an [`Arc`]: its clones share it, and two are equal when they say the
/// same (the session's actions are compared in tests; errors such as I/O ones are not).
pub struct Shared<E>(Arc<E>);

impl<E> Shared<E> {
    /// The error itself, to match on.
    #[must_use]
    pub fn get(&self) -> &E {
        &self.0
    }
}

impl<E> From<E> for Shared<E> {
    fn from(error: E) -> Self {
        Self(Arc::new(error))
    }
}

impl<E> Clone for Shared<E> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<E: fmt::Display> PartialEq for Shared<E> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.to_string() == other.0.to_string()
    }
}

impl<E: fmt::Display> Eq for Shared<E> {}

impl<E: fmt::Debug> fmt::Debug for Shared<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<E: fmt::Display> fmt::Display for Shared<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<E: std::error::Error> std::error::Error for Shared<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::LoadError;
    use std::path::PathBuf;

    #[test]
    fn shared_errors_keep_their_type_and_compare_by_what_they_say() {
        let unreadable = |path: &str| -> Shared<LoadError> {
            LoadError::Unreadable {
                path: PathBuf::from(path),
                source: std::io::Error::other("gone"),
            }
            .into()
        };
        let a = unreadable("a.txt");
        assert!(matches!(a.get(), LoadError::Unreadable { .. }));
        assert_eq!(a.clone(), a);
        assert_eq!(a, unreadable("a.txt"));
        assert_ne!(a, unreadable("b.txt"));
        assert_eq!(a.to_string(), "a.txt: cannot read: gone");
    }
}
