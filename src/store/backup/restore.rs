//! `plexgate restore FILE` (SPEC §6): on a stopped instance only. The backup is copied beside the
//! database and checked there (a readable redb file, redb's integrity check, a `meta` schema
//! version this build can read, every row decodable) BEFORE anything is replaced; only then is the
//! current file moved aside (kept as `plexgate.redb.before-restore-<unix time>`) and the copy
//! renamed into place. An older schema is migrated by the next open, as for any old file.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use redb::{Database, ReadableDatabase as _, TableDefinition, TableError, TableHandle as _};

use super::{sync_file, sync_parent};
use crate::clock::to_unix;
use crate::store::error::StoreError;
use crate::store::schema::{META, META_SCHEMA_VERSION, SCHEMA_VERSION, STR_TABLES, U64_TABLES};
use crate::store::tx::decode;
use crate::store::{CACHE_BYTES, DB_FILE, Store};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreInfo {
    /// Where the database that was replaced now lives (`None` when there was none).
    pub previous: Option<PathBuf>,
    /// The backup's schema version (older ones are migrated at the next start).
    pub schema_version: u64,
}

fn refused(path: &Path, why: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!(
        "{} is not a usable plexgate backup: {why}",
        path.display()
    ))
}

/// Every row of one table must be JSON (the store's value format); a missing table is fine (an
/// older schema that the migrations will bring up to date).
fn check_table<K: redb::Key + 'static>(
    tx: &redb::ReadTransaction,
    def: TableDefinition<'static, K, &'static [u8]>,
) -> Result<(), String> {
    let table = match tx.open_table(def) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(()),
        Err(e) => return Err(format!("table {}: {e}", def.name())),
    };
    let rows = redb::ReadableTable::iter(&table).map_err(|e| format!("{}: {e}", def.name()))?;
    for row in rows {
        let (_, v) = row.map_err(|e| format!("table {}: {e}", def.name()))?;
        decode::<serde::de::IgnoredAny>(def.name(), v.value()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Checks the copy at `path` (named `shown` in messages); returns its schema version.
fn validate(path: &Path, shown: &Path) -> Result<u64, StoreError> {
    let mut db = Database::builder()
        .set_cache_size(CACHE_BYTES)
        .open(path)
        .map_err(|e| refused(shown, format!("not a readable redb file ({e})")))?;
    match db.check_integrity() {
        Ok(true) => {}
        Ok(false) => return Err(refused(shown, "the integrity check failed")),
        Err(e) => return Err(refused(shown, format!("the integrity check failed ({e})"))),
    }
    let tx = db.begin_read().map_err(|e| refused(shown, e))?;
    let version = {
        let meta = match tx.open_table(META) {
            Ok(t) => t,
            Err(TableError::TableDoesNotExist(_)) => {
                return Err(refused(shown, "it has no plexgate tables"));
            }
            Err(e) => return Err(refused(shown, e)),
        };
        let raw = meta
            .get(META_SCHEMA_VERSION)
            .map_err(|e| refused(shown, e))?
            .ok_or_else(|| refused(shown, "it records no schema version"))?;
        decode::<u64>("meta", raw.value()).map_err(|e| refused(shown, e))?
    };
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    for def in U64_TABLES {
        check_table(&tx, def).map_err(|e| refused(shown, e))?;
    }
    for def in STR_TABLES {
        check_table(&tx, def).map_err(|e| refused(shown, e))?;
    }
    Ok(version)
}

impl Store {
    /// Replaces the database in `data_dir` with the backup at `backup` (a stopped instance only:
    /// a running server's lock refuses it with [`StoreError::AlreadyInUse`]). Nothing is replaced
    /// unless the backup passes every check; the replaced file is kept beside it.
    pub fn restore_from(data_dir: &Path, backup: &Path) -> Result<RestoreInfo, StoreError> {
        // Holding the store keeps a server from starting on the data dir during the swap.
        let current = Store::open(data_dir)?;
        let tmp = data_dir.join(format!(
            ".{DB_FILE}.restore-{}",
            hex::encode(crate::crypto::random_bytes::<6>())
        ));
        // Checked on a copy: opening a redb file may write to it, and the owner's backup stays as is.
        let checked = fs::copy(backup, &tmp)
            .map_err(|e| StoreError::io(backup, e))
            .and_then(|_| validate(&tmp, backup))
            .and_then(|v| sync_file(&tmp).map(|()| v));
        let schema_version = checked.inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })?;
        let db_path = data_dir.join(DB_FILE);
        let previous = data_dir.join(format!(
            "{DB_FILE}.before-restore-{}",
            to_unix(SystemTime::now())
        ));
        let had_db = db_path.exists();
        if had_db {
            fs::rename(&db_path, &previous).map_err(|e| StoreError::io(&db_path, e))?;
        }
        if let Err(e) = fs::rename(&tmp, &db_path) {
            if had_db {
                // Put the old file back rather than leave no database at all.
                let _ = fs::rename(&previous, &db_path);
            }
            let _ = fs::remove_file(&tmp);
            return Err(StoreError::io(&db_path, e));
        }
        sync_parent(&db_path)?;
        drop(current);
        Ok(RestoreInfo {
            previous: had_db.then_some(previous),
            schema_version,
        })
    }
}
