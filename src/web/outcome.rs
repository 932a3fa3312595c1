//! Turns the access layer's sign-in decision into sessions and the page the friend sees
//! (SPEC §2.3-2.4). Sessions always get fresh ids here (rotation at every sign-in), and any
//! session the browser brought along is ended first.

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::cookies::{self, Which};
use super::next::is_admin_path;
use super::oidc::outcome::{is_resume, named_by_client};
use super::public::invite_problem_page;
use super::ratelimit::retry_after_secs;
use super::sessions::{self, not_admin_page, see_other};
use super::sso::outcome as sso_outcome;
use super::views::{self, GrantSummary, access_error_page, grant_summary, onboarding_html};
use crate::access::flows::FlowInfo;
use crate::access::model::{GrantStatus, PlexUser, SessionKind};
use crate::access::signin::{GrantChange, SignInOutcome};
use crate::access::{AccessError, GrantView, Refusal, RefusalKind};
use crate::i18n::tr;
use crate::web::AppState;

/// The "You're in" / "Almost there" page.
#[derive(Serialize)]
pub struct JoinedPage<'a> {
    /// The Plex account signed in.
    pub username: &'a str,
    /// What they have.
    pub grant: GrantSummary,
    /// Recorded but not finished: "you will get an email from Plex".
    pub setting_up: bool,
    /// The owner's onboarding text, sanitised HTML.
    pub onboarding: String,
    /// Forward auth: "Continue to {app}" after a fresh join (SPEC §8).
    pub continue_to: Option<ContinueTo>,
}

/// A button back to the app the sign-in started from.
#[derive(Serialize)]
pub struct ContinueTo {
    /// The validated `rd`.
    pub href: String,
    /// The app's name.
    pub name: String,
}

/// The "Not on the list" page.
#[derive(Serialize)]
pub struct NotAllowedPage<'a> {
    /// The Plex account signed in (escaped by the template).
    pub username: &'a str,
    /// The one-use "Ask for access" token, when a request can still be made.
    pub request_token: Option<&'a str>,
    /// The longest note accepted.
    pub max_note: usize,
    /// Forward auth: carried by "Sign in with another account".
    pub rd: Option<&'a str>,
}

/// What a granting sign-in means for the way back to an app.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Granted {
    /// A first grant: "You're in" (or "Almost there") before the app.
    pub fresh: bool,
    /// The share is not accepted yet.
    pub setting_up: bool,
}

