//! The session extractors (style.md #6): [`AccountSession`] and [`AdminSession`] make a handler
//! unreachable without a live session behind the request's cookie. The sessions themselves
//! (fresh ids, idle and lifetime limits) are `access::sessions`.

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::cookies::{self, Which};
use super::error::PageError;
use crate::access::AccessError;
use crate::access::model::{Session, SessionKind};
use crate::crypto::sha256_hex;
use crate::i18n::tr;
use crate::web::AppState;

/// Ends the session behind cookie value `id` (whatever its kind).
pub async fn destroy(state: &AppState, id: &str) -> Result<(), AccessError> {
    // Forward auth caches account sessions: an ended one must fail the very next check.
    state.sso.forget(&sha256_hex(id));
    state.access.end_session(id).await
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
    state
        .access
        .session(kind, &id)
        .await
        .map_err(|e| super::views::access_error_page(&e))
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
            // An admin whose admin session idled out is asked to sign in again rather than
            // told they are not an admin.
            Some(a) if state.access.is_admin_account(a.plex_id).await => {
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

/// A 303 to `location` (which we built: a local path or the configured plex.tv auth URL).
pub fn see_other(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(v) => (StatusCode::SEE_OTHER, [(header::LOCATION, v)]).into_response(),
        Err(e) => PageError::internal(&e).into_response(),
    }
}
