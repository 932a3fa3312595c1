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
use super::{Answer, Done, Steps, View, done, failed, grant_fields, library_refs, render};
use crate::access::model::{EventKind, GrantStatus};
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

/// A form's answer, or the page again with the failed form as sent and its error.
async fn again(state: &AppState, form: &AdminPost, steps: Steps) -> Answer {
    let sticky = match steps {
        Ok(resp) => return Ok(resp),
        Err(sticky) => sticky,
    };
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
    let steps = async {
        let refs = library_refs(&form.all("libraries")).map_err(|m| sticky.at("libraries", m))?;
        let refs = refs.ok_or_else(|| sticky.at("libraries", tr("adm-users-choose-library")))?;
        let change = UserChange {
            libraries: Some(refs),
            expires_at: None,
        };
        apply(&state, &form, plex_id, change, &sticky).await
    };
    again(&state, &form, steps.await).await
}

/// `POST /admin/users/{plex_id}/expiry`: `days=N` extends from the later of now and the
/// current expiry; `clear=1` removes the expiry.
pub async fn expiry(
    State(state): State<AppState>,
    Path(plex_id): Path<u64>,
    form: AdminPost,
) -> Answer {
    let sticky = Sticky::from_post(&format!("expiry-{plex_id}"), &form);
    let steps = async {
        let expires_at = if form.get("clear").is_some() {
            None
        } else {
            let days = match form.number::<u32>("days") {
                Ok(Some(d)) if (1..=3650).contains(&d) => i64::from(d),
                Ok(None) => return Err(sticky.at("days", tr("adm-users-days-type"))),
                _ => return Err(sticky.at("days", tr("adm-users-days-whole"))),
            };
            let current = state.access.grant_expiry(plex_id).await;
            let current = current.map_err(|e| sticky.refused("days", &e))?;
            let from = current.unwrap_or(0).max(state.access.clock().unix());
            Some(from.saturating_add(days * DAY))
        };
        let change = UserChange {
            libraries: None,
            expires_at: Some(expires_at),
        };
        apply(&state, &form, plex_id, change, &sticky).await
    };
    again(&state, &form, steps.await).await
}

async fn apply(
    state: &AppState,
    form: &AdminPost,
    plex_id: u64,
    change: UserChange,
    sticky: &Sticky,
) -> Steps {
    let field = if change.libraries.is_some() {
        "libraries"
    } else {
        "days"
    };
    let updated = state
        .access
        .update_user(&form.session.username, plex_id, change);
    updated.await.map_err(|e| sticky.refused(field, &e))?;
    Ok(done(state, BACK, "user-changed"))
}

/// `POST /admin/users/{plex_id}/sessions`: ends every session of the account (SPEC §8), so
/// every app behind forward auth asks it to sign in again on its next request.
pub async fn end_sessions(
    State(state): State<AppState>,
    Path(plex_id): Path<u64>,
    form: AdminPost,
) -> Answer {
    let ended = account::end_sessions(&state, plex_id).await;
    let n = ended.map_err(|e| failed(&e, BACK))?;
    let detail = format!("{n} sessions of {plex_id}");
    let actor = Some((form.session.username.as_str(), plex_id));
    account::record(&state, EventKind::SessionsEnded, actor, None, "ok", detail).await;
    Ok(done(&state, BACK, "sessions-ended"))
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
    let steps = async {
        let ids = ids.map_err(|_| sticky.at("plex_id", tr("adm-users-unknown")))?;
        if ids.is_empty() {
            return Err(sticky.at("plex_id", tr("adm-users-choose-whom")));
        }
        if form.get("confirm") != Some("yes") {
            return Err(sticky.at("confirm", tr("adm-users-tick-confirm")));
        }
        let max = usize::try_from(state.config.reconcile.max_removals).unwrap_or(usize::MAX);
        if ids.len() > max && form.get("confirm_mass") != Some("yes") {
            let m = tr_args(
                "adm-users-mass",
                &[("n", num(ids.len() as u64)), ("max", num(max as u64))],
            );
            let mut sticky = sticky.at("confirm_mass", m);
            sticky.status = Some(StatusCode::CONFLICT);
            return Err(sticky);
        }
        for id in ids {
            let removed = state.access.remove_user(&form.session.username, id);
            removed.await.map_err(|e| sticky.refused("plex_id", &e))?;
        }
        Ok(done(&state, BACK, "user-removed"))
    };
    again(&state, &form, steps.await).await
}

/// `POST /admin/users/invite`: `account` (username or email), `libraries`…, `access_days`.
pub async fn invite(State(state): State<AppState>, form: AdminPost) -> Answer {
    let sticky = Sticky::from_post("invite", &form);
    let steps = async {
        let (libraries, access_days) = grant_fields(&form).map_err(|e| sticky.field(e))?;
        let new = NewUser {
            account: form.get("account").unwrap_or_default().to_owned(),
            libraries,
            access_days,
        };
        let invited = state.access.invite_user(&form.session.username, new);
        invited.await.map_err(|e| sticky.refused("account", &e))?;
        Ok(done(&state, BACK, "invited"))
    };
    again(&state, &form, steps.await).await
}
