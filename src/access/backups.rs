//! The owner's backups (admin Settings page and `POST /api/v1/backups`): take one now (what a
//! backup holds is the store's business) and list or read the files under
//! `{data_dir}/backups`, where the folder layout is known.

use super::{Access, AccessError};
use crate::store::{BACKUP_DIR, BackupInfo};

/// One backup file on disk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BackupFile {
    /// Last modified (Unix seconds); first, so files sort by age.
    pub modified: i64,
    /// The file name (no path).
    pub name: String,
    pub bytes: u64,
}

/// Whether `name` looks like a backup plexgate wrote (no path, our prefix, `.redb`).
fn is_backup_name(name: &str) -> bool {
    name.starts_with("plexgate-")
        && name.ends_with(".redb")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !name.contains("..")
}

impl Access {
    /// Takes a consistent backup now, recorded as `actor`'s.
    pub async fn take_backup(&self, actor: &str) -> Result<BackupInfo, AccessError> {
        Ok(self.0.store.backup_now(actor, self.0.clock.unix()).await?)
    }

    /// The backups on disk, newest first, at most `limit` (an unreadable folder lists nothing).
    pub async fn backups(&self, limit: usize) -> Vec<BackupFile> {
        let dir = self.0.store.data_dir().join(BACKUP_DIR);
        let Ok(mut entries) = tokio::fs::read_dir(&dir).await else {
            return Vec::new();
        };
        let mut files = Vec::new();
        while let Ok(Some(e)) = entries.next_entry().await {
            let name = e.file_name().to_string_lossy().into_owned();
            let Ok(meta) = e.metadata().await else {
                continue;
            };
            if !is_backup_name(&name) || !meta.is_file() {
                continue;
            }
            let modified = meta
                .modified()
                .ok()
                .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
            let bytes = meta.len();
            files.push(BackupFile {
                modified,
                name,
                bytes,
            });
        }
        files.sort_by(|a, b| b.cmp(a));
        files.truncate(limit);
        files
    }

    /// The backup file `name`, if it is one of ours and readable.
    pub async fn read_backup(&self, name: &str) -> Option<Vec<u8>> {
        if !is_backup_name(name) {
            return None;
        }
        let path = self.0.store.data_dir().join(BACKUP_DIR).join(name);
        tokio::fs::read(&path).await.ok()
    }
}

#[cfg(test)]
mod tests {
    use super::is_backup_name;

    #[test]
    fn only_our_backup_names_are_served() {
        assert!(is_backup_name("plexgate-20260101-120000.redb"));
        assert!(is_backup_name("plexgate-manual-20260101-120000-2.redb"));
        for bad in [
            "../plexgate.redb",
            "plexgate.key",
            "plexgate-..redb",
            "x.redb",
            "plexgate-a/b.redb",
        ] {
            assert!(!is_backup_name(bad), "{bad}");
        }
    }
}
