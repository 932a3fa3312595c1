//! `GET /admin/link?t=…` (SPEC §6 `admin-link`): a one-time admin sign-in link printed by the
//! CLI. A valid, unused, unexpired link starts an admin session for the owner and lands on
//! `/admin`; anything else answers one neutral page. The link is recorded either way.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::client_ip::ClientIp;
use super::cookies::{self, Which};
use super::error::PageError;
use super::sessions::see_other;
use crate::access::admin_link::AdminLinkError;
use crate::access::model::SessionKind;
use crate::web::AppState;

/// The link's query.
#[derive(Debug, Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    t: String,
}

/// `GET /admin/link?t=TOKEN`.
pub async fn admin_link(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Query(q): Query<LinkQuery>,
) -> Result<Response, PageError> {
    match state
        .access
        .use_admin_link(&q.t, Some(ip.to_string()))
        .await
    {
        Ok(()) => {}
        Err(AdminLinkError::Store(e)) => return Err(PageError::internal(&e)),
        Err(e) => {
            tracing::info!(reason = %e, "admin link refused");
            return Err(PageError::new(
                StatusCode::FORBIDDEN,
                "Link not valid",
                "This admin link has expired or was already used. Run plexgate admin-link for a new one.",
            ));
        }
    }
    // The owner, when known; before plex.tv has been reached (or while the owner must
    // reconnect, which is exactly when this link is needed) the session is the install's owner
    // without a Plex account yet.
    let (plex_id, username) = match state.access.owner() {
        Some(o) => (o.plex_id, o.username.clone()),
        None => (0, "owner".to_owned()),
    };
    let id = (state.access)
        .create_session(SessionKind::Admin, plex_id, &username)
        .await;
    let id = id.map_err(|e| PageError::internal(&e))?;
    let cookie = cookies::set(&state.config.server.public_url, Which::Admin, &id, None);
    Ok(cookies::with(
        see_other(&format!("{}/admin", state.prefix())),
        &[cookie],
    ))
}
