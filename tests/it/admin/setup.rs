//! First run (SPEC §3): the setup code gate, claiming the install with a `setup` flow, the
//! server, libraries and policy steps, the token stored encrypted, and the code void after.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::access::{OWNER_SERVER_KEY, OWNER_TOKEN_KEY};
use plexgate::config::Policy;
use plexgate::fakeplex::{self, ALICE, MOVIES, OWNER, TV};
use reqwest::StatusCode;

use super::browser::Browser;
use super::fixtures::{NO_LIMIT, first_run, setup_code, submit};
use crate::support::TestApp;

/// Runs the whole setup as `OWNER` and returns the signed-in browser on the dashboard.
pub async fn set_up(app: &TestApp) -> Browser {
    let code = setup_code(app);
    let mut b = Browser::new();
    let page = b.get(&app.url(&format!("/setup?code={code}"))).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Connect your Plex account"),
        "{}",
        page.body
    );
    let page = b
        .sign_in(app, &OWNER, &format!("/setup/connect?code={code}"))
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(page.location(), "/setup/server");
    let page = submit(
        app,
        &mut b,
        "/setup/server",
        "/setup/server",
        &[("server", fakeplex::SERVER_ID)],
    )
    .await;
    assert_eq!(page.location(), "/setup/libraries", "{}", page.body);
    let (movies, tv) = (MOVIES.to_string(), TV.to_string());
    let page = submit(
        app,
        &mut b,
        "/setup/libraries",
        "/setup/libraries",
        &[
            ("libraries", movies.as_str()),
            ("libraries", tv.as_str()),
            ("policy", "invite"),
        ],
    )
    .await;
    assert_eq!(page.location(), "/admin?done=setup", "{}", page.body);
    b
}

