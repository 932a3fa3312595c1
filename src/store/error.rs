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
    /// The disk refused a write (full, read-only or failing): nothing was recorded. The store
    /// reopens the database on its next use, so it works again once the disk does.
    #[error("plexgate cannot write to its data dir (is the disk full?): {0}")]
    Unwritable(String),
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

    /// True when the disk refused a write (or redb refuses everything after one did).
    pub fn is_unwritable(&self) -> bool {
        matches!(self, Self::Unwritable(_))
    }
}

/// An I/O failure (and redb's "Previous I/O error occurred" after one) is `Unwritable`.
fn storage(e: redb::StorageError) -> StoreError {
    match e {
        redb::StorageError::Io(_) | redb::StorageError::PreviousIo => {
            StoreError::Unwritable(e.to_string())
        }
        other => StoreError::Db(other.to_string()),
    }
}

impl From<redb::StorageError> for StoreError {
    fn from(e: redb::StorageError) -> Self {
        storage(e)
    }
}

impl From<redb::CommitError> for StoreError {
    fn from(e: redb::CommitError) -> Self {
        match e {
            redb::CommitError::Storage(s) => storage(s),
            other => StoreError::Db(other.to_string()),
        }
    }
}

impl From<redb::TransactionError> for StoreError {
    fn from(e: redb::TransactionError) -> Self {
        match e {
            redb::TransactionError::Storage(s) => storage(s),
            other => StoreError::Db(other.to_string()),
        }
    }
}

impl From<redb::TableError> for StoreError {
    fn from(e: redb::TableError) -> Self {
        match e {
            redb::TableError::Storage(s) => storage(s),
            other => StoreError::Db(other.to_string()),
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

from_redb!(redb::DatabaseError, redb::SetDurabilityError);
