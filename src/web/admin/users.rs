//! `/admin/users`: everyone with a share on this server (plex.tv joined with grants): change
//! libraries, extend or clear the expiry, remove access (with a confirmation; more than
//! `reconcile.max_removals` at once needs an explicit second confirmation), invite by
//! username or email, and end an account's sessions (forward auth signs it out everywhere).
//! Every change goes through the access layer the API uses.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::access::{LibraryBox, library_boxes, titles};
use super::form::Sticky;
use super::{Answer, Done, View, done, failed, grant_fields, library_refs, render};
use crate::access::model::GrantStatus;
use crate::access::users::{NewUser, UserChange, UserInfo};
use crate::i18n::{arg, num, tr, tr_args};
use crate::web::AppState;
use crate::web::csrf::AdminPost;
use crate::web::human::When;
use crate::web::sessions::AdminSession;
use crate::web::sso::account;

const BACK: &str = "/admin/users";
const VIEW: View = View(BACK, "adm-tab-users", "admin/users.html");
const DAY: i64 = 24 * 3600;

#[derive(Serialize)]
struct UserRow {
    plex_id: u64,
    username: String,
    email: Option<String>,
    libraries: String,
    library_ids: Vec<u64>,
    status: String,
    /// Whether the account has access now (history rows have none).
    active: bool,
    joined: Option<When>,
    expires: Option<When>,
    managed: bool,
}

#[derive(Serialize)]
struct UsersPage {
    users: Vec<UserRow>,
    libraries: Vec<LibraryBox>,
    max_removals: u32,
    /// Removed accounts are listed too.
    history: bool,
    /// How many removed accounts the history holds.
    removed: usize,
}

/// `GET /admin/users`'s query: `show=history` lists removed accounts too.
#[derive(Debug, Default, Deserialize)]
pub struct UsersQuery {
    show: Option<String>,
}

/// A status a person understands.
fn status_words(u: &UserInfo, now: i64) -> String {
    let name = if u.username.is_empty() {
        tr("adm-users-them")
    } else {
        u.username.clone()
    };
    if u.removal_failed {
        return tr("adm-users-removal-unconfirmed");
    }
    let until = u.expires_at.map(|t| When::at(t, now).date);
    let with = |id: &str| match &until {
        Some(date) => tr_args(
            &format!("{id}-until"),
            &[("name", arg(name.as_str())), ("date", arg(date.as_str()))],
        ),
        None => tr_args(id, &[("name", arg(name.as_str()))]),
    };
    match u.status {
        GrantStatus::Sharing => tr("adm-users-st-sharing"),
        GrantStatus::Pending => with("adm-users-st-pending"),
        GrantStatus::Accepted => with("adm-users-st-active"),
        GrantStatus::Failed => tr("adm-users-st-failed"),
        GrantStatus::Removed => tr("adm-users-st-removed"),
    }
}

/// `GET /admin/users`.
pub async fn page(
    State(state): State<AppState>,
    AdminSession(s): AdminSession,
    Query(d): Query<Done>,
    Query(q): Query<UsersQuery>,
) -> Answer {
    let (state, history) = (&state, q.show.as_deref() == Some("history"));
    let users = state
        .access
        .users()
        .await
        .map_err(|e| failed(&e, "/admin"))?;
    let boxes = library_boxes(state).await;
    let now = state.access.clock().unix();
    let removed = users
        .iter()
        .filter(|u| u.status == GrantStatus::Removed && !u.removal_failed)
        .count();
    let rows = users
        .into_iter()
        .filter(|u| history || u.status != GrantStatus::Removed || u.removal_failed)
        .map(|u| UserRow {
            status: status_words(&u, now),
            active: u.status != GrantStatus::Removed,
            libraries: titles(Some(&u.libraries), &boxes),
            library_ids: u.libraries,
            plex_id: u.plex_id,
            username: u.username,
            email: u.email,
            joined: u.joined_at.map(|t| When::at(t, now)),
            expires: u.expires_at.map(|t| When::at(t, now)),
            managed: u.managed_by_plexgate,
        })
        .collect();
    let page = UsersPage {
        users: rows,
        libraries: boxes,
        max_removals: state.config.reconcile.max_removals,
        history,
        removed,
    };
    Ok(render(state, &s, &VIEW, &d, &page).await)
}

/// The page again with the failed form as sent and its error.
async fn again(state: &AppState, form: &AdminPost, sticky: Sticky) -> Answer {
    let (state, session) = (State(state.clone()), AdminSession(form.session.clone()));
    page(
        state,
        session,
        Query(Done::failed(sticky)),
        Query(UsersQuery::default()),
    )
    .await
}

/// `POST /admin/users/{plex_id}/libraries`: `libraries=<id>`….
pub async fn libraries(
    State(state): State<AppState>,
    Path(plex_id): Path<u64>,
    form: AdminPost,
) -> Answer {
    let sticky = Sticky::from_post(&format!("libraries-{plex_id}"), &form);
    let refs = match library_refs(&form.all("libraries")) {
        Ok(Some(r)) => r,
        Ok(None) => {
            let m = tr("adm-users-choose-library");
            return again(&state, &form, sticky.error("libraries", m)).await;
        }
        Err(m) => return again(&state, &form, sticky.error("libraries", m)).await,
    };
    let change = UserChange {
        libraries: Some(refs),
        expires_at: None,
    };
    apply(&state, &form, plex_id, change, sticky).await
}

