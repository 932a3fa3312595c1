//! The redb store: the only code that knows redb (style.md #12). It opens the file, checks the schema
//! version, owns every table (see `schema`) and runs each read or write as one transaction off the
//! async workers. Values are JSON; secrets are encrypted with the key file (`keys`).

mod auth;
mod backup;
mod cache;
mod disk;
mod error;
mod events;
mod grants;
mod keys;
mod model;
mod oidc;
mod people;
mod schema;
mod tx;
mod writer;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_tables;
#[cfg(test)]
mod tests_writer;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, RwLock, mpsc};

use redb::{Database, ReadableDatabase as _};

pub use backup::{BACKUP_DIR, BackupInfo, RestoreInfo, rotate_backups, stamp};
pub use error::StoreError;
pub use events::EventPage;
pub use keys::Keys;
pub use model::*;
pub use oidc::{OidcClientRecord, OidcCode, OidcKey, OidcToken, OidcTokenKind};
pub use schema::SCHEMA_VERSION;
pub use tx::{ReadTx, WriteTx};

/// File name of the database inside the data dir.
pub const DB_FILE: &str = "plexgate.redb";
/// File name of the key file inside the data dir.
pub const KEY_FILE: &str = "plexgate.key";
/// redb's page cache. Its default (1 GiB) would dwarf the 6 MiB idle memory target; plexgate's data
/// is small and read rarely enough that 4 MiB keeps the hot pages.
const CACHE_BYTES: usize = 4 * 1024 * 1024;

/// A handle to the open store; cheap to clone (one `Arc`).
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    /// `None` only while a reopen after a write failure has not succeeded yet.
    db: RwLock<Option<Database>>,
    path: PathBuf,
    client_id: String,
    keys: Keys,
    /// redb refuses everything after an I/O error until the database is reopened.
    broken: AtomicBool,
    /// The last write failed: `/healthz` says so until a write succeeds.
    failing: AtomicBool,
    /// The full-disk switch ([`Store::refuse_writes`]).
    refuse: Arc<AtomicBool>,
    /// The group-commit writer thread's queue ([`writer`]).
    writer: mpsc::Sender<Box<dyn writer::Job>>,
    /// How far its commits have reached the disk.
    progress: writer::Progress,
    /// Moves on with every committed write ([`cache`]).
    generation: AtomicU64,
    /// Invites by code hash, valid while `generation` has not moved.
    invites: cache::InviteCache,
    /// Settings read on every page, valid while `generation` has not moved.
    settings: cache::SettingCache,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.inner.path)
            .field("client_id", &self.inner.client_id)
            .finish_non_exhaustive()
    }
}

/// Creates `dir` (owner-only: it holds the key file, or backups) if it does not exist.
fn create_data_dir(dir: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::DirBuilderExt as _;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| StoreError::io(dir, e))
}

