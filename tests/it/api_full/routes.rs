//! Walks over the whole route table: every `/api/v1` route refuses an anonymous caller, the
//! OpenAPI document lists exactly the served routes, and every rejection is JSON.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{KEY, assert_error, call};
use crate::api_tools::send_raw;
use crate::support::{TestApp, client};

/// Every route the API serves (SPEC §7, and §8's apps and sessions), with `{…}` parameters as in the document.
const SERVED: [(&str, &str); 32] = [
    ("get", "/status"),
    ("get", "/allowlist"),
    ("post", "/allowlist"),
    ("delete", "/allowlist/{id}"),
    ("get", "/libraries"),
    ("put", "/libraries"),
    ("get", "/invites"),
    ("post", "/invites"),
    ("delete", "/invites/{id}"),
    ("get", "/users"),
    ("post", "/users"),
    ("patch", "/users/{plex_id}"),
    ("delete", "/users/{plex_id}"),
    ("get", "/events"),
    ("get", "/admins"),
    ("post", "/admins"),
    ("delete", "/admins/{id}"),
    ("get", "/requests"),
    ("post", "/requests/{id}/approve"),
    ("post", "/requests/{id}/decline"),
    ("get", "/reconcile"),
    ("post", "/reconcile/confirm"),
    ("post", "/reconcile/discard"),
    ("get", "/keys"),
    ("post", "/keys"),
    ("delete", "/keys/{id}"),
    ("post", "/backups"),
    ("get", "/apps"),
    ("put", "/apps"),
    ("get", "/oidc/clients"),
    ("put", "/oidc/clients"),
    ("delete", "/users/{plex_id}/sessions"),
];

/// `(method, path)` of every operation in an OpenAPI document.
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|m| !m.starts_with("parameters"))
                .map(move |m| (m.clone(), path.clone()))
        })
        .collect()
}

fn concrete(path: &str) -> String {
    path.replace("{id}", "1").replace("{plex_id}", "1")
}

