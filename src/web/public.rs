//! The friend's public pages around sign-in: an invite link's welcome page (`GET /i/{code}`),
//! which says what is wrong with a bad link before anyone signs in, and the "Ask for access"
//! form's target (`POST /request`) with its result page (`GET /request/sent`).

use std::collections::HashMap;
use std::sync::Mutex;

use axum::Form;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::client_ip::ClientIp;
use super::cookies::{self, Which};
use super::error::PageError;
use super::outcome::REFUSAL_TTL;
use super::pages::Site;
use super::sessions::{AccountSession, see_other};
use super::views::{self, access_error_page};
use crate::access::AccessError;
use crate::access::signin::InviteProblem;
use crate::i18n::{Lang, num, tr, tr_args};
use crate::sync::lock;
use crate::web::AppState;

/// Longer notes are refused (the form says so too).
pub const MAX_NOTE_CHARS: usize = 500;

/// Invite codes are base64url; anything longer than this is not one of ours.
const MAX_CODE_LEN: usize = 128;

/// More usable invite pages than this and the cache starts over.
const MAX_CACHED_INVITES: usize = 256;

#[derive(Serialize)]
struct InvitePage<'a> {
    welcome: &'a str,
    ready: bool,
    invite: &'a str,
    site: &'a Option<Site>,
}

/// Usable invite links' welcome pages as last rendered, by code, with what each was rendered
/// from (issue 23), as `GET /` is kept: the page is the same for every visitor of a link, so it
/// is rendered once per change of its inputs. Whether the link is still usable is asked on every
/// request (from the store's generation-checked invite cache and the clock), so a revoked,
/// expired or used-up link is refused on the very next request; an edited one (its libraries)
/// changes the site facts and is rendered again.
#[derive(Debug, Default)]
pub struct InvitePages(Mutex<HashMap<String, CachedInvite>>);

#[derive(Debug)]
struct CachedInvite {
    lang: Lang,
    site: Option<Site>,
    html: Bytes,
}

/// The page for an invite link that cannot be used.
pub fn invite_problem_page(problem: InviteProblem) -> PageError {
    let (status, id) = match problem {
        InviteProblem::Unknown => (StatusCode::NOT_FOUND, "invite-unknown"),
        InviteProblem::Expired => (StatusCode::GONE, "invite-expired"),
        InviteProblem::UsedUp => (StatusCode::GONE, "invite-used-up"),
        InviteProblem::Revoked => (StatusCode::GONE, "invite-revoked"),
        InviteProblem::TurnedOff => (StatusCode::NOT_FOUND, "invite-off"),
    };
    PageError::new(status, tr(&format!("{id}-title")), tr(id))
}

fn plausible_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= MAX_CODE_LEN
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `GET /i/{code}`: the welcome page whose button carries the invite, or why the link is bad.
/// A signed-in account that already used this link is sent to its access (`/me`).
pub async fn invite(
    State(state): State<AppState>,
    Path(code): Path<String>,
    session: Option<AccountSession>,
) -> Result<Response, PageError> {
    if !state.access.owner_configured() || !state.access.ready_for_friends() {
        return Err(views::not_ready());
    }
    if !plausible_code(&code) {
        return Err(invite_problem_page(InviteProblem::Unknown));
    }
    if let Some(AccountSession(s)) = session
        && state
            .access
            .invite_used_by(&code, s.plex_id)
            .await
            .map_err(|e| access_error_page(&e))?
    {
        return Ok(see_other(&format!("{}/me", state.prefix())));
    }
    let problem = state.access.invite_problem(&code).await;
    if let Some(problem) = problem.map_err(|e| access_error_page(&e))? {
        return Err(invite_problem_page(problem));
    }
    let lang = crate::i18n::current();
    let site = Site::load(&state, Some(&code)).await;
    let cache = &state.page_cache.invites.0;
    if let Some(c) = lock(cache).get(&code)
        && c.lang == lang
        && c.site == site
    {
        return Ok(Html(c.html.clone()).into_response());
    }
    let page = InvitePage {
        welcome: &tr("invite-text"),
        ready: true,
        invite: &code,
        site: &site,
    };
    let html = Bytes::from(state.render("index.html", &tr("invite-title"), &page)?.0);
    let mut cached = lock(cache);
    if cached.len() >= MAX_CACHED_INVITES && !cached.contains_key(&code) {
        cached.clear();
    }
    cached.insert(
        code,
        CachedInvite {
            lang,
            site,
            html: html.clone(),
        },
    );
    Ok(Html(html).into_response())
}

