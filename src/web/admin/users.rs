//! `/admin/users`: everyone with a share on this server (plex.tv joined with grants): change
//! libraries, extend or clear the expiry, remove access (with a confirmation; more than
//! `reconcile.max_removals` at once needs an explicit second confirmation), invite by
//! username or email, and end an account's sessions (forward auth signs it out everywhere).
//! Every change goes through the access layer the API uses.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use super::access::{LibraryBox, library_boxes, titles};
use super::{Done, done, failed, grant_fields, invalid, library_refs, render};
use crate::access::users::{NewUser, UserChange};
use crate::app::AppState;
use crate::clock::rfc3339;
use crate::web::csrf::AdminPost;
use crate::web::sessions::AdminSession;
use crate::web::sso::account;
use crate::web::views::{self, Action};

const BACK: &str = "/admin/users";
const DAY: i64 = 24 * 3600;

#[derive(Serialize)]
struct UserRow {
    plex_id: u64,
    username: String,
    email: Option<String>,
    libraries: String,
    library_ids: Vec<u64>,
    status: String,
    joined: Option<String>,
    expires: Option<String>,
    managed: bool,
}

#[derive(Serialize)]
struct UsersPage {
    users: Vec<UserRow>,
    libraries: Vec<LibraryBox>,
    max_removals: u32,
}

/// `GET /admin/users`.
pub async fn page(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Query(d): Query<Done>,
) -> Response {
    let users = match state.access.users().await {
        Ok(u) => u,
        Err(e) => return failed(&state, &e, "/admin"),
    };
    let boxes = library_boxes(&state).await;
    let rows = users
        .into_iter()
        .map(|u| UserRow {
            libraries: titles(Some(&u.libraries), &boxes),
            library_ids: u.libraries,
            plex_id: u.plex_id,
            username: u.username,
            email: u.email,
            status: if u.removal_failed {
                "removal failed".to_owned()
            } else {
                format!("{:?}", u.status).to_lowercase()
            },
            joined: u.joined_at.map(rfc3339),
            expires: u.expires_at.map(rfc3339),
            managed: u.managed_by_plexgate,
        })
        .collect();
    let page = UsersPage {
        users: rows,
        libraries: boxes,
        max_removals: state.config.reconcile.max_removals,
    };
    render(&state, &s, BACK, "Users", "admin/users.html", &d, &page).await
}

/// `POST /admin/users/{plex_id}/libraries`: `libraries=<id>`….
pub async fn libraries(
    State(state): State<AppState>,
    Path(plex_id): Path<u64>,
    form: AdminPost,
) -> Response {
    let refs = match library_refs(&form.all("libraries")) {
        Ok(Some(r)) => r,
        Ok(None) => return invalid(&state, "choose at least one library".to_owned(), BACK),
        Err(m) => return invalid(&state, m, BACK),
    };
    let change = UserChange {
        libraries: Some(refs),
        expires_at: None,
    };
    apply(&state, &form, plex_id, change).await
}

/// `POST /admin/users/{plex_id}/expiry`: `days=N` extends from the later of now and the
/// current expiry; `clear=1` removes the expiry.
pub async fn expiry(
    State(state): State<AppState>,
    Path(plex_id): Path<u64>,
    form: AdminPost,
) -> Response {
    let expires_at = if form.get("clear").is_some() {
        None
    } else {
        let days = match form.number::<u32>("days") {
            Ok(Some(d)) if (1..=3650).contains(&d) => i64::from(d),
            Ok(_) => return invalid(&state, "days must be 1 to 3650".to_owned(), BACK),
            Err(m) => return invalid(&state, m, BACK),
        };
        let current = match state.store.read(move |tx| tx.get_grant(plex_id)).await {
            Ok(g) => g.and_then(|g| g.expires_at),
            Err(e) => return failed(&state, &e.into(), BACK),
        };
        let from = current.unwrap_or(0).max(state.clock.unix());
        Some(from.saturating_add(days * DAY))
    };
    let change = UserChange {
        libraries: None,
        expires_at: Some(expires_at),
    };
    apply(&state, &form, plex_id, change).await
}

async fn apply(state: &AppState, form: &AdminPost, plex_id: u64, change: UserChange) -> Response {
    match state
        .access
        .update_user(&form.session.username, plex_id, change)
        .await
    {
        Ok(_) => done(state, BACK, "user-changed"),
        Err(e) => failed(state, &e, BACK),
    }
}

/// `POST /admin/users/{plex_id}/sessions`: ends every session of the account (SPEC §8), so
/// every app behind forward auth asks it to sign in again on its next request.
pub async fn end_sessions(
    State(state): State<AppState>,
    Path(plex_id): Path<u64>,
    form: AdminPost,
) -> Response {
    match account::end_sessions(&state, plex_id).await {
        Ok(n) => {
            let detail = format!("{n} sessions of {plex_id}");
            let actor = Some((form.session.username.as_str(), plex_id));
            account::record(&state, "sessions_ended", actor, None, "ok", detail).await;
            done(&state, BACK, "sessions-ended")
        }
        Err(e) => failed(&state, &e.into(), BACK),
    }
}

/// `POST /admin/users/remove`: `plex_id=<id>`… and `confirm=yes`; more than
/// `reconcile.max_removals` also needs `confirm_mass=yes`, else a page asks for it.
pub async fn remove(State(state): State<AppState>, form: AdminPost) -> Response {
    let ids: Result<Vec<u64>, _> = form.all("plex_id").iter().map(|v| v.parse()).collect();
    let Ok(ids) = ids else {
        return invalid(&state, "unknown account".to_owned(), BACK);
    };
    if ids.is_empty() {
        return invalid(&state, "choose whom to remove".to_owned(), BACK);
    }
    if form.get("confirm") != Some("yes") {
        return invalid(
            &state,
            "tick \"Yes, remove access\" to confirm".to_owned(),
            BACK,
        );
    }
    let max = usize::try_from(state.config.reconcile.max_removals).unwrap_or(usize::MAX);
    if ids.len() > max && form.get("confirm_mass") != Some("yes") {
        return views::message(
            &state,
            StatusCode::CONFLICT,
            "Confirm a mass removal",
            &[format!(
                "You chose {} accounts, more than reconcile.max_removals ({max}). Nothing was \
                 removed. Go back and also tick \"Yes, remove all of them\".",
                ids.len()
            )],
            Some(Action {
                href: format!("{}{BACK}", state.prefix()),
                label: "Back",
            }),
        );
    }
    for id in ids {
        if let Err(e) = state.access.remove_user(&form.session.username, id).await {
            return failed(&state, &e, BACK);
        }
    }
    done(&state, BACK, "user-removed")
}

/// `POST /admin/users/invite`: `account` (username or email), `libraries`…, `access_days`.
pub async fn invite(State(state): State<AppState>, form: AdminPost) -> Response {
    let (libraries, access_days) = match grant_fields(&form) {
        Ok(f) => f,
        Err(m) => return invalid(&state, m, BACK),
    };
    let new = NewUser {
        account: form.get("account").unwrap_or_default().to_owned(),
        libraries,
        access_days,
    };
    match state.access.invite_user(&form.session.username, new).await {
        Ok(_) => done(&state, BACK, "invited"),
        Err(e) => failed(&state, &e, BACK),
    }
}
