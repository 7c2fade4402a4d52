//! Loading a library: at once, or in the background with progress events for a loading
//! screen.

use super::{Entry, Library};
use crate::input::{self, LoadOptions, Progress};
use crate::regular_file::Limit;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread::JoinHandle;

impl Library {
    /// Loads files and directories into a library, parsing in parallel and summarising
    /// each cable on the worker that parsed it, so the full cables are never all held.
    pub fn load(
        paths: &[PathBuf],
        on_progress: &(dyn Fn(Progress) + Sync),
        cancel: &AtomicBool,
    ) -> Self {
        Self::load_limited(paths, Limit::default(), on_progress, cancel)
    }

    /// As [`Library::load`], with these options (how much of a file to read, the user's
    /// aliases and corrections), now and when a cable is opened ([`Library::open`]).
    pub fn load_limited(
        paths: &[PathBuf],
        options: impl Into<LoadOptions>,
        on_progress: &(dyn Fn(Progress) + Sync),
        cancel: &AtomicBool,
    ) -> Self {
        let options = options.into();
        let (slim, skipped) =
            input::load_paths_located(paths, options.clone(), on_progress, cancel, Entry::at);
        Self::build(slim, skipped, options)
    }
}

/// What a background load reports.
#[derive(Debug)]
pub enum LoadEvent {
    /// Files read so far; sent about a hundred times per load.
    Progress(Progress),
    /// Every file is parsed; the indexes are being built.
    Indexing(Progress),
    /// The library is ready.
    Done(Box<Library>),
    /// The corpus index holds this many documents; its table is being read.
    OpeningIndex(u64),
    /// The library could not be built, and why.
    Failed(String),
}

/// A load running on its own thread. Poll it from the UI loop with [`LoadHandle::poll`];
/// dropping the handle cancels the load.
#[derive(Debug)]
pub struct LoadHandle {
    events: Receiver<LoadEvent>,
    cancel: Arc<AtomicBool>,
    /// Whether the load has said it ended (done or failed).
    ended: AtomicBool,
    thread: Option<JoinHandle<()>>,
}

impl LoadHandle {
    /// Starts loading `paths` (files and directories) on a background thread, which
    /// parses on rayon's pool (all cores).
    #[must_use]
    pub fn spawn(paths: Vec<PathBuf>) -> Self {
        Self::spawn_limited(paths, Limit::default())
    }

    /// As [`LoadHandle::spawn`], with these options (a [`Limit`] converts into them).
    #[must_use]
    pub fn spawn_limited(paths: Vec<PathBuf>, options: impl Into<LoadOptions>) -> Self {
        let options = options.into();
        let (sender, events) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let thread = std::thread::spawn(move || {
            let progress = sender.clone();
            // mpsc senders are Sync, so rayon's workers can report directly.
            let on_progress = move |p: Progress| {
                let _ = progress.send(LoadEvent::Progress(p));
            };
            let started = std::time::Instant::now();
            let (slim, skipped) =
                input::load_paths_located(&paths, options.clone(), &on_progress, &flag, Entry::at);
            if flag.load(Ordering::Relaxed) {
                return;
            }
            let found = slim.len() + skipped.len();
            let _ = sender.send(LoadEvent::Indexing(Progress {
                done: found,
                total: found,
                bytes: 0,
                elapsed: started.elapsed(),
            }));
            let library = Library::build(slim, skipped, options);
            // The receiver may be gone (the user quit): nothing to do then.
            let _ = sender.send(LoadEvent::Done(Box::new(library)));
        });
        Self {
            events,
            cancel,
            ended: AtomicBool::new(false),
            thread: Some(thread),
        }
    }

