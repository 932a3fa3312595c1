//! `GET/POST /api/v1/invites`, `DELETE /api/v1/invites/{id}` (SPEC §7). The code appears in the
//! creation answer only; listings never carry it (only its hash is stored).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::{ApiJson, ApiPath, LibraryRefSchema};
use super::{ApiKey, ErrorBody};
use crate::access::model::{Invite, SharingOverrides};
use crate::access::tools::NewInvite;
use crate::clock::rfc3339;
use crate::config::LibraryRef;
use crate::web::AppState;
use crate::web::error::ApiError;

/// An invite link, without its code.
#[derive(Debug, Serialize, ToSchema)]
pub struct InviteView {
    pub id: u64,
    /// `null` is unlimited.
    pub max_uses: Option<u32>,
    /// Accounts that joined through it.
    pub uses: u32,
    /// RFC 3339; `null` never.
    pub expires_at: Option<String>,
    /// plex.tv section ids; `null` means the default set.
    pub libraries: Option<Vec<u64>>,
    /// Days of access a grant through it lasts; `null` is forever.
    pub access_days: Option<u32>,
    pub note: String,
    pub revoked: bool,
    /// Downloads on shares made through it; `null` is the owner's setting.
    pub allow_downloads: Option<bool>,
    /// Live TV on shares made through it; `null` is the owner's setting.
    pub allow_live_tv: Option<bool>,
    /// Camera upload on shares made through it; `null` is the owner's setting.
    pub allow_camera_upload: Option<bool>,
}

impl From<Invite> for InviteView {
    fn from(i: Invite) -> Self {
        Self {
            id: i.id,
            max_uses: i.max_uses,
            uses: i.uses,
            expires_at: i.expires_at.map(rfc3339),
            libraries: i.libraries,
            access_days: i.access_days,
            note: i.note,
            revoked: i.revoked,
            allow_downloads: i.sharing.allow_downloads,
            allow_live_tv: i.sharing.allow_live_tv,
            allow_camera_upload: i.sharing.allow_camera_upload,
        }
    }
}

/// The answer of `GET /invites`.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitesResponse {
    pub invites: Vec<InviteView>,
}

/// The answer of `POST /invites`: the only time the code is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedInviteView {
    /// The invite code (at least 128 random bits).
    pub code: String,
    /// `{public_url}/i/{code}`, to hand to a friend.
    pub url: String,
    #[serde(flatten)]
    pub invite: InviteView,
}

/// The body of `POST /invites`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInviteRequest {
    /// At least 1; leave out for unlimited uses.
    pub max_uses: Option<u32>,
    /// 1 to 365; leave out for a link that never expires.
    pub expires_in_days: Option<u32>,
    /// Section titles or plex.tv section ids; leave out for the default set.
    #[schema(value_type = Option<Vec<LibraryRefSchema>>)]
    pub libraries: Option<Vec<LibraryRef>>,
    /// 1 to 3650; leave out for no expiry of the access itself.
    pub access_days: Option<u32>,
    /// At most 500 characters.
    pub note: Option<String>,
    /// Downloads on shares made through it; leave out for the owner's setting.
    pub allow_downloads: Option<bool>,
    /// Live TV on shares made through it; leave out for the owner's setting.
    pub allow_live_tv: Option<bool>,
    /// Camera upload on shares made through it; leave out for the owner's setting.
    pub allow_camera_upload: Option<bool>,
}

/// Every invite link (never with its code).
#[utoipa::path(get, path = "/invites", operation_id = "list_invites",
    tag = "invites",
    responses((status = 200, body = InvitesResponse), (status = 401, body = ErrorBody)))]
pub async fn list(
    _key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<InvitesResponse>, ApiError> {
    let invites = state.access.invites().await?;
    Ok(Json(InvitesResponse {
        invites: invites.into_iter().map(Into::into).collect(),
    }))
}

/// Creates an invite link; the answer is the only time its code is shown.
#[utoipa::path(post, path = "/invites", operation_id = "create_invite",
    tag = "invites", request_body = CreateInviteRequest,
    responses((status = 201, body = CreatedInviteView), (status = 401, body = ErrorBody),
        (status = 409, description = "not connected to Plex (libraries named)", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create(
    key: ApiKey,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<CreateInviteRequest>,
) -> Result<(StatusCode, Json<CreatedInviteView>), ApiError> {
    let new = NewInvite {
        max_uses: body.max_uses,
        expires_in_days: body.expires_in_days,
        libraries: body.libraries,
        access_days: body.access_days,
        note: body.note,
        sharing: SharingOverrides {
            allow_downloads: body.allow_downloads,
            allow_live_tv: body.allow_live_tv,
            allow_camera_upload: body.allow_camera_upload,
        },
    };
    let created = state.access.create_invite(&key.name, new).await?;
    let view = CreatedInviteView {
        code: created.code.expose().to_owned(),
        url: created.url.expose().to_owned(),
        invite: created.invite.into(),
    };
    Ok((StatusCode::CREATED, Json(view)))
}

/// Revokes an invite link (it stays listed with `revoked: true`).
#[utoipa::path(delete, path = "/invites/{id}", operation_id = "revoke_invite",
    tag = "invites",
    params(("id" = u64, Path, description = "invite id")),
    responses((status = 204, description = "revoked"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn revoke(
    key: ApiKey,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<u64>,
) -> Result<StatusCode, ApiError> {
    state.access.revoke_invite(&key.name, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
