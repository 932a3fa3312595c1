//! The owner's tools over the scripting API (SPEC §7): allowlist, default libraries and invite
//! links, against the real server (and the fake plex.tv where libraries are involved).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod offline;
mod with_plex;

use reqwest::{Method, StatusCode};
use serde_json::Value;

use plexgate::store::{Event, EventFilter};

use crate::support::{TestApp, client};

/// The bootstrap key every test app is started with; its events carry the actor `api.key`.
pub const KEY: &str = "test-key-tools-0123456789";

/// Calls `path` (under `/api/v1`) with the key and an optional JSON body; the status and the
/// parsed body (`Null` when empty).
pub async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let (status, text) = call_text(app, method, path, body).await;
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}"))
    };
    (status, value)
}

/// As [`call`], with the raw body text (to look for strings that must not appear).
pub async fn call_text(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, String) {
    call_as(app, KEY, method, path, body).await
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

/// Sends a raw body with the given content type (for malformed requests).
pub async fn send_raw(
    app: &TestApp,
    method: Method,
    path: &str,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> (StatusCode, Value) {
    let resp = client()
        .request(method, app.url(&format!("/api/v1{path}")))
        .bearer_auth(KEY)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = resp.status();
    (status, resp.json().await.unwrap())
}

/// Asserts an error answer's status and code; returns its message.
pub fn assert_error(got: &(StatusCode, Value), status: StatusCode, code: &str) -> String {
    assert_eq!(got.0, status, "{}", got.1);
    assert_eq!(got.1["error"]["code"], code, "{}", got.1);
    got.1["error"]["message"].as_str().unwrap().to_owned()
}

/// Every event, oldest first.
pub async fn events(app: &TestApp) -> Vec<Event> {
    let mut page = app
        .store()
        .read(|tx| tx.events_page(None, 1000, &EventFilter::default()))
        .await
        .unwrap();
    page.events.reverse();
    page.events
}

/// The kinds of the events recorded by the bootstrap key, oldest first.
pub async fn key_event_kinds(app: &TestApp) -> Vec<String> {
    events(app)
        .await
        .into_iter()
        .filter(|e| e.actor == "api.key")
        .map(|e| e.kind)
        .collect()
}
