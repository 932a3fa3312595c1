//! Each admin page's actions, checked in the store, on the fake plex.tv and in the event log
//! (with the admin's username as actor).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::config::Policy;
use plexgate::fakeplex::{ALICE, MOVIES, MUSIC, OWNER, TV};
use reqwest::StatusCode;

use super::browser::Browser;
use super::fixtures::{NO_LIMIT, admin, has_event, submit};
use crate::support::TestApp;

#[tokio::test]
async fn allowlist_add_and_remove_from_the_access_page() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let music = MUSIC.to_string();
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        "/admin/access/allow",
        &[
            ("account", "alice@example.com"),
            ("libraries", &music),
            ("access_days", "30"),
            ("note", "<b>sister</b>"),
        ],
    )
    .await;
    assert_eq!(
        page.location(),
        "/admin/access?done=allow-added",
        "{}",
        page.body
    );
    let list = app.state.access.allowlist().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].libraries, Some(vec![MUSIC]));
    assert_eq!(list[0].access_days, Some(30));
    assert!(has_event(&app, "allowlist_add", "owner").await);
    let page = b.get(&app.url("/admin/access?done=allow-added")).await;
    assert!(page.body.contains("Added to the allowlist."));
    assert!(
        page.body.contains("&lt;b&gt;sister&lt;&#x2F;b&gt;"),
        "notes are escaped"
    );
    // The friend signs in and gets Music only, on plex.tv.
    let mut alice = Browser::new();
    alice.sign_in(&app, &ALICE, "/auth/plex").await;
    let shares = app.fake().shares();
    let share = shares
        .iter()
        .find(|s| s.user_id == ALICE.id)
        .expect("shared");
    assert_eq!(share.section_ids, vec![MUSIC]);
    let id = list[0].id.to_string();
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        &format!("/admin/access/allow/{id}/remove"),
        &[],
    )
    .await;
    assert_eq!(page.location(), "/admin/access?done=allow-removed");
    assert!(app.state.access.allowlist().await.unwrap().is_empty());
    assert!(has_event(&app, "allowlist_remove", "owner").await);
    // A bad value is a page that says so and changes nothing.
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        "/admin/access/allow",
        &[("account", "x"), ("access_days", "soon")],
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(app.state.access.allowlist().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_policy_is_set_on_the_access_page_unless_config_fixes_it() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        "/admin/access/policy",
        &[("policy", "open")],
    )
    .await;
    assert_eq!(page.location(), "/admin/access?done=policy");
    assert_eq!(app.state.access.effective_policy(), Policy::Open);
    assert!(has_event(&app, "policy_set", "owner").await);
    let page = b.get(&app.url("/admin/access")).await;
    assert!(
        page.body
            .contains("anyone who signs in with Plex gets access")
    );
    let dash = b.get(&app.url("/admin")).await;
    assert!(dash.body.contains("The access policy is open"));
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        "/admin/access/policy",
        &[("policy", "allowlist")],
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let page = b.get(&app.url("/admin/invites")).await;
    assert!(page.body.contains("invite links are turned off"));

    let fixed = TestApp::with_fake(&[NO_LIMIT, ("PLEXGATE_ACCESS_POLICY", "allowlist")]).await;
    let mut b = admin(&fixed, &OWNER).await;
    let page = submit(
        &fixed,
        &mut b,
        "/admin/access",
        "/admin/access/policy",
        &[("policy", "open")],
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert_eq!(fixed.state.access.effective_policy(), Policy::Allowlist);
}

