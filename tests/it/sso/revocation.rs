//! Removing access closes every app on the very next check: grant removed or expired, sessions
//! ended through the API, sign-out; and the session's own lifetime and idle limits.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use plexgate::fakeplex::ALICE;
use plexgate::store::GrantStatus;
use reqwest::StatusCode;

use super::support::{KEY, nginx, sign_in, sso_app};

const APP: &str = "https://friends.example.com/";

async fn set_grant(
    app: &crate::support::TestApp,
    f: impl FnOnce(&mut plexgate::store::Grant) + Send + 'static,
) {
    app.store()
        .write(move |tx| {
            let mut g = tx.get_grant(ALICE.id)?.expect("a grant");
            f(&mut g);
            tx.put_grant(&g)
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn a_removed_or_expired_grant_fails_the_next_check() {
    let app = sso_app(&[]).await;
    let s = sign_in(&app, &ALICE, APP).await;
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::OK
    );
    set_grant(&app, |g| g.status = GrantStatus::Removed).await;
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    let now = app.state.access.clock().unix();
    set_grant(&app, move |g| {
        g.status = GrantStatus::Accepted;
        g.expires_at = Some(now + 60);
    })
    .await;
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::OK
    );
    app.clock.advance(Duration::from_secs(61));
    // Expired with no reconciler run: refused, and 403 (never 401: a signed-in account).
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn ending_sessions_through_the_api_signs_out_everywhere() {
    let app = sso_app(&[]).await;
    let s = sign_in(&app, &ALICE, APP).await;
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::OK
    );
    let r = reqwest::Client::new()
        .delete(app.url(&format!("/api/v1/users/{}/sessions", ALICE.id)))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn logout_needs_csrf_then_ends_the_session() {
    let app = sso_app(&[]).await;
    let s = sign_in(&app, &ALICE, APP).await;
    let c = crate::support::client();
    let page = c
        .get(format!(
            "{}?rd={}",
            app.url("/sso/logout"),
            super::support::enc(APP)
        ))
        .header("cookie", &s.cookie)
        .send()
        .await
        .unwrap();
    let body = page.text().await.unwrap();
    let csrf = body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::OK,
        "GET changes nothing"
    );
    let bad = c
        .post(app.url("/sso/logout"))
        .header("cookie", &s.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(super::support::form(&[("csrf", "nope"), ("rd", APP)]))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::OK
    );
    let ok = c
        .post(app.url("/sso/logout"))
        .header("cookie", &s.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(super::support::form(&[
            ("csrf", csrf.as_str()),
            ("rd", APP),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(ok.headers()["location"], APP);
    assert!(
        ok.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Domain=example.com; Max-Age=0")
    );
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn idle_and_lifetime_limits_end_the_session() {
    let timing = plexgate::clock::Timing {
        session_idle: Duration::from_secs(3600),
        session_lifetime: Duration::from_secs(3 * 3600),
        ..crate::support::fast_timing()
    };
    let app = super::support::sso_app_timing(&[], timing).await;
    let s = sign_in(&app, &ALICE, APP).await;
    // Each check counts as use: 50 minutes apart, four times, stays signed in...
    for _ in 0..3 {
        app.clock.advance(Duration::from_secs(50 * 60));
        assert_eq!(
            nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
            StatusCode::OK
        );
    }
    // ...until the absolute lifetime.
    app.clock.advance(Duration::from_secs(35 * 60));
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let s = sign_in(&app, &ALICE, APP).await;
    app.clock.advance(Duration::from_secs(3600));
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::UNAUTHORIZED
    );
}