#[tokio::test]
async fn every_route_in_the_table_refuses_an_anonymous_caller() {
    // Each call comes from its own address behind the trusted loopback proxy, so the failed-key
    // limit (10 a minute per address) never answers in place of the key check.
    let app = TestApp::start_with(&[
        ("PLEXGATE_API_KEY", KEY),
        ("PLEXGATE_SERVER_TRUSTED_PROXIES", "127.0.0.1/32"),
    ])
    .await;
    let (_, table) = plexgate::web::api::routes().split_for_parts();
    let table = serde_json::to_value(&table).unwrap();
    let ops = operations(&table);
    assert!(ops.len() >= SERVED.len(), "{ops:?}");
    for (n, (method, path)) in ops.iter().enumerate() {
        let url = app.url(&format!("/api/v1{}", concrete(path)));
        let m: Method = method.to_uppercase().parse().unwrap();
        let resp = client()
            .request(m, &url)
            .header("x-forwarded-for", format!("192.0.2.{n}"))
            .json(&json!({"name": "x", "account": "alice"}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{method} {path}");
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["error"]["code"], "unauthorized", "{method} {path}");
    }
    let events = app
        .store()
        .read(|tx| tx.events_page(None, 10, &Default::default()))
        .await
        .unwrap();
    assert!(
        events.events.is_empty(),
        "an anonymous caller changed nothing"
    );
}

#[tokio::test]
async fn the_openapi_document_lists_exactly_the_served_routes() {
    let app = TestApp::start_with(&[
        ("PLEXGATE_API_KEY", KEY),
        ("PLEXGATE_SERVER_TRUSTED_PROXIES", "127.0.0.1/32"),
    ])
    .await;
    let doc: Value = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let listed = operations(&doc);
    let served: BTreeSet<(String, String)> = SERVED
        .iter()
        .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(listed, served);
    let (_, table) = plexgate::web::api::routes().split_for_parts();
    assert_eq!(operations(&serde_json::to_value(&table).unwrap()), served);
    // Each listed route is served (an anonymous caller meets the key check, not a 404/405)…
    for (n, (method, path)) in served.iter().enumerate() {
        let m: Method = method.to_uppercase().parse().unwrap();
        let resp = client()
            .request(m, app.url(&format!("/api/v1{}", concrete(path))))
            .header("x-forwarded-for", format!("192.0.2.{n}"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED, "{method} {path}");
    }
    // …and what is not listed is not served, in the JSON error shape.
    let unknown = call(&app, Method::GET, "/nope", None).await;
    assert_error(&unknown, StatusCode::NOT_FOUND, "not_found");
    let wrong = call(&app, Method::PUT, "/users/1", None).await;
    assert_error(&wrong, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    let wrong = call(&app, Method::GET, "/reconcile/confirm", None).await;
    assert_error(&wrong, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    // Request and response schemas and the bearer scheme are in the document.
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let schemas = &doc["components"]["schemas"];
    for name in [
        "UserView",
        "UpdateUserRequest",
        "EventsResponse",
        "RequestView",
        "ApproveRequest",
        "AdminView",
        "ReconcileResponse",
        "CreateKeyRequest",
        "CreatedKeyView",
        "KeysResponse",
        "BackupView",
        "StatusResponse",
    ] {
        assert!(schemas[name].is_object(), "{name} missing");
    }
    let key_props = schemas["KeyView"]["properties"].as_object().unwrap();
    assert!(
        !key_props.contains_key("key"),
        "a listed key never has its key"
    );
}

#[tokio::test]
async fn rejected_bodies_and_queries_answer_json_everywhere() {
    let app = TestApp::start_with(&[("PLEXGATE_API_KEY", KEY)]).await;
    let bodies = [
        ("/keys", json!({"name": "a"}), json!({"name": 5})),
        ("/admins", json!({"account": "a"}), json!({"account": 5})),
        ("/users", json!({"account": "a"}), json!({"account": ["a"]})),
        (
            "/requests/1/approve",
            json!({}),
            json!({"access_days": "x"}),
        ),
    ];
    for (path, good, wrong) in bodies {
        let bad = send_raw(&app, Method::POST, path, "application/json", "{not json").await;
        assert_error(&bad, StatusCode::BAD_REQUEST, "bad_request");
        let mut unknown = good.clone();
        unknown["zzz"] = json!(1);
        let unknown = call(&app, Method::POST, path, Some(unknown)).await;
        let msg = assert_error(&unknown, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
        assert!(msg.contains("zzz"), "{path}: {msg}");
        let wrong_type = call(&app, Method::POST, path, Some(wrong)).await;
        assert_error(
            &wrong_type,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        );
        let big = format!("{{\"name\": \"{}\"}}", "x".repeat(200 * 1024));
        let too_big = send_raw(&app, Method::POST, path, "application/json", big).await;
        assert_error(&too_big, StatusCode::PAYLOAD_TOO_LARGE, "too_large");
        let text = send_raw(&app, Method::POST, path, "text/plain", good.to_string()).await;
        assert_error(&text, StatusCode::BAD_REQUEST, "bad_request");
    }
    let patch = call(
        &app,
        Method::PATCH,
        "/users/1",
        Some(json!({"expires_at": 5})),
    )
    .await;
    assert_error(&patch, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let path = call(&app, Method::DELETE, "/keys/abc", None).await;
    assert_error(&path, StatusCode::BAD_REQUEST, "bad_request");
    let query = call(&app, Method::GET, "/events?before=abc", None).await;
    assert_error(&query, StatusCode::BAD_REQUEST, "bad_request");
    let query = call(&app, Method::GET, "/events?color=red", None).await;
    assert_error(&query, StatusCode::BAD_REQUEST, "bad_request");
    // Calls that need plex.tv say so while the install is not connected.
    for (m, p, body) in [
        (Method::GET, "/users", None),
        (Method::POST, "/users", Some(json!({"account": "alice"}))),
        (Method::PATCH, "/users/1", Some(json!({"expires_at": null}))),
        (Method::DELETE, "/users/1", None),
        (Method::POST, "/reconcile/confirm", None),
    ] {
        let got = call(&app, m, p, body).await;
        assert_error(&got, StatusCode::CONFLICT, "not_connected");
    }
}