#[tokio::test]
async fn an_invite_link_is_shown_once_used_and_revoked() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let tv = TV.to_string();
    let page = submit(
        &app,
        &mut b,
        "/admin/invites",
        "/admin/invites",
        &[
            ("max_uses", "2"),
            ("expires_in_days", "7"),
            ("libraries", &tv),
            ("note", "book club"),
        ],
    )
    .await;
    // Post/redirect/get: the link is on the page the redirect lands on, never in its URL.
    assert!(
        page.location()
            .starts_with("/admin/invites?done=invite-created&shown="),
        "{}",
        page.location()
    );
    let created = page.location().to_owned();
    let page = b.follow(&app, &page).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(page.headers.get("cache-control").unwrap(), "no-store");
    let at = page.body.find("id=\"invite-url\"").expect("the link");
    let rest = &page.body[at..];
    let rest = &rest[rest.find("value=\"").unwrap() + 7..];
    let link = rest[..rest.find('"').unwrap()].replace("&#x2F;", "/");
    assert!(link.starts_with(&format!("{}/i/", app.origin)), "{link}");
    assert!(page.body.contains("data-copy"));
    assert!(has_event(&app, "invite_create", "owner").await);
    let code = link.rsplit('/').next().unwrap().to_owned();
    assert!(!created.contains(&code), "the code never goes into a URL");
    // Shown once: a reload of the same page shows it no more and creates nothing.
    let reload = b.get(&app.url(&created)).await;
    assert!(!reload.body.contains(&code));
    assert!(reload.body.contains("Invite link created."));
    assert_eq!(app.state.access.invites().await.unwrap().len(), 1);
    let list = b.get(&app.url("/admin/invites")).await;
    assert!(!list.body.contains(&code));
    assert!(list.body.contains("2 left"));
    // A friend uses it.
    let mut alice = Browser::new();
    alice
        .sign_in(&app, &ALICE, &format!("/auth/plex?invite={code}"))
        .await;
    let share = app
        .fake()
        .shares()
        .into_iter()
        .find(|s| s.user_id == ALICE.id)
        .unwrap();
    assert_eq!(share.section_ids, vec![TV]);
    let list = b.get(&app.url("/admin/invites")).await;
    assert!(list.body.contains("1 left"), "{}", list.body);
    assert!(list.body.contains("Used by: alice"));
    let id = app.state.access.invites().await.unwrap()[0].id;
    let page = submit(
        &app,
        &mut b,
        "/admin/invites",
        &format!("/admin/invites/{id}/revoke"),
        &[],
    )
    .await;
    assert_eq!(page.location(), "/admin/invites?done=revoked");
    assert!(app.state.access.invites().await.unwrap()[0].revoked);
    assert!(has_event(&app, "invite_revoke", "owner").await);
}

#[tokio::test]
async fn libraries_are_saved_and_an_empty_refresh_deletes_nothing() {
    let app = first_run_with_owner().await;
    let mut b = admin(&app, &OWNER).await;
    let page = b.get(&app.url("/admin/libraries")).await;
    assert!(page.body.contains("Movies") && page.body.contains("movie"));
    let music = MUSIC.to_string();
    let movies = MOVIES.to_string();
    let page = submit(
        &app,
        &mut b,
        "/admin/libraries",
        "/admin/libraries",
        &[("libraries", &movies), ("libraries", &music)],
    )
    .await;
    assert_eq!(
        page.location(),
        "/admin/libraries?done=libraries",
        "{}",
        page.body
    );
    assert_eq!(
        app.state.access.default_libraries().await.unwrap(),
        vec![MOVIES, MUSIC]
    );
    assert!(has_event(&app, "libraries_set", "owner").await);
    // plex.tv lists nothing: a warning, and the saved set stays.
    app.fake().empty_sections(true, true);
    let page = submit(
        &app,
        &mut b,
        "/admin/libraries",
        "/admin/libraries/refresh",
        &[],
    )
    .await;
    assert_eq!(page.location(), "/admin/libraries?warn=1");
    let page = b.get(&app.url("/admin/libraries?warn=1")).await;
    assert!(page.body.contains("nothing was changed"), "{}", page.body);
    assert!(
        page.body.contains(&format!("Library {MOVIES}")),
        "a saved library stays visible"
    );
    assert_eq!(
        app.state.access.default_libraries().await.unwrap(),
        vec![MOVIES, MUSIC]
    );
    // Nothing ticked is refused, not "share everything".
    let page = submit(&app, &mut b, "/admin/libraries", "/admin/libraries", &[]).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        app.state.access.default_libraries().await.unwrap(),
        vec![MOVIES, MUSIC]
    );
}

/// A headless install whose default libraries are not fixed by config.
async fn first_run_with_owner() -> TestApp {
    TestApp::with_fake(&[NO_LIMIT, ("PLEXGATE_ACCESS_LIBRARIES", "")]).await
}

