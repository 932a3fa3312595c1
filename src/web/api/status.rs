//! `GET /api/v1/status`: what the install is connected to, for scripts and dashboards.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::ApiKey;
use crate::app::AppState;

/// The answer of `GET /api/v1/status`.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusResponse {
    /// The shared server, once known.
    pub server: Option<String>,
    /// The owner's Plex username, once known.
    pub owner: Option<String>,
    /// `invite`, `allowlist` or `open`.
    pub policy: String,
    /// Grant counts by status.
    pub counts: serde_json::Value,
    /// plex.tv reachability: `unknown`, `reachable` or `unreachable`.
    pub plex: String,
}

/// Status of this install.
#[utoipa::path(get, path = "/status", tag = "status",
    responses((status = 200, body = StatusResponse), (status = 401, body = super::ErrorBody)))]
pub async fn status(_key: ApiKey, State(state): State<AppState>) -> Json<StatusResponse> {
    let health = crate::web::health::snapshot(&state.access.owner_status());
    Json(StatusResponse {
        server: None,
        owner: None,
        policy: state.config.access.policy.to_string(),
        counts: serde_json::json!({}),
        plex: health.plex.to_owned(),
    })
}
