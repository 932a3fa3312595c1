//! Server-side sessions (SPEC §2.3, §3): created with a fresh id at every sign-in (rotation,
//! so a planted cookie never becomes a signed-in one), looked up with the idle and lifetime
//! limits from `Timing` and the injected clock, destroyed at sign-out. The extractors
//! [`AccountSession`] and [`AdminSession`] make a handler unreachable without one (style.md #6).

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::cookies::{self, Which};
use super::error::PageError;
use crate::clock::{Timing, UnixTime};
use crate::crypto::{random_token, sha256_hex};
use crate::i18n::tr;
use crate::store::{Session, SessionKind, StoreError};
use crate::web::AppState;

/// `last_seen_at` is written at most this often (seconds), so browsing is not a write per page.
const TOUCH_EVERY_SECS: i64 = 300;

fn secs(d: std::time::Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

/// Whether `s` has ended at `now` (the same rule the sweeper applies).
pub fn expired(s: &Session, now: UnixTime, timing: &Timing) -> bool {
    let idle = now.saturating_sub(s.last_seen_at);
    match s.kind {
        SessionKind::Account => {
            idle >= secs(timing.session_idle)
                || now.saturating_sub(s.created_at) >= secs(timing.session_lifetime)
        }
        SessionKind::Admin => idle >= secs(timing.admin_idle),
    }
}

/// Starts a session and returns the cookie value (the only copy of the id).
pub async fn create(
    state: &AppState,
    kind: SessionKind,
    plex_id: u64,
    username: &str,
) -> Result<String, StoreError> {
    let id = cookies::new_id();
    let now = state.clock.unix();
    let session = Session {
        kind,
        plex_id,
        username: username.to_owned(),
        created_at: now,
        last_seen_at: now,
        csrf: random_token(32),
    };
    let hash = sha256_hex(&id);
    state
        .store
        .write(move |tx| tx.put_session(&hash, &session))
        .await?;
    Ok(id)
}

/// The live session of `kind` behind cookie value `id`. An ended one is deleted; an active
/// one has `last_seen_at` refreshed when it is older than a few minutes.
pub async fn lookup(
    state: &AppState,
    kind: SessionKind,
    id: &str,
) -> Result<Option<Session>, StoreError> {
    let hash = sha256_hex(id);
    let h = hash.clone();
    let Some(mut session) = state.store.read(move |tx| tx.get_session(&h)).await? else {
        return Ok(None);
    };
    if session.kind != kind {
        return Ok(None);
    }
    let now = state.clock.unix();
    let touch_every = TOUCH_EVERY_SECS.min(
        secs(match kind {
            SessionKind::Account => state.timing.session_idle,
            SessionKind::Admin => state.timing.admin_idle,
        }) / 4,
    );
    if expired(&session, now, &state.timing) {
        state
            .store
            .write(move |tx| tx.delete_session(&hash).map(|_| ()))
            .await?;
        return Ok(None);
    }
    if now.saturating_sub(session.last_seen_at) >= touch_every {
        session.last_seen_at = now;
        let s = session.clone();
        state
            .store
            .write(move |tx| tx.put_session(&hash, &s))
            .await?;
    }
    Ok(Some(session))
}

/// Ends the session behind cookie value `id` (whatever its kind).
pub async fn destroy(state: &AppState, id: &str) -> Result<(), StoreError> {
    let hash = sha256_hex(id);
    // Forward auth caches account sessions: an ended one must fail the very next check.
    state.sso.forget(&hash);
    state
        .store
        .write(move |tx| tx.delete_session(&hash).map(|_| ()))
        .await
}

/// The session behind this request's cookie of `which`, if any.
async fn from_cookie(
    parts: &Parts,
    state: &AppState,
    which: Which,
    kind: SessionKind,
) -> Result<Option<Session>, PageError> {
    let Some(id) = cookies::get(&parts.headers, &state.config, which) else {
        return Ok(None);
    };
    lookup(state, kind, &id)
        .await
        .map_err(|e| super::views::store_error_page(&e))
}

/// A signed-in Plex account (any allowed sign-in). Without one the request is refused.
#[derive(Debug, Clone)]
pub struct AccountSession(pub Session);

/// An owner or co-admin. Anonymous visitors are sent to `/admin/signin`; a signed-in account
/// that is not an admin gets a 403 page.
#[derive(Debug, Clone)]
pub struct AdminSession(pub Session);

impl FromRequestParts<AppState> for AccountSession {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        from_cookie(parts, state, Which::Account, SessionKind::Account)
            .await?
            .map(AccountSession)
            .ok_or_else(|| {
                PageError::new(
                    StatusCode::UNAUTHORIZED,
                    "Please sign in",
                    "This page needs you to sign in with Plex first.",
                )
            })
    }
}

