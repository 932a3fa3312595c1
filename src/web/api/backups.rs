//! `POST /api/v1/backups` (SPEC §7): a consistent copy of the store, written atomically under
//! `{data_dir}/backups`. What a backup holds is the store's business (`Store::backup_now`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use super::{ApiKey, ErrorBody};
use crate::app::AppState;
use crate::web::error::ApiError;

/// A backup just written.
#[derive(Debug, Serialize, ToSchema)]
pub struct BackupView {
    /// The backup file's path.
    pub file: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// RFC 3339.
    pub created_at: String,
}

/// Takes a backup now.
#[utoipa::path(post, path = "/backups", operation_id = "create_backup", tag = "backups",
    responses((status = 201, body = BackupView), (status = 401, body = ErrorBody),
        (status = 500, body = ErrorBody),
        (status = 501, description = "not in this build yet", body = ErrorBody)))]
pub async fn create(
    key: ApiKey,
    State(state): State<AppState>,
) -> Result<(StatusCode, Json<BackupView>), ApiError> {
    let view = take_backup(&state).await?;
    let ev = state
        .access
        .event("backup", &key.name, None, "ok", view.file.clone());
    state
        .store
        .write(move |tx| tx.append_event(ev).map(drop))
        .await
        .map_err(|e| ApiError::internal(&e))?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// The one call into the store's backup. `Store::backup_now()` (returning
/// `BackupInfo { file, bytes, created_at }`) is being added alongside; until it is merged this
/// answers 501.
async fn take_backup(_state: &AppState) -> Result<BackupView, ApiError> {
    Err(ApiError::from(crate::access::AccessError::NotReady))
}