#[tokio::test]
async fn the_setup_page_needs_the_printed_code() {
    let app = first_run(&[NO_LIMIT]).await;
    let mut b = Browser::new();
    for path in [
        "/setup",
        "/setup?code=",
        "/setup?code=wrong",
        "/setup/connect?code=nope",
    ] {
        let page = b.get(&app.url(path)).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}");
        assert!(!page.body.contains("Connect your Plex account"));
    }
    // Nothing was started at plex.tv without the code.
    assert!(
        app.fake()
            .requests()
            .iter()
            .all(|r| !r.path.contains("pins"))
    );
    let code = setup_code(&app);
    let page = b.get(&app.url(&format!("/setup?code={code}"))).await;
    assert_eq!(page.status, StatusCode::OK);
    // Friends cannot start a sign-in while there is no owner.
    let page = b.get(&app.url("/auth/plex")).await;
    assert_ne!(page.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn setup_starts_are_rate_limited() {
    let app = first_run(&[("PLEXGATE_LIMITS_SIGNINS_PER_MINUTE", "2")]).await;
    let mut b = Browser::new();
    let mut limited = false;
    for _ in 0..5 {
        let page = b.get(&app.url("/setup?code=guess")).await;
        limited |= page.status == StatusCode::TOO_MANY_REQUESTS;
    }
    assert!(limited, "guessing setup codes is rate-limited");
}

#[tokio::test]
async fn the_owner_sets_up_server_libraries_and_policy() {
    let app = first_run(&[NO_LIMIT]).await;
    let code = setup_code(&app);
    let mut b = set_up(&app).await;
    let dash = b.get(&app.url("/admin?done=setup")).await;
    assert_eq!(dash.status, StatusCode::OK);
    assert!(dash.body.contains(fakeplex::SERVER_NAME), "{}", dash.body);
    assert!(dash.body.contains("Connected to plex.tv as owner"));
    let owner = app.state.access.owner().expect("owner resolved");
    assert_eq!(owner.plex_id, OWNER.id);
    assert_eq!(
        app.state.access.default_libraries().await.unwrap(),
        vec![MOVIES, TV]
    );
    assert_eq!(app.state.access.effective_policy(), Policy::Invite);
    // Stored encrypted: readable through the key, absent from the database file in clear.
    let (token, server) = app
        .store()
        .read(|tx| {
            Ok((
                tx.get_secret_setting(OWNER_TOKEN_KEY)?,
                tx.get_setting::<String>(OWNER_SERVER_KEY)?,
            ))
        })
        .await
        .unwrap();
    // The token minted for this sign-in is the one kept.
    assert_eq!(
        vec![token.unwrap().expose().to_owned()],
        app.fake().minted_tokens(&OWNER)
    );
    assert_eq!(server.as_deref(), Some(fakeplex::SERVER_ID));
    let db = std::fs::read(app.store().path()).unwrap();
    let needle = OWNER.token.as_bytes();
    assert!(!db.windows(needle.len()).any(|w| w == needle));
    // Never shown again, anywhere the owner's browser went.
    assert!(b.seen.iter().all(|s| !s.contains(OWNER.token)));
    // The setup code is void now.
    assert!(app.state.setup_url().is_none());
    let page = b.get(&app.url(&format!("/setup?code={code}"))).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let page = b
        .get(&app.url(&format!("/setup/connect?code={code}")))
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    // Friends can sign in now.
    let page = Browser::new().get(&app.url("/auth/plex")).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn only_the_first_setup_sign_in_claims_and_another_account_cannot_reconnect() {
    let app = first_run(&[NO_LIMIT]).await;
    let code = setup_code(&app);
    let start = format!("/setup/connect?code={code}");
    let mut first = Browser::new();
    let mut second = Browser::new();
    let pin_owner = first.start(&app, &start).await;
    let pin_alice = second.start(&app, &start).await;
    assert!(app.fake().approve_pin_code(&pin_owner, &OWNER));
    assert!(app.fake().approve_pin_code(&pin_alice, &ALICE));
    let page = first.get(&app.url("/auth/plex/callback")).await;
    assert_eq!(page.location(), "/setup/server");
    let page = second.get(&app.url("/auth/plex/callback")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    assert!(page.body.contains("already has an owner"));
    // Alice has no admin session: the setup steps send her to sign in.
    let page = second.get(&app.url("/setup/server")).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let token = app
        .store()
        .read(|tx| tx.get_secret_setting(OWNER_TOKEN_KEY))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        app.fake().minted_tokens(&OWNER).first().map(String::as_str),
        Some(token.expose()),
        "still the owner's first token"
    );
}

#[tokio::test]
async fn a_server_the_owner_does_not_own_is_refused() {
    let app = first_run(&[NO_LIMIT]).await;
    let code = setup_code(&app);
    let mut b = Browser::new();
    b.sign_in(&app, &OWNER, &format!("/setup/connect?code={code}"))
        .await;
    // Setup stopped here: the dashboard leads back to the server step.
    let dash = b.get(&app.url("/admin")).await;
    assert!(dash.body.contains("Finish setup"), "{}", dash.body);
    let page = b.get(&app.url("/setup/server")).await;
    assert!(page.body.contains(fakeplex::SERVER_NAME));
    assert!(!page.body.contains(fakeplex::OTHER_SERVER_ID));
    let page = submit(
        &app,
        &mut b,
        "/setup/server",
        "/setup/server",
        &[("server", fakeplex::OTHER_SERVER_ID)],
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
    assert!(app.state.access.owner().is_none());
    // An empty library choice is refused: never "everything".
    submit(
        &app,
        &mut b,
        "/setup/server",
        "/setup/server",
        &[("server", fakeplex::SERVER_ID)],
    )
    .await;
    let page = submit(
        &app,
        &mut b,
        "/setup/libraries",
        "/setup/libraries",
        &[("policy", "open")],
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
    assert!(
        app.state
            .access
            .default_libraries()
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn only_the_owner_reconnects_plex_after_the_token_stops_working() {
    let app = first_run(&[NO_LIMIT]).await;
    let mut owner = set_up(&app).await;
    super::fixtures::co_admin(&app, &ALICE).await;
    let mut co = super::fixtures::admin(&app, &ALICE).await;
    app.fake().revoke_token(&OWNER);
    assert!(app.state.access.resolve_owner_once().await.is_err());
    let dash = owner.get(&app.url("/admin")).await;
    assert!(dash.body.contains("reconnect Plex"), "{}", dash.body);
    assert!(dash.body.contains("/admin/reconnect"));
    // A co-admin may not reconnect.
    let page = submit(&app, &mut co, "/admin", "/admin/reconnect", &[]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    // Another Plex account cannot reconnect (nor claim) from the sign-in page's button.
    let signin = Browser::new().get(&app.url("/admin/signin")).await;
    assert!(
        signin.body.contains("setup&#x2F;reconnect"),
        "{}",
        signin.body
    );
    let mut bob = Browser::new();
    let page = bob.sign_in(&app, &fakeplex::BOB, "/setup/reconnect").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    assert!(app.state.access.owner().is_none());
    // The owner reconnects from the dashboard.
    let page = submit(&app, &mut owner, "/admin", "/admin/reconnect", &[]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let code = super::browser::fragment_param(page.location(), "code").unwrap();
    assert!(app.fake().approve_pin_code(&code, &OWNER));
    let page = owner.get(&app.url("/auth/plex/callback")).await;
    assert_eq!(page.location(), "/admin?done=setup", "{}", page.body);
    let ready = app.state.access.owner().expect("reconnected");
    assert_eq!(ready.plex_id, OWNER.id);
    assert_ne!(
        ready.token.expose(),
        OWNER.token,
        "the new token replaced the revoked one"
    );
    let stored = app
        .store()
        .read(|tx| tx.get_secret_setting(OWNER_TOKEN_KEY))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.expose(), ready.token.expose());
    assert!(super::fixtures::has_event(&app, "plex_reconnect", "owner").await);
}

/// The dashboard's "Finish setup" leads to `step`, and friends see "not ready yet" with no
/// sign-in button, on the welcome page and on an invite link.
async fn abandoned_at(app: &TestApp, owner: &mut Browser, step: &str) {
    let dash = owner.get(&app.url("/admin")).await;
    assert_eq!(dash.status, StatusCode::OK, "{}", dash.body);
    let link = format!("href=\"{}\"", step.replace('/', "&#x2F;"));
    assert!(dash.body.contains("Finish setup"), "{}", dash.body);
    assert!(dash.body.contains(&link), "{link}: {}", dash.body);
    let page = owner.get(&app.url(step)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for path in ["/", "/i/someInviteCode_12345678"] {
        let page = Browser::new().get(&app.url(path)).await;
        assert!(page.body.contains("Not ready yet"), "{path}: {}", page.body);
        assert!(!page.body.contains("/auth/plex"), "{path}: {}", page.body);
        assert!(
            !page.body.contains("Sign in with Plex"),
            "{path}: {}",
            page.body
        );
        // Nor does the welcome text above the notice ask for a sign-in that cannot work.
        assert!(
            !page.body.contains("Sign in with your Plex account"),
            "{path}: {}",
            page.body
        );
    }
}

#[tokio::test]
async fn an_abandoned_setup_says_finish_setup_to_the_owner_and_not_ready_to_friends() {
    let app = first_run(&[NO_LIMIT]).await;
    let code = setup_code(&app);
    let mut b = Browser::new();
    b.sign_in(&app, &OWNER, &format!("/setup/connect?code={code}"))
        .await;
    abandoned_at(&app, &mut b, "/setup/server").await;
    let page = submit(
        &app,
        &mut b,
        "/setup/server",
        "/setup/server",
        &[("server", fakeplex::SERVER_ID)],
    )
    .await;
    assert_eq!(page.location(), "/setup/libraries", "{}", page.body);
    // The server is known, the libraries step was left: still not set up.
    abandoned_at(&app, &mut b, "/setup/libraries").await;
    let movies = MOVIES.to_string();
    let page = submit(
        &app,
        &mut b,
        "/setup/libraries",
        "/setup/libraries",
        &[("libraries", movies.as_str()), ("policy", "invite")],
    )
    .await;
    assert_eq!(page.location(), "/admin?done=setup", "{}", page.body);
    let dash = b.get(&app.url("/admin")).await;
    assert!(!dash.body.contains("Finish setup"), "{}", dash.body);
    let welcome = Browser::new().get(&app.url("/")).await;
    assert!(!welcome.body.contains("Not ready yet"), "{}", welcome.body);
    assert!(
        welcome.body.contains("Sign in with Plex"),
        "{}",
        welcome.body
    );
}

#[tokio::test]
async fn a_headless_install_without_default_libraries_asks_for_them() {
    let app = TestApp::with_fake(&[NO_LIMIT, ("PLEXGATE_ACCESS_LIBRARIES", "")]).await;
    let mut owner = super::fixtures::admin(&app, &OWNER).await;
    abandoned_at(&app, &mut owner, "/setup/libraries").await;
    // A co-admin cannot open the setup steps; the Libraries page is theirs to use.
    super::fixtures::co_admin(&app, &ALICE).await;
    let mut co = super::fixtures::admin(&app, &ALICE).await;
    let dash = co.get(&app.url("/admin")).await;
    assert!(!dash.body.contains("Finish setup"), "{}", dash.body);
    assert!(
        dash.body.contains("href=\"&#x2F;admin&#x2F;libraries\""),
        "{}",
        dash.body
    );
    let tv = TV.to_string();
    let page = submit(
        &app,
        &mut co,
        "/admin/libraries",
        "/admin/libraries",
        &[("libraries", tv.as_str())],
    )
    .await;
    assert!(page.status.is_redirection(), "{}", page.body);
    let welcome = Browser::new().get(&app.url("/")).await;
    assert!(
        welcome.body.contains("Sign in with Plex"),
        "{}",
        welcome.body
    );
}
