//! Fault injection and the request log, over HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use super::tests::{T, error_code, json, setup};
use super::*;

#[tokio::test]
async fn status_and_html_404_faults_count_down() {
    let t = setup().await;
    t.fake.inject(Fault::status("/api/v2/user", 503).times(1));
    assert_eq!(t.json2("GET", "/api/v2/user", OWNER.token).await.0, 503);
    assert_eq!(t.json2("GET", "/api/v2/user", OWNER.token).await.0, 200);

    t.fake
        .inject(Fault::html_404("/api/servers/").method("POST"));
    let path = format!("/api/servers/{SERVER_ID}/shared_servers");
    let (s, ct, _) = t
        .v1("POST", &path, OWNER.token, Some(serde_json::json!({})))
        .await;
    assert!(s == 404 && ct.starts_with("text/html"));
    // GET is not matched by a POST-only fault.
    assert_eq!(t.v1("GET", &path, OWNER.token, None).await.0, 200);
    t.fake.inject(Fault::gone_410("/api/v2/shared_servers"));
    let (s, _, body) = t
        .json2("GET", "/api/v2/shared_servers/owned/accepted", OWNER.token)
        .await;
    assert!(s == 410 && body.contains("deprecated and removed"));
    t.fake.clear_faults();
    assert_eq!(
        t.v1("POST", &path, OWNER.token, Some(serde_json::json!({})))
            .await
            .0,
        400
    );
}

#[tokio::test]
async fn a_delay_holds_only_its_own_request() {
    let t = setup().await;
    t.fake
        .inject(Fault::delay("/api/v2/user", Duration::from_millis(400)).times(1));
    let started = Instant::now();
    let slow = t.json2("GET", "/api/v2/user", OWNER.token);
    let fast = async {
        let got = t.json2("GET", "/api/v2/ping", OWNER.token).await;
        (got.0, started.elapsed())
    };
    let ((slow_status, _, _), (fast_status, fast_took)) = tokio::join!(slow, fast);
    assert_eq!((slow_status, fast_status), (200, 200));
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert!(
        fast_took < Duration::from_millis(400),
        "ping waited {fast_took:?}"
    );
}

#[tokio::test]
async fn redirect_and_drop_faults() {
    let t = setup().await;
    t.fake
        .inject(Fault::redirect("/api/v2/resources", "https://elsewhere.example/steal").times(1));
    let resp = t
        .req("GET", "/api/v2/resources")
        .header("X-Plex-Client-Identifier", "c")
        .header("X-Plex-Token", OWNER.token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 302);
    assert_eq!(
        resp.headers()["location"],
        "https://elsewhere.example/steal"
    );

    t.fake
        .inject(Fault::drop_connection("/api/v2/ping").times(1));
    let err = t
        .req("GET", "/api/v2/ping")
        .header("X-Plex-Client-Identifier", "c")
        .send()
        .await;
    assert!(err.is_err(), "{err:?}");
    let (s, _, body) = t.json2("GET", "/api/v2/ping", OWNER.token).await;
    assert_eq!((s, json(&body)["pong"].as_bool()), (200, Some(true)));
    let log = t.fake.requests();
    assert!(
        log.iter()
            .any(|r| r.path == "/api/v2/ping" && r.status == 0)
    );
}

#[tokio::test]
async fn the_log_names_the_tokens_account_and_where_it_came_from() {
    let t = setup().await;
    t.json2("GET", "/api/v2/user", ALICE.token).await;
    let q = format!(
        "/api/v2/user?X-Plex-Client-Identifier=c&X-Plex-Token={}",
        BOB.token
    );
    T::send(t.req("GET", &q)).await;
    let (s, _, body) = t.v2("GET", "/api/v2/user", Some("bogus"), true).await;
    assert_eq!((s, error_code(&body)), (401, 1001));
    let log = t.fake.requests();
    assert_eq!(log.len(), 3);
    assert_eq!(
        (log[0].account.as_deref(), log[0].had_token_in_query),
        (Some("alice"), false)
    );
    assert_eq!(
        (log[1].account.as_deref(), log[1].had_token_in_query),
        (Some("bob"), true)
    );
    assert_eq!((log[2].account.as_deref(), log[2].status), (None, 401));
    assert!(
        log.iter()
            .all(|r| r.path == "/api/v2/user" && r.method == "GET")
    );
    let host = t.fake.base_url().trim_start_matches("http://").to_owned();
    assert_eq!(log[0].host_header.as_deref(), Some(host.as_str()));
    t.fake.clear_requests();
    assert!(t.fake.requests().is_empty());
}

#[tokio::test]
async fn the_server_stops_when_the_last_handle_drops() {
    let t = setup().await;
    let addr = t.fake.base_url().trim_start_matches("http://").to_owned();
    let clone = t.fake.clone();
    drop(t);
    assert_eq!(clone.requests().len(), 0);
    assert!(
        tokio::net::TcpStream::connect(&addr).await.is_ok(),
        "a clone keeps it alive"
    );
    drop(clone);
    let refused = tokio::time::timeout(Duration::from_secs(5), async {
        while tokio::net::TcpStream::connect(&addr).await.is_ok() {
            tokio::task::yield_now().await;
        }
    })
    .await;
    assert!(
        refused.is_ok(),
        "still accepting after the last handle dropped"
    );
}
