//! The owner token refused on a reconciler run (no friend signing in): noticed at once, one
//! event and one notification, the dashboard's Reconnect banner, one call per run while it is
//! refused, and back to valid when plex.tv accepts it again.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use plexgate::fakeplex::{Fault, OWNER};
use plexgate::store::EventFilter;
use serde_json::Value;

use crate::admin::fixtures::admin;
use crate::obs::web::Receiver;
use crate::support::{TestApp, client, fast_timing};

async fn health(app: &TestApp) -> Value {
    let resp = client().get(app.url("/healthz")).send().await.unwrap();
    serde_json::from_str(&resp.text().await.unwrap()).unwrap()
}

/// Events of `kind`, oldest first, as (outcome, detail).
async fn events_of(app: &TestApp, kind: &str) -> Vec<(String, String)> {
    let filter = EventFilter {
        plex_id: None,
        kind: Some(kind.to_owned()),
    };
    let mut found: Vec<(String, String)> = app
        .store()
        .read(move |tx| tx.events_page(None, 100, &filter))
        .await
        .unwrap()
        .events
        .into_iter()
        .map(|e| (e.outcome, e.detail))
        .collect();
    found.reverse();
    found
}

/// The `owner_token` events once `n` of them are recorded (they are written beside the call
/// that noticed the change); a bounded wait.
async fn owner_token_events(app: &TestApp, n: usize) -> Vec<(String, String)> {
    for _ in 0..500 {
        let found = events_of(app, "owner_token").await;
        if found.len() >= n {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    events_of(app, "owner_token").await
}

#[tokio::test]
async fn a_refused_owner_token_on_a_reconciler_run_is_noticed_bounded_and_recovers() {
    let mut rx = Receiver::start().await;
    let hook = rx.url("webhook");
    let app = TestApp::with_fake_timing(
        &[("PLEXGATE_NOTIFY_WEBHOOK_URL", hook.as_str())],
        fast_timing(),
    )
    .await;
    let mut owner = admin(&app, &OWNER).await;
    assert_eq!(health(&app).await["owner_token"], "valid");

    // plex.tv stops accepting the owner token for the share listing the reconciler reads.
    app.fake()
        .inject(Fault::status("/api/servers/", 401).method("GET"));
    app.fake()
        .inject(Fault::status("/api/v2/shared_servers", 401).method("GET"));
    app.fake().clear_requests();
    assert!(app.state.access.run_once().await.is_err());
    let after_first = app.fake().requests().len();
    assert_eq!(after_first, 1, "{:?}", app.fake().requests());

    let v = health(&app).await;
    assert_eq!(v["owner_token"], "invalid", "{v}");
    // The banner (a headless install's token is changed in config, so no Reconnect button;
    // admin::setup covers the button of a token stored by setup).
    let page = owner.get(&app.url("/admin")).await;
    assert!(
        page.body
            .contains("no longer accepts the owner&#x27;s sign-in"),
        "{}",
        page.body
    );
    let got = rx.next().await;
    let n: Value = serde_json::from_str(&got.body).unwrap();
    assert_eq!(n["event"], "owner_token", "{n}");

    // While it is refused, each run is one call: no retry storm, no second event.
    for _ in 0..3 {
        assert!(app.state.access.run_once().await.is_err());
    }
    let requests = app.fake().requests();
    assert_eq!(requests.len(), after_first + 3, "{requests:?}");
    let events = owner_token_events(&app, 1).await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].0, "invalid", "{events:?}");

    // plex.tv accepts the token again: the next run notices and does its work.
    app.fake().clear_faults();
    let report = app.state.access.run_once().await.unwrap();
    assert!(report.errors.is_empty(), "{report:?}");
    assert_eq!(health(&app).await["owner_token"], "valid");
    let events = owner_token_events(&app, 2).await;
    let outcomes: Vec<&str> = events.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(outcomes, ["invalid", "valid"], "{events:?}");
    let page = owner.get(&app.url("/admin")).await;
    assert!(!page.body.contains("no longer accepts"), "{}", page.body);

    // Exactly one notification was sent for the whole episode.
    let state = app.state.clone();
    app.stop().await;
    let filter = EventFilter {
        plex_id: None,
        kind: Some("notify".to_owned()),
    };
    let sent = state
        .access
        .store()
        .read(move |tx| tx.events_page(None, 100, &filter))
        .await
        .unwrap()
        .events;
    assert_eq!(sent.len(), 1, "{sent:?}");
}
