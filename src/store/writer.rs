//! Group commit (issue 23): the async [`Store::write`](super::Store::write) hands its closure to
//! one writer thread instead of a blocking-pool thread of its own. The thread takes every write
//! waiting, runs each in a transaction of its own committed without a sync (so one closure's
//! error never undoes another's writes), then makes them all durable with one synced commit, and
//! only then answers their callers: a burst of joins costs one pair of fsyncs per batch instead
//! of per write, and every answer still comes after its write is on disk (SPEC §4).
//!
//! Readers must not see a write before it is durable either (they could show, or act on, a
//! write a crash then takes back): a read waits, after opening its snapshot, until every commit
//! that snapshot may contain is durable ([`Progress`]). The async [`Store::read`] does that
//! wait off the blocking pool: its thread runs the read and is free again at once, and the
//! caller gets the result only once the batch it may contain is synced.

use std::any::Any;
use std::panic::AssertUnwindSafe;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, PoisonError, Weak};

use redb::{Database, Durability};

use super::{Inner, Keys, Store, StoreError, WriteTx};
use crate::sync::lock;

/// The most writes one batch takes (the rest wait for the next sync).
const MAX_BATCH: usize = 256;

/// A closure's outcome as its caller receives it: a panic inside it resurfaces in the caller.
pub(super) enum Outcome<R> {
    Done(Result<R, StoreError>),
    Panicked(Box<dyn Any + Send>),
}

/// One queued write.
pub(super) trait Job: Send {
    /// Runs the closure in its own transaction, committed without a sync.
    fn run(self: Box<Self>, db: &Database, keys: &Keys, progress: &Progress) -> Box<dyn Ran>;
    /// Answers without running (the database could not be used).
    fn refuse(self: Box<Self>, e: StoreError);
}

/// A job that ran, waiting for its batch's sync.
pub(super) trait Ran: Send {
    /// Whether its transaction was committed (and so needs the sync).
    fn committed(&self) -> bool;
    /// Whether it failed because the disk refused (the database must be reopened).
    fn unwritable(&self) -> bool;
    /// Answers the caller: `Ok` once the batch is durable, or why the sync failed.
    fn answer(self: Box<Self>, synced: Result<(), StoreError>);
}

pub(super) struct JobOf<F, R> {
    pub(super) f: F,
    pub(super) reply: tokio::sync::oneshot::Sender<Outcome<R>>,
}

struct RanOf<R> {
    outcome: Outcome<R>,
    reply: tokio::sync::oneshot::Sender<Outcome<R>>,
}

impl<F, R> Job for JobOf<F, R>
where
    F: FnOnce(&mut WriteTx) -> Result<R, StoreError> + Send,
    R: Send + 'static,
{
    fn run(self: Box<Self>, db: &Database, keys: &Keys, progress: &Progress) -> Box<dyn Ran> {
        let JobOf { f, reply } = *self;
        let outcome = match db.begin_write() {
            Err(e) => Outcome::Done(Err(e.into())),
            Ok(tx) => {
                let mut tx = WriteTx::new_write(tx, keys.clone());
                match std::panic::catch_unwind(AssertUnwindSafe(|| f(&mut tx))) {
                    Ok(Ok(r)) => {
                        progress.committing();
                        Outcome::Done(tx.commit_with(Durability::None).map(|()| r))
                    }
                    Ok(Err(e)) => {
                        // The closure's error is the one worth reporting.
                        let _ = tx.abort();
                        Outcome::Done(Err(e))
                    }
                    Err(panic) => {
                        let _ = tx.abort();
                        Outcome::Panicked(panic)
                    }
                }
            }
        };
        Box::new(RanOf { outcome, reply })
    }

    fn refuse(self: Box<Self>, e: StoreError) {
        let _ = self.reply.send(Outcome::Done(Err(e)));
    }
}

impl<R: Send> Ran for RanOf<R> {
    fn committed(&self) -> bool {
        matches!(self.outcome, Outcome::Done(Ok(_)))
    }

    fn unwritable(&self) -> bool {
        matches!(&self.outcome, Outcome::Done(Err(e)) if e.is_unwritable())
    }

    fn answer(self: Box<Self>, synced: Result<(), StoreError>) {
        let outcome = match (self.outcome, synced) {
            (Outcome::Done(Ok(_)), Err(e)) => Outcome::Done(Err(e)),
            (outcome, _) => outcome,
        };
        let _ = self.reply.send(outcome);
    }
}

/// The same error for every caller of a failed batch.
fn echo(e: &StoreError) -> StoreError {
    match e {
        StoreError::Unwritable(m) => StoreError::Unwritable(m.clone()),
        other => StoreError::Db(other.to_string()),
    }
}

/// How far commits have reached the disk.
#[derive(Default)]
pub(super) struct Progress {
    seqs: Mutex<Seqs>,
    synced: Condvar,
    /// The same as `seqs` after every settle, for async readers ([`Progress::settled`]).
    settled: tokio::sync::watch::Sender<Seqs>,
}

