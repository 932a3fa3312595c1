//! `/admin/invites`: create an invite link (shown once, with a copy button), list them with
//! uses left and who used each, revoke. Under the `allowlist` policy the page warns that invite
//! links are turned off.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Serialize;

use super::access::{LibraryBox, library_boxes, titles};
use super::{
    Done, FlagBoxes, done, failed, flag_boxes, invalid, library_refs, render, sharing_fields,
};
use crate::access::tools::NewInvite;
use crate::app::AppState;
use crate::clock::rfc3339;
use crate::config::Policy;
use crate::store::Invite;
use crate::web::csrf::AdminPost;
use crate::web::sessions::AdminSession;

const BACK: &str = "/admin/invites";

#[derive(Serialize)]
struct InviteRow {
    id: u64,
    note: String,
    uses: u32,
    uses_left: Option<u32>,
    expires: Option<String>,
    libraries: String,
    access_days: Option<u32>,
    state: &'static str,
    used_by: Vec<String>,
}

#[derive(Serialize)]
struct InvitesPage {
    turned_off: bool,
    /// The new link, on the answer to its creation only.
    created: Option<String>,
    invites: Vec<InviteRow>,
    libraries: Vec<LibraryBox>,
    /// The owner's sharing flags, ticked in the form.
    flags: FlagBoxes,
}

fn row(i: Invite, now: i64, names: &[(u64, String)], boxes: &[LibraryBox]) -> InviteRow {
    let state = if i.revoked {
        "revoked"
    } else if i.expires_at.is_some_and(|e| e <= now) {
        "expired"
    } else if i.max_uses.is_some_and(|m| i.uses >= m) {
        "used up"
    } else {
        "active"
    };
    let used_by = i
        .used_by
        .iter()
        .map(|id| {
            names
                .iter()
                .find(|(n, _)| n == id)
                .map_or_else(|| format!("account {id}"), |(_, u)| u.clone())
        })
        .collect();
    InviteRow {
        id: i.id,
        uses: i.uses,
        uses_left: i.max_uses.map(|m| m.saturating_sub(i.uses)),
        expires: i.expires_at.map(rfc3339),
        libraries: titles(i.libraries.as_deref(), boxes),
        access_days: i.access_days,
        state,
        used_by,
        note: i.note,
    }
}

async fn show(
    state: &AppState,
    s: &crate::store::Session,
    d: &Done,
    created: Option<String>,
) -> Response {
    let invites = match state.access.invites().await {
        Ok(i) => i,
        Err(e) => return failed(state, &e, "/admin"),
    };
    let names = match state.store.read(|tx| tx.list_grants()).await {
        Ok(g) => g
            .into_iter()
            .map(|g| (g.plex_id, g.username))
            .collect::<Vec<_>>(),
        Err(e) => return failed(state, &e.into(), "/admin"),
    };
    let boxes = library_boxes(state).await;
    let now = state.clock.unix();
    let page = InvitesPage {
        turned_off: state.access.effective_policy() == Policy::Allowlist,
        created,
        invites: invites
            .into_iter()
            .rev()
            .map(|i| row(i, now, &names, &boxes))
            .collect(),
        libraries: boxes,
        flags: flag_boxes(state, Default::default()),
    };
    render(
        state,
        s,
        BACK,
        "Invite links",
        "admin/invites.html",
        d,
        &page,
    )
    .await
}

/// `GET /admin/invites`.
pub async fn page(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Query(d): Query<Done>,
) -> Response {
    show(&state, &s, &d, None).await
}

fn parse(state: &AppState, form: &AdminPost) -> Result<NewInvite, String> {
    Ok(NewInvite {
        max_uses: form.number("max_uses")?,
        expires_in_days: form.number("expires_in_days")?,
        libraries: library_refs(&form.all("libraries"))?,
        access_days: form.number("access_days")?,
        note: form.get("note").map(str::to_owned),
        sharing: sharing_fields(state, form),
    })
}

/// `POST /admin/invites`: creates a link and shows it once (this answer is not cached).
pub async fn create(State(state): State<AppState>, form: AdminPost) -> Response {
    let new = match parse(&state, &form) {
        Ok(n) => n,
        Err(m) => return invalid(&state, m, BACK),
    };
    match state
        .access
        .create_invite(&form.session.username, new)
        .await
    {
        Ok(created) => {
            let url = created.url.expose().to_owned();
            let mut resp = show(&state, &form.session, &Done::default(), Some(url)).await;
            resp.headers_mut().insert(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            );
            resp
        }
        Err(e) => failed(&state, &e, BACK),
    }
}

/// `POST /admin/invites/{id}/revoke`.
pub async fn revoke(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    form: AdminPost,
) -> Response {
    match state.access.revoke_invite(&form.session.username, id).await {
        Ok(()) => done(&state, BACK, "revoked"),
        Err(e) => failed(&state, &e, BACK),
    }
}
