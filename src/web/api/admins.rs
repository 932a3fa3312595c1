//! `GET/POST /api/v1/admins`, `DELETE /api/v1/admins/{id}` (SPEC §7): co-admins. Owner only;
//! every API key acts for the owner.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::{ApiJson, ApiPath};
use super::{ApiKey, ErrorBody};
use crate::access::model::AdminEntry;
use crate::clock::rfc3339;
use crate::web::AppState;
use crate::web::error::ApiError;

/// One co-admin.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdminView {
    pub id: u64,
    /// The Plex account id, username or email as entered.
    pub account: String,
    /// Typed as the account, or pinned at their first sign-in.
    pub plex_id: Option<u64>,
    /// RFC 3339.
    pub created_at: String,
}

impl From<AdminEntry> for AdminView {
    fn from(a: AdminEntry) -> Self {
        Self {
            id: a.id,
            account: a.account,
            plex_id: a.plex_id,
            created_at: rfc3339(a.created_at),
        }
    }
}

/// The answer of `GET /admins`.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdminsResponse {
    pub admins: Vec<AdminView>,
}

/// The body of `POST /admins`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddAdminRequest {
    /// Plex account id, username or email; at most 254 characters.
    pub account: String,
}

/// The co-admins.
#[utoipa::path(get, path = "/admins", operation_id = "list_admins", tag = "admins",
    responses((status = 200, body = AdminsResponse), (status = 401, body = ErrorBody)))]
pub async fn list(
    _key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<AdminsResponse>, ApiError> {
    let admins = state.access.co_admins().await?;
    Ok(Json(AdminsResponse {
        admins: admins.into_iter().map(Into::into).collect(),
    }))
}

/// Makes a Plex account a co-admin.
#[utoipa::path(post, path = "/admins", operation_id = "add_admin", tag = "admins",
    request_body = AddAdminRequest,
    responses((status = 201, body = AdminView), (status = 401, body = ErrorBody),
        (status = 409, description = "already a co-admin", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn add(
    key: ApiKey,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<AddAdminRequest>,
) -> Result<(StatusCode, Json<AdminView>), ApiError> {
    let entry = state.access.add_co_admin(&key.name, &body.account).await?;
    Ok((StatusCode::CREATED, Json(entry.into())))
}

/// Removes a co-admin (their admin sessions end).
#[utoipa::path(delete, path = "/admins/{id}", operation_id = "remove_admin", tag = "admins",
    params(("id" = u64, Path, description = "co-admin id")),
    responses((status = 204, description = "removed"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(
    key: ApiKey,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<u64>,
) -> Result<StatusCode, ApiError> {
    state.access.remove_co_admin(&key.name, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
