//! The Settings page's backups (owner only): take one now (the store's on-demand backup, the
//! same the API takes), list the files under `{data_dir}/backups`, download one.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use serde::Serialize;

use super::{Answer, OwnerPost, OwnerSession, done, failed};
use crate::i18n::tr;
use crate::web::AppState;
use crate::web::error::PageError;
use crate::web::human::When;

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

/// The backups on disk, newest first.
pub async fn list(state: &AppState) -> Vec<BackupRow> {
    let now = state.access.clock().unix();
    let files = state.access.backups(LISTED).await;
    files
        .into_iter()
        .map(|f| BackupRow {
            name: f.name,
            size: size(f.bytes),
            bytes: f.bytes,
            at: When::at(f.modified, now),
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
pub async fn take(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let taken = state.access.take_backup(&form.session.username).await;
    taken.map_err(|e| failed(&e, BACK))?;
    Ok(done(&state, BACK, "backup"))
}

/// `GET /admin/settings/backups/{name}`: the file, as a download.
pub async fn download(
    State(state): State<AppState>,
    _: OwnerSession,
    Path(name): Path<String>,
) -> Answer {
    let not_found = || {
        PageError::new(
            StatusCode::NOT_FOUND,
            tr("adm-backup-not-found-title"),
            tr("adm-backup-not-found"),
        )
    };
    let bytes = state
        .access
        .read_backup(&name)
        .await
        .ok_or_else(not_found)?;
    let disposition = format!("attachment; filename=\"{name}\"");
    // Bytes answer as `application/octet-stream`.
    let mut resp = bytes.into_response();
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(resp)
}
