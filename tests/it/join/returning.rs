//! A friend who comes back (SPEC §2.3 "returning", §8 Sign-in): already in, so no share write,
//! no `join` event or notification; a change of libraries is `changed`; with forward auth a
//! returning friend goes straight back to the app, byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use plexgate::clock::Timing;
use plexgate::fakeplex::{ALICE, BOB, MOVIES, TV};
use reqwest::StatusCode;
use serde_json::Value;

use super::browser::Browser;
use super::journeys::{allow, hidden_value, shares_of};
use crate::obs::web::Receiver;
use crate::support::{TestApp, fast_timing, owner_writes, signin_outcomes};

#[tokio::test]
async fn a_returning_friend_is_already_in_without_a_share_write_or_a_join_notice() {
    let mut rx = Receiver::start().await;
    let hook = rx.url("webhook");
    let timing = Timing {
        notify_backoff: Duration::from_millis(1),
        ..fast_timing()
    };
    let app =
        TestApp::with_fake_timing(&[("PLEXGATE_NOTIFY_WEBHOOK_URL", hook.as_str())], timing).await;
    allow(&app, "alice", Some(vec![MOVIES])).await;

    // The first sign-in is a join, announced once.
    let first = Browser::new().sign_in(&app, &ALICE, "/auth/plex").await;
    assert!(first.says_in(), "{}", first.body);
    let got: Value = serde_json::from_str(&rx.next().await.body).unwrap();
    assert_eq!(got["event"], "join", "{got}");

    // A second and a third sign-in: already in, nothing written to plex.tv.
    app.fake().clear_requests();
    for _ in 0..2 {
        let page = Browser::new().sign_in(&app, &ALICE, "/auth/plex").await;
        assert!(page.says_in(), "{}", page.body);
    }
    assert_eq!(owner_writes(&app), 0, "{:#?}", app.fake().requests());
    assert_eq!(shares_of(&app, ALICE.id), vec![(vec![MOVIES], true)]);

    // The owner adds TV Shows: the next sign-in updates the share, recorded as a change.
    app.store()
        .write(|tx| {
            let mut entry = tx.list_allow()?.remove(0);
            entry.libraries = Some(vec![MOVIES, TV]);
            tx.put_allow(&entry)
        })
        .await
        .unwrap();
    let page = Browser::new().sign_in(&app, &ALICE, "/auth/plex").await;
    assert!(page.says_in(), "{}", page.body);
    assert_eq!(shares_of(&app, ALICE.id), vec![(vec![MOVIES, TV], true)]);
    assert_eq!(
        signin_outcomes(&app, ALICE.id).await,
        ["joined", "already_in", "already_in", "changed"]
    );

    // No join was announced since the first: the next notification is Bob's request.
    let mut bob = Browser::new();
    let refused = bob.sign_in(&app, &BOB, "/auth/plex").await;
    let token = hidden_value(&refused.body, "token");
    let sent = bob.post(&app.url("/request"), &[("token", &token)]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let got: Value = serde_json::from_str(&rx.next().await.body).unwrap();
    assert_eq!(got["event"], "request", "{got}");
    app.stop().await;
}

#[tokio::test]
async fn a_friend_removed_before_joins_again() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    let page = Browser::new().sign_in(&app, &ALICE, "/auth/plex").await;
    assert!(page.says_in(), "{}", page.body);
    app.state
        .access
        .remove_user("test", ALICE.id)
        .await
        .unwrap();
    assert!(shares_of(&app, ALICE.id).is_empty());
    let page = Browser::new().sign_in(&app, &ALICE, "/auth/plex").await;
    assert!(page.says_in(), "{}", page.body);
    assert_eq!(shares_of(&app, ALICE.id).len(), 1);
    assert_eq!(signin_outcomes(&app, ALICE.id).await, ["joined", "joined"]);
    app.stop().await;
}
