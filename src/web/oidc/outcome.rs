//! The end of a Plex sign-in that started at `/oidc/authorize` (its flow's `next` is
//! `/oidc/resume?req=…`): the account session is made as usual and the browser returns to the
//! kept request, which then issues the code or shows the 403 page. An account without a grant
//! that the client's `users` names gets a session too (as for forward-auth apps).

use axum::http::HeaderMap;
use axum::response::Response;

use super::authorize::RESUME_PATH;
use super::clients;
use crate::access::RefusalKind;
use crate::access::flows::FlowInfo;
use crate::access::model::{FlowPurpose, PlexUser};
use crate::access::signin::SignInOutcome;
use crate::web::AppState;
use crate::web::outcome::{self, refused, with_sessions};
use crate::web::sessions::see_other;
use crate::web::sso::account;

/// Whether a flow's `next` returns to a kept authorize request.
pub fn is_resume(next: Option<&str>) -> bool {
    next.is_some_and(|n| n.starts_with(&format!("{RESUME_PATH}?req=")))
}

/// The answer for a finished `join` flow whose `next` is a resume path.
pub async fn respond(
    state: &AppState,
    headers: &HeaderMap,
    next: &str,
    o: SignInOutcome,
) -> Response {
    let back = see_other(&format!("{}{next}", state.prefix()));
    match o {
        SignInOutcome::Admin { user, .. } => with_sessions(state, headers, &user, true, back).await,
        SignInOutcome::AlreadyIn { user, .. }
        | SignInOutcome::Joined { user, .. }
        | SignInOutcome::SettingUp { user, .. } => {
            with_sessions(state, headers, &user, false, back).await
        }
        SignInOutcome::NotAllowed {
            user,
            request_token,
        } => {
            if named_by_client(state, next, &user).await {
                with_sessions(state, headers, &user, false, back).await
            } else {
                refused(
                    state,
                    &user,
                    RefusalKind::NotAllowed { request_token },
                    None,
                )
            }
        }
        other => {
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

/// Whether the client of the kept request lets `user` in without a grant (its `users`).
async fn named_by_client(state: &AppState, next: &str, user: &PlexUser) -> bool {
    let Some(id) = next.split_once("req=").map(|(_, id)| id) else {
        return false;
    };
    let Some(p) = state.oidc.pending(id, state.access.clock().unix()) else {
        return false;
    };
    if let Err(e) = account::remember(state, user).await {
        tracing::warn!(error = %e, "keeping an account profile failed");
        return false;
    }
    let Ok(Some(client)) = clients::find(state, Some(&p.request.client_id)).await else {
        return false;
    };
    let Ok(facts) = clients::facts(state, user.id).await else {
        return false;
    };
    clients::passes(state, &client, &facts.who)
        .await
        .unwrap_or(false)
}
