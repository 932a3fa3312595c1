//! `GET /api/v1/reconcile`, `POST /api/v1/reconcile/confirm|discard` (SPEC §4, §7): the
//! reconciler's schedule and the mass removals it held for the owner.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::{ApiKey, ErrorBody};
use crate::access::reconcile::ReconcileState;
use crate::clock::rfc3339;
use crate::web::AppState;
use crate::web::error::ApiError;

/// A removal waiting for the owner.
#[derive(Debug, Serialize, ToSchema)]
pub struct HeldRemovalView {
    pub plex_id: u64,
    pub username: String,
    /// Why it is due, e.g. `expired`.
    pub reason: String,
}

/// The answer of `GET /reconcile`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReconcileResponse {
    /// RFC 3339; `null` before the first run.
    pub last_run: Option<String>,
    /// RFC 3339; `null` before the first run.
    pub next_run: Option<String>,
    pub held_removals: Vec<HeldRemovalView>,
}

impl From<ReconcileState> for ReconcileResponse {
    fn from(s: ReconcileState) -> Self {
        Self {
            last_run: s.last_run.map(rfc3339),
            next_run: s.next_run.map(rfc3339),
            held_removals: s
                .held
                .into_iter()
                .map(|h| HeldRemovalView {
                    plex_id: h.plex_id,
                    username: h.username,
                    reason: h.reason,
                })
                .collect(),
        }
    }
}

/// The answer of `confirm` and `discard`.
#[derive(Debug, Serialize, ToSchema)]
pub struct HeldOutcome {
    /// How many removals were carried out (`confirm`) or dropped (`discard`).
    pub count: u32,
    /// The reconciler afterwards.
    #[serde(flatten)]
    pub state: ReconcileResponse,
}

/// The reconciler's last and next run and the removals it holds.
#[utoipa::path(get, path = "/reconcile", operation_id = "get_reconcile", tag = "reconcile",
    responses((status = 200, body = ReconcileResponse), (status = 401, body = ErrorBody)))]
pub async fn get(
    _key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<ReconcileResponse>, ApiError> {
    Ok(Json(state.access.reconcile_state().await?.into()))
}

/// Carries out the held removals (those still due).
#[utoipa::path(post, path = "/reconcile/confirm", operation_id = "confirm_held_removals",
    tag = "reconcile",
    responses((status = 200, body = HeldOutcome), (status = 401, body = ErrorBody),
        (status = 409, description = "not connected to Plex", body = ErrorBody)))]
pub async fn confirm(
    key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<HeldOutcome>, ApiError> {
    let count = state.access.confirm_held_removals(&key.name).await?;
    let after = state.access.reconcile_state().await?;
    Ok(Json(HeldOutcome {
        count,
        state: after.into(),
    }))
}

/// Drops the held removals without removing anything.
#[utoipa::path(post, path = "/reconcile/discard", operation_id = "discard_held_removals",
    tag = "reconcile",
    responses((status = 200, body = HeldOutcome), (status = 401, body = ErrorBody)))]
pub async fn discard(
    key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<HeldOutcome>, ApiError> {
    let count = state.access.discard_held_removals(&key.name).await?;
    let after = state.access.reconcile_state().await?;
    Ok(Json(HeldOutcome {
        count,
        state: after.into(),
    }))
}
