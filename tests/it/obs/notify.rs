//! Every notification kind reaches a local receiver with SPEC §7's payloads, deliveries are
//! recorded without their URLs, a receiver that never answers delays no sign-in, and the
//! owner's "Send a test" in Settings reaches every channel.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use plexgate::clock::Timing;
use plexgate::fakeplex::{self, ALICE, BOB, CAROL, Fault, OWNER};
use plexgate::store::EventFilter;
use serde_json::Value;

use super::web::{Receiver, hidden_value, sign_in};
use crate::admin::fixtures::{admin, submit};
use crate::support::allow_for_days as allow;
use crate::support::{TestApp, fast_timing};

fn timing() -> Timing {
    Timing {
        notify_backoff: Duration::from_millis(1),
        ..fast_timing()
    }
}

async fn app_for(rx: &Receiver) -> TestApp {
    let (hook, discord, ntfy) = (rx.url("webhook"), rx.url("discord"), rx.url("ntfy"));
    TestApp::with_fake_timing(
        &[
            ("PLEXGATE_NOTIFY_WEBHOOK_URL", hook.as_str()),
            ("PLEXGATE_NOTIFY_DISCORD_URL", discord.as_str()),
            ("PLEXGATE_NOTIFY_NTFY_URL", ntfy.as_str()),
        ],
        timing(),
    )
    .await
}

/// Checks the generic body and returns it.
fn generic(got: &super::web::Got, event: &str, plex_id: Option<u64>) -> Value {
    assert_eq!(got.content_type, "application/json");
    let v: Value = serde_json::from_str(&got.body).unwrap();
    assert_eq!(v["event"], event, "{v}");
    assert_eq!(v["server"], fakeplex::SERVER_NAME, "{v}");
    assert!(v["at"].as_str().unwrap().ends_with('Z'), "{v}");
    assert!(v["detail"].is_string(), "{v}");
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["account", "at", "detail", "event", "server"]);
    match plex_id {
        Some(id) => assert_eq!(v["account"]["plex_id"], id, "{v}"),
        None => assert!(v["account"].is_null() || v["account"]["plex_id"].is_u64()),
    }
    v
}

