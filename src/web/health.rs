//! What `/healthz` reports: states only, never ids or names (it is an open endpoint).

use axum::Json;
use axum::extract::State;
use serde::Serialize;

use crate::access::OwnerStatus;
use crate::app::AppState;

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

/// `GET /healthz`: 200 while serving.
pub async fn healthz(State(state): State<AppState>) -> Json<HealthBody> {
    let snap = snapshot(&state.access.owner_status());
    let store = match state.store.read(|tx| tx.count_flows()).await {
        Ok(_) => "ok",
        Err(e) => {
            tracing::warn!(error = %e, "store check failed");
            "error"
        }
    };
    Json(HealthBody {
        status: "ok",
        plex: snap.plex,
        owner_token: snap.owner_token,
        store,
    })
}
