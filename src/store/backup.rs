//! Backups (SPEC §6): redb has no online-backup API, so a backup is a copy of every table read
//! inside ONE `ReadTransaction` (a consistent snapshot while writers carry on), written to a new
//! redb file beside the target, synced and renamed into place. Sign-in flows and sessions are left
//! out; secrets stay the ciphertext they already are, and the key file is never copied.
//! Also: the automatic daily backups and their rotation, and the copy taken before a migration.
//! `restore` checks a backup and swaps it in on a stopped instance.

mod restore;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use redb::{Database, ReadableDatabase as _, TableDefinition, TableError};

use super::error::StoreError;
use super::schema::{FLOWS, OIDC_CODES, OIDC_TOKENS, SESSIONS, STR_TABLES, U64_TABLES};
use super::{CACHE_BYTES, Store};
use crate::clock::{UnixTime, to_unix};

pub use restore::RestoreInfo;

/// The folder inside the data dir where backups are written.
pub const BACKUP_DIR: &str = "backups";
/// Prefix of every backup file name.
const PREFIX: &str = "plexgate-";
/// Prefix of on-demand backups (never rotated away).
const MANUAL_PREFIX: &str = "plexgate-manual-";

/// A backup just written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BackupInfo {
    pub file: PathBuf,
    pub bytes: u64,
    pub created_at: UnixTime,
}

/// Which tables a copy takes: a backup leaves sign-ins in progress and sessions behind (they are
/// worthless elsewhere, and a session restored later would sign someone in again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tables {
    /// Everything but flows, sessions and OIDC codes and tokens.
    Backup,
    /// Every table (the copy before a migration, which must be able to roll back fully).
    All,
}

fn is_ephemeral(name: &str) -> bool {
    [FLOWS, SESSIONS, OIDC_CODES, OIDC_TOKENS]
        .iter()
        .any(|t| name == redb::TableHandle::name(t))
}

/// Copies one table from the snapshot; a table the source does not have (an older schema) is
/// created empty.
fn copy_table<K: redb::Key + 'static>(
    src: &redb::ReadTransaction,
    dst: &redb::WriteTransaction,
    def: TableDefinition<'static, K, &'static [u8]>,
    copy_rows: bool,
) -> Result<u64, StoreError> {
    let mut out = dst.open_table(def)?;
    if !copy_rows {
        return Ok(0);
    }
    let table = match src.open_table(def) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(0),
        Err(e) => return Err(e.into()),
    };
    let mut rows = 0;
    for item in redb::ReadableTable::iter(&table)? {
        let (k, v) = item?;
        out.insert(k.value(), v.value())?;
        rows += 1;
    }
    Ok(rows)
}

/// Writes every table of `snapshot` (see [`Tables`]) into a new redb file at `target`: a
/// temporary file beside it first, synced, then renamed, so `target` is either whole or absent.
pub(crate) fn write_snapshot(
    snapshot: &redb::ReadTransaction,
    target: &Path,
    which: Tables,
) -> Result<u64, StoreError> {
    let tmp = temp_beside(target);
    let result = (|| {
        let db = Database::builder()
            .set_cache_size(CACHE_BYTES)
            .create(&tmp)
            .map_err(|e| StoreError::Db(format!("{}: {e}", tmp.display())))?;
        let mut tx = db.begin_write()?;
        tx.set_durability(redb::Durability::Immediate)?;
        let mut rows = 0;
        for def in U64_TABLES {
            rows += copy_table(snapshot, &tx, def, true)?;
        }
        for def in STR_TABLES {
            let keep = which == Tables::All || !is_ephemeral(redb::TableHandle::name(&def));
            rows += copy_table(snapshot, &tx, def, keep)?;
        }
        tx.commit()?;
        drop(db);
        sync_file(&tmp)?;
        fs::rename(&tmp, target).map_err(|e| StoreError::io(target, e))?;
        sync_parent(target)?;
        Ok(rows)
    })();
    if result.is_err() {
        // A half-written temporary file is of no use to anyone.
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// `.<name>.tmp-<random>` in the target's folder (same file system, so the rename is atomic).
fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup".to_owned());
    let rand = hex::encode(crate::crypto::random_bytes::<6>());
    target.with_file_name(format!(".{name}.tmp-{rand}"))
}

pub(crate) fn sync_file(path: &Path) -> Result<(), StoreError> {
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::io(path, e))
}