/// `GET /request` and `GET /auth/plex/result`: the page of a refused sign-in ("Not on the
/// list", an unusable invite link, not an admin), from the record its cookie names (10
/// minutes), so a reload or Back from "Request sent" shows the same outcome; once the request
/// was sent, "Not on the list" says so instead of offering the form again.
pub async fn refusal(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let url = &state.config.server.public_url;
    let found =
        cookies::get(&headers, url, Which::Refusal).and_then(|id| state.access.refusal(&id));
    match found {
        Some(refusal) => super::outcome::refusal_page(&state, &refusal),
        None => sign_in_first(&state),
    }
}

/// The "Ask for access" form.
#[derive(Debug, Deserialize)]
pub struct RequestForm {
    /// The one-use request token from the "Not on the list" page.
    #[serde(default)]
    token: String,
    /// An optional note for the owner.
    #[serde(default)]
    note: String,
}

/// `POST /request`: records the request for the account the token was issued to, then 303 to
/// `GET /request/sent` (post/redirect/get: a reload shows "Request sent" again and records
/// nothing). The same form posted again after it worked (a double click, Back and resubmit)
/// lands on "Request sent" too instead of "expired".
pub async fn request(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<RequestForm>,
) -> Response {
    let note = form.note.trim();
    if note.chars().count() > MAX_NOTE_CHARS {
        return PageError::new(
            StatusCode::BAD_REQUEST,
            tr("note-too-long-title"),
            tr_args("note-too-long", &[("max", num(MAX_NOTE_CHARS as u64))]),
        )
        .into_response();
    }
    let url = &state.config.server.public_url;
    let kept = cookies::get(&headers, url, Which::Refusal);
    let already_sent = || {
        kept.as_deref()
            .and_then(|id| state.access.refusal(id))
            .filter(|r| r.request_sent)
            .is_some()
    };
    if form.token.is_empty() || form.token.len() > 256 {
        return expired_request().into_response();
    }
    match state
        .access
        .request_access(&form.token, note, Some(ip))
        .await
    {
        Ok(req) => {
            let id = state
                .access
                .keep_request_sent(kept.as_deref(), &req.username);
            let cookie = cookies::set(url, Which::Refusal, &id, Some(REFUSAL_TTL));
            cookies::with(
                see_other(&format!("{}/request/sent", state.prefix())),
                &[cookie],
            )
        }
        Err(AccessError::Invalid(_) | AccessError::NotFound(_) | AccessError::FlowNotFound)
            if already_sent() =>
        {
            see_other(&format!("{}/request/sent", state.prefix()))
        }
        Err(AccessError::Invalid(_) | AccessError::NotFound(_) | AccessError::FlowNotFound) => {
            expired_request().into_response()
        }
        Err(e) => access_error_page(&e).into_response(),
    }
}

/// `GET /request/sent`: "Request sent" while the refusal record its cookie names says so
/// (10 minutes after the request); the form itself while it was not sent yet; else the plain
/// prompt of `GET /request`.
pub async fn request_sent(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let url = &state.config.server.public_url;
    let found =
        cookies::get(&headers, url, Which::Refusal).and_then(|id| state.access.refusal(&id));
    match found {
        Some(r) if r.request_sent => views::message(
            &state,
            StatusCode::OK,
            &tr("request-sent-title"),
            &[
                tr("request-sent-thanks"),
                tr("request-sent-email"),
                tr("request-sent-later"),
            ],
            views::Action::to(&state, "/", "back-to-start"),
        ),
        Some(_) => see_other(&format!("{}/request", state.prefix())),
        None => sign_in_first(&state),
    }
}

/// Where "Ask for access" starts without a kept refusal: sign in first.
fn sign_in_first(state: &AppState) -> Response {
    views::message(
        state,
        StatusCode::OK,
        &tr("ask-for-access"),
        &[tr("ask-sign-in-first")],
        views::Action::to(state, "/", "start"),
    )
}

fn expired_request() -> PageError {
    PageError::new(
        StatusCode::BAD_REQUEST,
        tr("request-expired-title"),
        tr("request-expired"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_before_any_lookup() {
        assert!(plausible_code("AbC_-123"));
        assert!(!plausible_code(""));
        assert!(!plausible_code("a/b"));
        assert!(!plausible_code(&"a".repeat(MAX_CODE_LEN + 1)));
    }
}
