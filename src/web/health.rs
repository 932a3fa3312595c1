//! What `/healthz` reports, kept as atomics that the background work updates. The open endpoint
//! says states only, never ids or names.

use std::sync::atomic::{AtomicU8, Ordering};

use axum::Json;
use axum::extract::State;
use serde::Serialize;

use crate::app::AppState;

/// plex.tv reachability and owner-token validity, as last observed.
#[derive(Debug, Default)]
pub struct Health {
    plex: AtomicU8,
    owner_token: AtomicU8,
}

/// plex.tv as last seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum PlexState {
    /// Not contacted yet.
    Unknown = 0,
    /// The last call got an answer.
    Reachable = 1,
    /// The last call timed out or failed to connect.
    Unreachable = 2,
}

/// The owner's token as last seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum TokenState {
    /// No owner configured yet.
    NotConfigured = 0,
    /// Configured, not checked yet.
    Unknown = 1,
    /// plex.tv accepted it.
    Valid = 2,
    /// plex.tv refused it (401): the owner must reconnect.
    Invalid = 3,
}

/// A copy of the states as strings.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct HealthSnapshot {
    /// `unknown`, `reachable`, `unreachable`.
    pub plex: &'static str,
    /// `not_configured`, `unknown`, `valid`, `invalid`.
    pub owner_token: &'static str,
}

impl Health {
    /// Records plex.tv's reachability.
    pub fn set_plex(&self, s: PlexState) {
        self.plex.store(s as u8, Ordering::Relaxed);
    }

    /// Records the owner token's state.
    pub fn set_owner_token(&self, s: TokenState) {
        self.owner_token.store(s as u8, Ordering::Relaxed);
    }

    /// The current states.
    pub fn snapshot(&self) -> HealthSnapshot {
        let plex = match self.plex.load(Ordering::Relaxed) {
            1 => "reachable",
            2 => "unreachable",
            _ => "unknown",
        };
        let owner_token = match self.owner_token.load(Ordering::Relaxed) {
            1 => "unknown",
            2 => "valid",
            3 => "invalid",
            _ => "not_configured",
        };
        HealthSnapshot { plex, owner_token }
    }
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
    let snap = state.health.snapshot();
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
