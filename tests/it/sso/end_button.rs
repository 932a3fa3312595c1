//! The admin Users page's "End sessions" button (SPEC §8 owner tools): the account's very next
//! check is refused as a signed-out browser and `/me` is signed out; a form without the CSRF
//! token is a 403 that changes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::{ALICE, OWNER};
use plexgate::store::EventFilter;
use reqwest::StatusCode;

use super::support::{form, forward, header, sign_in, sso_app};
use crate::support::{TestApp, client};

const APP: &str = "https://friends.example.com/";
const BROWSER: (&str, &str) = ("accept", "text/html");

async fn check(app: &TestApp, cookie: &str) -> reqwest::Response {
    forward(app, "friends.example.com", "/", Some(cookie), &[BROWSER]).await
}

async fn me(app: &TestApp, cookie: &str) -> String {
    let r = client()
        .get(app.url("/me"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.text().await.unwrap()
}

async fn post(app: &TestApp, admin: &str, body: String) -> reqwest::Response {
    client()
        .post(app.url(&format!("/admin/users/{}/sessions", ALICE.id)))
        .header("cookie", admin)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
}

/// The Users page, which must offer the button for alice, and its CSRF token.
async fn users_page_token(app: &TestApp, admin: &str) -> String {
    let r = client()
        .get(app.url("/admin/users"))
        .header("cookie", admin)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let body = r.text().await.unwrap();
    let action = format!("/admin/users/{}/sessions", ALICE.id);
    assert!(
        body.replace("&#x2F;", "/").contains(&action),
        "no end-sessions form: {body}"
    );
    assert!(body.contains("end sessions of alice"), "{body}");
    let marker = "name=\"csrf\" value=\"";
    let rest = &body[body.find(marker).expect("a CSRF field") + marker.len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn the_users_page_button_ends_an_accounts_sessions_everywhere() {
    let app = sso_app(&[]).await;
    let alice = sign_in(&app, &ALICE, APP).await;
    let owner = sign_in(&app, &OWNER, APP).await;
    let admin = owner.admin_cookie.expect("the owner gets an admin session");
    assert_eq!(check(&app, &alice.cookie).await.status(), StatusCode::OK);
    let token = users_page_token(&app, &admin).await;

    // Without the CSRF token: 403, and alice is still signed in everywhere.
    let r = post(&app, &admin, String::new()).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = post(&app, &admin, form(&[("csrf", "not-the-token")])).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(check(&app, &alice.cookie).await.status(), StatusCode::OK);
    assert!(
        !me(&app, &alice.cookie)
            .await
            .contains("Sign in with Plex to see")
    );

    // With it: 303 back to the page with a done notice.
    let r = post(&app, &admin, form(&[("csrf", &token)])).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let back = header(r.headers(), "location").unwrap().to_owned();
    assert!(back.ends_with("/admin/users?done=sessions-ended"), "{back}");
    let page = client()
        .get(format!("{}{back}", app.origin))
        .header("cookie", &admin)
        .send()
        .await
        .unwrap();
    assert!(page.text().await.unwrap().contains("Sessions ended"));

    // Her very next check is a signed-out browser's: a 302 to the sign-in page.
    let r = check(&app, &alice.cookie).await;
    assert_eq!(r.status(), StatusCode::FOUND);
    let to = header(r.headers(), "location").unwrap();
    assert!(to.contains("/sso/login?rd="), "{to}");
    let r = forward(&app, "friends.example.com", "/", Some(&alice.cookie), &[]).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(
        me(&app, &alice.cookie)
            .await
            .contains("Sign in with Plex to see")
    );

    // Recorded with the admin as actor and alice as the account.
    let events = app
        .store()
        .read(|tx| tx.events_page(None, 50, &EventFilter::default()))
        .await
        .unwrap()
        .events;
    assert!(
        events.iter().any(|e| e.kind == "sessions_ended"
            && e.actor == "owner"
            && e.plex_id == Some(ALICE.id)
            && e.outcome == "ok"),
        "{events:?}"
    );
}
