//! `GET/POST /api/v1/allowlist`, `DELETE /api/v1/allowlist/{id}` (SPEC §7).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::{ApiJson, ApiPath, LibraryRefSchema};
use super::{ApiKey, ErrorBody};
use crate::access::model::{AllowEntry, SharingOverrides};
use crate::access::tools::NewAllowEntry;
use crate::clock::rfc3339;
use crate::config::LibraryRef;
use crate::web::AppState;
use crate::web::error::ApiError;

/// One allowlist entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct AllowEntryView {
    pub id: u64,
    /// The Plex account id, username or email as entered.
    pub account: String,
    /// The Plex account id: typed as the account, or pinned at the first matching sign-in.
    pub plex_id: Option<u64>,
    /// plex.tv section ids; `null` means the default set.
    pub libraries: Option<Vec<u64>>,
    /// Days of access a grant from this entry lasts; `null` is forever.
    pub access_days: Option<u32>,
    pub note: String,
    /// Downloads on shares made from it; `null` is the owner's setting.
    pub allow_downloads: Option<bool>,
    /// Live TV on shares made from it; `null` is the owner's setting.
    pub allow_live_tv: Option<bool>,
    /// Camera upload on shares made from it; `null` is the owner's setting.
    pub allow_camera_upload: Option<bool>,
    /// RFC 3339.
    pub created_at: String,
}

impl From<AllowEntry> for AllowEntryView {
    fn from(e: AllowEntry) -> Self {
        Self {
            id: e.id,
            account: e.account,
            plex_id: e.plex_id,
            libraries: e.libraries,
            access_days: e.access_days,
            note: e.note,
            allow_downloads: e.sharing.allow_downloads,
            allow_live_tv: e.sharing.allow_live_tv,
            allow_camera_upload: e.sharing.allow_camera_upload,
            created_at: rfc3339(e.created_at),
        }
    }
}

/// The answer of `GET /allowlist`.
#[derive(Debug, Serialize, ToSchema)]
pub struct AllowlistResponse {
    pub entries: Vec<AllowEntryView>,
}

/// The body of `POST /allowlist`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddAllowRequest {
    /// Plex account id (all digits), username or email; at most 254 characters.
    pub account: String,
    /// Section titles or plex.tv section ids; leave out for the default set.
    #[schema(value_type = Option<Vec<LibraryRefSchema>>)]
    pub libraries: Option<Vec<LibraryRef>>,
    /// 1 to 3650; leave out for no expiry.
    pub access_days: Option<u32>,
    /// At most 500 characters.
    pub note: Option<String>,
    /// Downloads on shares made from it; leave out for the owner's setting.
    pub allow_downloads: Option<bool>,
    /// Live TV on shares made from it; leave out for the owner's setting.
    pub allow_live_tv: Option<bool>,
    /// Camera upload on shares made from it; leave out for the owner's setting.
    pub allow_camera_upload: Option<bool>,
}

/// The allowlist.
#[utoipa::path(get, path = "/allowlist", operation_id = "list_allowlist",
    tag = "allowlist",
    responses((status = 200, body = AllowlistResponse), (status = 401, body = ErrorBody)))]
pub async fn list(
    _key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<AllowlistResponse>, ApiError> {
    let entries = state.access.allowlist().await?;
    Ok(Json(AllowlistResponse {
        entries: entries.into_iter().map(Into::into).collect(),
    }))
}

/// Adds an account to the allowlist.
#[utoipa::path(post, path = "/allowlist", operation_id = "add_allow_entry",
    tag = "allowlist", request_body = AddAllowRequest,
    responses((status = 201, body = AllowEntryView), (status = 401, body = ErrorBody),
        (status = 409, description = "already listed, or not connected to Plex", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn add(
    key: ApiKey,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<AddAllowRequest>,
) -> Result<(StatusCode, Json<AllowEntryView>), ApiError> {
    let new = NewAllowEntry {
        account: body.account,
        libraries: body.libraries,
        access_days: body.access_days,
        note: body.note,
        sharing: SharingOverrides {
            allow_downloads: body.allow_downloads,
            allow_live_tv: body.allow_live_tv,
            allow_camera_upload: body.allow_camera_upload,
        },
    };
    let entry = state.access.add_allow_entry(&key.name, new).await?;
    Ok((StatusCode::CREATED, Json(entry.into())))
}

/// Removes an allowlist entry (grants already made stay).
#[utoipa::path(delete, path = "/allowlist/{id}", operation_id = "remove_allow_entry",
    tag = "allowlist",
    params(("id" = u64, Path, description = "allowlist entry id")),
    responses((status = 204, description = "removed"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn remove(
    key: ApiKey,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<u64>,
) -> Result<StatusCode, ApiError> {
    state.access.remove_allow_entry(&key.name, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
