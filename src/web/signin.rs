//! The Plex sign-in over HTTP (SPEC §2.2-2.3): `GET /auth/plex` starts a flow bound to a new
//! flow cookie and sends the browser to Plex; `GET /auth/plex/callback` finds the flow by that
//! cookie alone (every query parameter is ignored: a PIN id or token in a URL is never
//! trusted), checks the PIN, hands the verified account to the access layer and turns the
//! outcome into sessions and a page (`outcome`), all within `timing.callback_deadline`.

use std::net::IpAddr;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::client_ip::ClientIp;
use super::cookies::{self, Which};
use super::next::{is_admin_path, local_path};
use super::outcome;
use super::sessions::see_other;
use super::views::{self, Action, RETRY_SECS, access_error_page};
use crate::access::AccessError;
use crate::access::flows::FlowCheck;
use crate::access::model::FlowPurpose;
use crate::i18n::tr;
use crate::web::AppState;

/// Invite codes longer than this are not ours and are dropped.
const MAX_INVITE_LEN: usize = 128;

/// `GET /auth/plex`'s query.
#[derive(Debug, Deserialize)]
pub struct StartQuery {
    /// The invite code carried from `/i/{code}`.
    invite: Option<String>,
    /// Where to return afterwards (local paths only).
    next: Option<String>,
    /// Forward auth: the app URL to return to (SPEC §8; dropped unless valid).
    rd: Option<String>,
}

/// `GET /auth/plex`: starts a flow (purpose `admin` for a `next` under `/admin`, else `join`),
/// sets the flow cookie and answers 303 to Plex's sign-in page.
pub async fn start(State(state): State<AppState>, Query(q): Query<StartQuery>) -> Response {
    if !state.access.owner_configured() {
        return views::not_ready().into_response();
    }
    let rd = super::sso::login::valid_rd(&state, q.rd.as_deref());
    // A sign-in for an app is always a `join` flow; `next` does not apply to it.
    let next = q
        .next
        .as_deref()
        .and_then(local_path)
        .filter(|_| rd.is_none());
    let purpose = if next.as_deref().is_some_and(is_admin_path) {
        FlowPurpose::Admin
    } else {
        FlowPurpose::Join
    };
    // An admin sign-in never joins anyone, so an invite has nothing to do there.
    let invite = q
        .invite
        .as_deref()
        .map(str::trim)
        .filter(|c| purpose == FlowPurpose::Join && !c.is_empty() && c.len() <= MAX_INVITE_LEN);
    start_flow(&state, purpose, invite, next, rd).await
}

/// Starts a flow, sets the flow cookie and answers 303 to Plex's sign-in page.
pub(crate) async fn start_flow(
    state: &AppState,
    purpose: FlowPurpose,
    invite: Option<&str>,
    next: Option<String>,
    rd: Option<String>,
) -> Response {
    match state.access.start_flow(purpose, invite, next, rd).await {
        Ok(started) => {
            let cookie = cookies::set(
                &state.config.server.public_url,
                Which::Flow,
                &started.flow_id,
                Some(state.access.timing().flow_ttl),
            );
            cookies::with(see_other(&started.sign_in_url), &[cookie])
        }
        Err(e) => access_error_page(&e).into_response(),
    }
}

/// `GET /auth/plex/callback`: finishes the flow named by the flow cookie. Never reads the query.
pub async fn callback(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
) -> Response {
    let deadline = state.access.timing().callback_deadline;
    let started = tokio::time::Instant::now();
    match tokio::time::timeout(deadline, finish(&state, ip, &headers, started)).await {
        Ok(resp) => resp,
        Err(_) => {
            tracing::warn!("sign-in callback hit its deadline");
            views::error_response(&state, &views::try_again_in_a_minute(RETRY_SECS))
        }
    }
}

async fn finish(
    state: &AppState,
    ip: IpAddr,
    headers: &HeaderMap,
    started: tokio::time::Instant,
) -> Response {
    let url = &state.config.server.public_url;
    let Some(flow_id) = cookies::get(headers, url, Which::Flow) else {
        return try_again(state);
    };
    let check = match state.access.check_flow(&flow_id).await {
        Ok(check) => check,
        Err(AccessError::FlowNotFound) => return clear_flow(state, try_again(state)),
        Err(e) => return views::error_response(state, &access_error_page(&e)),
    };
    match check {
        FlowCheck::Waiting => almost_there(state),
        FlowCheck::Expired => clear_flow(state, try_again(state)),
        // A `setup` flow exists only after the setup code (or the owner's Reconnect) was checked.
        FlowCheck::Authorized { user, token, flow } if flow.purpose == FlowPurpose::Setup => {
            let resp = super::admin::setup::signed_in(state, headers, &user, token).await;
            clear_flow(state, resp)
        }
        FlowCheck::Authorized { user, token, flow } => {
            let left = state
                .access
                .timing()
                .callback_deadline
                .saturating_sub(started.elapsed());
            let result = state
                .access
                .sign_in(user, token, &flow, Some(ip), left)
                .await;
            let resp = outcome::respond(state, headers, &flow, result).await;
            clear_flow(state, resp)
        }
    }
}

/// Expires the flow cookie: the flow is used up.
fn clear_flow(state: &AppState, resp: Response) -> Response {
    let expire = cookies::expire(&state.config.server.public_url, Which::Flow);
    cookies::with(resp, &[expire])
}

/// No usable flow: nobody is signed in; start again from the welcome page.
fn try_again(state: &AppState) -> Response {
    views::message(
        state,
        StatusCode::BAD_REQUEST,
        &tr("flow-gone-title"),
        &[tr("flow-gone"), tr("flow-gone-start-again")],
        Action::to(state, "/", "start-again"),
    )
}

/// Plex has not confirmed the sign-in yet: a plain link re-enters the callback (works without JS).
fn almost_there(state: &AppState) -> Response {
    views::message(
        state,
        StatusCode::OK,
        &tr("waiting-title"),
        &[tr("waiting-unconfirmed"), tr("waiting-press-continue")],
        Action::to(state, "/auth/plex/callback", "continue"),
    )
}
