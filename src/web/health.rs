//! What `/healthz` reports: states only, never ids or names (it is an open endpoint).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;

use crate::access::OwnerStatus;
use crate::web::AppState;

/// The states `/healthz` and the status API report, derived from the owner status.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct HealthSnapshot {
    /// `unknown`, `reachable`, `unreachable`.
    pub plex: &'static str,
    /// `not_configured`, `unknown`, `valid`, `invalid`.
    pub owner_token: &'static str,
}

/// Reads the states off the owner status (one source of truth).
pub fn snapshot(status: &OwnerStatus) -> HealthSnapshot {
    let (plex, owner_token) = match status {
        OwnerStatus::NotConfigured => ("unknown", "not_configured"),
        OwnerStatus::Resolving { last_error: None } => ("unknown", "unknown"),
        OwnerStatus::Resolving {
            last_error: Some(_),
        } => ("unreachable", "unknown"),
        OwnerStatus::Ready(_) | OwnerStatus::Misconfigured(_) => ("reachable", "valid"),
        OwnerStatus::TokenInvalid => ("reachable", "invalid"),
        OwnerStatus::NeedsReconnect => ("unknown", "invalid"),
    };
    HealthSnapshot { plex, owner_token }
}

/// The `/healthz` answer (SPEC §7): states only.
#[derive(Debug, Serialize)]
pub struct HealthBody {
    status: &'static str,
    plex: &'static str,
    owner_token: &'static str,
    store: &'static str,
}

/// `GET /healthz`: 200 while serving; 503 while the store cannot read or write (a full disk),
/// so a supervisor or monitor sees it.
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<HealthBody>) {
    let snap = snapshot(&state.access.owner_status());
    let ok = state.access.store_healthy().await;
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = HealthBody {
        status: "ok",
        plex: snap.plex,
        owner_token: snap.owner_token,
        store: if ok { "ok" } else { "error" },
    };
    (status, Json(body))
}
