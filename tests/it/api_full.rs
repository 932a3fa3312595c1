//! The rest of the scripting API (SPEC §7): users, events, requests, co-admins, the reconciler,
//! API keys and backups, against the real server and the built-in fake plex.tv; plus the walks
//! over the whole route table (anonymous refusal, the OpenAPI document).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod admins_events;
mod keys;
mod reconcile;
mod requests;
mod routes;
mod users;

pub use crate::api_tools::{KEY, assert_error, call, call_as, events};
use crate::support::TestApp;

/// The app against the fake plex.tv with the bootstrap key (and extra settings).
pub async fn with_plex(vars: &[(&str, &str)]) -> TestApp {
    let mut all = vec![("PLEXGATE_API_KEY", KEY)];
    all.extend_from_slice(vars);
    TestApp::with_fake(&all).await
}

/// The events recorded with `actor`, oldest first, as `(kind, plex_id)`.
pub async fn by_actor(app: &TestApp, actor: &str) -> Vec<(String, Option<u64>)> {
    events(app)
        .await
        .into_iter()
        .filter(|e| e.actor == actor)
        .map(|e| (e.kind, e.plex_id))
        .collect()
}
