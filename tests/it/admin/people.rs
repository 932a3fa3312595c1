//! The pages backed by the scripting API's access functions: requests, co-admins, users (change,
//! extend, remove, the mass-removal confirmation, invite), held reconciler removals, activity,
//! API keys and backups; each checked on the fake plex.tv and in the event log.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use plexgate::fakeplex::{ALICE, BOB, CAROL, MOVIES, MUSIC, OWNER, TV};
use reqwest::StatusCode;

use super::browser::Browser;
use super::fixtures::{NO_LIMIT, admin, has_event, submit};
use crate::support::TestApp;
use crate::support::allow_for_days as allow;

async fn expiry(app: &TestApp, id: u64) -> Option<i64> {
    let g = app.store().read(move |tx| tx.get_grant(id)).await.unwrap();
    g.unwrap().expires_at
}

fn sections_of(app: &TestApp, plex_id: u64) -> Option<Vec<u64>> {
    app.fake()
        .shares()
        .into_iter()
        .find(|s| s.user_id == plex_id)
        .map(|s| {
            let mut ids = s.section_ids;
            ids.sort_unstable();
            ids
        })
}

/// The hidden `token` of the "Not on the list" page.
fn request_token(body: &str) -> String {
    let at = body
        .find("name=\"token\" value=\"")
        .expect("a request form");
    let rest = &body[at + "name=\"token\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn requests_are_approved_with_libraries_or_declined() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    for who in [&CAROL, &BOB] {
        let mut friend = Browser::new();
        let page = friend.sign_in(&app, who, "/auth/plex").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        let token = request_token(&page.body);
        let page = friend
            .post(&app.url("/request"), &[("token", &token), ("note", "hi")])
            .await;
        assert!(
            page.status.is_success() || page.status.is_redirection(),
            "{}",
            page.body
        );
    }
    let mut b = admin(&app, &OWNER).await;
    let access = b.get(&app.url("/admin/access")).await;
    assert!(access.body.contains("Approve carol") && access.body.contains("Approve bob"));
    let requests = app.state.access.access_requests().await.unwrap();
    let carol = requests.iter().find(|r| r.username == "carol").unwrap().id;
    let bob = requests.iter().find(|r| r.username == "bob").unwrap().id;
    let music = MUSIC.to_string();
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        &format!("/admin/access/requests/{carol}/approve"),
        &[("libraries", &music), ("access_days", "10")],
    )
    .await;
    assert_eq!(
        page.location(),
        "/admin/access?done=approved",
        "{}",
        page.body
    );
    assert_eq!(sections_of(&app, CAROL.id), Some(vec![MUSIC]));
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        &format!("/admin/access/requests/{bob}/decline"),
        &[],
    )
    .await;
    assert_eq!(page.location(), "/admin/access?done=declined");
    assert_eq!(sections_of(&app, BOB.id), None);
    let access = b.get(&app.url("/admin/access")).await;
    assert!(!access.body.contains("Approve carol") && !access.body.contains("Approve bob"));
    assert!(has_event(&app, "request_approve", "owner").await);
    assert!(has_event(&app, "request_decline", "owner").await);
}

#[tokio::test]
async fn co_admins_are_managed_by_the_owner_only() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut owner = admin(&app, &OWNER).await;
    let page = submit(
        &app,
        &mut owner,
        "/admin/access",
        "/admin/access/admins",
        &[("account", "alice")],
    )
    .await;
    assert_eq!(
        page.location(),
        "/admin/access?done=admin-added",
        "{}",
        page.body
    );
    let mut co = admin(&app, &ALICE).await;
    let page = submit(
        &app,
        &mut co,
        "/admin/access",
        "/admin/access/admins",
        &[("account", "bob")],
    )
    .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let id = app.state.access.co_admins().await.unwrap()[0].id;
    let page = submit(
        &app,
        &mut co,
        "/admin/access",
        &format!("/admin/access/admins/{id}/remove"),
        &[],
    )
    .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert_eq!(app.state.access.co_admins().await.unwrap().len(), 1);
    let page = submit(
        &app,
        &mut owner,
        "/admin/access",
        &format!("/admin/access/admins/{id}/remove"),
        &[],
    )
    .await;
    assert_eq!(page.location(), "/admin/access?done=admin-removed");
    assert!(app.state.access.co_admins().await.unwrap().is_empty());
    assert!(has_event(&app, "admin_add", "owner").await);
    assert!(has_event(&app, "admin_remove", "owner").await);
}

