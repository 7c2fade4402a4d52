//! What the screen shows under any overlay: one [`View`] at a time, each holding the state
//! only it has. The library's table is not a view's: it outlives them all (the reader
//! opens over it, Back returns to it as it was left), so it stays on the session.

use super::reader::Reader;
use crate::input::Progress;
use crate::library::{CableIndex, LoadHandle};

/// The screen under the overlays.
#[derive(Debug)]
pub enum View {
    /// The library is loading.
    Loading(Loading),
    /// The table of cables, with the cable last read kept for `Ctrl-o`.
    Library {
        /// The reader left with Back, as it was.
        kept: Option<Box<OpenCable>>,
    },
    /// The reader on one cable.
    Reader(Box<OpenCable>),
}

impl View {
    /// The cable open in the reader, shown or kept behind the table.
    #[must_use]
    pub fn open(&self) -> Option<&OpenCable> {
        match self {
            View::Loading(_) => None,
            View::Library { kept } => kept.as_deref(),
            View::Reader(open) => Some(open),
        }
    }

    /// See [`View::open`].
    pub fn open_mut(&mut self) -> Option<&mut OpenCable> {
        match self {
            View::Loading(_) => None,
            View::Library { kept } => kept.as_deref_mut(),
            View::Reader(open) => Some(open),
        }
    }

    /// The reader, when it is what the screen shows.
    #[must_use]
    pub fn reader(&self) -> Option<&OpenCable> {
        match self {
            View::Reader(open) => Some(open),
            _ => None,
        }
    }

    /// Whether the table is what the screen shows.
    #[must_use]
    pub fn is_library(&self) -> bool {
        matches!(self, View::Library { .. })
    }

    /// Whether the library is still loading.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        matches!(self, View::Loading(_))
    }

    /// Shows the reader kept behind the table, if there is one.
    pub(super) fn back_to_reader(&mut self) -> bool {
        match std::mem::replace(self, View::Library { kept: None }) {
            View::Library { kept: Some(open) } => {
                *self = View::Reader(open);
                true
            }
            view => {
                *self = view;
                false
            }
        }
    }

    /// Shows the table, keeping the reader behind it.
    pub(super) fn back_to_table(&mut self) {
        if let View::Reader(open) = std::mem::replace(self, View::Library { kept: None }) {
            *self = View::Library { kept: Some(open) };
        }
    }
}

/// A cable open in the reader.
#[derive(Debug)]
pub struct OpenCable {
    cable: CableIndex,
    reader: Reader,
}

impl OpenCable {
    /// `reader` on `cable`.
    #[must_use]
    pub fn new(cable: CableIndex, reader: Reader) -> Self {
        Self { cable, reader }
    }

    /// The cable.
    #[must_use]
    pub fn cable(&self) -> CableIndex {
        self.cable
    }

    /// The reader's state.
    #[must_use]
    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    /// See [`OpenCable::reader`].
    pub fn reader_mut(&mut self) -> &mut Reader {
        &mut self.reader
    }
}

/// The loading screen's state: how far the load is.
#[derive(Debug, Default)]
pub struct Loading {
    loader: Option<LoadHandle>,
    progress: Option<Progress>,
    indexing: bool,
    opening_index: Option<u64>,
}

impl Loading {
    /// Waiting for `loader` (none: a library is given next).
    #[must_use]
    pub fn new(loader: Option<LoadHandle>) -> Self {
        Self {
            loader,
            ..Self::default()
        }
    }

    /// The latest load progress.
    #[must_use]
    pub fn progress(&self) -> Option<Progress> {
        self.progress
    }

    /// Whether the load is indexing.
    #[must_use]
    pub fn indexing(&self) -> bool {
        self.indexing
    }

    /// Set while the library's table is read from a corpus index of this many documents.
    #[must_use]
    pub fn opening_index(&self) -> Option<u64> {
        self.opening_index
    }

    /// Whether a load is running (the loop then polls it).
    #[must_use]
    pub fn is_running(&self) -> bool {
        self.loader.is_some()
    }

    /// Takes what the load reports: the library when it is done (or failed: an empty one
    /// and why).
    pub(super) fn poll(&mut self) -> Option<Result<crate::library::Library, String>> {
        use crate::library::LoadEvent;
        let loader = self.loader.as_ref()?;
        for event in loader.poll() {
            match event {
                LoadEvent::Progress(p) => self.progress = Some(p),
                LoadEvent::Indexing(_) => self.indexing = true,
                LoadEvent::OpeningIndex(count) => self.opening_index = Some(count),
                LoadEvent::Failed(why) => {
                    self.loader = None;
                    return Some(Err(why));
                }
                LoadEvent::Done(library) => {
                    self.loader = None;
                    return Some(Ok(*library));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loading_view_keeps_the_progress_up_to_the_library() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
        let mut loading = Loading::new(Some(LoadHandle::spawn(vec![dir])));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let library = loop {
            assert!(
                std::time::Instant::now() < deadline,
                "the load did not finish"
            );
            if let Some(done) = loading.poll() {
                break done.expect("the fixtures load");
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert_eq!(library.len(), 34);
        assert!(!loading.is_running());
        assert_eq!(loading.progress().map(|p| p.total), Some(34));
    }
}
