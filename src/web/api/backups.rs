//! `POST /api/v1/backups` (SPEC §7): a consistent copy of the store, written atomically under
//! `{data_dir}/backups`. What a backup holds is the store's business (`Store::backup_now`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use super::{ApiKey, ErrorBody};
use crate::clock::rfc3339;
use crate::web::AppState;
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
        (status = 500, body = ErrorBody)))]
pub async fn create(
    key: ApiKey,
    State(state): State<AppState>,
) -> Result<(StatusCode, Json<BackupView>), ApiError> {
    let info = state.access.take_backup(&key.name).await;
    let info = info.map_err(|e| ApiError::internal(&e))?;
    Ok((
        StatusCode::CREATED,
        Json(BackupView {
            file: info.file.display().to_string(),
            bytes: info.bytes,
            created_at: rfc3339(info.created_at),
        }),
    ))
}
