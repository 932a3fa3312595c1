//! The Settings page's backups (owner only): take one now (the store's on-demand backup, the
//! same the API takes), list the files under `{data_dir}/backups`, download one.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{done, failed, require_owner};
use crate::access::AccessError;
use crate::store::BACKUP_DIR;
use crate::web::AppState;
use crate::web::csrf::AdminPost;
use crate::web::error::PageError;
use crate::web::human::When;
use crate::web::sessions::AdminSession;

const BACK: &str = "/admin/settings";
/// At most this many backups are listed, newest first.
const LISTED: usize = 30;

/// One backup file.
#[derive(Debug, Serialize)]
pub struct BackupRow {
    /// The file name (also the download path's last part).
    pub name: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Last modified.
    pub at: When,
    /// The size for people ("1.2 MB").
    pub size: String,
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

/// The backups on disk, newest first (an unreadable folder lists nothing).
pub async fn list(state: &AppState) -> Vec<BackupRow> {
    let dir = state.access.store().data_dir().join(BACKUP_DIR);
    let Ok(mut entries) = tokio::fs::read_dir(&dir).await else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    while let Ok(Some(e)) = entries.next_entry().await {
        let name = e.file_name().to_string_lossy().into_owned();
        let Ok(meta) = e.metadata().await else {
            continue;
        };
        if !is_backup_name(&name) || !meta.is_file() {
            continue;
        }
        let secs = meta
            .modified()
            .ok()
            .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
        rows.push((secs, name, meta.len()));
    }
    rows.sort_by(|a, b| b.cmp(a));
    let now = state.access.clock().unix();
    rows.into_iter()
        .take(LISTED)
        .map(|(secs, name, bytes)| BackupRow {
            name,
            size: size(bytes),
            bytes,
            at: When::at(secs, now),
        })
        .collect()
}

/// "512 bytes", "12 KB", "1.2 MB".
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} bytes"),
        b if b < 1024 * 1024 => format!("{} KB", b / 1024),
        b => format!(
            "{}.{} MB",
            b / (1024 * 1024),
            (b % (1024 * 1024)) * 10 / (1024 * 1024)
        ),
    }
}

/// `POST /admin/settings/backups`: takes a backup now.
pub async fn take(State(state): State<AppState>, form: AdminPost) -> Response {
    if let Err(e) = require_owner(&state, &form.session).await {
        return e.into_response();
    }
    match state
        .access
        .store()
        .backup_now(&form.session.username, state.access.clock().unix())
        .await
    {
        Ok(_) => done(&state, BACK, "backup"),
        Err(e) => failed(&state, &AccessError::Store(e), BACK),
    }
}

/// `GET /admin/settings/backups/{name}`: the file, as a download.
pub async fn download(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Path(name): Path<String>,
) -> Response {
    if let Err(e) = require_owner(&state, &s).await {
        return e.into_response();
    }
    let not_found = || PageError::new(StatusCode::NOT_FOUND, "Not found", "No such backup.");
    if !is_backup_name(&name) {
        return not_found().into_response();
    }
    let path = state.access.store().data_dir().join(BACKUP_DIR).join(&name);
    let Ok(bytes) = tokio::fs::read(&path).await else {
        return not_found().into_response();
    };
    let disposition = format!("attachment; filename=\"{name}\"");
    let mut resp = bytes.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
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
