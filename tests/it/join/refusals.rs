//! Sign-ins that end without a share (SPEC §2.3, §3): not on the list (with "Ask for
//! access"), bad invite links, admin flows by friends and by the owner.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::{ALICE, BOB};
use plexgate::store::RequestStatus;
use reqwest::StatusCode;

use super::browser::Browser;
use super::journeys::{allow, hidden_value, invite, shares_of};
use crate::support::TestApp;

#[tokio::test]
async fn a_friend_not_on_the_list_can_ask_for_access() {
    let app = TestApp::with_fake(&[]).await;
    let mut b = Browser::new();
    let page = b.sign_in(&app, &BOB, "/auth/plex").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    assert!(page.body.contains("<strong>bob</strong>"), "{}", page.body);
    assert!(page.body.contains("Ask for access"));
    assert!(
        page.body.contains("sign out at"),
        "explains how to switch accounts"
    );
    assert!(shares_of(&app, BOB.id).is_empty());
    assert!(
        !b.cookies.keys().any(|k| k.contains("session")),
        "no session"
    );
    let token = hidden_value(&page.body, "token");
    let long = "x".repeat(501);
    let too_long = b
        .post(&app.url("/request"), &[("token", &token), ("note", &long)])
        .await;
    assert_eq!(too_long.status, StatusCode::BAD_REQUEST);
    let sent = b
        .post(
            &app.url("/request"),
            &[("token", &token), ("note", "hi, it's Bob")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let sent = b.follow(&app, &sent).await;
    assert!(sent.body.contains("Request sent"), "{}", sent.body);
    // One use only: another browser holding the token records nothing.
    let again = Browser::new()
        .post(
            &app.url("/request"),
            &[("token", &token), ("note", "again")],
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "one use only");
    let requests = app.store().read(|tx| tx.list_requests()).await.unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].plex_id, BOB.id);
    assert_eq!(requests[0].status, RequestStatus::Open);
    assert!(shares_of(&app, BOB.id).is_empty());
    app.stop().await;
}

#[tokio::test]
async fn expired_revoked_and_unknown_invites_say_so_before_sign_in() {
    let app = TestApp::with_fake(&[]).await;
    invite(&app, "expiredCode_123456789", None, Some(-10)).await;
    invite(&app, "revokedCode_123456789", None, None).await;
    app.store()
        .write(|tx| {
            let mut inv = tx
                .invite_by_hash(&plexgate::crypto::sha256_hex("revokedCode_123456789"))?
                .unwrap();
            inv.revoked = true;
            tx.put_invite(&inv)
        })
        .await
        .unwrap();
    let mut b = Browser::new();
    let expired = b.get(&app.url("/i/expiredCode_123456789")).await;
    assert_eq!(expired.status, StatusCode::GONE, "{}", expired.body);
    assert!(expired.body.contains("expired"));
    let revoked = b.get(&app.url("/i/revokedCode_123456789")).await;
    assert_eq!(revoked.status, StatusCode::GONE, "{}", revoked.body);
    let unknown = b.get(&app.url("/i/noSuchCode")).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    // Carried to the sign-in anyway, the invite is still refused and nothing is shared.
    let page = b
        .sign_in(&app, &ALICE, "/auth/plex?invite=expiredCode_123456789")
        .await;
    assert_ne!(page.status, StatusCode::OK, "{}", page.body);
    assert!(shares_of(&app, ALICE.id).is_empty());
    app.stop().await;
}

#[tokio::test]
async fn an_admin_flow_never_shares_and_refuses_friends() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    let mut b = Browser::new();
    let page = b.sign_in(&app, &ALICE, "/auth/plex?next=/admin").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    assert!(shares_of(&app, ALICE.id).is_empty());
    assert!(!b.cookies.keys().any(|k| k.contains("admin")));
    // Signed in as a friend, the admin page answers 403, not a sign-in loop.
    let joined = b.sign_in(&app, &ALICE, "/auth/plex").await;
    assert_eq!(joined.status, StatusCode::OK, "{}", joined.body);
    let admin = b.get(&app.url("/admin")).await;
    assert_eq!(admin.status, StatusCode::FORBIDDEN);
    app.stop().await;
}
