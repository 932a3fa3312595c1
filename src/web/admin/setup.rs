//! First run (SPEC §3): `/setup?code=…` (pages.rs checks the code) links to
//! `/setup/connect?code=…`, which checks the code again and starts a `setup` flow (the flow's
//! purpose, kept server-side, is the proof: nothing else starts one except the owner's
//! "Reconnect Plex"); the callback hands a `setup` sign-in to [`signed_in`]; then the owner
//! picks the server and the default libraries with the policy, and lands on the dashboard.

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::form::Sticky;
use super::routes::{Guard, Route, Routes};
use super::{Answer, Done, OwnerPost, OwnerSession, View, failed, invalid, library_refs, render};
use crate::access::model::FlowPurpose;
use crate::access::model::PlexUser;
use crate::access::setup::Claim;
use crate::config::Policy;
use crate::i18n::tr;
use crate::secret::Secret;
use crate::web::AppState;
use crate::web::error::PageError;
use crate::web::outcome::with_sessions;
use crate::web::sessions::see_other;
use crate::web::views::{self, access_error_page};

/// The setup link's query.
#[derive(Deserialize)]
pub struct CodeQuery {
    code: Option<String>,
}

/// The setup steps that start a sign-in (rate-limited like every sign-in start).
fn starts() -> Routes {
    Routes::under("/setup")
        .get("/", Guard::Public, crate::web::pages::setup)
        .get("/connect", Guard::Public, connect)
        .get("/reconnect", Guard::Public, reconnect_start)
}

/// The steps after the owner's sign-in.
fn steps() -> Routes {
    Routes::under("/setup")
        .get("/server", Guard::Owner, server_page)
        .post("/server", Guard::Owner, server_post)
        .get("/libraries", Guard::Owner, libraries_page)
        .post("/libraries", Guard::Owner, libraries_post)
}

/// First run, nested under `/setup`.
pub fn router(state: &AppState) -> Router<AppState> {
    let limit = from_fn_with_state(state.clone(), crate::web::pages::limit_signins);
    starts().router.route_layer(limit).merge(steps().router)
}

/// Every route of [`router`] with its guard (full paths).
pub fn routes() -> Vec<Route> {
    [starts().table, steps().table].concat()
}

/// Whether `code` is the live setup code.
pub fn code_ok(state: &AppState, code: Option<&str>) -> Result<(), PageError> {
    let Some(expected) = state.access.live_setup_code() else {
        return Err(PageError::new(
            StatusCode::NOT_FOUND,
            tr("adm-setup-already"),
            tr("adm-setup-already-text"),
        ));
    };
    if code.is_some_and(|c| expected.ct_eq(c)) {
        Ok(())
    } else {
        Err(PageError::new(
            StatusCode::FORBIDDEN,
            tr("adm-setup-code-needed"),
            tr("adm-setup-code-needed-text"),
        ))
    }
}

/// Starts a `setup` flow returning to `next` and sends the browser to Plex.
pub async fn start_setup_flow(state: &AppState, next: &str) -> Response {
    let next = Some(next.to_owned());
    crate::web::signin::start_flow(state, FlowPurpose::Setup, None, next, None).await
}

/// `GET /setup/connect?code=…`: "Connect your Plex account".
pub async fn connect(State(state): State<AppState>, Query(q): Query<CodeQuery>) -> Response {
    if let Err(e) = code_ok(&state, q.code.as_deref()) {
        return e.into_response();
    }
    start_setup_flow(&state, "/setup/server").await
}

/// Whether the owner must reconnect Plex before anyone can sign in as admin: a token stored by
/// setup that plex.tv refuses or this install cannot decrypt (config tokens change in config).
pub async fn needs_reconnect(state: &AppState) -> bool {
    use crate::access::OwnerStatus;
    state.config.plex.token.is_none()
        && matches!(
            state.access.owner_status(),
            OwnerStatus::TokenInvalid | OwnerStatus::NeedsReconnect
        )
        && matches!(state.access.claimed_by().await, Ok(Some(_)))
}

/// `GET /setup/reconnect`: while the owner must reconnect, a `setup` flow for the owner (the
/// callback refuses every other account: without a live setup code nobody can claim).
pub async fn reconnect_start(State(state): State<AppState>) -> Response {
    if !needs_reconnect(&state).await {
        return see_other(&format!("{}/admin/signin", state.prefix()));
    }
    start_setup_flow(&state, "/admin").await
}

/// The callback of a `setup` flow: claim (or reconnect) and start the owner's sessions.
pub async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
    user: &PlexUser,
    token: Secret,
) -> Response {
    // Claiming needs the live setup code (it started this flow); afterwards only reconnects.
    let may_claim = state.access.live_setup_code().is_some();
    match state
        .access
        .claim_owner(user, token.clone(), may_claim)
        .await
    {
        Ok(Claim::Claimed) => {
            state.access.mark_owner_claimed();
            let to = format!("{}/setup/server", state.prefix());
            with_sessions(state, headers, user, true, see_other(&to)).await
        }
        Ok(Claim::Reconnected) => {
            let to = format!("{}/admin?done=setup", state.prefix());
            with_sessions(state, headers, user, true, see_other(&to)).await
        }
        Ok(Claim::Refused) => {
            state.access.sign_out_later(token);
            views::error_response(
                state,
                &PageError::new(
                    StatusCode::FORBIDDEN,
                    tr("adm-setup-not-owner"),
                    tr("adm-setup-not-owner-text"),
                ),
            )
        }
        Err(e) => views::error_response(state, &access_error_page(&e)),
    }
}

