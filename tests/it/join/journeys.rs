//! The friend's journeys that end with access (SPEC §2.3-2.5): allowlisted, re-sign-in,
//! external shares, invites, the owner, plex.tv failing part-way, `/me` and sign-out.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::{self, ALICE, BOB, DAVE, Fault, MOVIES, MUSIC, OWNER, TV};
use plexgate::store::{GrantStatus, IdTable, Invite};
use reqwest::StatusCode;

use super::browser::Browser;
use crate::support::TestApp;
pub use crate::support::allow;

/// Adds an invite whose code is `code`.
pub async fn invite(app: &TestApp, code: &str, max_uses: Option<u32>, expires_in: Option<i64>) {
    let code_hash = plexgate::crypto::sha256_hex(code);
    let now = app.state.access.clock().unix();
    app.store()
        .write(move |tx| {
            let id = tx.next_id(IdTable::Invites)?;
            tx.put_invite(&Invite {
                id,
                code_hash,
                max_uses,
                uses: 0,
                used_by: vec![],
                expires_at: expires_in.map(|s| now + s),
                libraries: None,
                access_days: None,
                note: String::new(),
                revoked: false,
                sharing: Default::default(),
                created_at: now,
            })
        })
        .await
        .unwrap();
}

/// The fake's shares for one account, section ids sorted.
pub fn shares_of(app: &TestApp, user_id: u64) -> Vec<(Vec<u64>, bool)> {
    app.fake()
        .shares()
        .into_iter()
        .filter(|s| s.user_id == user_id && s.machine_id == fakeplex::SERVER_ID)
        .map(|mut s| {
            s.section_ids.sort_unstable();
            (s.section_ids, s.accepted)
        })
        .collect()
}

pub async fn grant_status(app: &TestApp, plex_id: u64) -> Option<GrantStatus> {
    app.store()
        .read(move |tx| tx.get_grant(plex_id))
        .await
        .unwrap()
        .map(|g| g.status)
}

#[tokio::test]
async fn allowlisted_friend_gets_one_accepted_share_within_the_call_budget() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    app.fake().clear_requests();
    let mut b = Browser::new();
    let page = b.sign_in(&app, &ALICE, "/auth/plex").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("You&#x27;re in") || page.body.contains("You're in"));
    assert!(page.body.contains(fakeplex::SERVER_NAME), "{}", page.body);
    assert!(page.body.contains("Movies") && page.body.contains("TV Shows"));
    assert!(page.body.contains("https://app.plex.tv/desktop"));
    assert!(page.body.contains("What next?"), "default onboarding text");
    let calls = app.fake().requests();
    assert!(
        calls.len() <= 7,
        "{} plex.tv calls: {calls:#?}",
        calls.len()
    );
    assert_eq!(shares_of(&app, ALICE.id), vec![(vec![MOVIES, TV], true)]);
    assert_eq!(
        grant_status(&app, ALICE.id).await,
        Some(GrantStatus::Accepted)
    );

    // Signing in again shares nothing more.
    let mut again = Browser::new();
    let page = again.sign_in(&app, &ALICE, "/auth/plex").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(shares_of(&app, ALICE.id), vec![(vec![MOVIES, TV], true)]);

    // `/me` shows the same, and signing out ends the session.
    let me = b.get(&app.url("/me")).await;
    assert_eq!(me.status, StatusCode::OK);
    assert!(
        me.body.contains("alice") && me.body.contains("Movies"),
        "{}",
        me.body
    );
    let csrf = hidden_value(&me.body, "csrf");
    let bad = b
        .post(&app.url("/auth/signout"), &[("csrf", "wrong")])
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let out = b.post(&app.url("/auth/signout"), &[("csrf", &csrf)]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location(), "/signed-out");
    assert!(b.cookies.is_empty(), "{:?}", b.cookies);
    let me = b.get(&app.url("/me")).await;
    assert!(me.body.contains("Sign in with Plex"), "{}", me.body);
    app.stop().await;
}

/// The value of `<input type="hidden" name="NAME" value="...">` in a page.
pub fn hidden_value(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker).expect("hidden input") + marker.len();
    let end = body[start..].find('"').unwrap();
    body[start..start + end].to_owned()
}

