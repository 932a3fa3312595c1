//! `GET /admin`: the Plex connection, the server, counts, recent events and what needs the
//! owner's attention (failed grants, open requests, held reconciler removals, the `open`
//! policy, the default public URL), plus the owner-only "Reconnect Plex".

use axum::extract::{Query, State};
use axum::response::Response;
use serde::Serialize;

use super::access::library_boxes;
use super::events::{EventRow, Names};
use super::{Answer, Done, OwnerPost, View, failed, render};
use crate::access::reconcile::HeldRemoval;
use crate::access::setup::SetupStep;
use crate::access::{AccessError, OwnerStatus};
use crate::config::Policy;
use crate::i18n::{arg, num, tr, tr_args};
use crate::web::AppState;
use crate::web::sessions::AdminSession;

const VIEW: View = View("/admin", "adm-tab-dashboard", "admin/dashboard.html");

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
    action: String,
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
            tr_args("adm-conn-ready", &[("name", arg(o.username.as_str()))]),
            true,
            false,
        ),
        OwnerStatus::NotConfigured => (tr("adm-conn-none"), false, false),
        OwnerStatus::Resolving { last_error: None } => (tr("adm-conn-resolving"), false, false),
        OwnerStatus::Resolving {
            last_error: Some(e),
        } => (
            tr_args("adm-conn-unreachable", &[("error", arg(e.to_string()))]),
            false,
            false,
        ),
        OwnerStatus::TokenInvalid => (tr("adm-conn-token-invalid"), false, true),
        OwnerStatus::NeedsReconnect => (tr("adm-conn-needs-reconnect"), false, true),
        OwnerStatus::Misconfigured(m) => (
            tr_args("adm-conn-misconfigured", &[("problem", arg(m.to_string()))]),
            false,
            false,
        ),
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
    let mut add = |text: String, href, action: &str| {
        let action = tr(action);
        out.push(Attention { text, href, action });
    };
    // The setup steps are the owner's; a co-admin can choose the libraries on their page.
    match (finish, owner) {
        (Some(step), true) => {
            let what = match step {
                SetupStep::Server => "adm-att-setup-server",
                SetupStep::Libraries => "adm-att-setup-libraries",
            };
            add(tr(what), step.path(), "adm-setup-finish");
        }
        (Some(SetupStep::Libraries), false) => add(
            tr("adm-att-no-libraries"),
            "/admin/libraries",
            "adm-att-choose-libraries",
        ),
        _ => {}
    }
    if state.access.effective_policy() == Policy::Open {
        add(
            tr("adm-att-open"),
            "/admin/access#pol",
            "adm-att-change-policy",
        );
    }
    // As at start-up (SPEC §3): only while plexgate also listens beyond loopback.
    let server = &state.config.server;
    if server.public_url.is_default() && !server.listen.ip().is_loopback() {
        add(
            tr("adm-att-public-url"),
            "/admin/settings#cfg",
            "adm-att-see-settings",
        );
    }
    // Counts that need a look: (how many, message, where, button).
    let counted = [
        (
            counts.failed,
            "adm-att-failed",
            "/admin/users",
            "adm-att-open-users",
        ),
        (
            counts.removal_failed,
            "adm-att-removal-failed",
            "/admin/users",
            "adm-att-open-users",
        ),
        (
            counts.requests,
            "adm-att-requests",
            "/admin/access#req",
            "adm-att-answer",
        ),
        (held as u64, "adm-att-held", "/admin#held", "adm-att-review"),
    ];
    for (n, text, href, action) in counted.into_iter().filter(|c| c.0 > 0) {
        add(tr_args(text, &[("n", num(n))]), href, action);
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
    Ok(render(&state, &s, &VIEW, &done, &page).await)
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
