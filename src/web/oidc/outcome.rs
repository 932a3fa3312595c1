//! The OIDC branch of a finished sign-in (`web::outcome`): a sign-in that started at
//! `/oidc/authorize` (its flow's `next` is `/oidc/resume?req=…`) returns to the kept request,
//! which then issues the code or shows the 403 page. An account without a grant that the
//! client's `users` names gets a session too (as for forward-auth apps).

use super::authorize::RESUME_PATH;
use super::clients;
use crate::access::model::PlexUser;
use crate::web::AppState;
use crate::web::sso::account;

/// Whether a flow's `next` returns to a kept authorize request.
pub fn is_resume(next: &str) -> bool {
    next.starts_with(&format!("{RESUME_PATH}?req="))
}

/// Whether the client of the kept request lets `user` in without a grant (its `users`).
pub(crate) async fn named_by_client(state: &AppState, next: &str, user: &PlexUser) -> bool {
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
