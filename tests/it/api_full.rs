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

use reqwest::{Method, StatusCode};
use serde_json::Value;

pub use crate::api_tools::{KEY, assert_error, call, events};
use crate::support::{TestApp, client};

/// The app against the fake plex.tv with the bootstrap key (and extra settings).
pub async fn with_plex(vars: &[(&str, &str)]) -> TestApp {
    let mut all = vec![("PLEXGATE_API_KEY", KEY)];
    all.extend_from_slice(vars);
    TestApp::with_fake(&all).await
}

/// Calls `path` (under `/api/v1`) with `key`; the status and the raw body.
pub async fn call_as(
    app: &TestApp,
    key: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, String) {
    let mut req = client()
        .request(method, app.url(&format!("/api/v1{path}")))
        .bearer_auth(key);
    if let Some(body) = body {
        req = req.json(&body);
    }
    let resp = req.send().await.unwrap();
    (resp.status(), resp.text().await.unwrap())
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
