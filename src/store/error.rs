//! The store's error type: every redb, I/O, JSON and crypto failure becomes one of these.

use std::path::PathBuf;

/// What can go wrong in the store. `Display` is written for the person running plexgate.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another plexgate (another process, or another `Store` in this one) holds the database.
    #[error(
        "data dir {} is already in use by another plexgate (stop it first, or use its /healthz)",
        path.display()
    )]
    AlreadyInUse {
        /// The data directory.
        path: PathBuf,
    },
    /// The file was written by a newer plexgate; opening it could lose data.
    #[error(
        "the database schema version is {found}, but this plexgate supports up to {supported}: upgrade plexgate"
    )]
    NewerSchema {
        /// Version on disk.
        found: u64,
        /// Newest version this build knows.
        supported: u64,
    },
    /// A file-system operation failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The key file exists but cannot be used.
    #[error("key file {}: {reason}", path.display())]
    KeyFile {
        /// The key file.
        path: PathBuf,
        /// Why it was refused.
        reason: String,
    },
    /// A stored value could not be decoded (or encoded).
    #[error("corrupt store data: {0}")]
    Corrupt(String),
    /// redb reported an error.
    #[error("database error: {0}")]
    Db(String),
    /// The record asked for does not exist.
    #[error("not found")]
    NotFound,
    /// The write would break a uniqueness rule.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Decryption failed: wrong key file (e.g. a restore from another install) or tampered data.
    #[error("stored secret cannot be decrypted with this install's key file")]
    Crypto,
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }
}

macro_rules! from_redb {
    ($($t:ty),*) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                StoreError::Db(e.to_string())
            }
        }
    )*};
}

from_redb!(
    redb::DatabaseError,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError,
    redb::SetDurabilityError
);