/// Where a finished sign-in returns: the app of a forward-auth `rd`, a kept OIDC authorize
/// request (`next` is its resume path), or plexgate's own pages (`next`, else the welcome).
#[derive(Debug, Clone, Copy)]
enum Back<'a> {
    App(&'a str),
    Oidc(&'a str),
    Pages(Option<&'a str>),
}

/// The response for a finished sign-in: a 303 to a page that shows the outcome from the
/// account session (`/me?welcome=1`) or, for a refusal, from a short-lived record (`/request`),
/// so a reload, or Back from a later page, shows the same truth and never replays the flow.
/// An account without a grant that the app or OIDC client names in its `users` is let in.
pub async fn respond(
    state: &AppState,
    headers: &HeaderMap,
    flow: &FlowInfo,
    result: Result<SignInOutcome, AccessError>,
) -> Response {
    let outcome = match result {
        Ok(o) => o,
        Err(e) => return views::error_response(state, &access_error_page(&e)),
    };
    let back = match (flow.rd.as_deref(), flow.next.as_deref()) {
        (Some(rd), _) => Back::App(rd),
        (None, Some(next)) if is_resume(next) => Back::Oidc(next),
        (None, next) => Back::Pages(next),
    };
    let granted = |change: GrantChange, setting_up: bool| {
        Some(Granted {
            fresh: change == GrantChange::Joined,
            setting_up,
        })
    };
    match outcome {
        SignInOutcome::Admin { user, .. } => {
            signed_in(state, headers, back, &user, true, None).await
        }
        SignInOutcome::AlreadyIn { user, .. } => {
            signed_in(state, headers, back, &user, false, None).await
        }
        SignInOutcome::Joined { user, change, .. } => {
            let g = granted(change, false);
            signed_in(state, headers, back, &user, false, g).await
        }
        SignInOutcome::SettingUp { user, change, .. } => {
            let g = granted(change, true);
            signed_in(state, headers, back, &user, false, g).await
        }
        SignInOutcome::NotAllowed {
            user,
            request_token,
        } => {
            let (named, rd) = match back {
                Back::App(rd) => (sso_outcome::passes(state, rd, &user).await, Some(rd)),
                Back::Oidc(next) => (named_by_client(state, next, &user).await, None),
                Back::Pages(_) => (false, None),
            };
            if named {
                signed_in(state, headers, back, &user, false, None).await
            } else {
                refused(state, &user, RefusalKind::NotAllowed { request_token }, rd)
            }
        }
        SignInOutcome::NotAdmin { user } => refused(state, &user, RefusalKind::NotAdmin, None),
        SignInOutcome::InviteRefused { user, problem } => {
            refused(state, &user, RefusalKind::InviteRefused(problem), None)
        }
        SignInOutcome::NotConfigured { .. } => views::error_response(state, &views::not_ready()),
        SignInOutcome::Unavailable { retry_after } => views::error_response(
            state,
            &views::nothing_recorded(retry_after_secs(retry_after)),
        ),
    }
}

/// Sessions for a let-in account and the way back: the app (see [`sso_outcome::to_app`]), the
/// kept authorize request, or an admin page for an admin sign-in, else `next` (a share not
/// accepted yet always sees the welcome page).
async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
    back: Back<'_>,
    user: &PlexUser,
    admin: bool,
    granted: Option<Granted>,
) -> Response {
    let prefixed = |path: &str| see_other(&format!("{}{path}", state.prefix()));
    let page = match back {
        Back::App(rd) => sso_outcome::to_app(state, rd, user, granted).await,
        Back::Oidc(next) => prefixed(next),
        Back::Pages(next) if admin => {
            prefixed(next.filter(|n| is_admin_path(n)).unwrap_or("/admin"))
        }
        Back::Pages(next) => match next.filter(|_| !granted.is_some_and(|g| g.setting_up)) {
            Some(next) => prefixed(next),
            None => see_other(&welcome_location(state, None)),
        },
    };
    with_sessions(state, headers, user, admin, page).await
}

/// The page that shows an account's sign-in outcome from its session: `/me?welcome=1`, with
/// the app to continue to after a forward-auth sign-in.
pub(crate) fn welcome_location(state: &AppState, rd: Option<&str>) -> String {
    match rd {
        Some(rd) => {
            let enc: String = url::form_urlencoded::byte_serialize(rd.as_bytes()).collect();
            format!("{}/me?welcome=1&rd={enc}", state.prefix())
        }
        None => format!("{}/me?welcome=1", state.prefix()),
    }
}

/// A refusal is kept for 10 minutes behind a cookie of its own and the browser is sent to the
/// page that shows it: `GET /request` for "Not on the list" (where "Ask for access" posts; its
/// 303 goes to `GET /request/sent`, and Back from there lands here again), `GET /auth/plex/result` for the others. No session is
/// made for a refused account.
pub(crate) fn refused(
    state: &AppState,
    user: &PlexUser,
    kind: RefusalKind,
    rd: Option<&str>,
) -> Response {
    let path = match kind {
        RefusalKind::NotAllowed { .. } => "/request",
        _ => "/auth/plex/result",
    };
    let id = state.access.keep_refusal(user, kind, rd);
    let url = &state.config.server.public_url;
    let cookie = cookies::set(url, Which::Refusal, &id, Some(REFUSAL_TTL));
    cookies::with(see_other(&format!("{}{path}", state.prefix())), &[cookie])
}

/// The page of a kept refusal.
pub(crate) fn refusal_page(state: &AppState, refusal: &Refusal) -> Response {
    match &refusal.kind {
        RefusalKind::NotAllowed { request_token } => not_allowed(
            state,
            &refusal.username,
            request_token.as_deref(),
            refusal.rd.as_deref(),
        ),
        RefusalKind::InviteRefused(problem) => {
            views::error_response(state, &invite_problem_page(*problem))
        }
        RefusalKind::NotAdmin => views::error_response(state, &not_admin_page()),
    }
}

/// How long a refusal's page can be shown again (its request token's lifetime).
pub(crate) const REFUSAL_TTL: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Ends the sessions the browser brought, starts fresh ones (account, plus admin when `admin`)
/// and puts their cookies on `resp`. If the store fails, nobody is signed in: a 500 page.
pub(crate) async fn with_sessions(
    state: &AppState,
    headers: &HeaderMap,
    user: &PlexUser,
    admin: bool,
    resp: Response,
) -> Response {
    if (state.config.sso.enabled || state.config.oidc.enabled)
        && let Err(e) = super::sso::account::remember(state, user).await
    {
        tracing::warn!(error = %e, "keeping a forward-auth profile failed");
    }
    match start_sessions(state, headers, user, admin).await {
        Ok(set_cookies) => cookies::with(resp, &set_cookies),
        Err(e) => views::error_response(state, &access_error_page(&e)),
    }
}

async fn start_sessions(
    state: &AppState,
    headers: &HeaderMap,
    user: &PlexUser,
    admin: bool,
) -> Result<Vec<String>, AccessError> {
    let url = &state.config;
    for which in [Which::Account, Which::Admin] {
        if let Some(old) = cookies::get(headers, url, which) {
            sessions::destroy(state, &old).await?;
        }
    }
    let account = state
        .access
        .create_session(SessionKind::Account, user.id, &user.username)
        .await?;
    let mut out = vec![cookies::set(
        url,
        Which::Account,
        &account,
        Some(state.access.timing().session_lifetime),
    )];
    if admin {
        let id = state
            .access
            .create_session(SessionKind::Admin, user.id, &user.username)
            .await?;
        // A browser-session cookie: the server's idle limit does the rest.
        out.push(cookies::set(url, Which::Admin, &id, None));
    } else if cookies::get(headers, url, Which::Admin).is_some() {
        out.push(cookies::expire(url, Which::Admin));
    }
    Ok(out)
}

/// "You're in" (an accepted share) or "Almost there" (recorded or shared, not accepted yet).
pub(crate) async fn joined_page(
    state: &AppState,
    username: &str,
    grant: &GrantView,
    continue_to: Option<ContinueTo>,
) -> Response {
    let setting_up = grant.status != GrantStatus::Accepted;
    let title = tr(if setting_up {
        "almost-title"
    } else {
        "joined-title"
    });
    let page = JoinedPage {
        username,
        grant: grant_summary(grant, state.access.clock().unix()),
        setting_up,
        onboarding: onboarding_html(state).await,
        continue_to,
    };
    match state.render("joined.html", &title, &page) {
        Ok(html) => (StatusCode::OK, html).into_response(),
        Err(e) => views::error_response(state, &e),
    }
}

/// The "Not on the list" page (403): names the account, offers "Ask for access" while the
/// token works, and another account.
fn not_allowed(
    state: &AppState,
    username: &str,
    request_token: Option<&str>,
    rd: Option<&str>,
) -> Response {
    let page = NotAllowedPage {
        username,
        request_token,
        max_note: super::public::MAX_NOTE_CHARS,
        rd,
    };
    match state.render("not_allowed.html", &tr("not-allowed-title"), &page) {
        Ok(html) => (StatusCode::FORBIDDEN, html).into_response(),
        Err(e) => views::error_response(state, &e),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::web::templates::{Chrome, Templates};

    const EVIL: &str = "<script>alert(1)</script>";

    fn chrome() -> Chrome<'static> {
        Chrome {
            prefix: "/p",
            title: "t",
        }
    }

    #[test]
    fn not_allowed_page_escapes_the_username() {
        let t = Templates::new().unwrap();
        let page = NotAllowedPage {
            username: EVIL,
            request_token: Some("tok\"en"),
            max_note: 500,
            rd: Some("https://a.example.com/\"x"),
        };
        let html = t.render("not_allowed.html", &chrome(), &page).unwrap().0;
        assert!(!html.contains(EVIL), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"),
            "{html}"
        );
        assert!(!html.contains("tok\"en"));
        assert!(!html.contains("/\"x"));
        assert!(html.contains("Ask for access"));
        assert!(html.contains("Sign in with another account"));
    }

    #[test]
    fn joined_page_escapes_grant_strings_and_keeps_sanitised_onboarding() {
        let t = Templates::new().unwrap();
        let grant = GrantView {
            server_name: EVIL.into(),
            libraries: vec![EVIL.into()],
            expires_at: None,
            status: GrantStatus::Accepted,
        };
        let page = JoinedPage {
            username: EVIL,
            grant: grant_summary(&grant, 0),
            setting_up: false,
            onboarding: views::render_markdown("hi <script>x()</script> [a](javascript:y())"),
            continue_to: Some(ContinueTo {
                href: "https://a.example.com/\"x".into(),
                name: EVIL.into(),
            }),
        };
        let html = t.render("joined.html", &chrome(), &page).unwrap().0;
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("https://app.plex.tv/desktop"));
    }
}
