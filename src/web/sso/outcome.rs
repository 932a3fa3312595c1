//! The end of a sign-in that started at `/sso/login` (SPEC §8): the account session is made as
//! usual; an account that passes the app of `rd` goes there with a 303 (a fresh join first
//! sees "You're in" with "Continue to {app}"), one that does not gets the 403 page naming the
//! account and the app. An account named in the app's `users` gets a session without a share.

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::account;
use super::login::app_of_rd;
use crate::access::flows::FlowInfo;
use crate::access::signin::SignInOutcome;
use crate::app::AppState;
use crate::plex::PlexUser;
use crate::store::FlowPurpose;
use crate::web::error::PageError;
use crate::web::outcome::{self, ContinueTo, joined_page, not_allowed, with_sessions};
use crate::web::sessions::see_other;
use crate::web::views;

/// The answer for a finished `join` flow carrying a valid `rd`.
pub async fn respond(
    state: &AppState,
    headers: &HeaderMap,
    rd: &str,
    o: SignInOutcome,
) -> Response {
    match o {
        SignInOutcome::Admin { user, .. } => to_app(state, headers, rd, &user, true, None).await,
        SignInOutcome::AlreadyIn { user, .. } => {
            to_app(state, headers, rd, &user, false, None).await
        }
        SignInOutcome::Joined { user, grant } => {
            to_app(state, headers, rd, &user, false, Some((grant, false))).await
        }
        SignInOutcome::SettingUp { user, grant } => {
            to_app(state, headers, rd, &user, false, Some((grant, true))).await
        }
        SignInOutcome::NotAllowed {
            user,
            request_token,
        } => {
            if passes(state, rd, &user).await {
                to_app(state, headers, rd, &user, false, None).await
            } else {
                not_allowed(state, &user, request_token.as_deref())
            }
        }
        other => {
            // Refusals and failures look exactly as without `rd`.
            let flow = FlowInfo {
                purpose: FlowPurpose::Join,
                invite_code_hash: None,
                next: None,
                rd: None,
            };
            Box::pin(outcome::respond(state, headers, &flow, Ok(other))).await
        }
    }
}

/// Whether `user` passes the app of `rd` now (after [`account::remember`] pinned them).
async fn passes(state: &AppState, rd: &str, user: &PlexUser) -> bool {
    if let Err(e) = account::remember(state, user).await {
        tracing::warn!(error = %e, "keeping a forward-auth profile failed");
        return false;
    }
    match account::who(state, user.id, &account::profile_of(user)).await {
        Ok(who) => super::login::account_passes_rd(state, &who, rd).await,
        Err(e) => {
            tracing::warn!(error = %e, "judging a forward-auth sign-in failed");
            false
        }
    }
}

async fn to_app(
    state: &AppState,
    headers: &HeaderMap,
    rd: &str,
    user: &PlexUser,
    admin: bool,
    joined: Option<(crate::access::GrantView, bool)>,
) -> Response {
    let ok = passes(state, rd, user).await;
    let (_, name) = app_of_rd(state, rd).await;
    let page = match (&joined, ok) {
        (Some((grant, setting_up)), _) if ok || *setting_up => {
            let cont = ok.then(|| ContinueTo {
                href: rd.to_owned(),
                name: name.clone(),
            });
            joined_page(state, user, grant, *setting_up, cont).await
        }
        (_, true) => see_other(rd),
        (_, false) => views::error_response(
            state,
            &PageError::new(
                StatusCode::FORBIDDEN,
                "No access",
                format!(
                    "You are signed in with Plex as {}, but that account may not open {name}.",
                    user.username
                ),
            ),
        ),
    };
    if ok {
        let who = Some((user.username.as_str(), user.id));
        account::record(state, "sso_signin", who, None, "ok", name).await;
    }
    with_sessions(state, headers, user, admin, page).await
}