#[tokio::test]
async fn users_libraries_expiry_and_removal_reach_plex_tv() {
    let app = TestApp::with_fake(&[NO_LIMIT, ("PLEXGATE_RECONCILE_MAX_REMOVALS", "1")]).await;
    for who in ["alice", "bob", "carol"] {
        allow(&app, who, None).await;
    }
    for who in [&ALICE, &BOB, &CAROL] {
        Browser::new().sign_in(&app, who, "/auth/plex").await;
    }
    assert_eq!(sections_of(&app, ALICE.id), Some(vec![MOVIES, TV]));
    let mut b = admin(&app, &OWNER).await;
    let users = b.get(&app.url("/admin/users")).await;
    assert!(users.body.contains("alice") && users.body.contains("carol"));
    // Change alice's libraries.
    let (movies, music) = (MOVIES.to_string(), MUSIC.to_string());
    let page = submit(
        &app,
        &mut b,
        "/admin/users",
        &format!("/admin/users/{}/libraries", ALICE.id),
        &[("libraries", &movies), ("libraries", &music)],
    )
    .await;
    assert_eq!(
        page.location(),
        "/admin/users?done=user-changed",
        "{}",
        page.body
    );
    assert_eq!(sections_of(&app, ALICE.id), Some(vec![MOVIES, MUSIC]));
    assert!(has_event(&app, "user_update", "owner").await);
    // Extend and clear bob's expiry.
    let page = submit(
        &app,
        &mut b,
        "/admin/users",
        &format!("/admin/users/{}/expiry", BOB.id),
        &[("days", "5")],
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let now = app.state.access.clock().unix();
    assert_eq!(expiry(&app, BOB.id).await, Some(now + 5 * 86_400));
    submit(
        &app,
        &mut b,
        "/admin/users",
        &format!("/admin/users/{}/expiry", BOB.id),
        &[("clear", "1")],
    )
    .await;
    assert_eq!(expiry(&app, BOB.id).await, None);
    // Removal needs the confirmation tick.
    let id = CAROL.id.to_string();
    let page = submit(
        &app,
        &mut b,
        "/admin/users",
        "/admin/users/remove",
        &[("plex_id", &id)],
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(sections_of(&app, CAROL.id).is_some());
    // Two at once is more than reconcile.max_removals (1): a second confirmation is needed.
    let bob = BOB.id.to_string();
    let page = submit(
        &app,
        &mut b,
        "/admin/users",
        "/admin/users/remove",
        &[("plex_id", &id), ("plex_id", &bob), ("confirm", "yes")],
    )
    .await;
    assert_eq!(page.status, StatusCode::CONFLICT, "{}", page.body);
    assert!(page.body.contains("Nothing was removed"));
    assert!(sections_of(&app, CAROL.id).is_some() && sections_of(&app, BOB.id).is_some());
    let page = submit(
        &app,
        &mut b,
        "/admin/users",
        "/admin/users/remove",
        &[
            ("plex_id", &id),
            ("plex_id", &bob),
            ("confirm", "yes"),
            ("confirm_mass", "yes"),
        ],
    )
    .await;
    assert_eq!(
        page.location(),
        "/admin/users?done=user-removed",
        "{}",
        page.body
    );
    assert_eq!(sections_of(&app, CAROL.id), None);
    assert_eq!(sections_of(&app, BOB.id), None);
    assert!(has_event(&app, "remove", "owner").await);
    let activity = b.get(&app.url("/admin/activity?account=carol")).await;
    assert!(activity.body.contains("owner"), "{}", activity.body);
    assert!(!activity.body.contains("alice"), "filtered to carol");
}

#[tokio::test]
async fn the_owner_invites_by_email_from_the_users_page() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let tv = TV.to_string();
    let page = submit(
        &app,
        &mut b,
        "/admin/users",
        "/admin/users/invite",
        &[("account", "carol@example.com"), ("libraries", &tv)],
    )
    .await;
    assert_eq!(
        page.location(),
        "/admin/users?done=invited",
        "{}",
        page.body
    );
    assert_eq!(sections_of(&app, CAROL.id), Some(vec![TV]));
}

#[tokio::test]
async fn held_reconciler_removals_are_confirmed_or_discarded_on_the_dashboard() {
    let app = TestApp::with_fake(&[NO_LIMIT, ("PLEXGATE_RECONCILE_MAX_REMOVALS", "1")]).await;
    for who in ["alice", "bob"] {
        allow(&app, who, Some(1)).await;
    }
    for who in [&ALICE, &BOB] {
        Browser::new().sign_in(&app, who, "/auth/plex").await;
    }
    app.clock.advance(Duration::from_secs(2 * 86_400));
    app.state.access.run_once().await.unwrap();
    let mut b = admin(&app, &OWNER).await;
    let dash = b.get(&app.url("/admin")).await;
    assert!(dash.body.contains("Held removals"), "{}", dash.body);
    assert!(dash.body.contains("held back for your confirmation"));
    assert!(sections_of(&app, ALICE.id).is_some() && sections_of(&app, BOB.id).is_some());
    // Discard: everyone keeps access, the list is gone.
    let page = submit(&app, &mut b, "/admin", "/admin/held/discard", &[]).await;
    assert_eq!(page.location(), "/admin?done=held");
    assert!(
        app.state
            .access
            .reconcile_state()
            .await
            .unwrap()
            .held
            .is_empty()
    );
    assert!(sections_of(&app, ALICE.id).is_some());
    // Held again on the next run; confirm removes both from plex.tv.
    app.state.access.run_once().await.unwrap();
    let page = submit(&app, &mut b, "/admin", "/admin/held/confirm", &[]).await;
    assert_eq!(page.location(), "/admin?done=held", "{}", page.body);
    assert_eq!(sections_of(&app, ALICE.id), None);
    assert_eq!(sections_of(&app, BOB.id), None);
    assert!(has_event(&app, "reconcile_discard", "owner").await);
    assert!(has_event(&app, "reconcile_confirm", "owner").await);
}

#[tokio::test]
async fn api_keys_and_backups_from_settings() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let page = submit(
        &app,
        &mut b,
        "/admin/settings",
        "/admin/settings/keys",
        &[("name", "home script")],
    )
    .await;
    let page = b.follow(&app, &page).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("shown only this once"));
    let key = app.state.access.api_keys().await.unwrap();
    assert_eq!(key[0].name, "home script");
    let again = b.get(&app.url("/admin/settings")).await;
    assert!(!again.body.contains("shown only this once"));
    let page = submit(
        &app,
        &mut b,
        "/admin/settings",
        &format!("/admin/settings/keys/{}/revoke", key[0].id),
        &[],
    )
    .await;
    assert_eq!(page.location(), "/admin/settings?done=key-revoked");
    assert!(app.state.access.api_keys().await.unwrap().is_empty());
    assert!(has_event(&app, "key_create", "owner").await);
    assert!(has_event(&app, "key_revoke", "owner").await);
    let page = submit(
        &app,
        &mut b,
        "/admin/settings",
        "/admin/settings/backups",
        &[],
    )
    .await;
    assert_eq!(
        page.location(),
        "/admin/settings?done=backup",
        "{}",
        page.body
    );
    let settings = b.get(&app.url("/admin/settings")).await;
    let at = settings.body.find("plexgate-manual-").expect("listed");
    let rest = &settings.body[at..];
    let name = &rest[..rest.find(".redb").unwrap() + 5];
    let file = b
        .get(&app.url(&format!("/admin/settings/backups/{name}")))
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(
        file.headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .contains(name)
    );
    let bad = b
        .get(&app.url("/admin/settings/backups/..%2Fplexgate.key"))
        .await;
    assert_eq!(bad.status, StatusCode::NOT_FOUND);
    assert!(has_event(&app, "backup", "owner").await);
}
