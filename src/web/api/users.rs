//! `GET/POST /api/v1/users`, `PATCH/DELETE /api/v1/users/{plex_id}` (SPEC §7): everyone with a
//! share on the server (from plex.tv) joined with plexgate's grants.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::{ApiJson, ApiPath, LibraryRefSchema};
use super::params::{double_option, parse_rfc3339};
use super::{ApiKey, ErrorBody};
use crate::access::model::GrantStatus;
use crate::access::users::{NewUser, UserChange, UserInfo};
use crate::clock::rfc3339;
use crate::config::LibraryRef;
use crate::web::AppState;
use crate::web::error::ApiError;

/// Where a person's access stands.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum StatusView {
    /// Recorded; the share is being created (retried).
    Sharing,
    /// Shared, waiting for the friend to accept.
    Pending,
    Accepted,
    /// Gave up; needs the owner.
    Failed,
    Removed,
}

impl From<GrantStatus> for StatusView {
    fn from(s: GrantStatus) -> Self {
        match s {
            GrantStatus::Sharing => Self::Sharing,
            GrantStatus::Pending => Self::Pending,
            GrantStatus::Accepted => Self::Accepted,
            GrantStatus::Failed => Self::Failed,
            GrantStatus::Removed => Self::Removed,
        }
    }
}

/// One person with access.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub plex_id: u64,
    pub username: String,
    pub email: Option<String>,
    /// plex.tv section ids.
    pub libraries: Vec<u64>,
    pub status: StatusView,
    /// RFC 3339; `null` for a share plexgate has not recorded.
    pub joined_at: Option<String>,
    /// RFC 3339; `null` never.
    pub expires_at: Option<String>,
    /// False for a share made elsewhere (it only ever gains libraries).
    pub managed_by_plexgate: bool,
}

impl From<UserInfo> for UserView {
    fn from(u: UserInfo) -> Self {
        Self {
            plex_id: u.plex_id,
            username: u.username,
            email: u.email,
            libraries: u.libraries,
            status: u.status.into(),
            joined_at: u.joined_at.map(rfc3339),
            expires_at: u.expires_at.map(rfc3339),
            managed_by_plexgate: u.managed_by_plexgate,
        }
    }
}

/// The answer of `GET /users`.
#[derive(Debug, Serialize, ToSchema)]
pub struct UsersResponse {
    pub users: Vec<UserView>,
}

/// The body of `POST /users`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteUserRequest {
    /// Plex username or email (or account id).
    pub account: String,
    /// Section titles or plex.tv section ids; leave out for the default set.
    #[schema(value_type = Option<Vec<LibraryRefSchema>>)]
    pub libraries: Option<Vec<LibraryRef>>,
    /// 1 to 3650; leave out for no expiry.
    pub access_days: Option<u32>,
}

/// The body of `PATCH /users/{plex_id}`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserRequest {
    /// The new set; a share made elsewhere only gains these.
    #[schema(value_type = Option<Vec<LibraryRefSchema>>)]
    pub libraries: Option<Vec<LibraryRef>>,
    /// RFC 3339 to set (adopts a share made elsewhere), `null` to clear, absent to keep.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub expires_at: Option<Option<String>>,
}

/// Everyone with a share on the server, joined with plexgate's grants.
#[utoipa::path(get, path = "/users", operation_id = "list_users", tag = "users",
    responses((status = 200, body = UsersResponse), (status = 401, body = ErrorBody),
        (status = 409, description = "not connected to Plex", body = ErrorBody),
        (status = 502, body = ErrorBody)))]
pub async fn list(
    _key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<UsersResponse>, ApiError> {
    let users = state.access.users().await?;
    Ok(Json(UsersResponse {
        users: users.into_iter().map(Into::into).collect(),
    }))
}

/// Shares the server with a Plex account directly; the friend accepts from Plex's email.
#[utoipa::path(post, path = "/users", operation_id = "invite_user", tag = "users",
    request_body = InviteUserRequest,
    responses((status = 201, body = UserView), (status = 401, body = ErrorBody),
        (status = 409, description = "already has access, or not connected", body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 502, body = ErrorBody)))]
pub async fn invite(
    key: ApiKey,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<InviteUserRequest>,
) -> Result<(StatusCode, Json<UserView>), ApiError> {
    let new = NewUser {
        account: body.account,
        libraries: body.libraries,
        access_days: body.access_days,
    };
    let user = state.access.invite_user(&key.name, new).await?;
    Ok((StatusCode::CREATED, Json(user.into())))
}

/// Changes a person's libraries or expiry.
#[utoipa::path(patch, path = "/users/{plex_id}", operation_id = "update_user", tag = "users",
    request_body = UpdateUserRequest,
    params(("plex_id" = u64, Path, description = "Plex account id")),
    responses((status = 200, body = UserView), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 502, body = ErrorBody)))]
pub async fn update(
    key: ApiKey,
    State(state): State<AppState>,
    ApiPath(plex_id): ApiPath<u64>,
    ApiJson(body): ApiJson<UpdateUserRequest>,
) -> Result<Json<UserView>, ApiError> {
    let expires_at = match body.expires_at {
        None => None,
        Some(None) => Some(None),
        Some(Some(text)) => Some(Some(parse_rfc3339(&text).ok_or_else(|| {
            ApiError::unprocessable(format!(
                "expires_at {text:?} is not RFC 3339 (e.g. 2030-01-31T00:00:00Z)"
            ))
        })?)),
    };
    let change = UserChange {
        libraries: body.libraries,
        expires_at,
    };
    let user = state.access.update_user(&key.name, plex_id, change).await?;
    Ok(Json(user.into()))
}

/// Removes a person's access: their share of this server is deleted on plex.tv.
#[utoipa::path(delete, path = "/users/{plex_id}", operation_id = "remove_user", tag = "users",
    params(("plex_id" = u64, Path, description = "Plex account id")),
    responses((status = 204, description = "removed"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 502, body = ErrorBody)))]
pub async fn remove(
    key: ApiKey,
    State(state): State<AppState>,
    ApiPath(plex_id): ApiPath<u64>,
) -> Result<StatusCode, ApiError> {
    state.access.remove_user(&key.name, plex_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
