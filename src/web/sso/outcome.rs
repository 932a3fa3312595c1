//! The forward-auth branch of a finished sign-in (`web::outcome`, SPEC §8): an account that
//! passes the app of `rd` goes there with a 303 (a fresh join first sees "You're in" with
//! "Continue to {app}"), one that does not gets the 403 page naming the account and the app.
//! An account named in the app's `users` gets a session without a share.

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::account;
use super::login::{app_of_rd, valid_rd};
use crate::access::model::{EventKind, PlexUser};
use crate::i18n::{arg, tr, tr_args};
use crate::web::AppState;
use crate::web::error::PageError;
use crate::web::outcome::{ContinueTo, Granted, welcome_location};
use crate::web::sessions::see_other;
use crate::web::views;

/// Whether `user` passes the app of `rd` now (after [`account::remember`] pinned them).
pub(crate) async fn passes(state: &AppState, rd: &str, user: &PlexUser) -> bool {
    if let Err(e) = account::remember(state, user).await {
        tracing::warn!(error = %e, "keeping a forward-auth profile failed");
        return false;
    }
    match state.access.who(user.id, &account::profile_of(user)).await {
        Ok(who) => super::login::account_passes_rd(state, &who, rd).await,
        Err(e) => {
            tracing::warn!(error = %e, "judging a forward-auth sign-in failed");
            false
        }
    }
}

/// The "Continue to {app}" button of the welcome page (`/me?welcome=1&rd=…`): only for a
/// valid `rd` whose app the signed-in account passes now.
pub async fn continue_to(state: &AppState, headers: &HeaderMap, rd: &str) -> Option<ContinueTo> {
    let rd = valid_rd(state, Some(rd))?;
    let cached = account::account(state, headers).await.ok()??;
    let who = state
        .access
        .who(cached.session.plex_id, &cached.profile)
        .await
        .ok()?;
    if !super::login::account_passes_rd(state, &who, &rd).await {
        return None;
    }
    let (_, name) = app_of_rd(state, &rd).await;
    Some(ContinueTo { href: rd, name })
}

/// Straight to `rd` when the account passes its app; a fresh join (or a share not accepted
/// yet that does not pass) first sees the welcome page; anyone else refused gets the 403 page.
pub(crate) async fn to_app(
    state: &AppState,
    rd: &str,
    user: &PlexUser,
    granted: Option<Granted>,
) -> Response {
    let ok = passes(state, rd, user).await;
    let (_, name) = app_of_rd(state, rd).await;
    // Not accepted yet: the honest "Almost there" for a first grant, or for anyone the app
    // does not let in yet; accepted: only a fresh join sees "You're in" before the app.
    let welcome = granted.is_some_and(|g| {
        if g.setting_up {
            g.fresh || !ok
        } else {
            g.fresh && ok
        }
    });
    let page = if welcome {
        see_other(&welcome_location(state, ok.then_some(rd)))
    } else if ok {
        see_other(rd)
    } else {
        views::error_response(
            state,
            &PageError::new(
                StatusCode::FORBIDDEN,
                tr("no-access-title"),
                tr_args(
                    "no-access",
                    &[
                        ("name", arg(user.username.as_str())),
                        ("app", arg(name.as_str())),
                    ],
                ),
            ),
        )
    };
    if ok {
        let who = Some((user.username.as_str(), user.id));
        account::record(state, EventKind::SsoSignin, who, None, "ok", name).await;
    }
    page
}
