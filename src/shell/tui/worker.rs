//! The worker: a thread that asks the corpus index (queries, snippets, lookups) and reads
//! cables, so the event loop never waits on either. Each job carries a generation number
//! of its kind; a job or answer older than the newest of its kind is stale (the user typed
//! on, or moved) and is dropped, by the worker before it starts and by the loop when it
//! comes back.

use super::Inbound;
use crate::cable::CableId;
use crate::library::Library;
use crate::session::action::CableRead;
use crate::session::message::Message;
use crate::session::{Effect, Lookup};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, mpsc};

/// What a job asks, so a newer job of the same kind supersedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A query typed in the table (with its facets).
    Search,
    /// The snippet of the selected row.
    Snippet,
    /// The cables naming the selected entity, or their count.
    Naming,
    /// The cables citing the open cable.
    CitedBy,
    /// The cable to open.
    Read,
}

impl Kind {
    const ALL: usize = 5;

    fn slot(self) -> usize {
        self as usize
    }
}

/// One answer from the worker: the action to give the session, and what it answers.
#[derive(Debug)]
pub(crate) struct Answered {
    /// The kind of job.
    pub kind: Kind,
    /// Its generation: it is current when no newer job of its kind was sent.
    pub generation: u64,
    /// What the session is told.
    pub action: Message,
}

/// What the worker can be asked: the effects that read the index or a cable.
#[derive(Debug)]
pub(crate) enum Request {
    /// [`Effect::Search`].
    Search { query: String, facets: bool },
    /// [`Effect::Snippet`].
    Snippet {
        query: String,
        cable: crate::library::CableIndex,
        id: CableId,
    },
    /// [`Effect::Lookup`].
    Lookup(Lookup),
    /// [`Effect::ReadCable`].
    Read(crate::library::CableIndex),
}

impl Request {
    /// The request an effect makes, or the effect back when it is not the worker's.
    pub(crate) fn of(effect: Effect) -> Result<Self, Box<Effect>> {
        Ok(match effect {
            Effect::Search { query, facets } => Self::Search { query, facets },
            Effect::Snippet { query, cable, id } => Self::Snippet { query, cable, id },
            Effect::Lookup(lookup) => Self::Lookup(lookup),
            Effect::ReadCable { cable } => Self::Read(cable),
            other => return Err(Box::new(other)),
        })
    }

    fn kind(&self) -> Kind {
        match self {
            Self::Search { .. } => Kind::Search,
            Self::Snippet { .. } => Kind::Snippet,
            Self::Lookup(Lookup::Naming { .. }) => Kind::Naming,
            Self::Lookup(Lookup::CitedBy { .. }) => Kind::CitedBy,
            Self::Read(_) => Kind::Read,
        }
    }
}

/// A job for the worker thread.
struct Job {
    kind: Kind,
    generation: u64,
    library: Arc<Library>,
    request: Request,
}

/// The loop's side of the worker: sends it jobs, and tells whether an answer is current.
pub(crate) struct Worker {
    jobs: Option<Sender<Job>>,
    /// The newest generation sent, per kind (shared: the thread skips stale jobs).
    newest: Arc<[AtomicU64; Kind::ALL]>,
    /// Jobs sent whose answer has not come back, per kind.
    waiting: [u64; Kind::ALL],
    /// An answer done in the loop's thread after the worker's had ended.
    loop_answer: Option<Message>,
}

impl Worker {
    /// Starts the worker thread; its answers go to `inbox`. If the thread cannot start,
    /// jobs are done in the caller's thread (as before there was a worker).
    pub(crate) fn start(inbox: Sender<Inbound>) -> Self {
        let newest: Arc<[AtomicU64; Kind::ALL]> = Arc::new(Default::default());
        let (jobs, queue) = mpsc::channel();
        let seen = Arc::clone(&newest);
        let started = std::thread::Builder::new()
            .name("cableview-worker".into())
            .spawn(move || work(&queue, &seen, &inbox))
            .is_ok();
        Self {
            jobs: started.then_some(jobs),
            newest,
            waiting: [0; Kind::ALL],
            loop_answer: None,
        }
    }

    /// Sends `effect` to the worker if it is one of its jobs, reading `library`; gives it
    /// back otherwise (the loop carries it out itself).
    pub(crate) fn offer(&mut self, effect: Effect, library: &Arc<Library>) -> Option<Effect> {
        let Some(jobs) = &self.jobs else {
            return Some(effect);
        };
        let request = match Request::of(effect) {
            Ok(request) => request,
            Err(effect) => return Some(*effect),
        };
        let kind = request.kind();
        let generation = self.newest[kind.slot()].fetch_add(1, Ordering::SeqCst) + 1;
        let job = Job {
            kind,
            generation,
            library: Arc::clone(library),
            request,
        };
        match jobs.send(job) {
            Ok(()) => {
                self.waiting[kind.slot()] += 1;
                None
            }
            // The thread is gone (it panicked): the loop does the job itself.
            Err(mpsc::SendError(job)) => {
                self.jobs = None;
                self.loop_answer = Some(answer(&job.library, job.request));
                None
            }
        }
    }

