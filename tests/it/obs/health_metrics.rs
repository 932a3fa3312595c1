//! `/healthz` states and `/metrics` access (SPEC §4): a trusted peer or a valid API key, else 401.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::access::tools::NewAllowEntry;
use plexgate::fakeplex::{ALICE, OWNER};
use serde_json::Value;

use super::web::sign_in;
use crate::support::{TestApp, client};

async fn get(url: &str, bearer: Option<&str>) -> (u16, String) {
    let mut req = client().get(url);
    if let Some(b) = bearer {
        req = req.bearer_auth(b);
    }
    let resp = req.send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

#[tokio::test]
async fn healthz_reports_plex_owner_token_and_store() {
    let app = TestApp::with_fake(&[]).await;
    let (status, body) = get(&app.url("/healthz"), None).await;
    assert_eq!(status, 200);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"status": "ok", "plex": "reachable", "owner_token": "valid", "store": "ok"})
    );

    app.fake().revoke_token(&OWNER);
    assert!(app.state.access.resolve_owner_once().await.is_err());
    let (status, body) = get(&app.url("/healthz"), None).await;
    assert_eq!(status, 200, "still serving");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["owner_token"], "invalid", "{v}");
    assert_eq!(v["plex"], "reachable", "{v}");
}

#[tokio::test]
async fn healthz_says_unreachable_while_plex_tv_is_down() {
    let app = TestApp::start_full(
        &[
            ("PLEXGATE_PLEX_TOKEN", OWNER.token),
            // Nothing listens on port 9 of loopback: connection refused.
            ("PLEXGATE_PLEX_API_URL", "http://127.0.0.1:9"),
            ("PLEXGATE_PLEX_CLIENTS_URL", "http://127.0.0.1:9"),
        ],
        crate::support::fast_timing(),
    )
    .await;
    assert!(app.state.access.resolve_owner_once().await.is_err());
    let (_, body) = get(&app.url("/healthz"), None).await;
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["plex"], "unreachable", "{v}");
    assert_eq!(v["owner_token"], "unknown", "{v}");
    assert_eq!(v["store"], "ok", "{v}");
}

#[tokio::test]
async fn metrics_refuse_an_untrusted_peer_without_a_key() {
    let key = "metrics-key-0123456789";
    let app = TestApp::start_with(&[
        ("PLEXGATE_SERVER_TRUSTED_PROXIES", "10.0.0.0/8"),
        ("PLEXGATE_API_KEY", key),
    ])
    .await;
    let url = app.url("/metrics");
    assert_eq!(get(&url, None).await.0, 401);
    assert_eq!(get(&url, Some("wrong-key")).await.0, 401);
    // A forwarded address proves nothing: only the socket peer counts.
    let resp = client()
        .get(&url)
        .header("x-forwarded-for", "10.1.2.3")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    let (status, body) = get(&url, Some(key)).await;
    assert_eq!(status, 200);
    assert!(body.contains("# TYPE plexgate_grants gauge"), "{body}");
    assert!(body.ends_with("# EOF\n"));
}

#[tokio::test]
async fn metrics_count_sign_ins_grants_and_plex_requests_for_a_trusted_peer() {
    let app = TestApp::with_fake(&[]).await;
    let entry = NewAllowEntry {
        account: "alice".to_owned(),
        libraries: None,
        access_days: None,
        note: None,
        sharing: Default::default(),
    };
    app.state
        .access
        .add_allow_entry("test", entry)
        .await
        .unwrap();
    let (_, page) = sign_in(&app, &ALICE, "/auth/plex").await;
    assert!(page.body.contains("You&#x27;re in"), "{}", page.body);
    app.state.access.run_once().await.unwrap();

    // Loopback is trusted by default: no key needed.
    let resp = client().get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let ct = resp.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(ct.starts_with("application/openmetrics-text"), "{ct}");
    let body = resp.text().await.unwrap();
    for line in [
        "plexgate_signins_total{outcome=\"joined\"} 1",
        // Alice, and Dave whose share made in Plex's UI the reconciler adopted.
        "plexgate_grants{status=\"accepted\"} 2",
        "plexgate_plex_requests_total{endpoint=\"/api/v2/user\",method=\"GET\",status=\"200\"}",
        "plexgate_plex_request_duration_seconds_count{endpoint=\"/api/v2/pins/{id}\"}",
        "plexgate_reconcile_runs_total{outcome=\"ok\"} 1",
        "plexgate_reconcile_backlog 0",
    ] {
        assert!(body.contains(line), "{line} missing in:\n{body}");
    }
    // Route templates only: no PIN id, machine id or token in any label.
    assert!(!body.contains(plexgate::fakeplex::SERVER_ID), "{body}");
    assert!(!body.contains(OWNER.token));
}
