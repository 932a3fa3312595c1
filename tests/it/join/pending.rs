//! A share made but not accepted (SPEC §2.3-2.4): the friend sees the honest "Almost there"
//! (200), never "You're in", until plex.tv confirms the accept: by the reconciler with the
//! token held in memory, by the friend accepting Plex's email, or at their next sign-in.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::{ALICE, Fault, MOVIES, TV};
use plexgate::store::GrantStatus;
use reqwest::StatusCode;

use super::browser::Browser;
use super::journeys::{allow, grant_status, shares_of};
use crate::support::{TestApp, owner_writes, signin_outcomes};

/// Alice is allowlisted and signs in while plex.tv answers 503 to every accept try; she sees
/// "Almost there" and her grant is `pending`. Returns the app and her browser.
async fn pending_alice() -> (TestApp, Browser) {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    app.fake().inject(Fault::status(
        "/api/v2/shared_servers/invites/received",
        503,
    ));
    let mut b = Browser::new();
    let page = b.sign_in(&app, &ALICE, "/auth/plex").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("<h1>Almost there</h1>"), "{}", page.body);
    assert!(page.body.contains("email from Plex"), "{}", page.body);
    assert!(!page.body.contains("You&#x27;re in"), "{}", page.body);
    assert_eq!(
        grant_status(&app, ALICE.id).await,
        Some(GrantStatus::Pending)
    );
    app.fake().clear_faults();
    (app, b)
}

#[tokio::test]
async fn a_failed_accept_is_pending_until_the_friend_accepts() {
    let (app, mut b) = pending_alice().await;
    assert!(app.fake().accept_from_email(&ALICE));
    app.state.access.run_once().await.unwrap();
    assert_eq!(
        grant_status(&app, ALICE.id).await,
        Some(GrantStatus::Accepted)
    );
    // The same page, reloaded, now tells the new truth.
    let page = b.get(&app.url("/me?welcome=1")).await;
    assert!(page.says_in(), "{}", page.body);
    app.stop().await;
}

#[tokio::test]
async fn a_pending_share_is_accepted_by_the_reconciler_with_the_held_token() {
    let (app, mut b) = pending_alice().await;
    let report = app.state.access.run_once().await.unwrap();
    assert_eq!(report.accepted, 1, "{report:?}");
    assert_eq!(shares_of(&app, ALICE.id), vec![(vec![MOVIES, TV], true)]);
    let page = b.get(&app.url("/me?welcome=1")).await;
    assert!(page.says_in(), "{}", page.body);
    app.stop().await;
}

#[tokio::test]
async fn a_pending_share_is_accepted_at_the_next_sign_in() {
    let (app, _) = pending_alice().await;
    app.fake().clear_requests();
    let page = Browser::new().sign_in(&app, &ALICE, "/auth/plex").await;
    assert!(page.says_in(), "{}", page.body);
    assert_eq!(
        grant_status(&app, ALICE.id).await,
        Some(GrantStatus::Accepted)
    );
    assert_eq!(shares_of(&app, ALICE.id), vec![(vec![MOVIES, TV], true)]);
    // The share existed: only the friend's accept was written, nothing with the owner's token.
    assert_eq!(owner_writes(&app), 0);
    assert_eq!(
        signin_outcomes(&app, ALICE.id).await,
        ["joined", "already_in"]
    );
    app.stop().await;
}