#[tokio::test]
async fn settings_change_the_welcome_page_and_preview_saves_nothing() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    // Rendered (and cached) before the change: the change must still show at once.
    let before = Browser::new().get(&app.url("/")).await;
    assert!(!before.body.contains("Movie night"));
    let mut b = admin(&app, &OWNER).await;
    let page = submit(
        &app,
        &mut b,
        "/admin/settings",
        "/admin/settings/welcome",
        &[("title", "Movie night"), ("text", "Hi <friends>")],
    )
    .await;
    assert_eq!(page.location(), "/admin/settings?done=settings");
    let index = Browser::new().get(&app.url("/")).await;
    assert!(index.body.contains("Movie night"));
    assert!(index.body.contains("Hi &lt;friends&gt;"));
    let page = submit(
        &app,
        &mut b,
        "/admin/settings",
        "/admin/settings/onboarding",
        &[
            ("markdown", "**Hello** <script>x()</script>"),
            ("action", "preview"),
        ],
    )
    .await;
    let url = app.url(page.location());
    let page = b.follow(&app, &page).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<strong>Hello</strong>"));
    assert!(!page.body.contains("<script>x()"));
    // A reload shows the same preview.
    let again = b.get(&url).await;
    assert!(again.body.contains("<strong>Hello</strong>"));
    let stored = app
        .state
        .access
        .page_text(plexgate::web::views::ONBOARDING_KEY)
        .await
        .unwrap();
    assert!(stored.is_none(), "preview saves nothing");
    let page = submit(
        &app,
        &mut b,
        "/admin/settings",
        "/admin/settings/onboarding",
        &[("markdown", "Welcome!"), ("action", "save")],
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let stored = app
        .state
        .access
        .page_text(plexgate::web::views::ONBOARDING_KEY)
        .await
        .unwrap();
    assert_eq!(stored.as_deref(), Some("Welcome!"));
    assert!(has_event(&app, "settings_set", "owner").await);
    let page = b.get(&app.url("/admin/settings")).await;
    assert!(page.body.contains("server.public_url"));
    assert!(page.body.contains(&app.addr.to_string()));
}

#[tokio::test]
async fn admin_pages_work_under_a_path_prefix() {
    let app = TestApp::with_fake(&[
        NO_LIMIT,
        ("PLEXGATE_SERVER_PUBLIC_URL", "http://127.0.0.1:{port}/plex"),
    ])
    .await;
    let mut b = Browser::new();
    let page = b.sign_in(&app, &OWNER, "/auth/plex?next=/admin").await;
    assert_eq!(page.location(), "/plex/admin");
    for path in [
        "/admin",
        "/admin/access",
        "/admin/invites",
        "/admin/libraries",
        "/admin/users",
        "/admin/activity",
        "/admin/settings",
    ] {
        let page = b.get(&app.url(path)).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(
            page.body.contains("&#x2F;plex&#x2F;admin&#x2F;access"),
            "{path}: prefixed tabs"
        );
    }
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        "/admin/access/allow",
        &[("account", "carol")],
    )
    .await;
    assert_eq!(
        page.location(),
        "/plex/admin/access?done=allow-added",
        "{}",
        page.body
    );
}

#[tokio::test]
async fn the_apps_page_lists_forward_auth_apps_in_a_table_in_words() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    super::fixtures::forward_auth_apps(&app).await;
    let mut b = admin(&app, &OWNER).await;
    let page = b.get(&app.url("/admin/apps")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let start = page.body.find("id=\"fa\"").unwrap();
    let end = page.body.find("id=\"oidc\"").unwrap();
    let list = &page.body[start..end];
    assert!(list.contains("<table class=\"list\">"), "{list}");
    assert_eq!(
        list.matches("<tr>").count(),
        3,
        "a header and two rows: {list}"
    );
    assert!(
        list.contains("Admins and everyone with access to Music, and bob"),
        "{list}"
    );
    assert!(list.contains("Only you"), "{list}");
    assert!(list.contains("<code>&#x2F;api&#x2F;</code>"), "{list}");
    assert!(list.contains("every path needs a sign-in"), "{list}");
    assert!(!list.contains(&MUSIC.to_string()), "no section id: {list}");
}