#[tokio::test]
async fn each_event_reaches_webhook_discord_and_ntfy() {
    let mut rx = Receiver::start().await;
    let app = app_for(&rx).await;

    // join: an allowlisted friend whose access lasts one day.
    allow(&app, "alice", Some(1)).await;
    let (_, page) = sign_in(&app, &ALICE, "/auth/plex").await;
    assert!(page.body.contains("You&#x27;re in"), "{}", page.body);
    let got = rx.next_three().await;
    let v = generic(&got["webhook"], "join", Some(ALICE.id));
    assert_eq!(v["account"]["username"], "alice");
    let d: Value = serde_json::from_str(&got["discord"].body).unwrap();
    assert_eq!(d.as_object().unwrap().len(), 1);
    assert!(
        d["content"]
            .as_str()
            .unwrap()
            .starts_with("alice joined Fake Plex Server"),
        "{d}"
    );
    assert_eq!(got["ntfy"].title.as_deref(), Some("plexgate: new friend"));
    assert!(
        got["ntfy"].body.starts_with("alice joined"),
        "{}",
        got["ntfy"].body
    );
    assert!(!got["ntfy"].body.contains('\n'));

    // request: a friend not on the list asks for access.
    let (mut jar, page) = sign_in(&app, &BOB, "/auth/plex").await;
    let token = hidden_value(&page.body, "token");
    let answer = jar
        .post_form(
            &app.url("/request"),
            &[("token", &token), ("note", "hi, it's Bob")],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let got = rx.next_three().await;
    let v = generic(&got["webhook"], "request", Some(BOB.id));
    assert_eq!(v["detail"], "hi, it's Bob");
    assert_eq!(
        got["ntfy"].title.as_deref(),
        Some("plexgate: access request")
    );

    // grant_failed: plex.tv refuses the share outright.
    app.fake()
        .inject(Fault::status("/api/servers/", 400).method("POST"));
    app.fake()
        .inject(Fault::status("/api/v2/shared_servers", 400).method("POST"));
    allow(&app, "carol", None).await;
    let (_, page) = sign_in(&app, &CAROL, "/auth/plex").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let got = rx.next_three().await;
    generic(&got["webhook"], "grant_failed", Some(CAROL.id));
    app.fake().clear_faults();

    // expired: a day later the reconciler removes Alice's share.
    app.clock.advance(Duration::from_secs(2 * 24 * 3600));
    let report = app.state.access.run_once().await.unwrap();
    assert_eq!(report.removed, 1, "{report:?}");
    let got = rx.next_three().await;
    generic(&got["webhook"], "expired", Some(ALICE.id));
    assert_eq!(
        got["ntfy"].title.as_deref(),
        Some("plexgate: access expired")
    );

    // owner_token: plex.tv refuses the owner's token.
    app.fake().revoke_token(&OWNER);
    assert!(app.state.access.resolve_owner_once().await.is_err());
    let got = rx.next_three().await;
    let v = generic(&got["webhook"], "owner_token", Some(OWNER.id));
    assert_eq!(v["account"]["username"], "owner");

    // Every delivery is recorded, never with its URL (stopping lets the last ones finish).
    let state = app.state.clone();
    let base = rx.base.clone();
    app.stop().await;
    let events = state
        .access
        .store()
        .read(|tx| {
            let filter = EventFilter {
                plex_id: None,
                kind: Some("notify".to_owned()),
            };
            tx.events_page(None, 100, &filter)
        })
        .await
        .unwrap()
        .events;
    assert_eq!(events.len(), 15, "{events:?}");
    assert!(events.iter().all(|e| e.outcome == "sent"));
    let text = format!("{events:?}");
    assert!(!text.contains(&base), "{text}");
    assert!(!text.contains("127.0.0.1"), "{text}");
}

#[tokio::test]
async fn a_receiver_that_never_answers_delays_no_sign_in() {
    let rx = Receiver::start().await;
    let hang = rx.url("hang");
    let app = TestApp::with_fake_timing(
        &[
            ("PLEXGATE_NOTIFY_WEBHOOK_URL", hang.as_str()),
            ("PLEXGATE_NOTIFY_NTFY_URL", hang.as_str()),
        ],
        Timing {
            notify_timeout: Duration::from_secs(3600),
            ..timing()
        },
    )
    .await;
    for (account, who) in [("alice", &ALICE), ("carol", &CAROL)] {
        allow(&app, account, None).await;
        let started = Instant::now();
        let (_, page) = sign_in(&app, who, "/auth/plex").await;
        assert!(page.body.contains("You&#x27;re in"), "{}", page.body);
        assert!(started.elapsed() < Duration::from_secs(10));
    }
    // Shutting down does not wait for the hung deliveries either.
    tokio::time::timeout(Duration::from_secs(10), app.stop())
        .await
        .expect("stops promptly");
}

#[tokio::test]
async fn send_a_test_from_settings_reaches_every_channel() {
    let mut rx = Receiver::start().await;
    let app = app_for(&rx).await;
    let mut owner = admin(&app, &OWNER).await;
    let page = owner.get(&app.url("/admin/settings")).await;
    assert!(page.body.contains("Send a test"), "{}", page.body);
    let page = submit(
        &app,
        &mut owner,
        "/admin/settings",
        "/admin/settings/notify-test",
        &[],
    )
    .await;
    assert_eq!(page.location(), "/admin/settings?done=notify-test-3");
    let shown = owner.get(&app.url(page.location())).await;
    assert!(
        shown
            .body
            .contains("Test queued for all three notification channels.")
    );

    let got = rx.next_three().await;
    let v = generic(&got["webhook"], "test", Some(OWNER.id));
    assert_eq!(v["account"]["username"], "owner");
    let d: Value = serde_json::from_str(&got["discord"].body).unwrap();
    let line = format!("plexgate test notification from {}", fakeplex::SERVER_NAME);
    assert_eq!(d["content"], line.as_str());
    assert_eq!(got["ntfy"].body, line);
    assert_eq!(
        got["ntfy"].title.as_deref(),
        Some("plexgate: test notification")
    );
}
