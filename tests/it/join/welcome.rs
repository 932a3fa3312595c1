//! Whose server this is (issue 20): the welcome and invite pages name the server and the
//! owner's Plex display name and show the owner's avatar, read from plex.tv when the owner
//! connects and served from plexgate's own address (`/assets/owner-avatar`), so the CSP keeps
//! images to `'self'`. Without an avatar the owner's initial is shown.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::{AVATAR_PNG, Fault, SERVER_NAME};
use reqwest::StatusCode;

use super::browser::Browser;
use super::journeys::invite;
use crate::support::TestApp;

const IMG: &str = "<img class=\"avatar\" src=\"/assets/owner-avatar\"";

#[tokio::test]
async fn the_welcome_and_invite_pages_show_the_owner_s_avatar_from_plexgate_itself() {
    let app = TestApp::with_fake(&[]).await;
    invite(&app, "avatarCode_abcdefghijk", None, None).await;
    let mut b = Browser::new();
    for path in ["/", "/i/avatarCode_abcdefghijk"] {
        let page = b.get(&app.url(path)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains(SERVER_NAME), "{}", page.body);
        assert!(page.body.contains("shared by owner"), "{}", page.body);
        assert!(page.body.contains(IMG), "{path}: {}", page.body);
    }
    // Served from memory: no plex.tv call per visitor.
    app.fake().clear_requests();
    let resp = crate::support::client()
        .get(app.url("/assets/owner-avatar"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "image/png");
    let csp = resp.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert_eq!(resp.bytes().await.unwrap().as_ref(), AVATAR_PNG);
    assert!(app.fake().requests().is_empty());
}

#[tokio::test]
async fn without_an_avatar_from_plex_tv_the_owner_s_initial_is_shown() {
    let app = TestApp::with_fake(&[]).await;
    // plex.tv fails the avatar when the owner connects again: no image, the initial instead.
    app.fake().inject(Fault::status("/users/", 500));
    app.state.access.resolve_owner_once().await.unwrap();
    let page = Browser::new().get(&app.url("/")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(!page.body.contains(IMG), "{}", page.body);
    assert!(
        page.body
            .contains("<span class=\"avatar\" aria-hidden=\"true\">O</span>"),
        "{}",
        page.body
    );
    let resp = crate::support::client()
        .get(app.url("/assets/owner-avatar"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

/// An invite link's page is rendered once and kept (issue 23), yet follows its invite on the
/// very next request: an edited library set, the end of its time and a revocation.
#[tokio::test]
async fn an_invite_page_follows_its_invite_on_the_next_request() {
    use plexgate::crypto::sha256_hex;
    use plexgate::fakeplex::MUSIC;
    let app = TestApp::with_fake(&[]).await;
    invite(&app, "keptCode_abcdefghijk", None, Some(60)).await;
    invite(&app, "revokeCode_abcdefghij", None, None).await;
    let mut b = Browser::new();
    let url = app.url("/i/keptCode_abcdefghijk");
    let first = b.get(&url).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert!(first.body.contains("<li>Movies</li>"), "{}", first.body);
    assert_eq!(b.get(&url).await.body, first.body, "the same page again");
    let hash = sha256_hex("keptCode_abcdefghijk");
    app.store()
        .write(move |tx| {
            let mut inv = tx.invite_by_hash(&hash)?.unwrap();
            inv.libraries = Some(vec![MUSIC]);
            tx.put_invite(&inv)
        })
        .await
        .unwrap();
    let edited = b.get(&url).await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    assert!(edited.body.contains("<li>Music</li>"), "{}", edited.body);
    assert!(!edited.body.contains("<li>Movies</li>"), "{}", edited.body);
    app.clock.advance(std::time::Duration::from_secs(61));
    let expired = b.get(&url).await;
    assert_eq!(expired.status, StatusCode::GONE, "{}", expired.body);

    let url = app.url("/i/revokeCode_abcdefghij");
    assert_eq!(b.get(&url).await.status, StatusCode::OK);
    let hash = sha256_hex("revokeCode_abcdefghij");
    app.store()
        .write(move |tx| {
            let mut inv = tx.invite_by_hash(&hash)?.unwrap();
            inv.revoked = true;
            tx.put_invite(&inv)
        })
        .await
        .unwrap();
    let revoked = b.get(&url).await;
    assert_eq!(revoked.status, StatusCode::GONE, "{}", revoked.body);
    assert!(
        revoked.body.contains("turned this invite link off"),
        "{}",
        revoked.body
    );
    app.stop().await;
}
