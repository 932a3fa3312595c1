//! `DELETE /api/v1/users/{plex_id}/sessions` (SPEC §8): ends every session of an account, so
//! every app behind forward auth closes on its next request.

use axum::extract::State;
use axum::http::StatusCode;

use super::json::ApiPath;
use super::{ApiKey, ErrorBody};
use crate::access::model::EventKind;
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::sso::account;

/// Ends an account's sessions (account and admin).
#[utoipa::path(delete, path = "/users/{plex_id}/sessions", operation_id = "end_user_sessions",
    tag = "users",
    params(("plex_id" = u64, Path, description = "Plex account id")),
    responses((status = 204, description = "ended (also when there were none)"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn end(
    key: ApiKey,
    State(state): State<AppState>,
    ApiPath(plex_id): ApiPath<u64>,
) -> Result<StatusCode, ApiError> {
    let n = account::end_sessions(&state, plex_id)
        .await
        .map_err(|e| ApiError::internal(&e))?;
    account::record(
        &state,
        EventKind::SessionsEnded,
        None,
        None,
        "ok",
        format!("{n} sessions of {plex_id} by {}", key.name),
    )
    .await;
    Ok(StatusCode::NO_CONTENT)
}
