//! The database file under redb: opened through a thin backend over redb's own file backend, so a
//! test (or an owner rehearsing) can make the disk refuse writes exactly as a full disk does
//! (`ENOSPC` from every write, resize and sync) and watch plexgate recover without a restart.

use std::fs::OpenOptions;
use std::io;
use std::ops::Bound;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use redb::backends::FileBackend;
use redb::{BackendError, Database, DatabaseError, StorageBackend};

use super::{CACHE_BYTES, Store, StoreError};

/// redb's file backend, refusing writes while `refuse` is set.
#[derive(Debug)]
struct Disk {
    file: FileBackend,
    refuse: Arc<AtomicBool>,
}

/// What a full disk answers.
fn disk_full() -> io::Error {
    io::Error::from_raw_os_error(28)
}

impl Disk {
    fn check(&self) -> Result<(), io::Error> {
        if self.refuse.load(Ordering::Acquire) {
            return Err(disk_full());
        }
        Ok(())
    }
}

impl StorageBackend for Disk {
    fn len(&self) -> Result<u64, io::Error> {
        self.file.len()
    }

    fn read(&self, offset: u64, out: &mut [u8]) -> Result<(), io::Error> {
        self.file.read(offset, out)
    }

    fn set_len(&self, len: u64) -> Result<(), io::Error> {
        self.check()?;
        self.file.set_len(len)
    }

    fn sync_data(&self) -> Result<(), io::Error> {
        self.check()?;
        self.file.sync_data()
    }

    fn write(&self, offset: u64, data: &[u8]) -> Result<(), io::Error> {
        self.check()?;
        self.file.write(offset, data)
    }

    fn close(&self) -> Result<(), io::Error> {
        self.file.close()
    }

    fn try_lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<bool, BackendError> {
        self.file.try_lock_range(start, end)
    }

    fn try_lock_shared_range(
        &self,
        start: Bound<u64>,
        end: Bound<u64>,
    ) -> Result<bool, BackendError> {
        self.file.try_lock_shared_range(start, end)
    }

    fn lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.file.lock_range(start, end)
    }

    fn lock_shared_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.file.lock_shared_range(start, end)
    }

    fn unlock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.file.unlock_range(start, end)
    }
}

/// Opens (or creates) the database file; `refuse` is the full-disk switch.
pub(super) fn open_db(
    data_dir: &Path,
    path: &Path,
    refuse: &Arc<AtomicBool>,
) -> Result<Database, StoreError> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| StoreError::io(path, e))?;
    let backend = FileBackend::new(file).map_err(|e| StoreError::Db(e.to_string()))?;
    let disk = Disk {
        file: backend,
        refuse: refuse.clone(),
    };
    match Database::builder()
        .set_cache_size(CACHE_BYTES)
        .create_with_backend(disk)
    {
        Ok(db) => Ok(db),
        // redb locks the file; another handle (in this process or another) holding it gives this.
        Err(DatabaseError::DatabaseAlreadyOpen) => Err(StoreError::AlreadyInUse {
            path: data_dir.to_owned(),
        }),
        Err(DatabaseError::Storage(redb::StorageError::Io(e))) => Err(StoreError::io(path, e)),
        Err(e) => Err(StoreError::Db(format!("{}: {e}", path.display()))),
    }
}

impl Store {
    /// Runs `f` on the open database. After an I/O error redb answers every later call with
    /// "Previous I/O error occurred. Please close and re-open the database.", so the store does
    /// exactly that first. Reopening is what a restart would do: redb commits are atomic, so the
    /// file holds the last committed transaction and redb's own repair runs on open.
    pub(super) fn with_db<R>(
        &self,
        f: impl FnOnce(&Database) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        if self.inner.broken.load(Ordering::Acquire) {
            self.reopen()?;
        }
        let guard = self
            .inner
            .db
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let result = match guard.as_ref() {
            Some(db) => f(db),
            None => Err(StoreError::Unwritable(
                "the database is not open".to_owned(),
            )),
        };
        drop(guard);
        if result.as_ref().is_err_and(StoreError::is_unwritable) {
            self.inner.broken.store(true, Ordering::Release);
        }
        result
    }

    /// Closes and reopens the database file (waiting for the transactions in flight).
    fn reopen(&self) -> Result<(), StoreError> {
        let mut guard = self
            .inner
            .db
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !self.inner.broken.load(Ordering::Acquire) {
            return Ok(()); // another caller reopened it meanwhile
        }
        // The old handle must be gone first: it holds the file's lock.
        if let Some(old) = guard.take()
            && let Err(e) = old.close()
        {
            tracing::debug!(error = %e, "closing the database after a write failure");
        }
        let data_dir = self.data_dir().to_owned();
        match open_db(&data_dir, &self.inner.path, &self.inner.refuse) {
            Ok(db) => {
                *guard = Some(db);
                self.inner.broken.store(false, Ordering::Release);
                // What was read before may be gone (unsynced writes die with the old handle).
                self.written();
                tracing::info!("database reopened after a write failure");
                Ok(())
            }
            Err(e) => Err(StoreError::Unwritable(format!(
                "reopening the database: {e}"
            ))),
        }
    }

    /// Remembers whether the last write reached the disk.
    pub(super) fn note_write<R>(&self, written: &Result<R, StoreError>) {
        match written {
            Ok(_) => self.inner.failing.store(false, Ordering::Release),
            Err(e) if e.is_unwritable() => {
                if !self.inner.failing.swap(true, Ordering::AcqRel) {
                    tracing::error!(error = %e, "the store cannot write: sign-ins answer 503 until it can");
                }
            }
            Err(_) => {}
        }
    }

    /// Whether writes reach the disk: after a failed write, one empty write transaction tells
    /// whether the disk works again (nothing is written while all is well). Blocking.
    pub fn writable_blocking(&self) -> bool {
        if !self.inner.failing.load(Ordering::Acquire) {
            return true;
        }
        self.write_blocking(|_| Ok(())).is_ok()
    }

    /// [`Store::writable_blocking`] off the async workers.
    pub async fn writable(&self) -> bool {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.writable_blocking())
            .await
            .unwrap_or(false)
    }

    /// Fault injection for tests and rehearsals: while `on`, the disk answers every write as a
    /// full disk does (`ENOSPC`). Nothing in plexgate itself turns it on.
    pub fn refuse_writes(&self, on: bool) {
        self.inner.refuse.store(on, Ordering::Release);
    }
}
