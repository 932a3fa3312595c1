//! `GET /api/v1/requests`, `POST /api/v1/requests/{id}/approve|decline` (SPEC §7): the
//! "Ask for access" requests of refused friends.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::{ApiJson, ApiPath, LibraryRefSchema};
use super::{ApiKey, ErrorBody};
use crate::access::model::{AccessRequest, RequestStatus};
use crate::access::requests::Approval;
use crate::clock::rfc3339;
use crate::config::LibraryRef;
use crate::web::AppState;
use crate::web::error::ApiError;

/// Where a request stands.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum RequestStatusView {
    Open,
    Approved,
    Declined,
}

/// One access request.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestView {
    pub id: u64,
    pub plex_id: u64,
    pub username: String,
    pub email: Option<String>,
    pub note: String,
    /// RFC 3339.
    pub created_at: String,
    pub status: RequestStatusView,
}

impl From<AccessRequest> for RequestView {
    fn from(r: AccessRequest) -> Self {
        Self {
            id: r.id,
            plex_id: r.plex_id,
            username: r.username,
            email: r.email,
            note: r.note,
            created_at: rfc3339(r.created_at),
            status: match r.status {
                RequestStatus::Open => RequestStatusView::Open,
                RequestStatus::Approved => RequestStatusView::Approved,
                RequestStatus::Declined => RequestStatusView::Declined,
            },
        }
    }
}

/// The answer of `GET /requests`.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestsResponse {
    pub requests: Vec<RequestView>,
}

/// The body of `POST /requests/{id}/approve` (may be empty: `{}`).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveRequest {
    /// Section titles or plex.tv section ids; leave out for the default set.
    #[schema(value_type = Option<Vec<LibraryRefSchema>>)]
    pub libraries: Option<Vec<LibraryRef>>,
    /// 1 to 3650; leave out for no expiry.
    pub access_days: Option<u32>,
}

/// Every access request, newest first.
#[utoipa::path(get, path = "/requests", operation_id = "list_requests", tag = "requests",
    responses((status = 200, body = RequestsResponse), (status = 401, body = ErrorBody)))]
pub async fn list(
    _key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<RequestsResponse>, ApiError> {
    let all = state.access.access_requests().await?;
    Ok(Json(RequestsResponse {
        requests: all.into_iter().map(Into::into).collect(),
    }))
}

/// Approves a request: an allowlist entry pinned to the account, and the share at once.
#[utoipa::path(post, path = "/requests/{id}/approve", operation_id = "approve_request",
    tag = "requests", request_body = ApproveRequest,
    params(("id" = u64, Path, description = "request id")),
    responses((status = 200, body = RequestView), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "already decided, or not connected", body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 502, body = ErrorBody)))]
pub async fn approve(
    key: ApiKey,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<u64>,
    ApiJson(body): ApiJson<ApproveRequest>,
) -> Result<Json<RequestView>, ApiError> {
    let approval = Approval {
        libraries: body.libraries,
        access_days: body.access_days,
    };
    let req = state
        .access
        .approve_request(&key.name, id, approval)
        .await?;
    Ok(Json(req.into()))
}

/// Declines a request.
#[utoipa::path(post, path = "/requests/{id}/decline", operation_id = "decline_request",
    tag = "requests",
    params(("id" = u64, Path, description = "request id")),
    responses((status = 200, body = RequestView), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "already decided", body = ErrorBody)))]
pub async fn decline(
    key: ApiKey,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<u64>,
) -> Result<Json<RequestView>, ApiError> {
    let req = state.access.decline_request(&key.name, id).await?;
    Ok(Json(req.into()))
}
