//! `GET /admin`: the Plex connection, the server, counts, recent events and what needs the
//! owner's attention (failed grants, open requests, held reconciler removals, the `open`
//! policy, the default public URL), plus the owner-only "Reconnect Plex".

use axum::extract::{Query, State};
use axum::response::Response;
use serde::Serialize;

use super::access::library_boxes;
use super::events::{EventRow, Names};
use super::{Answer, Done, OwnerPost, failed, render};
use crate::access::reconcile::HeldRemoval;
use crate::access::setup::SetupStep;
use crate::access::{AccessError, OwnerStatus};
use crate::config::Policy;
use crate::web::AppState;
use crate::web::human::plural;
use crate::web::sessions::AdminSession;

/// How many events the dashboard lists.
const RECENT: usize = 10;

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

/// Something that needs the owner, with the page where it is fixed.
#[derive(Serialize)]
struct Attention {
    text: String,
    href: &'static str,
    action: &'static str,
}

impl Attention {
    fn new(text: String, href: &'static str, action: &'static str) -> Self {
        Self { text, href, action }
    }
}

/// "1 share", "3 shares".
fn count(n: u64, unit: &str) -> String {
    format!("{n} {}", plural(n, unit))
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
    attention: Vec<Attention>,
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
) -> Result<(Counts, Vec<HeldRemoval>, Vec<crate::access::model::Event>), AccessError> {
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
    Ok((counts, reconcile.held, events.events))
}

fn attention(
    state: &AppState,
    counts: &Counts,
    held: usize,
    finish: Option<SetupStep>,
    owner: bool,
) -> Vec<Attention> {
    let mut out = Vec::new();
    // The setup steps are the owner's; a co-admin can choose the libraries on their page.
    match (finish, owner) {
        (Some(step), true) => {
            let what = match step {
                SetupStep::Server => "choose your server and libraries",
                SetupStep::Libraries => "choose the libraries they get",
            };
            out.push(Attention::new(
                format!("Setup is not finished: friends see \"not ready yet\" until you {what}."),
                step.path(),
                "Finish setup",
            ));
        }
        (Some(SetupStep::Libraries), false) => out.push(Attention::new(
            "No libraries are chosen yet: friends see \"not ready yet\" until someone does."
                .to_owned(),
            "/admin/libraries",
            "Choose libraries",
        )),
        _ => {}
    }
    if state.access.effective_policy() == Policy::Open {
        out.push(Attention::new(
            "The access policy is open: anyone who signs in with Plex gets access.".to_owned(),
            "/admin/access#pol",
            "Change who may join",
        ));
    }
    // As at start-up (SPEC §3): only while plexgate also listens beyond loopback.
    let server = &state.config.server;
    if server.public_url.is_default() && !server.listen.ip().is_loopback() {
        out.push(Attention::new(
            "server.public_url is still the default http://localhost:8080: Plex sends friends \
             back there after they sign in. Set it to the address friends use."
                .to_owned(),
            "/admin/settings#cfg",
            "See the settings",
        ));
    }
    if counts.failed > 0 {
        out.push(Attention::new(
            format!("{} failed and need you.", count(counts.failed, "share")),
            "/admin/users",
            "Open Users",
        ));
    }
    if counts.removal_failed > 0 {
        out.push(Attention::new(
            format!(
                "{} not confirmed by plex.tv: they may still have access. plexgate keeps \
                 retrying.",
                count(counts.removal_failed, "removal")
            ),
            "/admin/users",
            "Open Users",
        ));
    }
    if counts.requests > 0 {
        out.push(Attention::new(
            format!(
                "{} {} for you.",
                count(counts.requests, "access request"),
                if counts.requests == 1 {
                    "waits"
                } else {
                    "wait"
                }
            ),
            "/admin/access#req",
            "Answer requests",
        ));
    }
    if held > 0 {
        out.push(Attention::new(
            format!(
                "{} held back for your confirmation.",
                count(held as u64, "removal")
            ),
            "/admin#held",
            "Review them",
        ));
    }
    out
}

/// `GET /admin`.
pub async fn page(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Query(done): Query<Done>,
) -> Answer {
    let (counts, held, events) = gather(&state).await.map_err(|e| failed(&e, "/admin"))?;
    let status = state.access.owner_status();
    let (connection, connected, reconnect) = connection(&status);
    // A token from config is changed in config; only a token stored by setup is reconnected.
    let reconnect = reconnect && state.config.plex.token.is_none();
    let finish_setup = state
        .access
        .setup_step()
        .await
        .map_err(|e| failed(&e, "/admin"))?;
    let owner = super::is_owner(&state, &s).await;
    let names = Names::load(&state, &library_boxes(&state).await).await;
    let events = events.into_iter().map(|e| names.row(e)).collect();
    let page = DashboardPage {
        connection,
        connected,
        reconnect,
        server: state.access.owner().map(|o| o.server_name.clone()),
        attention: attention(&state, &counts, held.len(), finish_setup, owner),
        finish_setup: finish_setup.is_some(),
        counts,
        held,
        events,
    };
    let template = "admin/dashboard.html";
    Ok(render(&state, &s, "/admin", "Dashboard", template, &done, &page).await)
}

/// `POST /admin/reconnect` (owner only): a `setup` flow for the owner's account, whose token
/// replaces the stored one; another Plex account is refused at the callback.
pub async fn reconnect(State(state): State<AppState>, _: OwnerPost) -> Response {
    super::setup::start_setup_flow(&state, "/admin").await
}

/// `POST /admin/held/confirm` (owner only): carries out the held removals.
pub async fn held_confirm(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let who = &form.session.username;
    let held = state.access.confirm_held_removals(who).await;
    held.map_err(|e| failed(&e, "/admin"))?;
    Ok(super::done(&state, "/admin", "held"))
}

/// `POST /admin/held/discard` (owner only): keeps everyone; the list is dropped.
pub async fn held_discard(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let who = &form.session.username;
    let held = state.access.discard_held_removals(who).await;
    held.map_err(|e| failed(&e, "/admin"))?;
    Ok(super::done(&state, "/admin", "held"))
}