/// What a read snapshot may hold: the commits started when it was opened, and how many syncs
/// had failed by then ([`Progress::mark`]).
#[derive(Clone, Copy)]
pub(super) struct Mark {
    want: u64,
    failed: u64,
}

#[derive(Default, Clone, Copy)]
struct Seqs {
    /// Commits started (counted before each unsynced commit, so a snapshot never holds more).
    committed: u64,
    /// Commits known durable.
    durable: u64,
    /// Batches whose sync failed: their commits were visible for a moment and are lost.
    failed: u64,
}

impl Progress {
    fn committing(&self) {
        lock(&self.seqs).committed += 1;
    }

    fn committed(&self) -> u64 {
        lock(&self.seqs).committed
    }

    fn settle(&self, upto: u64, ok: bool) {
        let mut s = lock(&self.seqs);
        s.durable = s.durable.max(upto);
        if !ok {
            s.failed += 1;
        }
        let now = *s;
        drop(s);
        self.synced.notify_all();
        self.settled.send_replace(now);
    }

    /// Called with a read snapshot open, instead of blocking in [`Progress::wait_durable`]:
    /// what [`Progress::settled`] must wait for before the snapshot's contents may be shown.
    pub(super) fn mark(&self) -> Mark {
        let s = lock(&self.seqs);
        Mark {
            want: s.committed,
            failed: s.failed,
        }
    }

    /// [`Progress::wait_durable`] without holding a thread: waits until everything a snapshot
    /// taken at `mark` may hold is durable. `Err` when a sync failed meanwhile.
    pub(super) async fn settled(&self, mark: Mark) -> Result<(), StoreError> {
        let mut rx = self.settled.subscribe();
        let failed = match rx.wait_for(|s| s.durable >= mark.want).await {
            Ok(s) => s.failed,
            // Never: the sender lives as long as `self`.
            Err(_) => mark.failed + 1,
        };
        if failed != mark.failed {
            return Err(StoreError::Unwritable(
                "a write failed to reach the disk while reading".to_owned(),
            ));
        }
        Ok(())
    }

    /// Called with a read snapshot open: waits until everything it may hold is durable. `Err`
    /// when a sync failed meanwhile (the snapshot may show writes that were lost).
    pub(super) fn wait_durable(&self) -> Result<(), StoreError> {
        let mut s = lock(&self.seqs);
        let (want, failed) = (s.committed, s.failed);
        while s.durable < want {
            s = self.synced.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
        if s.failed != failed {
            return Err(StoreError::Unwritable(
                "a write failed to reach the disk while reading".to_owned(),
            ));
        }
        Ok(())
    }
}

/// Starts the writer thread; it ends once the last `Store` handle is gone.
pub(super) fn spawn(inner: Weak<Inner>, jobs: mpsc::Receiver<Box<dyn Job>>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("plexgate-store".to_owned())
        .spawn(move || {
            while let Ok(first) = jobs.recv() {
                let mut batch = vec![first];
                batch.extend(jobs.try_iter().take(MAX_BATCH - 1));
                let Some(inner) = inner.upgrade() else {
                    return;
                };
                // The store handle goes before anyone is answered: a caller that drops the last
                // handle of its own then closes the database at once (a reopen must not find it
                // still held by this thread).
                let answers = Store { inner }.run_batch(batch);
                answers.send();
            }
        })
        .map(|_| ())
}

/// A batch's answers, sent once the writer let go of the store.
struct Answers {
    ran: Vec<Box<dyn Ran>>,
    unrun: Vec<Box<dyn Job>>,
    synced: Result<(), StoreError>,
}

impl Answers {
    fn send(self) {
        for r in self.ran {
            r.answer(self.synced.as_ref().copied().map_err(echo));
        }
        if let Err(e) = &self.synced {
            for job in self.unrun {
                job.refuse(echo(e));
            }
        }
    }
}

impl Store {
    /// Runs every job of `batch` and syncs once; the answers are sent by the caller.
    fn run_batch(&self, batch: Vec<Box<dyn Job>>) -> Answers {
        let progress = &self.inner.progress;
        let mut queued = Some(batch);
        let mut ran: Vec<Box<dyn Ran>> = Vec::new();
        let mut upto = 0;
        let synced = self.with_db(|db| {
            for job in queued.take().unwrap_or_default() {
                ran.push(job.run(db, &self.inner.keys, progress));
            }
            upto = progress.committed();
            if ran.iter().any(|r| r.unwritable()) {
                return Err(StoreError::Unwritable(
                    "the disk refused a write".to_owned(),
                ));
            }
            if ran.iter().any(|r| r.committed()) {
                // An empty synced commit makes every unsynced one before it durable.
                let mut tx = db.begin_write()?;
                tx.set_durability(Durability::Immediate)?;
                tx.commit()?;
            }
            Ok(())
        });
        self.written();
        self.note_write(&synced);
        progress.settle(upto, synced.is_ok());
        Answers {
            ran,
            unrun: queued.take().unwrap_or_default(),
            synced,
        }
    }
}
