//! `GET /api/v1/status`: what the install is connected to and how many people are where, for
//! scripts and dashboards.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::{ApiKey, ErrorBody};
use crate::access::events::Counts;
use crate::web::AppState;
use crate::web::error::ApiError;

/// Grants by status, open requests and invites in use.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountsView {
    pub sharing: u64,
    pub pending: u64,
    pub accepted: u64,
    pub failed: u64,
    pub removed: u64,
    /// Access requests waiting for the owner.
    pub open_requests: u64,
    /// Invite links that can still be used.
    pub invites_in_use: u64,
}

impl From<Counts> for CountsView {
    fn from(c: Counts) -> Self {
        Self {
            sharing: c.sharing,
            pending: c.pending,
            accepted: c.accepted,
            failed: c.failed,
            removed: c.removed,
            open_requests: c.open_requests,
            invites_in_use: c.invites_in_use,
        }
    }
}

/// The answer of `GET /api/v1/status`.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusResponse {
    /// The shared server's name, once known.
    pub server: Option<String>,
    /// The owner's Plex username, once known.
    pub owner: Option<String>,
    /// `invite`, `allowlist` or `open`.
    pub policy: String,
    pub counts: CountsView,
    /// plex.tv reachability: `unknown`, `reachable` or `unreachable`.
    pub plex: String,
}

/// Status of this install.
#[utoipa::path(get, path = "/status", operation_id = "get_status", tag = "status",
    responses((status = 200, body = StatusResponse), (status = 401, body = ErrorBody)))]
pub async fn status(
    _key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<StatusResponse>, ApiError> {
    let health = crate::web::health::snapshot(&state.access.owner_status());
    let owner = state.access.owner();
    let counts = state.access.counts().await?;
    Ok(Json(StatusResponse {
        server: owner.as_ref().map(|o| o.server_name.clone()),
        owner: owner.as_ref().map(|o| o.username.clone()),
        policy: state.config.access.policy.to_string(),
        counts: counts.into(),
        plex: health.plex.to_owned(),
    }))
}
