//! `GET /api/v1/events` (SPEC §7): the audit log, newest first, in pages linked by `next`.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::params::ApiQuery;
use super::{ApiKey, ErrorBody};
use crate::access::model::Event;
use crate::clock::rfc3339;
use crate::web::AppState;
use crate::web::error::ApiError;

/// Events per page unless `limit` says otherwise.
const DEFAULT_LIMIT: usize = 50;

/// One line of the audit log (never a token).
#[derive(Debug, Serialize, ToSchema)]
pub struct EventView {
    pub id: u64,
    /// RFC 3339.
    pub at: String,
    /// signin, share, accept, remove, expired, allowlist_add, key_create, …
    pub kind: String,
    /// Who did it: a username, an API key's name, `plexgate` or `reconciler`.
    pub actor: String,
    pub plex_id: Option<u64>,
    pub ip: Option<String>,
    pub outcome: String,
    pub detail: String,
}

impl From<Event> for EventView {
    fn from(e: Event) -> Self {
        Self {
            id: e.id,
            at: rfc3339(e.at),
            kind: e.kind,
            actor: e.actor,
            plex_id: e.plex_id,
            ip: e.ip,
            outcome: e.outcome,
            detail: e.detail,
        }
    }
}

/// The answer of `GET /events`.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventsResponse {
    pub events: Vec<EventView>,
    /// Pass as `before` for the next (older) page; `null` on the last page.
    pub next: Option<u64>,
}

/// The filters of `GET /events`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// A Plex account id, or a username or email plexgate knows.
    pub account: Option<String>,
    /// Only events of this kind.
    pub kind: Option<String>,
    /// Only events older than this id (the previous page's `next`).
    pub before: Option<u64>,
    /// Page size, 1 to 500 (default 50).
    pub limit: Option<usize>,
}

/// The audit log, newest first.
#[utoipa::path(get, path = "/events", operation_id = "list_events", tag = "events",
    params(EventsQuery),
    responses((status = 200, body = EventsResponse), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody)))]
pub async fn list(
    _key: ApiKey,
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<EventsQuery>,
) -> Result<Json<EventsResponse>, ApiError> {
    let page = state
        .access
        .events_page(
            q.before,
            q.limit.unwrap_or(DEFAULT_LIMIT),
            q.account,
            q.kind,
        )
        .await?;
    Ok(Json(EventsResponse {
        events: page.events.into_iter().map(Into::into).collect(),
        next: page.next,
    }))
}
