//! Stored API keys: created by a key, shown once, hashed at rest; a created key works and is
//! the actor of its changes; a revoked one is refused; the key never appears again.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{KEY, assert_error, by_actor, call, call_as};
use crate::support::TestApp;

#[tokio::test]
async fn a_created_key_works_a_revoked_one_is_refused_and_the_key_never_shows_again() {
    let app = TestApp::start_with(&[("PLEXGATE_API_KEY", KEY)]).await;
    let (status, created) = call(
        &app,
        Method::POST,
        "/keys",
        Some(json!({"name": " deploy "})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["name"], "deploy");
    let secret = created["key"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("pgk_") && secret.len() > 40, "{secret}");
    let id = created["id"].as_u64().unwrap();

    // Stored hashed: the key is nowhere in the database file.
    let stored = app.store().read(|tx| tx.list_api_keys()).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].hash, secret);
    let db = std::fs::read(app.store().path()).unwrap();
    assert!(!db.windows(secret.len()).any(|w| w == secret.as_bytes()));

    // It works, and acts under its name.
    let (status, text) = call_as(&app, &secret, Method::GET, "/status", None).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let (status, text) = call_as(
        &app,
        &secret,
        Method::POST,
        "/admins",
        Some(json!({"account": "carol"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    assert_eq!(
        by_actor(&app, "deploy").await,
        [("admin_add".to_owned(), None)]
    );
    let (_, list) = call(&app, Method::GET, "/keys", None).await;
    let listed = &list["keys"][0];
    assert_eq!(listed["name"], "deploy");
    assert!(listed["last_used_at"].is_string(), "{list}");
    assert_eq!(listed.as_object().unwrap().len(), 4, "{listed}");

    // A second key with the same name is a conflict; bad names are refused.
    let dup = call(&app, Method::POST, "/keys", Some(json!({"name": "DEPLOY"}))).await;
    assert_error(&dup, StatusCode::CONFLICT, "conflict");
    for bad in ["", "api.key", "reconciler"] {
        let got = call(&app, Method::POST, "/keys", Some(json!({"name": bad}))).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }

    // The key never appears in any later answer.
    for path in ["/keys", "/events?limit=500", "/status", "/admins"] {
        let (status, text) = call_as(&app, KEY, Method::GET, path, None).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(!text.contains(&secret), "{path} shows the key");
        assert!(!text.contains(&stored[0].hash), "{path} shows the hash");
    }

    // Revoked: refused at once, and the revocation is recorded.
    let gone = call(&app, Method::DELETE, &format!("/keys/{id}"), None).await;
    assert_eq!(gone, (StatusCode::NO_CONTENT, Value::Null));
    let (status, text) = call_as(&app, &secret, Method::GET, "/status", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{text}");
    let again = call(&app, Method::DELETE, &format!("/keys/{id}"), None).await;
    assert_error(&again, StatusCode::NOT_FOUND, "not_found");
    let kinds: Vec<String> = by_actor(&app, "api.key")
        .await
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(kinds, ["key_create", "key_revoke"]);
    assert_eq!(
        call(&app, Method::GET, "/keys", None).await.1,
        json!({"keys": []})
    );
}

#[tokio::test]
async fn last_use_is_noted_at_most_once_a_minute() {
    let app = TestApp::start_with(&[("PLEXGATE_API_KEY", KEY)]).await;
    let (_, created) = call(&app, Method::POST, "/keys", Some(json!({"name": "cron"}))).await;
    let secret = created["key"].as_str().unwrap().to_owned();
    let last_used = || async {
        let keys = app.store().read(|tx| tx.list_api_keys()).await.unwrap();
        keys[0].last_used_at
    };
    assert_eq!(last_used().await, None);
    call_as(&app, &secret, Method::GET, "/keys", None).await;
    let first = last_used().await.unwrap();
    app.clock.advance(std::time::Duration::from_secs(30));
    call_as(&app, &secret, Method::GET, "/keys", None).await;
    assert_eq!(last_used().await, Some(first));
    app.clock.advance(std::time::Duration::from_secs(31));
    call_as(&app, &secret, Method::GET, "/keys", None).await;
    assert_eq!(last_used().await, Some(first + 61));
}
