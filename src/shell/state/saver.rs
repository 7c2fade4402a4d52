//! Saving off the reader's thread.
//!
//! A save re-reads, merges and rewrites the whole file under a lock another instance
//! may hold: seconds for a big file or a busy lock, which the reader must not wait
//! for on each jump. A thread does it instead. Saves queued while it works are
//! written together (the last position of each cable wins), and while another
//! instance holds the lock it waits, listening for more saves, until the lock is
//! free or stale. Only a caller waiting on it (a flush: quitting) bounds the wait by
//! [`Lock::PATIENCE`], then writes without the lock, as a save on the reader's
//! thread did.

use super::Entry;
use super::disk::{self, Entries};
use crate::atomic_file::{Attempt, Lock};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often a waiting saver tries the lock again.
const RETRY: Duration = Duration::from_millis(20);

/// What the store asks of the thread.
enum Job {
    /// Write this cable's entry.
    Save(String, Entry),
    /// Answer once everything asked before is written (or has failed).
    Flush(Sender<()>),
}

/// What the thread tells the store.
#[derive(Debug)]
pub(super) enum Report {
    /// Something the user should hear of (a file set aside); saving goes on.
    Notice(String),
    /// Saving failed and has stopped; the notice says why.
    Stopped(String),
}

/// The saving thread; dropping it writes what is queued and ends the thread.
#[derive(Debug)]
pub(super) struct Saver {
    jobs: Option<Sender<Job>>,
    reports: Receiver<Report>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts a thread saving to `path`; `None` when no thread can be started.
    pub(super) fn spawn(path: PathBuf) -> Option<Self> {
        let (jobs, queue) = mpsc::channel();
        let (tell, reports) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("cableview-state".into())
            .spawn(move || run(&path, &queue, &tell))
            .ok()?;
        Some(Self {
            jobs: Some(jobs),
            reports,
            thread: Some(thread),
        })
    }

    /// Queues a cable's entry; false when the thread is gone.
    pub(super) fn save(&self, key: String, entry: Entry) -> bool {
        self.send(Job::Save(key, entry))
    }

    /// Waits until every save queued so far is on disk or has failed.
    pub(super) fn flush(&self) {
        let (done, wait) = mpsc::channel();
        if self.send(Job::Flush(done)) {
            // An error means the thread ended: nothing more will be written anyway.
            let _ = wait.recv();
        }
    }

    /// What the thread has reported since the last call, oldest first.
    pub(super) fn reports(&self) -> Vec<Report> {
        self.reports.try_iter().collect()
    }

    fn send(&self, job: Job) -> bool {
        self.jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send(job).is_ok())
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        // Closing the queue tells the thread to write what it holds and end.
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Saves waiting to be written, and flushes waiting for them.
#[derive(Default)]
struct Batch {
    pending: Entries,
    flushes: Vec<Sender<()>>,
}

impl Batch {
    fn take(&mut self, job: Job) {
        match job {
            Job::Save(key, entry) => {
                self.pending.insert(key, entry);
            }
            Job::Flush(done) => self.flushes.push(done),
        }
    }

    fn answer_flushes(&mut self) {
        for done in self.flushes.drain(..) {
            let _ = done.send(());
        }
    }
}

/// The thread: writes batches until the queue closes, then once more and ends.
fn run(path: &std::path::Path, queue: &Receiver<Job>, tell: &Sender<Report>) {
    let mut batch = Batch::default();
    let mut open = true;
    // Since when someone has been waiting on a write that another's lock holds up.
    let mut urgent_since: Option<Instant> = None;
    loop {
        if batch.pending.is_empty() {
            batch.answer_flushes();
            if !open {
                return;
            }
            match queue.recv() {
                Ok(job) => batch.take(job),
                Err(_) => return,
            }
        }
        // Everything queued meanwhile goes into this write.
        loop {
            match queue.try_recv() {
                Ok(job) => batch.take(job),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    open = false;
                    break;
                }
            }
        }
        if batch.pending.is_empty() {
            continue;
        }
        let lock = match Lock::try_acquire(path) {
            Attempt::Held(lock) => Some(lock),
            Attempt::Failed => None,
            Attempt::Busy => {
                let urgent = !open || !batch.flushes.is_empty();
                let waited =
                    urgent.then(|| urgent_since.get_or_insert_with(Instant::now).elapsed());
                if waited.is_none_or(|w| w < Lock::PATIENCE) {
                    match queue.recv_timeout(RETRY) {
                        Ok(job) => batch.take(job),
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => open = false,
                    }
                    continue;
                }
                // The atomic rename still keeps the file whole; at worst one update
                // of the other instance's is lost.
                None
            }
        };
        urgent_since = None;
        let mut notices = Vec::new();
        let written = disk::merge(path, &batch.pending, &mut notices);
        drop(lock);
        batch.pending.clear();
        for notice in notices {
            let _ = tell.send(Report::Notice(notice));
        }
        if let Err(notice) = written {
            let _ = tell.send(Report::Stopped(notice.to_string()));
            // Saving is off: answer flushes, drop saves, until the store goes.
            batch.answer_flushes();
            for job in queue {
                if let Job::Flush(done) = job {
                    let _ = done.send(());
                }
            }
            return;
        }
    }
}
