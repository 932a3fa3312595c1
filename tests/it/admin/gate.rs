//! Who gets in (SPEC §3): stranger, friend, co-admin and owner on `/admin`; owner-only pages
//! and actions; CSRF token and `Origin` on every admin POST; admin sessions end when idle.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use plexgate::access::tools::NewAllowEntry;
use plexgate::fakeplex::{ALICE, BOB, OWNER};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, ORIGIN};

use super::browser::Browser;
use super::fixtures::{NO_LIMIT, admin, co_admin, csrf, has_event};
use crate::support::{TestApp, client};

const OWNER_ONLY_GETS: &[&str] = &["/admin/settings"];
const OWNER_ONLY_POSTS: &[&str] = &[
    "/admin/reconnect",
    "/admin/settings/welcome",
    "/admin/settings/onboarding",
    "/admin/settings/translation",
    "/admin/settings/notify-test",
];

#[tokio::test]
async fn strangers_are_sent_to_sign_in_and_friends_get_a_polite_403() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut stranger = Browser::new();
    for path in [
        "/admin",
        "/admin/access",
        "/admin/invites",
        "/admin/settings",
    ] {
        let page = stranger.get(&app.url(path)).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
        assert!(page.location().starts_with("/admin/signin?next="), "{path}");
    }
    let signin = stranger.get(&app.url("/admin/signin?next=/admin")).await;
    assert!(signin.body.contains("Sign in with Plex"));
    // A friend signing in through the admin flow: 403, never admin, never a share.
    let mut friend = Browser::new();
    let page = friend.sign_in(&app, &ALICE, "/auth/plex?next=/admin").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    assert!(app.fake().shares().iter().all(|s| s.user_id != ALICE.id));
    assert!(
        app.store()
            .read(move |tx| tx.get_grant(ALICE.id))
            .await
            .unwrap()
            .is_none()
    );
    let page = friend.get(&app.url("/admin")).await;
    assert_ne!(page.status, StatusCode::OK);
    // A friend with an account session (not admin) gets the 403 page on admin pages.
    app.state
        .access
        .add_allow_entry(
            "test",
            NewAllowEntry {
                account: "bob".into(),
                ..NewAllowEntry::default()
            },
        )
        .await
        .unwrap();
    let mut bob = Browser::new();
    bob.sign_in(&app, &BOB, "/auth/plex").await;
    let page = bob.get(&app.url("/admin")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.body.contains("not an admin"));
}

#[tokio::test]
async fn co_admins_see_their_pages_but_not_the_owners() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    co_admin(&app, &ALICE).await;
    let mut co = admin(&app, &ALICE).await;
    let dash = co.get(&app.url("/admin")).await;
    assert_eq!(dash.status, StatusCode::OK);
    assert!(dash.body.contains("co-admin"));
    assert!(
        !dash.body.contains("/admin/settings\""),
        "no Settings tab for a co-admin"
    );
    for path in ["/admin/access", "/admin/invites", "/admin/libraries"] {
        assert_eq!(
            co.get(&app.url(path)).await.status,
            StatusCode::OK,
            "{path}"
        );
    }
    for path in OWNER_ONLY_GETS {
        assert_eq!(
            co.get(&app.url(path)).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let token = csrf(&dash);
    for path in OWNER_ONLY_POSTS {
        let page = co
            .post(&app.url(path), &[("csrf", &token), ("title", "x")])
            .await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}");
    }
    let mut owner = admin(&app, &OWNER).await;
    let dash = owner.get(&app.url("/admin")).await;
    assert!(dash.body.contains("owner"));
    assert_eq!(
        owner.get(&app.url("/admin/settings")).await.status,
        StatusCode::OK
    );
}

async fn raw_post(
    app: &TestApp,
    b: &Browser,
    path: &str,
    origin: Option<&str>,
    form: &[(&str, &str)],
) -> StatusCode {
    let cookie: Vec<String> = b.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let mut req = client()
        .post(app.url(path))
        .header(COOKIE, cookie.join("; "))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body);
    if let Some(o) = origin {
        req = req.header(ORIGIN, o);
    }
    req.send().await.unwrap().status()
}

#[tokio::test]
async fn admin_posts_need_the_csrf_token_and_our_origin() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let page = b.get(&app.url("/admin/access")).await;
    let token = csrf(&page);
    let path = "/admin/access/allow";
    let ours = app.origin.clone();
    type Case<'a> = (Option<&'a str>, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (Some(&ours), vec![("account", "carol")]),
        (
            Some(&ours),
            vec![("csrf", "not-the-token"), ("account", "carol")],
        ),
        (
            Some("https://evil.example"),
            vec![("csrf", &token), ("account", "carol")],
        ),
        (Some("null"), vec![("csrf", &token), ("account", "carol")]),
    ];
    for (origin, form) in &cases {
        let status = raw_post(&app, &b, path, *origin, form).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{origin:?} {form:?}");
    }
    assert!(app.state.access.allowlist().await.unwrap().is_empty());
    let status = raw_post(
        &app,
        &b,
        path,
        Some(&ours),
        &[("csrf", &token), ("account", "carol")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(app.state.access.allowlist().await.unwrap().len(), 1);
    // The sign-out form on admin pages works with the same token.
    let page = b.post(&app.url("/auth/signout"), &[("csrf", &token)]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(
        b.get(&app.url("/admin")).await.status,
        StatusCode::SEE_OTHER
    );
}

/// An admin form is read up to 64 KiB (a long allowlist note fits); a bigger body is a 413 and
/// changes nothing.
#[tokio::test]
async fn admin_forms_are_read_up_to_64_kib() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let token = csrf(&b.get(&app.url("/admin/access")).await);
    let ours = app.origin.clone();
    let path = "/admin/access/allow";
    let big = "x".repeat(70 * 1024);
    let form = [
        ("csrf", token.as_str()),
        ("account", "carol"),
        ("pad", &big),
    ];
    let status = raw_post(&app, &b, path, Some(&ours), &form).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(app.state.access.allowlist().await.unwrap().is_empty());
    let fits = "x".repeat(20 * 1024);
    let form = [
        ("csrf", token.as_str()),
        ("account", "carol"),
        ("pad", &fits),
    ];
    let status = raw_post(&app, &b, path, Some(&ours), &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(app.state.access.allowlist().await.unwrap().len(), 1);
}

#[tokio::test]
async fn admin_sessions_end_when_idle() {
    // admin.idle is 30 minutes (the default).
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    assert_eq!(b.get(&app.url("/admin")).await.status, StatusCode::OK);
    app.clock.advance(Duration::from_secs(25 * 60));
    assert_eq!(b.get(&app.url("/admin")).await.status, StatusCode::OK);
    app.clock.advance(Duration::from_secs(25 * 60));
    assert_eq!(
        b.get(&app.url("/admin")).await.status,
        StatusCode::OK,
        "activity keeps it"
    );
    app.clock.advance(Duration::from_secs(31 * 60));
    // The account session lives on, but not the admin one: a page to sign in again.
    let page = b.get(&app.url("/admin")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.body.contains("Please sign in again"), "{}", page.body);
    assert!(page.body.contains("admin&#x2F;signin?next="));
    assert!(!page.body.contains("Dashboard"));
    assert!(has_event(&app, "signin", "owner").await);
}