/// The schema version recorded in a snapshot, if any (a fresh file has none).
fn stored_version(tx: &redb::ReadTransaction) -> Result<Option<u64>, StoreError> {
    let meta = match tx.open_table(schema::META) {
        Ok(t) => t,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    match meta.get(schema::META_SCHEMA_VERSION)? {
        Some(v) => tx::decode("meta", v.value()).map(Some),
        None => Ok(None),
    }
}

/// Runs `f` in one write transaction on `db`: commit (durable) on `Ok`, abort on `Err`.
fn write_on<R>(
    db: &Database,
    keys: &Keys,
    f: impl FnOnce(&mut WriteTx) -> Result<R, StoreError>,
) -> Result<R, StoreError> {
    let mut tx = WriteTx::new_write(db.begin_write()?, keys.clone());
    match f(&mut tx) {
        Ok(r) => {
            tx.commit()?;
            Ok(r)
        }
        Err(e) => {
            // The closure's error is the one worth reporting; an abort failure adds nothing.
            let _ = tx.abort();
            Err(e)
        }
    }
}

/// The install's client identifier when the file needs nothing from the open's write
/// ([`schema::is_current`]); `None` sends the open to [`prepare_file`].
fn stored_client_id(db: &Database, keys: &Keys) -> Result<Option<String>, StoreError> {
    let tx = db.begin_read()?;
    if !schema::is_current(&tx)? {
        return Ok(None);
    }
    ReadTx::new_read(tx, keys.clone()).stored_client_id()
}

/// The open's one write, when the file needs it: creates missing tables, migrates an older
/// schema (refusing a newer one) and creates the client identifier, durably.
fn prepare_file(db: &Database, keys: &Keys) -> Result<String, StoreError> {
    write_on(db, keys, |tx| {
        schema::check_and_migrate(tx)?;
        if let Some(id) = tx.stored_client_id()? {
            return Ok(id);
        }
        // Kept forever: plex.tv lists every client identifier as an authorized device.
        let id = hex::encode(crate::crypto::random_bytes::<16>());
        tx.set_client_id(&id)?;
        Ok(id)
    })
}

impl Store {
    /// Opens (or creates) `data_dir/plexgate.redb` and `data_dir/plexgate.key`, checks the schema
    /// version (migrating an older file, refusing a newer one) and makes sure the install's Plex
    /// client identifier exists. A key file readable by others is used with a logged warning.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        create_data_dir(data_dir)?;
        let path = data_dir.join(DB_FILE);
        // The database lock comes first so two instances never race on creating the key file.
        let refuse = Arc::new(AtomicBool::new(false));
        let db = disk::open_db(data_dir, &path, &refuse)?;
        let keys = Keys::load_or_create(&data_dir.join(KEY_FILE))?;
        if let Some(old) = stored_version(&db.begin_read()?)?.filter(|v| *v < SCHEMA_VERSION) {
            backup::pre_migration_backup(&db, data_dir, old)?;
        }
        let client_id = match stored_client_id(&db, &keys)? {
            Some(id) => id,
            None => prepare_file(&db, &keys)?,
        };
        let (jobs, queue) = mpsc::channel();
        let inner = Arc::new(Inner {
            db: RwLock::new(Some(db)),
            path: path.clone(),
            client_id,
            keys,
            broken: AtomicBool::new(false),
            failing: AtomicBool::new(false),
            refuse,
            writer: jobs,
            progress: writer::Progress::default(),
            generation: AtomicU64::new(0),
            invites: cache::InviteCache::default(),
            settings: cache::SettingCache::default(),
        });
        writer::spawn(Arc::downgrade(&inner), queue).map_err(|e| StoreError::io(path, e))?;
        Ok(Store { inner })
    }

    /// The install's Plex client identifier (`X-Plex-Client-Identifier`).
    pub fn client_identifier(&self) -> &str {
        &self.inner.client_id
    }

    /// The keys derived from the key file.
    pub fn keys(&self) -> &Keys {
        &self.inner.keys
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Runs `f` on a read snapshot, blocking the calling thread (CLI, or inside `spawn_blocking`).
    pub fn read_blocking<R>(
        &self,
        f: impl FnOnce(&ReadTx) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        self.with_db(|db| {
            let tx = self.begin_read_durable(db)?;
            f(&ReadTx::new_read(tx, self.inner.keys.clone()))
        })
    }

    /// Runs `f` in one write transaction, blocking the calling thread. Everything `f` wrote is
    /// committed durably if it returns `Ok`; if it returns `Err`, nothing is written.
    pub fn write_blocking<R>(
        &self,
        f: impl FnOnce(&mut WriteTx) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let written = self.with_db(|db| write_on(db, &self.inner.keys, f));
        self.written();
        self.note_write(&written);
        written
    }

    /// [`Store::read_blocking`] on tokio's blocking pool, off the async workers. The pool's
    /// thread only runs `f`; waiting until the snapshot is durable happens here, holding no
    /// thread (a burst of joins would otherwise park a pool thread per read, issue 23).
    pub async fn read<R: Send + 'static>(
        &self,
        f: impl FnOnce(&ReadTx) -> Result<R, StoreError> + Send + 'static,
    ) -> Result<R, StoreError> {
        let store = self.clone();
        let (r, mark) = join(
            tokio::task::spawn_blocking(move || {
                store.with_db(|db| {
                    let tx = db.begin_read()?;
                    let mark = store.inner.progress.mark();
                    let r = f(&ReadTx::new_read(tx, store.inner.keys.clone()))?;
                    Ok((r, mark))
                })
            })
            .await,
        )?;
        self.inner.progress.settled(mark).await?;
        Ok(r)
    }

    /// A read snapshot that holds nothing a crash could still take back (see [`writer`]).
    fn begin_read_durable(&self, db: &Database) -> Result<redb::ReadTransaction, StoreError> {
        let tx = db.begin_read()?;
        self.inner.progress.wait_durable()?;
        Ok(tx)
    }

    /// One decision, one transaction, durable before this returns: run on the group-commit
    /// writer thread, which syncs the writes waiting together once ([`writer`]). Everything `f`
    /// wrote is committed if it returns `Ok`; if it returns `Err`, nothing is written.
    pub async fn write<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut WriteTx) -> Result<R, StoreError> + Send + 'static,
    ) -> Result<R, StoreError> {
        let stopped = || StoreError::Db("the store's writer thread has stopped".to_owned());
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.inner
            .writer
            .send(Box::new(writer::JobOf { f, reply }))
            .map_err(|_| stopped())?;
        match answer.await.map_err(|_| stopped())? {
            writer::Outcome::Done(r) => r,
            writer::Outcome::Panicked(p) => std::panic::resume_unwind(p),
        }
    }
}

/// Unwraps a blocking task's result; a panic inside the closure resurfaces as that panic.
fn join<R>(res: Result<Result<R, StoreError>, tokio::task::JoinError>) -> Result<R, StoreError> {
    match res {
        Ok(r) => r,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => Err(StoreError::Db(format!("store task cancelled: {e}"))),
    }
}