/// `POST /admin/users/{plex_id}/expiry`: `days=N` extends from the later of now and the
/// current expiry; `clear=1` removes the expiry.
pub async fn expiry(
    State(state): State<AppState>,
    Path(plex_id): Path<u64>,
    form: AdminPost,
) -> Answer {
    let sticky = Sticky::from_post(&format!("expiry-{plex_id}"), &form);
    let expires_at = if form.get("clear").is_some() {
        None
    } else {
        let days = match form.number::<u32>("days") {
            Ok(Some(d)) if (1..=3650).contains(&d) => i64::from(d),
            Ok(None) => {
                let m = tr("adm-users-days-type");
                return again(&state, &form, sticky.error("days", m)).await;
            }
            _ => {
                let m = tr("adm-users-days-whole");
                return again(&state, &form, sticky.error("days", m)).await;
            }
        };
        let current = match state.access.grant_expiry(plex_id).await {
            Ok(at) => at,
            Err(e) => return again(&state, &form, sticky.access_error("days", &e)).await,
        };
        let from = current.unwrap_or(0).max(state.access.clock().unix());
        Some(from.saturating_add(days * DAY))
    };
    let change = UserChange {
        libraries: None,
        expires_at: Some(expires_at),
    };
    apply(&state, &form, plex_id, change, sticky).await
}

async fn apply(
    state: &AppState,
    form: &AdminPost,
    plex_id: u64,
    change: UserChange,
    sticky: Sticky,
) -> Answer {
    let field = if change.libraries.is_some() {
        "libraries"
    } else {
        "days"
    };
    match state
        .access
        .update_user(&form.session.username, plex_id, change)
        .await
    {
        Ok(_) => Ok(done(state, BACK, "user-changed")),
        Err(e) => again(state, form, sticky.access_error(field, &e)).await,
    }
}

/// `POST /admin/users/{plex_id}/sessions`: ends every session of the account (SPEC §8), so
/// every app behind forward auth asks it to sign in again on its next request.
pub async fn end_sessions(
    State(state): State<AppState>,
    Path(plex_id): Path<u64>,
    form: AdminPost,
) -> Answer {
    match account::end_sessions(&state, plex_id).await {
        Ok(n) => {
            let detail = format!("{n} sessions of {plex_id}");
            let actor = Some((form.session.username.as_str(), plex_id));
            account::record(&state, "sessions_ended", actor, None, "ok", detail).await;
            Ok(done(&state, BACK, "sessions-ended"))
        }
        Err(e) => Err(failed(&e, BACK)),
    }
}

/// `POST /admin/users/remove`: `plex_id=<id>`… and `confirm=yes`; more than
/// `reconcile.max_removals` also needs `confirm_mass=yes`, else a page asks for it.
pub async fn remove(State(state): State<AppState>, form: AdminPost) -> Answer {
    let ids: Result<Vec<u64>, _> = form.all("plex_id").iter().map(|v| v.parse()).collect();
    // One account's own form (one id) or the "Remove several" form.
    let name = match ids.as_deref() {
        Ok([one]) if form.get("several").is_none() => format!("remove-{one}"),
        _ => "remove-several".to_owned(),
    };
    let sticky = Sticky::from_post(&name, &form);
    let Ok(ids) = ids else {
        let m = tr("adm-users-unknown");
        return again(&state, &form, sticky.error("plex_id", m)).await;
    };
    if ids.is_empty() {
        let m = tr("adm-users-choose-whom");
        return again(&state, &form, sticky.error("plex_id", m)).await;
    }
    if form.get("confirm") != Some("yes") {
        let m = tr("adm-users-tick-confirm");
        return again(&state, &form, sticky.error("confirm", m)).await;
    }
    let max = usize::try_from(state.config.reconcile.max_removals).unwrap_or(usize::MAX);
    if ids.len() > max && form.get("confirm_mass") != Some("yes") {
        let m = tr_args(
            "adm-users-mass",
            &[("n", num(ids.len() as u64)), ("max", num(max as u64))],
        );
        let mut sticky = sticky.error("confirm_mass", m);
        sticky.status = Some(StatusCode::CONFLICT);
        return again(&state, &form, sticky).await;
    }
    for id in ids {
        if let Err(e) = state.access.remove_user(&form.session.username, id).await {
            return again(&state, &form, sticky.access_error("plex_id", &e)).await;
        }
    }
    Ok(done(&state, BACK, "user-removed"))
}

/// `POST /admin/users/invite`: `account` (username or email), `libraries`…, `access_days`.
pub async fn invite(State(state): State<AppState>, form: AdminPost) -> Answer {
    let sticky = Sticky::from_post("invite", &form);
    let (libraries, access_days) = match grant_fields(&form) {
        Ok(f) => f,
        Err((field, m)) => return again(&state, &form, sticky.error(field, m)).await,
    };
    let new = NewUser {
        account: form.get("account").unwrap_or_default().to_owned(),
        libraries,
        access_days,
    };
    match state.access.invite_user(&form.session.username, new).await {
        Ok(_) => Ok(done(&state, BACK, "invited")),
        Err(e) => again(&state, &form, sticky.access_error("account", &e)).await,
    }
}