/// A rename is durable only once the directory entry is.
pub(crate) fn sync_parent(path: &Path) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    sync_file(dir)
}

/// Creates `{data_dir}/backups` (owner-only: backups hold the same data as the store).
pub(crate) fn backup_dir(data_dir: &Path) -> Result<PathBuf, StoreError> {
    let dir = data_dir.join(BACKUP_DIR);
    super::create_data_dir(&dir)?;
    Ok(dir)
}

/// `YYYYMMDD-HHMMSS` (UTC) of `t`, as backup file names carry it.
pub fn stamp(t: UnixTime) -> String {
    let secs = u64::try_from(t).unwrap_or(0);
    let rfc = humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(secs)).to_string();
    let digits: String = rfc.chars().filter(char::is_ascii_digit).collect();
    let (date, time) = digits.split_at(digits.len().min(8));
    format!("{date}-{time}")
}

/// `dir/{stem}.redb`, or `dir/{stem}-N.redb` when that name is taken (two backups in a second).
fn free_name(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.redb"));
    if !first.exists() {
        return first;
    }
    (2u32..)
        .map(|n| dir.join(format!("{stem}-{n}.redb")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// The sort key of an automatic backup's file name (`plexgate-YYYYMMDD-HHMMSS[-N].redb`), or
/// `None` for any other file (on-demand, pre-migration, or not ours): rotation never touches those.
fn auto_backup_key(name: &str) -> Option<(String, u32)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(".redb")?;
    let (date, rest) = rest.split_once('-')?;
    let (time, n) = match rest.split_once('-') {
        Some((t, n)) => (t, n.parse().ok()?),
        None => (rest, 1),
    };
    let digits = |s: &str, len| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    (digits(date, 8) && digits(time, 6)).then(|| (format!("{date}{time}"), n))
}

/// Deletes all but the newest `keep` automatic backups in `dir`; returns the deleted files.
pub fn rotate_backups(dir: &Path, keep: usize) -> Result<Vec<PathBuf>, StoreError> {
    let mut autos: Vec<((String, u32), PathBuf)> = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| StoreError::io(dir, e))? {
        let entry = entry.map_err(|e| StoreError::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(key) = auto_backup_key(&name) {
            autos.push((key, entry.path()));
        }
    }
    autos.sort();
    let excess = autos.len().saturating_sub(keep);
    let mut removed = Vec::new();
    for (_, path) in autos.into_iter().take(excess) {
        fs::remove_file(&path).map_err(|e| StoreError::io(&path, e))?;
        removed.push(path);
    }
    Ok(removed)
}

impl Store {
    /// The data directory (the database file's folder).
    pub fn data_dir(&self) -> &Path {
        self.inner.path.parent().unwrap_or_else(|| Path::new("."))
    }

    /// Writes a backup of every table except flows and sessions to `path`, from one snapshot
    /// taken while writers carry on. Blocking: call it from `spawn_blocking` or the CLI.
    pub fn backup_to(&self, path: &Path) -> Result<BackupInfo, StoreError> {
        let created_at = to_unix(SystemTime::now());
        self.with_db(|db| write_snapshot(&self.begin_read_durable(db)?, path, Tables::Backup))?;
        let bytes = fs::metadata(path)
            .map_err(|e| StoreError::io(path, e))?
            .len();
        Ok(BackupInfo {
            file: path.to_owned(),
            bytes,
            created_at,
        })
    }

    /// An on-demand backup (admin page, `POST /api/v1/backups`) to
    /// `{data_dir}/backups/plexgate-manual-<YYYYMMDD-HHMMSS>.redb`, recorded as a `backup` event.
    /// On-demand backups are never rotated away. `actor` is who asked (an admin, an API key).
    pub async fn backup_now(&self, actor: &str, now: UnixTime) -> Result<BackupInfo, StoreError> {
        let store = self.clone();
        let info = super::join(
            tokio::task::spawn_blocking(move || {
                let dir = backup_dir(store.data_dir())?;
                store.backup_to(&free_name(&dir, &format!("{MANUAL_PREFIX}{}", stamp(now))))
            })
            .await,
        )?;
        self.record_backup(&info, "on demand", actor, now).await?;
        Ok(info)
    }

    /// The daily automatic backup at `now` (from the injected clock) to
    /// `{data_dir}/backups/plexgate-<YYYYMMDD-HHMMSS>.redb`, then rotation down to the newest
    /// `keep` automatic backups. Recorded as a `backup` event.
    pub async fn backup_auto(&self, now: UnixTime, keep: u32) -> Result<BackupInfo, StoreError> {
        let store = self.clone();
        let keep = usize::try_from(keep).unwrap_or(usize::MAX).max(1);
        let (info, removed) = super::join(
            tokio::task::spawn_blocking(move || {
                let dir = backup_dir(store.data_dir())?;
                let info = store.backup_to(&free_name(&dir, &format!("{PREFIX}{}", stamp(now))))?;
                let removed = rotate_backups(&dir, keep)?;
                Ok((info, removed.len()))
            })
            .await,
        )?;
        let how = format!("daily; {removed} old backup(s) rotated away");
        self.record_backup(&info, &how, "system", now).await?;
        Ok(info)
    }

    async fn record_backup(
        &self,
        info: &BackupInfo,
        how: &str,
        actor: &str,
        now: UnixTime,
    ) -> Result<(), StoreError> {
        let name = info
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let detail = format!("{how}: {name} ({} bytes)", info.bytes);
        let mut event = system_event(now, super::EventKind::Backup, detail);
        event.actor = actor.to_owned();
        self.write(move |tx| tx.append_event(event).map(drop)).await
    }

    /// Deletes events older than `keep_days` before `now` and records a `prune` event when any
    /// went; returns how many were deleted.
    pub async fn prune_events(&self, now: UnixTime, keep_days: u32) -> Result<usize, StoreError> {
        let cutoff = now.saturating_sub(i64::from(keep_days).saturating_mul(24 * 3600));
        self.write(move |tx| {
            let removed = tx.prune_events(cutoff)?;
            if removed > 0 {
                let detail = format!("{removed} event(s) older than {keep_days} days removed");
                tx.append_event(system_event(now, super::EventKind::Prune, detail))?;
            }
            Ok(removed)
        })
        .await
    }
}

/// An event written by plexgate itself.
fn system_event(at: UnixTime, kind: super::EventKind, detail: String) -> super::NewEvent {
    super::NewEvent::new(at, kind, "system", None, "ok", detail)
}

/// Before a migration: copies every table of the still-unmigrated file to
/// `{data_dir}/backups/plexgate-pre-migration-v<old>-<time>.redb`, so `restore` can roll back.
pub(crate) fn pre_migration_backup(
    db: &Database,
    data_dir: &Path,
    old_version: u64,
) -> Result<PathBuf, StoreError> {
    let dir = backup_dir(data_dir)?;
    let now = to_unix(SystemTime::now());
    let target = free_name(
        &dir,
        &format!("{PREFIX}pre-migration-v{old_version}-{}", stamp(now)),
    );
    let snapshot = db.begin_read()?;
    write_snapshot(&snapshot, &target, Tables::All)?;
    tracing::info!(file = %target.display(), "backed up the store before migrating it");
    Ok(target)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_and_rotation_keys() {
        assert_eq!(stamp(0), "19700101-000000");
        assert_eq!(stamp(1_764_037_628), "20251125-022708");
        assert_eq!(
            auto_backup_key("plexgate-20251125-022708.redb"),
            Some(("20251125022708".into(), 1))
        );
        assert_eq!(
            auto_backup_key("plexgate-20251125-022708-3.redb"),
            Some(("20251125022708".into(), 3))
        );
        assert_eq!(
            auto_backup_key("plexgate-manual-20251125-022708.redb"),
            None
        );
        assert_eq!(
            auto_backup_key("plexgate-pre-migration-v0-20251125-022708.redb"),
            None
        );
        assert_eq!(auto_backup_key("notes.txt"), None);
    }
}