    /// Builds the library on a corpus index on a background thread (its table read from
    /// the index's columns), so the screen can show that it is opening meanwhile.
    #[must_use]
    pub fn spawn_index(index: crate::search_index::SearchIndex, options: LoadOptions) -> Self {
        Self::on_thread(move |sender| {
            let _ = sender.send(LoadEvent::OpeningIndex(index.len()));
            let dir = index.dir().to_path_buf();
            // The index's reads are guarded already; this catches the rest, so that the
            // screen hears of any failure.
            let built = crate::search_index::guard::catch(|| {
                Library::from_index_with(index, options).map_err(|e| e.to_string())
            });
            let event = match built {
                Ok(Ok(library)) => LoadEvent::Done(Box::new(library)),
                Ok(Err(why)) => LoadEvent::Failed(why),
                Err(panic) => LoadEvent::Failed(format!(
                    "{}: the index could not be read: {panic}",
                    crate::sanitize::path(&dir)
                )),
            };
            let _ = sender.send(event);
        })
    }

    /// Runs `load` on a thread of its own, which reports through the sender it is given
    /// (a test can send the events itself, in its own time).
    pub fn on_thread(load: impl FnOnce(mpsc::Sender<LoadEvent>) + Send + 'static) -> Self {
        let (sender, events) = mpsc::channel();
        let thread = std::thread::spawn(move || load(sender));
        Self {
            events,
            cancel: Arc::new(AtomicBool::new(false)),
            ended: AtomicBool::new(false),
            thread: Some(thread),
        }
    }

    /// Every event since the last poll, oldest first; never blocks. A load whose thread
    /// died without finishing yields [`LoadEvent::Failed`] once, so a loading screen
    /// never waits for it forever.
    pub fn poll(&self) -> Vec<LoadEvent> {
        let mut events = Vec::new();
        loop {
            match self.events.try_recv() {
                Ok(event) => {
                    if matches!(event, LoadEvent::Done(_) | LoadEvent::Failed(_)) {
                        self.ended.store(true, Ordering::Relaxed);
                    }
                    events.push(event);
                }
                Err(TryRecvError::Empty) => return events,
                Err(TryRecvError::Disconnected) => {
                    if !self.ended.swap(true, Ordering::Relaxed)
                        && !self.cancel.load(Ordering::Relaxed)
                    {
                        events.push(LoadEvent::Failed(
                            "the loading stopped before it finished".to_string(),
                        ));
                    }
                    return events;
                }
            }
        }
    }

    /// Waits for the load to finish and returns the library, reporting progress to
    /// `on_event`. `None` if the load was cancelled or its thread failed.
    pub fn wait(self, mut on_event: impl FnMut(&LoadEvent)) -> Option<Library> {
        while let Ok(event) = self.events.recv() {
            on_event(&event);
            if let LoadEvent::Done(library) = event {
                return Some(*library);
            }
        }
        None
    }

    /// Asks the load to stop; files being parsed finish, the rest are not read.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for LoadHandle {
    fn drop(&mut self) {
        self.cancel();
        // Not joined: quitting must not wait for files already being parsed.
        drop(self.thread.take());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Polls until the load reports its end, for at most ten seconds.
    fn end_of(handle: &LoadHandle) -> Vec<LoadEvent> {
        let start = std::time::Instant::now();
        let mut seen = Vec::new();
        while start.elapsed() < std::time::Duration::from_secs(10) {
            seen.extend(handle.poll());
            if seen
                .iter()
                .any(|e| matches!(e, LoadEvent::Done(_) | LoadEvent::Failed(_)))
            {
                return seen;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the load never ended: {seen:?}");
    }

    #[test]
    fn a_load_thread_that_dies_says_so_once() {
        let handle = LoadHandle::on_thread(|sender| {
            let _ = sender.send(LoadEvent::OpeningIndex(3));
            // Gone without a word, as a thread that panicked is.
        });
        let events = end_of(&handle);
        assert!(
            matches!(events[0], LoadEvent::OpeningIndex(3)),
            "{events:?}"
        );
        assert!(
            matches!(&events[1], LoadEvent::Failed(why) if why.contains("stopped")),
            "{events:?}"
        );
        assert!(handle.poll().is_empty(), "said once");
    }

    #[test]
    fn a_load_that_ends_well_is_not_a_failure() {
        let handle = LoadHandle::on_thread(|sender| {
            let _ = sender.send(LoadEvent::Done(Box::default()));
        });
        let events = end_of(&handle);
        assert!(matches!(events[..], [LoadEvent::Done(_)]), "{events:?}");
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(handle.poll().is_empty(), "{:?}", handle.poll());
    }
}