#[tokio::test]
async fn an_external_share_gains_libraries_and_loses_none() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "dave", Some(vec![MOVIES, MUSIC])).await;
    let before = shares_of(&app, DAVE.id);
    assert_eq!(before.len(), 1);
    let page = Browser::new().sign_in(&app, &DAVE, "/auth/plex").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let after = shares_of(&app, DAVE.id);
    assert_eq!(after.len(), 1, "no second share");
    for id in before[0].0.iter().chain([MOVIES, MUSIC].iter()) {
        assert!(after[0].0.contains(id), "{after:?} lacks {id}");
    }
    app.stop().await;
}

#[tokio::test]
async fn an_external_friend_not_on_the_list_is_in_and_nothing_changes() {
    let app = TestApp::with_fake(&[]).await;
    // The reconciler records the share made in Plex's UI as an external grant.
    app.state.access.run_once().await.unwrap();
    let before = app.fake().shares();
    let page = Browser::new().sign_in(&app, &DAVE, "/auth/plex").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("in</h1>"), "{}", page.body);
    assert_eq!(app.fake().shares(), before);
    app.stop().await;
}

#[tokio::test]
async fn an_invite_with_one_use_used_twice_at_once_shares_once() {
    let app = TestApp::with_fake(&[]).await;
    invite(&app, "oneUseCode_1234567890", Some(1), None).await;
    let welcome = Browser::new()
        .get(&app.url("/i/oneUseCode_1234567890"))
        .await;
    assert_eq!(welcome.status, StatusCode::OK);
    assert!(welcome.body.contains("name=\"invite\""), "{}", welcome.body);
    let start = "/auth/plex?invite=oneUseCode_1234567890";
    let (mut a, mut b) = (Browser::new(), Browser::new());
    let code_a = a.start(&app, start).await;
    let code_b = b.start(&app, start).await;
    app.fake().approve_pin_code(&code_a, &ALICE);
    app.fake().approve_pin_code(&code_b, &BOB);
    let url = app.url("/auth/plex/callback");
    let (pa, pb) = tokio::join!(a.get(&url), b.get(&url));
    let (pa, pb) = (a.land(&app, pa).await, b.land(&app, pb).await);
    let oks = [&pa, &pb]
        .iter()
        .filter(|p| p.status == StatusCode::OK)
        .count();
    assert_eq!(oks, 1, "{} / {}", pa.body, pb.body);
    let shared = shares_of(&app, ALICE.id).len() + shares_of(&app, BOB.id).len();
    assert_eq!(shared, 1);
    // The link is used up now, and says so before any sign-in.
    let used = Browser::new()
        .get(&app.url("/i/oneUseCode_1234567890"))
        .await;
    assert_eq!(used.status, StatusCode::GONE, "{}", used.body);
    app.stop().await;
}

#[tokio::test]
async fn the_owner_lands_on_the_admin_page() {
    let app = TestApp::with_fake(&[]).await;
    let mut b = Browser::new();
    let anon = b.get(&app.url("/admin")).await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);
    assert_eq!(anon.location(), "/admin/signin?next=%2Fadmin");
    let signin = b.follow(&app, &anon).await;
    assert!(
        signin.body.contains("auth&#x2F;plex?next=%2Fadmin"),
        "{}",
        signin.body
    );
    let page = b.sign_in(&app, &OWNER, "/auth/plex?next=/admin").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(page.location(), "/admin");
    let landing = b.follow(&app, &page).await;
    assert_eq!(landing.status, StatusCode::OK);
    assert!(
        landing.body.contains("Signed in as owner"),
        "{}",
        landing.body
    );
    assert!(app.fake().shares().iter().all(|s| s.user_id != OWNER.id));
    app.stop().await;
}

#[tokio::test]
async fn a_failed_share_is_set_up_later_by_the_reconciler() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    app.fake()
        .inject(Fault::status("/api/v2/shared_servers", 503).method("POST"));
    let v1 = format!("/api/servers/{}/shared_servers", fakeplex::SERVER_ID);
    app.fake().inject(Fault::status(v1, 503).method("POST"));
    let page = Browser::new().sign_in(&app, &ALICE, "/auth/plex").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("being set up"), "{}", page.body);
    assert_eq!(
        grant_status(&app, ALICE.id).await,
        Some(GrantStatus::Sharing)
    );
    assert!(shares_of(&app, ALICE.id).is_empty());
    app.fake().clear_faults();
    app.state.access.run_once().await.unwrap();
    assert_eq!(shares_of(&app, ALICE.id).len(), 1);
    app.stop().await;
}
