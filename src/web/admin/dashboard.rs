//! `GET /admin`: the Plex connection, the server, counts, recent events and what needs the
//! owner's attention (failed grants, open requests, held reconciler removals, the `open`
//! policy, the default public URL), plus the owner-only "Reconnect Plex".

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{Done, failed, render, require_owner};
use crate::access::reconcile::HeldRemoval;
use crate::access::{AccessError, OwnerStatus};
use crate::app::AppState;
use crate::clock::rfc3339;
use crate::config::Policy;
use crate::web::csrf::AdminPost;
use crate::web::sessions::AdminSession;

/// How many events the dashboard lists.
const RECENT: usize = 10;

/// One line of the event log as pages show it.
#[derive(Serialize)]
pub struct EventRow {
    pub at: String,
    pub kind: String,
    pub actor: String,
    pub plex_id: Option<u64>,
    pub outcome: String,
    pub detail: String,
}

impl From<crate::store::Event> for EventRow {
    fn from(e: crate::store::Event) -> Self {
        Self {
            at: rfc3339(e.at),
            kind: e.kind,
            actor: e.actor,
            plex_id: e.plex_id,
            outcome: e.outcome,
            detail: e.detail,
        }
    }
}

#[derive(Serialize, Default)]
struct Counts {
    shared: u64,
    pending: u64,
    /// Shares that failed (removals aside).
    failed: u64,
    /// Removals plex.tv has not confirmed.
    removal_failed: u64,
    requests: u64,
    invites: u64,
}

#[derive(Serialize)]
struct DashboardPage {
    connection: String,
    connected: bool,
    reconnect: bool,
    /// Setup stopped after the Plex sign-in: the server is still to be chosen.
    finish_setup: bool,
    server: Option<String>,
    counts: Counts,
    attention: Vec<String>,
    held: Vec<HeldRemoval>,
    events: Vec<EventRow>,
}

fn connection(status: &OwnerStatus) -> (String, bool, bool) {
    match status {
        OwnerStatus::Ready(o) => (
            format!("Connected to plex.tv as {}", o.username),
            true,
            false,
        ),
        OwnerStatus::NotConfigured => ("No Plex account connected yet".to_owned(), false, false),
        OwnerStatus::Resolving { last_error: None } => {
            ("Connecting to plex.tv…".to_owned(), false, false)
        }
        OwnerStatus::Resolving {
            last_error: Some(e),
        } => (format!("Cannot reach plex.tv yet: {e}"), false, false),
        OwnerStatus::TokenInvalid => (
            "plex.tv no longer accepts the owner's sign-in: reconnect Plex".to_owned(),
            false,
            true,
        ),
        OwnerStatus::NeedsReconnect => (
            "This install cannot read the stored Plex sign-in (restored from another install): \
             reconnect Plex"
                .to_owned(),
            false,
            true,
        ),
        OwnerStatus::Misconfigured(m) => (format!("Needs your attention: {m}"), false, false),
    }
}

async fn gather(
    state: &AppState,
) -> Result<(Counts, Vec<HeldRemoval>, Vec<EventRow>), AccessError> {
    let a = &state.access;
    let (c, reconcile, events) = tokio::try_join!(
        a.counts(),
        a.reconcile_state(),
        a.events_page(None, RECENT, None, None)
    )?;
    let counts = Counts {
        shared: c.accepted + c.pending,
        pending: c.pending + c.sharing,
        failed: c.failed.saturating_sub(c.removal_failed),
        removal_failed: c.removal_failed,
        requests: c.open_requests,
        invites: c.invites_in_use,
    };
    let events = events.events.into_iter().map(EventRow::from).collect();
    Ok((counts, reconcile.held, events))
}

fn attention(state: &AppState, counts: &Counts, held: usize) -> Vec<String> {
    let mut out = Vec::new();
    if state.access.effective_policy() == Policy::Open {
        out.push(
            "The access policy is open: anyone who signs in with Plex gets access.".to_owned(),
        );
    }
    // As at start-up (SPEC §3): only while plexgate also listens beyond loopback.
    let server = &state.config.server;
    if server.public_url.is_default() && !server.listen.ip().is_loopback() {
        out.push(
            "server.public_url is still the default http://localhost:8080: Plex sends friends \
             back there after they sign in. Set it to the address friends use."
                .to_owned(),
        );
    }
    if counts.failed > 0 {
        out.push(format!(
            "{} share(s) failed and need you (Users).",
            counts.failed
        ));
    }
    if counts.removal_failed > 0 {
        out.push(format!(
            "{} removal(s) failed: plex.tv still lists the share, so they may still have access. \
             plexgate keeps retrying (Users).",
            counts.removal_failed
        ));
    }
    if counts.requests > 0 {
        out.push(format!(
            "{} access request(s) wait for you (Access).",
            counts.requests
        ));
    }
    if held > 0 {
        out.push(format!(
            "{held} removal(s) are held for your confirmation (below)."
        ));
    }
    out
}

/// `GET /admin`.
pub async fn page(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Query(done): Query<Done>,
) -> Response {
    let (counts, held, events) = match gather(&state).await {
        Ok(v) => v,
        Err(e) => return failed(&state, &e, "/admin"),
    };
    let status = state.access.owner_status();
    let (connection, connected, reconnect) = connection(&status);
    // A token from config is changed in config; only a token stored by setup is reconnected.
    let reconnect = reconnect && state.config.plex.token.is_none();
    let finish_setup = matches!(status, OwnerStatus::NotConfigured)
        && matches!(state.access.claimed_by().await, Ok(Some(_)));
    let page = DashboardPage {
        connection,
        connected,
        reconnect,
        finish_setup,
        server: state.access.owner().map(|o| o.server_name.clone()),
        attention: attention(&state, &counts, held.len()),
        counts,
        held,
        events,
    };
    render(
        &state,
        &s,
        "/admin",
        "Dashboard",
        "admin/dashboard.html",
        &done,
        &page,
    )
    .await
}

/// `POST /admin/reconnect` (owner only): a `setup` flow for the owner's account, whose token
/// replaces the stored one; another Plex account is refused at the callback.
pub async fn reconnect(State(state): State<AppState>, form: AdminPost) -> Response {
    if let Err(e) = require_owner(&state, &form.session).await {
        return e.into_response();
    }
    super::setup::start_setup_flow(&state, "/admin").await
}

/// `POST /admin/held/confirm` (owner only): carries out the held removals.
pub async fn held_confirm(State(state): State<AppState>, form: AdminPost) -> Response {
    if let Err(e) = require_owner(&state, &form.session).await {
        return e.into_response();
    }
    match state
        .access
        .confirm_held_removals(&form.session.username)
        .await
    {
        Ok(_) => super::done(&state, "/admin", "held"),
        Err(e) => failed(&state, &e, "/admin"),
    }
}

/// `POST /admin/held/discard` (owner only): keeps everyone; the list is dropped.
pub async fn held_discard(State(state): State<AppState>, form: AdminPost) -> Response {
    if let Err(e) = require_owner(&state, &form.session).await {
        return e.into_response();
    }
    match state
        .access
        .discard_held_removals(&form.session.username)
        .await
    {
        Ok(_) => super::done(&state, "/admin", "held"),
        Err(e) => failed(&state, &e, "/admin"),
    }
}