#[derive(Serialize)]
struct ServerChoice {
    name: String,
    machine_id: String,
}

#[derive(Serialize)]
struct ServerPage {
    servers: Vec<ServerChoice>,
}

/// `GET /setup/server`: the owner's shareable servers.
pub async fn server_page(State(state): State<AppState>, OwnerSession(s): OwnerSession) -> Answer {
    let servers = state.access.owned_servers().await;
    let servers = servers.map_err(|e| failed(&e, "/setup/server"))?;
    let page = ServerPage {
        servers: servers
            .into_iter()
            .map(|s| ServerChoice {
                name: s.name,
                machine_id: s.machine_id,
            })
            .collect(),
    };
    let view = View("", "adm-setup-server-title", "setup_server.html");
    Ok(render(&state, &s, &view, &Done::default(), &page).await)
}

/// `POST /setup/server`: `server=<machine id>`.
pub async fn server_post(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let back = "/setup/server";
    let id = form
        .get("server")
        .ok_or_else(|| invalid(tr("adm-setup-choose-server"), back))?;
    let chosen = state.access.choose_server(&form.session.username, id).await;
    chosen.map_err(|e| failed(&e, back))?;
    // The owner is known now: the background work (reconciler) may start.
    state.access.owner_ready();
    Ok(see_other(&format!("{}/setup/libraries", state.prefix())))
}

#[derive(Serialize)]
struct LibraryRow {
    id: u64,
    title: String,
    kind: String,
    selected: bool,
}

#[derive(Serialize)]
struct LibrariesPage {
    server: String,
    libraries: Vec<LibraryRow>,
    libraries_fixed: bool,
    policy: &'static str,
    policy_fixed: bool,
}

/// `GET /setup/libraries`: default libraries (with their type) and the access policy.
pub async fn libraries_page(
    State(state): State<AppState>,
    OwnerSession(s): OwnerSession,
) -> Answer {
    libraries_show(&state, &s, &Done::default()).await
}

/// The libraries step; with nothing chosen yet, the server's video libraries (movies and
/// shows) are ticked, and a failed post shows its own choice and error.
async fn libraries_show(
    state: &AppState,
    s: &crate::access::model::Session,
    done: &Done,
) -> Answer {
    let state = state.clone();
    let Some(owner) = state.access.owner() else {
        return Ok(see_other(&format!("{}/setup/server", state.prefix())));
    };
    let choices = state.access.library_choices().await;
    let choices = choices.map_err(|e| failed(&e, "/setup/libraries"))?;
    let fixed = state.access.libraries_from_config();
    let none_chosen = !choices.iter().any(|c| c.selected);
    let failed_form = &done.form;
    let page = LibrariesPage {
        server: owner.server_name.clone(),
        libraries: choices
            .into_iter()
            .map(|c| LibraryRow {
                selected: if !failed_form.form.is_empty() {
                    failed_form.libraries.contains(&c.section.id)
                } else if none_chosen && !fixed {
                    matches!(c.section.kind.as_str(), "movie" | "show")
                } else {
                    c.selected
                },
                id: c.section.id,
                title: c.section.title,
                kind: c.section.kind,
            })
            .collect(),
        libraries_fixed: fixed,
        policy: failed_form
            .values
            .get("policy")
            .and_then(|p| parse_policy(p))
            .unwrap_or_else(|| state.access.effective_policy())
            .as_str(),
        policy_fixed: state.access.from_config().policy,
    };
    let view = View("", "adm-setup-libraries-title", "setup_libraries.html");
    Ok(render(&state, s, &view, done, &page).await)
}

/// Parses `policy=invite|allowlist|open`.
pub fn parse_policy(v: &str) -> Option<Policy> {
    [Policy::Invite, Policy::Allowlist, Policy::Open]
        .into_iter()
        .find(|p| p.as_str() == v)
}

/// `POST /setup/libraries`: `libraries=<id>`… and `policy=…`, then the dashboard.
pub async fn libraries_post(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let sticky = Sticky::from_post("setup", &form);
    let steps = async {
        let refs = library_refs(&form.all("libraries")).map_err(|m| sticky.at("libraries", m))?;
        let refs = refs.unwrap_or_default();
        if refs.is_empty() && !state.access.libraries_from_config() {
            return Err(sticky.at("libraries", tr("adm-setup-choose-library")));
        }
        let policy = if state.access.from_config().policy {
            None
        } else {
            form.get("policy").and_then(parse_policy)
        };
        let finished = state
            .access
            .finish_setup(&form.session.username, &refs, policy);
        finished
            .await
            .map_err(|e| sticky.refused("libraries", &e))?;
        Ok(super::done(&state, "/admin", "setup"))
    };
    match steps.await {
        Ok(resp) => Ok(resp),
        Err(sticky) => libraries_show(&state, &form.session, &Done::failed(sticky)).await,
    }
}