    /// Takes an answer back: its action when it is current, `None` when a newer job of its
    /// kind was sent since (the answer is stale).
    pub(crate) fn take(&mut self, answered: Answered) -> Option<Message> {
        let slot = answered.kind.slot();
        self.waiting[slot] = self.waiting[slot].saturating_sub(1);
        let newest = self.newest[slot].load(Ordering::SeqCst);
        (answered.generation == newest).then_some(answered.action)
    }

    /// A job the worker skipped as stale never answers: counts it off.
    pub(crate) fn skipped(&mut self, kind: Kind) {
        let slot = kind.slot();
        self.waiting[slot] = self.waiting[slot].saturating_sub(1);
    }

    /// Whether every job sent has been answered (or skipped).
    pub(crate) fn idle(&self) -> bool {
        self.waiting.iter().all(|&n| n == 0)
    }

    /// Whether a query sent to the index has not been answered yet.
    pub(crate) fn searching(&self) -> bool {
        self.waiting[Kind::Search.slot()] > 0
    }

    /// The answer to a job the worker could not take (its thread had ended), done here.
    pub(crate) fn take_loop_answer(&mut self) -> Option<Message> {
        self.loop_answer.take()
    }
}

/// The worker thread: takes jobs in order, skips those a newer one of their kind has made
/// stale, and sends each answer back. Ends when the loop drops its sender.
fn work(queue: &Receiver<Job>, newest: &[AtomicU64; Kind::ALL], inbox: &Sender<Inbound>) {
    while let Ok(job) = queue.recv() {
        let message = if job.generation < newest[job.kind.slot()].load(Ordering::SeqCst) {
            Inbound::Skipped(job.kind)
        } else {
            // A panic (a bug, or tantivy on a damaged index outside the index's own
            // guards) ends this job, not the thread, and leaves the screen as it is.
            let (library, request) = (&job.library, job.request);
            match crate::search_index::guard::catch(|| answer(library, request)) {
                Ok(action) => Inbound::Answered(Answered {
                    kind: job.kind,
                    generation: job.generation,
                    action,
                }),
                Err(why) => Inbound::Failed(job.kind, format!("could not answer: {why}")),
            }
        };
        if inbox.send(message).is_err() {
            return;
        }
    }
}

/// Does one job: what [`super::carry_out`] does for the effect, less what only the loop
/// can do (the reading state fills a cable's saved position when it arrives).
pub(crate) fn answer(library: &Library, request: Request) -> Message {
    match request {
        Request::Search { query, facets } => super::ask_index::search(library, query, facets),
        Request::Snippet { query, cable, id } => {
            super::ask_index::snippet(library, query, cable, &id)
        }
        Request::Lookup(lookup) => super::ask_index::lookup(library, lookup),
        Request::Read(cable) => {
            let parsed = library.open(cable).map_err(Into::into);
            let key = parsed
                .as_ref()
                .map(crate::shell::state::cable_key)
                .unwrap_or_default();
            Message::CableRead(Box::new(CableRead {
                cable,
                parsed,
                key,
                saved: None,
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Worker;
    use crate::library::Library;
    use crate::session::Effect;
    use crate::session::message::Message;
    use crate::shell::tui::Inbound;
    use std::sync::{Arc, mpsc};
    use std::time::Duration;

    fn search(query: &str) -> Effect {
        Effect::Search {
            query: query.to_string(),
            facets: false,
        }
    }

    #[test]
    fn only_the_answer_to_the_newest_query_reaches_the_session() {
        let (inbox, messages) = mpsc::channel();
        let mut worker = Worker::start(inbox);
        let library = Arc::new(Library::default());
        assert!(worker.offer(search("hez"), &library).is_none(), "sent");
        assert!(
            worker.offer(search("hezbollah"), &library).is_none(),
            "sent"
        );
        assert!(worker.searching());
        let mut passed = Vec::new();
        while !worker.idle() {
            match messages
                .recv_timeout(Duration::from_secs(20))
                .expect("an answer")
            {
                Inbound::Answered(answered) => passed.extend(worker.take(answered)),
                Inbound::Skipped(kind) => worker.skipped(kind),
                other => panic!("unexpected {other:?}"),
            }
        }
        // A library on no index answers with an error, for the query it was asked.
        assert!(
            matches!(passed.as_slice(), [Message::Searched(s)] if s.query == "hezbollah"),
            "{passed:?}"
        );
        assert!(!worker.searching());
    }

    #[test]
    fn effects_not_of_the_worker_come_back() {
        let (inbox, _messages) = mpsc::channel();
        let mut worker = Worker::start(inbox);
        let library = Arc::new(Library::default());
        assert_eq!(worker.offer(Effect::Quit, &library), Some(Effect::Quit));
        assert!(worker.idle());
    }
}
