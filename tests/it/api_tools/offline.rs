//! The tools that need no plex.tv: allowlist and invites without libraries, body and path
//! rejections, the key check and the OpenAPI document. The app runs without an owner.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{KEY, assert_error, call, call_text, events, key_event_kinds, send_raw};
use crate::support::{TestApp, client};

async fn app() -> TestApp {
    TestApp::start_with(&[("PLEXGATE_API_KEY", KEY)]).await
}

const ROUTES: [(&str, &str); 8] = [
    ("GET", "/allowlist"),
    ("POST", "/allowlist"),
    ("DELETE", "/allowlist/1"),
    ("GET", "/libraries"),
    ("PUT", "/libraries"),
    ("GET", "/invites"),
    ("POST", "/invites"),
    ("DELETE", "/invites/1"),
];

#[tokio::test]
async fn every_tool_route_refuses_a_caller_without_a_key() {
    let app = app().await;
    for (method, path) in ROUTES {
        let resp = client()
            .request(method.parse().unwrap(), app.url(&format!("/api/v1{path}")))
            .json(&json!({"account": "alice", "libraries": ["Movies"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{method} {path}");
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["error"]["code"], "unauthorized", "{method} {path}");
    }
    assert!(
        app.store()
            .read(|tx| tx.list_allow())
            .await
            .unwrap()
            .is_empty()
    );
    assert!(events(&app).await.is_empty());
}

#[tokio::test]
async fn allowlist_adds_lists_and_removes() {
    let app = app().await;
    let body = json!({"account": " Alice@Example.com ", "access_days": 30, "note": "work",
        "allow_live_tv": true, "allow_downloads": false});
    let (status, a) = call(&app, Method::POST, "/allowlist", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{a}");
    assert_eq!(a["account"], "Alice@Example.com");
    assert_eq!(a["plex_id"], Value::Null);
    assert_eq!(a["libraries"], Value::Null);
    assert_eq!(
        (a["access_days"].as_u64(), a["note"].as_str()),
        (Some(30), Some("work"))
    );
    let created_at = a["created_at"].as_str().unwrap();
    assert!(
        created_at.ends_with('Z') && created_at.contains('T'),
        "{created_at}"
    );
    let keys: Vec<&String> = a.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 10, "{a}");
    assert_eq!(
        (&a["allow_downloads"], &a["allow_live_tv"]),
        (&json!(false), &json!(true))
    );
    assert_eq!(a["allow_camera_upload"], Value::Null, "the owner's setting");

    let (status, b) = call(
        &app,
        Method::POST,
        "/allowlist",
        Some(json!({"account": "4242"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(b["plex_id"], 4242);

    let dup = call(
        &app,
        Method::POST,
        "/allowlist",
        Some(json!({"account": "alice@example.COM"})),
    )
    .await;
    assert_error(&dup, StatusCode::CONFLICT, "conflict");

    let (status, list) = call(&app, Method::GET, "/allowlist", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["entries"], json!([a, b]));

    let id = a["id"].as_u64().unwrap();
    let gone = call(&app, Method::DELETE, &format!("/allowlist/{id}"), None).await;
    assert_eq!(gone, (StatusCode::NO_CONTENT, Value::Null));
    let again = call(&app, Method::DELETE, &format!("/allowlist/{id}"), None).await;
    assert_error(&again, StatusCode::NOT_FOUND, "not_found");
    let (_, list) = call(&app, Method::GET, "/allowlist", None).await;
    assert_eq!(list["entries"], json!([b]));

    assert_eq!(
        key_event_kinds(&app).await,
        ["allowlist_add", "allowlist_add", "allowlist_remove"]
    );
    let ev = events(&app).await;
    assert_eq!(ev[1].plex_id, Some(4242));
}

#[tokio::test]
async fn allowlist_refuses_bad_bodies_and_paths_in_json() {
    let app = app().await;
    let post = |body: Value| call(&app, Method::POST, "/allowlist", Some(body));
    let unknown = post(json!({"account": "bob", "admin": true})).await;
    assert!(
        assert_error(&unknown, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body").contains("admin")
    );
    let wrong_type = post(json!({"account": "bob", "access_days": "thirty"})).await;
    assert_error(
        &wrong_type,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_body",
    );
    let missing = post(json!({"note": "no account"})).await;
    assert_error(&missing, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    for bad in [
        json!({"account": "  "}),
        json!({"account": "bob", "access_days": 0}),
        json!({"account": "bob", "access_days": 3651}),
        json!({"account": "bob", "note": "x".repeat(501)}),
        json!({"account": "bob", "libraries": []}),
        json!({"account": "b".repeat(255)}),
    ] {
        let got = post(bad.clone()).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }

    let bad_json = send_raw(
        &app,
        Method::POST,
        "/allowlist",
        "application/json",
        "{\"account\": ",
    )
    .await;
    assert_error(&bad_json, StatusCode::BAD_REQUEST, "bad_request");
    let not_json = send_raw(
        &app,
        Method::POST,
        "/allowlist",
        "text/plain",
        "{\"account\": \"bob\"}",
    )
    .await;
    assert_error(&not_json, StatusCode::BAD_REQUEST, "bad_request");
    let huge = format!(
        "{{\"account\": \"bob\", \"note\": \"{}\"}}",
        "x".repeat(100 * 1024)
    );
    let too_big = send_raw(&app, Method::POST, "/allowlist", "application/json", huge).await;
    assert_error(&too_big, StatusCode::PAYLOAD_TOO_LARGE, "too_large");

    for path in ["/allowlist/abc", "/allowlist/-1", "/invites/1.5"] {
        let got = call(&app, Method::DELETE, path, None).await;
        assert_error(&got, StatusCode::BAD_REQUEST, "bad_request");
    }
    // Libraries need the server's sections: without an owner, that is a clear 409.
    let not_connected = post(json!({"account": "bob", "libraries": ["Movies"]})).await;
    assert_error(&not_connected, StatusCode::CONFLICT, "not_connected");
    let libs = call(&app, Method::GET, "/libraries", None).await;
    assert_error(&libs, StatusCode::CONFLICT, "not_connected");

    assert!(call(&app, Method::GET, "/allowlist", None).await.1["entries"] == json!([]));
    assert!(events(&app).await.is_empty());
}

#[tokio::test]
async fn invite_codes_are_shown_once_and_revoked_invites_stay_listed() {
    let app = app().await;
    let body = json!({"max_uses": 3, "expires_in_days": 7, "access_days": 90, "note": "family"});
    let (status, created) = call(&app, Method::POST, "/invites", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let code = created["code"].as_str().unwrap().to_owned();
    assert!(code.len() >= 22, "{code}");
    assert_eq!(created["url"], app.url(&format!("/i/{code}")));
    assert_eq!(
        (created["max_uses"].as_u64(), created["uses"].as_u64()),
        (Some(3), Some(0))
    );
    assert_eq!(
        (
            created["access_days"].as_u64(),
            created["revoked"].as_bool()
        ),
        (Some(90), Some(false))
    );
    assert!(created["expires_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(created["libraries"], Value::Null);
    let id = created["id"].as_u64().unwrap();
    let (_, other) = call(&app, Method::POST, "/invites", Some(json!({}))).await;
    assert_ne!(other["code"], created["code"]);
    assert_eq!(other["expires_at"], Value::Null);

    let mut later = Vec::new();
    later.push(call_text(&app, Method::GET, "/invites", None).await);
    later.push(call_text(&app, Method::DELETE, &format!("/invites/{id}"), None).await);
    later.push(call_text(&app, Method::GET, "/invites", None).await);
    assert_eq!(later[1].0, StatusCode::NO_CONTENT);
    for (_, text) in &later {
        assert!(!text.contains(&code), "the code came back: {text}");
    }
    let list: Value = serde_json::from_str(&later[2].1).unwrap();
    let first = &list["invites"][0];
    assert_eq!(
        (first["id"].as_u64(), first["revoked"].as_bool()),
        (Some(id), Some(true))
    );
    assert_eq!(first["note"], "family");
    let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 11, "{first}");
    assert_eq!(first["allow_live_tv"], Value::Null, "the owner's setting");
    assert_eq!(list["invites"][1]["revoked"], false);

    let unknown = call(&app, Method::DELETE, "/invites/999", None).await;
    assert_error(&unknown, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        key_event_kinds(&app).await,
        ["invite_create", "invite_create", "invite_revoke"]
    );
    assert!(events(&app).await.iter().all(|e| !e.detail.contains(&code)));
}

#[tokio::test]
async fn invites_refuse_bad_bodies() {
    let app = app().await;
    for bad in [
        json!({"max_uses": 0}),
        json!({"expires_in_days": 0}),
        json!({"expires_in_days": 366}),
        json!({"access_days": 3651}),
        json!({"libraries": []}),
    ] {
        let got = call(&app, Method::POST, "/invites", Some(bad.clone())).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }
    for bad in [
        json!({"max_uses": -1}),
        json!({"code": "mine"}),
        json!({"libraries": [true]}),
    ] {
        let got = call(&app, Method::POST, "/invites", Some(bad.clone())).await;
        assert_error(&got, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }
    let bad_json = send_raw(&app, Method::POST, "/invites", "application/json", "[").await;
    assert_error(&bad_json, StatusCode::BAD_REQUEST, "bad_request");
    assert_eq!(
        call(&app, Method::GET, "/invites", None).await.1,
        json!({"invites": []})
    );
}

#[tokio::test]
async fn the_openapi_document_lists_the_tool_routes() {
    let app = app().await;
    let doc: Value = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let paths = &doc["paths"];
    for (method, path) in ROUTES {
        let path = path.replace("/1", "/{id}");
        let op = &paths[&path][method.to_lowercase()];
        assert!(op.is_object(), "{method} {path} missing: {paths}");
    }
    let mut ids: Vec<&str> = paths
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .filter_map(|op| op["operationId"].as_str())
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "operation ids must be unique: {ids:?}");
    let schemas = &doc["components"]["schemas"];
    let kinds: Vec<&Value> = schemas["LibraryRefSchema"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["type"])
        .collect();
    assert_eq!(kinds, [&json!("integer"), &json!("string")]);
    for name in [
        "AddAllowRequest",
        "CreateInviteRequest",
        "CreatedInviteView",
        "LibrariesResponse",
    ] {
        assert!(schemas[name].is_object(), "{name} missing");
    }
}