impl OptionalFromRequestParts<AppState> for AccountSession {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, PageError> {
        Ok(
            from_cookie(parts, state, Which::Account, SessionKind::Account)
                .await?
                .map(AccountSession),
        )
    }
}

/// Why an admin page refused the request.
#[derive(Debug)]
pub enum AdminRejection {
    /// Nobody signed in: 303 to the admin sign-in page (this location).
    SignIn(String),
    /// A page (403 for a non-admin, 500 for a store failure).
    Page(PageError),
    /// An admin whose admin session ended (idle, signed out elsewhere) but whose account
    /// session lives: a 403 page whose button signs in again (never the admin page itself).
    SignInAgain(Response),
}

impl IntoResponse for AdminRejection {
    fn into_response(self) -> Response {
        match self {
            AdminRejection::SignIn(location) => see_other(&location),
            AdminRejection::Page(e) => e.into_response(),
            AdminRejection::SignInAgain(resp) => resp,
        }
    }
}

/// The 403 page for a signed-in account that is not an admin.
pub fn not_admin_page() -> PageError {
    PageError::new(
        StatusCode::FORBIDDEN,
        tr("err-admins-only-title"),
        tr("err-admins-only"),
    )
}

impl FromRequestParts<AppState> for AdminSession {
    type Rejection = AdminRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, AdminRejection> {
        let admin = from_cookie(parts, state, Which::Admin, SessionKind::Admin)
            .await
            .map_err(AdminRejection::Page)?;
        if let Some(s) = admin {
            return Ok(AdminSession(s));
        }
        let account = from_cookie(parts, state, Which::Account, SessionKind::Account)
            .await
            .map_err(AdminRejection::Page)?;
        // The path as sent, without the public URL's prefix: exactly a `next`.
        let uri = parts.extensions.get::<axum::extract::OriginalUri>();
        let here = uri
            .and_then(|u| u.path_and_query())
            .map_or("/admin", |p| p.as_str());
        let here = here.strip_prefix(state.prefix()).unwrap_or(here);
        let next = super::next::local_path(here).unwrap_or_else(|| "/admin".to_owned());
        let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
        let sign_in = format!("{}/admin/signin?next={next}", state.prefix());
        match account {
            None => Err(AdminRejection::SignIn(sign_in)),
            Some(a) if is_admin_account(state, a.plex_id).await => {
                Err(AdminRejection::SignInAgain(sign_in_again(state, sign_in)))
            }
            Some(_) => Err(AdminRejection::Page(not_admin_page())),
        }
    }
}

/// The 403 page for an admin whose admin session ended: one button to sign in again.
fn sign_in_again(state: &AppState, href: String) -> Response {
    super::views::message(
        state,
        StatusCode::FORBIDDEN,
        &tr("err-admin-again-title"),
        &[tr("err-admin-again")],
        Some(super::views::Action {
            href,
            label: tr("sign-in-with-plex"),
        }),
    )
}

/// Whether the account is the owner or a co-admin pinned to it (an admin whose admin session
/// idled out is asked to sign in again rather than told they are not an admin).
async fn is_admin_account(state: &AppState, plex_id: u64) -> bool {
    if state.access.owner().is_some_and(|o| o.plex_id == plex_id) {
        return true;
    }
    if let Ok(Some(c)) = state.access.claimed_by().await
        && c.plex_id == plex_id
    {
        return true;
    }
    state
        .store
        .read(move |tx| tx.list_admins())
        .await
        .is_ok_and(|admins| admins.iter().any(|a| a.plex_id == Some(plex_id)))
}

/// A 303 to `location` (which we built: a local path or the configured plex.tv auth URL).
pub fn see_other(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(v) => {
            let mut resp = StatusCode::SEE_OTHER.into_response();
            resp.headers_mut().insert(header::LOCATION, v);
            resp
        }
        Err(e) => PageError::internal(&e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(kind: SessionKind, created_at: i64, last_seen_at: i64) -> Session {
        Session {
            kind,
            plex_id: 1,
            username: "alice".into(),
            created_at,
            last_seen_at,
            csrf: "c".into(),
        }
    }

    #[test]
    fn idle_and_lifetime_limits() {
        let t = Timing::default();
        let idle = secs(t.session_idle);
        let life = secs(t.session_lifetime);
        let admin_idle = secs(t.admin_idle);
        assert!(!expired(&session(SessionKind::Account, 0, 0), idle - 1, &t));
        assert!(expired(&session(SessionKind::Account, 0, 0), idle, &t));
        assert!(expired(
            &session(SessionKind::Account, 0, life - 1),
            life,
            &t
        ));
        assert!(!expired(
            &session(SessionKind::Admin, 0, 0),
            admin_idle - 1,
            &t
        ));
        assert!(expired(&session(SessionKind::Admin, 0, 0), admin_idle, &t));
    }
}
