//! The result of a sign-in survives a reload (SPEC §2.3): the callback answers 303 to a page
//! that shows the outcome from the account session (`/me?welcome=1`) or, for a refusal, from a
//! short-lived record (`/request`, 10 minutes), so reloading, or Back from "Request sent",
//! shows the same truth and never "Try again"; "Ask for access" is post/redirect/get too. "Not on the list" offers another account, and a
//! signed-in friend opening an invite link they already used sees their access.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use plexgate::fakeplex::{ALICE, BOB};
use reqwest::StatusCode;

use super::browser::Browser;
use super::journeys::{allow, hidden_value, invite};
use crate::support::TestApp;

const TRY_AGAIN: &str = "Try again";

#[tokio::test]
async fn reloading_you_are_in_shows_you_are_in_again() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    let mut b = Browser::new();
    let answer = b.callback(&app, &ALICE, "/auth/plex").await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(answer.location(), "/me?welcome=1");
    for _ in 0..2 {
        let page = b.follow(&app, &answer).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(
            page.body.contains("<h1>You&#x27;re in</h1>"),
            "{}",
            page.body
        );
        assert!(page.body.contains("Movies"), "{}", page.body);
        assert!(!page.body.contains(TRY_AGAIN), "{}", page.body);
    }
    // Without the session the same address is only the plain sign-in prompt.
    let stranger = Browser::new().get(&app.url("/me?welcome=1")).await;
    assert!(
        !stranger.body.contains("You&#x27;re in"),
        "{}",
        stranger.body
    );
    app.stop().await;
}

#[tokio::test]
async fn not_on_the_list_survives_a_reload_and_back_from_request_sent() {
    let app = TestApp::with_fake(&[]).await;
    let mut b = Browser::new();
    let answer = b.callback(&app, &BOB, "/auth/plex").await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(answer.location(), "/request");
    let first = b.follow(&app, &answer).await;
    assert_eq!(first.status, StatusCode::FORBIDDEN, "{}", first.body);
    assert!(
        first.body.contains("<strong>bob</strong>"),
        "{}",
        first.body
    );
    let token = hidden_value(&first.body, "token");
    // Another account: a form of its own that starts a new sign-in.
    assert!(
        first
            .body
            .contains("<form method=\"get\" action=\"/auth/plex\">"),
        "{}",
        first.body
    );
    assert!(first.body.contains("Sign in with another account"));

    // A reload shows the same page, with the same working token.
    let reload = b.get(&app.url("/request")).await;
    assert_eq!(reload.status, StatusCode::FORBIDDEN, "{}", reload.body);
    assert_eq!(hidden_value(&reload.body, "token"), token);
    assert!(!reload.body.contains(TRY_AGAIN));
    let posted = b
        .post(&app.url("/request"), &[("token", &token), ("note", "hi")])
        .await;
    // Post/redirect/get: the answer is a 303 to a page a reload shows again.
    assert_eq!(posted.status, StatusCode::SEE_OTHER, "{}", posted.body);
    assert_eq!(posted.location(), "/request/sent");
    for _ in 0..2 {
        let sent = b.follow(&app, &posted).await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
        assert!(sent.body.contains("<h1>Request sent</h1>"), "{}", sent.body);
        assert!(!sent.body.contains(TRY_AGAIN), "{}", sent.body);
        assert!(!sent.body.contains("expired"), "{}", sent.body);
    }
    // The browser re-posting the form (a double click, or Back and resubmit) records nothing
    // more and lands on "Request sent" again, not "form expired".
    let again = b
        .post(
            &app.url("/request"),
            &[("token", &token), ("note", "again")],
        )
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(again.location(), "/request/sent");
    // Someone else's browser learns nothing from the address.
    let stranger = Browser::new().get(&app.url("/request/sent")).await;
    assert!(!stranger.body.contains("Request sent"), "{}", stranger.body);

    // Back from "Request sent": the same outcome, saying the request was already sent.
    let back = b.get(&app.url("/request")).await;
    assert_eq!(back.status, StatusCode::FORBIDDEN, "{}", back.body);
    assert!(back.body.contains("<strong>bob</strong>"), "{}", back.body);
    assert!(back.body.contains("already asked"), "{}", back.body);
    assert!(!back.body.contains("name=\"token\""), "{}", back.body);
    assert!(!back.body.contains(TRY_AGAIN));
    let requests = app.store().read(|tx| tx.list_requests()).await.unwrap();
    assert_eq!(requests.len(), 1);

    // "Request sent" is kept ten minutes from the request; after that no stale page, still no
    // "Try again".
    app.clock.advance(Duration::from_secs(9 * 60));
    let still = b.get(&app.url("/request/sent")).await;
    assert!(
        still.body.contains("<h1>Request sent</h1>"),
        "{}",
        still.body
    );
    app.clock.advance(Duration::from_secs(2 * 60));
    for path in ["/request", "/request/sent"] {
        let late = b.get(&app.url(path)).await;
        assert!(!late.body.contains("bob"), "{}", late.body);
        assert!(!late.body.contains("Request sent"), "{}", late.body);
        assert!(!late.body.contains(TRY_AGAIN), "{}", late.body);
    }
    app.stop().await;
}

#[tokio::test]
async fn other_refusals_survive_a_reload_too() {
    let app = TestApp::with_fake(&[]).await;
    invite(&app, "usedUpCode_abcdefghij", Some(1), None).await;
    let start = "/auth/plex?invite=usedUpCode_abcdefghij";
    Browser::new().sign_in(&app, &ALICE, start).await;
    // Bob carries the used-up link to the sign-in; a friend tries the admin pages.
    for (who, start, status, title) in [
        (&BOB, start, StatusCode::GONE, "Invite link used up"),
        (
            &ALICE,
            "/auth/plex?next=/admin",
            StatusCode::FORBIDDEN,
            "Admins only",
        ),
    ] {
        let mut b = Browser::new();
        let answer = b.callback(&app, who, start).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
        assert_eq!(answer.location(), "/auth/plex/result");
        for _ in 0..2 {
            let page = b.follow(&app, &answer).await;
            assert_eq!(page.status, status, "{}", page.body);
            assert!(page.body.contains(title), "{}", page.body);
        }
        assert!(!b.cookies.keys().any(|k| k.contains("session")));
    }
    app.stop().await;
}

#[tokio::test]
async fn a_signed_in_friend_opening_their_used_invite_link_sees_their_access() {
    let app = TestApp::with_fake(&[]).await;
    invite(&app, "oneUseCode_abcdefghij", Some(1), None).await;
    let mut alice = Browser::new();
    let page = alice
        .sign_in(&app, &ALICE, "/auth/plex?invite=oneUseCode_abcdefghij")
        .await;
    assert!(page.body.contains("You&#x27;re in"), "{}", page.body);
    let again = alice.get(&app.url("/i/oneUseCode_abcdefghij")).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(again.location(), "/me");
    let me = alice.follow(&app, &again).await;
    assert!(me.body.contains("Movies"), "{}", me.body);
    // Anyone else still learns the link is used up, before signing in.
    let other = Browser::new()
        .get(&app.url("/i/oneUseCode_abcdefghij"))
        .await;
    assert_eq!(other.status, StatusCode::GONE, "{}", other.body);
    app.stop().await;
}
