//! A signed-in friend's own page (`GET /me`, SPEC §2.5) and signing out (`POST /auth/signout`),
//! which ends both sessions server-side and expires their cookies.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::client_ip::ClientIp;
use super::cookies::{self, Which};
use super::error::PageError;
use super::sessions::{self, AccountSession, see_other};
use super::views::{self, Action, GrantSummary, access_error_page, grant_summary};
use crate::access::GrantView;
use crate::access::model::{EventKind, GrantStatus, SessionKind};
use crate::crypto::ct_eq;
use crate::i18n::tr;
use crate::web::AppState;

#[derive(Serialize)]
struct MePage<'a> {
    username: &'a str,
    grant: Option<GrantSummary>,
    csrf: &'a str,
    /// Forward auth: the apps this account may open (SPEC §8).
    apps: Vec<super::sso::account::AppLink>,
}

/// `GET /me`'s query.
#[derive(Debug, Deserialize)]
pub struct MeQuery {
    /// Set by a sign-in that led to access: show its outcome ("You're in" / "Almost there").
    welcome: Option<String>,
    /// Forward auth: the app to continue to (checked again here).
    rd: Option<String>,
}

/// `GET /me`: the account's libraries, expiry and status, and a sign-out button; without a
/// session, a button that signs in and comes back here. With `?welcome=1` (where a sign-in
/// sends the browser), the account's grant as "You're in" when its share is accepted, or
/// "Almost there" when it is not yet, so reloading shows the same truth.
pub async fn me(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<MeQuery>,
    session: Option<AccountSession>,
) -> Result<Response, PageError> {
    let Some(AccountSession(session)) = session else {
        return Ok(views::message(
            &state,
            StatusCode::OK,
            &tr("me-title"),
            &[tr("me-sign-in-first")],
            Action::to(&state, "/auth/plex?next=/me", "sign-in-with-plex"),
        ));
    };
    let grant = state.access.grant_view(session.plex_id).await;
    let grant = grant.map_err(|e| access_error_page(&e))?;
    if q.welcome.is_some()
        && let Some(g) = grant.as_ref().filter(|g| shows_welcome(&state, g))
    {
        let cont = match q.rd.as_deref() {
            Some(rd) => super::sso::outcome::continue_to(&state, &headers, rd).await,
            None => None,
        };
        super::lang::return_here("/me?welcome=1".to_owned());
        return Ok(super::outcome::joined_page(&state, &session.username, g, cont).await);
    }
    let page = MePage {
        username: &session.username,
        grant: grant
            .as_ref()
            .map(|g| grant_summary(g, state.access.clock().unix())),
        csrf: &session.csrf,
        apps: super::sso::account::apps_for(&state, session.plex_id, &session.username).await,
    };
    Ok(state
        .render("me.html", &tr("me-title"), &page)?
        .into_response())
}

/// Whether a grant is one a sign-in's welcome shows: recorded and not removed or expired.
fn shows_welcome(state: &AppState, g: &GrantView) -> bool {
    g.status != GrantStatus::Removed && g.expires_at.is_none_or(|t| t > state.access.clock().unix())
}

/// The sign-out form.
#[derive(Debug, Deserialize)]
pub struct SignOutForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /auth/signout`: needs the CSRF token of one of the browser's sessions; ends both.
pub async fn sign_out(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<SignOutForm>,
) -> Response {
    let url = &state.config;
    let mut live = Vec::new();
    let kinds = [
        (Which::Account, SessionKind::Account),
        (Which::Admin, SessionKind::Admin),
    ];
    for (which, kind) in kinds {
        let Some(id) = cookies::get(&headers, url, which) else {
            continue;
        };
        match state.access.session(kind, &id).await {
            Ok(Some(s)) => live.push((id, s)),
            Ok(None) => {}
            Err(e) => return PageError::internal(&e).into_response(),
        }
    }
    if !live.is_empty()
        && !live
            .iter()
            .any(|(_, s)| ct_eq(s.csrf.as_bytes(), form.csrf.as_bytes()))
    {
        return PageError::new(
            StatusCode::BAD_REQUEST,
            tr("stale-form-title"),
            tr("stale-form"),
        )
        .into_response();
    }
    for (id, _) in &live {
        if let Err(e) = sessions::destroy(&state, id).await {
            return PageError::internal(&e).into_response();
        }
    }
    if let Some((_, s)) = live.first() {
        let (ip, detail) = (Some(ip.to_string()), String::new());
        let record = state.access.record(
            EventKind::Signout,
            &s.username,
            Some(s.plex_id),
            ip,
            "ok",
            detail,
        );
        record.await;
    }
    let expired = [Which::Account, Which::Admin].map(|w| cookies::expire(url, w));
    cookies::with(
        see_other(&format!("{}/signed-out", state.prefix())),
        &expired,
    )
}

/// `GET /signed-out`: where signing out lands.
pub async fn signed_out(State(state): State<AppState>) -> Response {
    views::message(
        &state,
        StatusCode::OK,
        &tr("signed-out-title"),
        &[tr("signed-out-text")],
        Action::to(&state, "/", "back-to-start"),
    )
}
