//! App rules naming libraries by title (`libraries = ["Movies"]`, SPEC §8): resolved to plex.tv
//! section ids from the sections plexgate already holds, never by a plex.tv call during a check.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use plexgate::fakeplex::{ALICE, BOB, MOVIES, OWNER, TV};
use reqwest::StatusCode;

use super::support::{KEY, form, forward, nginx, sign_in, sso_app};
use crate::support::{TestApp, client};

const APP: &str = "https://movies.example.com/";

async fn set_libraries(app: &TestApp, plex_id: u64, libraries: Vec<u64>) {
    app.store()
        .write(move |tx| {
            let mut g = tx.get_grant(plex_id)?.expect("a grant");
            g.libraries = libraries;
            tx.put_grant(&g)
        })
        .await
        .unwrap();
}

async fn status(app: &TestApp, cookie: &str) -> StatusCode {
    let n = nginx(app, APP, Some(cookie), &[]).await.status();
    let f = forward(app, "movies.example.com", "/", Some(cookie), &[])
        .await
        .status();
    assert_eq!(n, f, "nginx and forward agree");
    n
}

#[tokio::test]
async fn a_title_rule_passes_grants_holding_it_with_no_plex_call() {
    let app = sso_app(&[]).await;
    let apps = serde_json::json!({"apps": [
        {"host": "movies.example.com", "allow": "friends", "libraries": ["Movies"]},
    ]});
    let r = client()
        .put(app.url("/api/v1/apps"))
        .bearer_auth(KEY)
        .json(&apps)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let alice = sign_in(&app, &ALICE, APP).await;
    let bob = sign_in(&app, &BOB, APP).await;
    set_libraries(&app, ALICE.id, vec![MOVIES]).await;
    set_libraries(&app, BOB.id, vec![TV]).await;
    // Start from an empty map: the check must fill it from memory alone.
    app.state.sso.set_titles(HashMap::new());

    let before = app.fake().requests().len();
    assert_eq!(status(&app, &alice.cookie).await, StatusCode::OK);
    assert_eq!(status(&app, &bob.cookie).await, StatusCode::FORBIDDEN);
    assert_eq!(status(&app, &alice.cookie).await, StatusCode::OK);
    assert_eq!(
        app.fake().requests().len(),
        before,
        "an auth check asked plex.tv"
    );
    assert_eq!(app.state.sso.titles().get("movies"), Some(&MOVIES));
}

#[tokio::test]
async fn refreshing_the_library_list_fills_the_titles() {
    let app = sso_app(&[]).await;
    let owner = sign_in(&app, &OWNER, APP).await;
    let admin = owner.admin_cookie.expect("the owner gets an admin session");
    app.state.sso.set_titles(HashMap::new());
    let page = client()
        .get(app.url("/admin/libraries"))
        .header("cookie", &admin)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let marker = "name=\"csrf\" value=\"";
    let rest = &page[page.find(marker).expect("a CSRF field") + marker.len()..];
    let token = &rest[..rest.find('"').unwrap()];
    let r = client()
        .post(app.url("/admin/libraries/refresh"))
        .header("cookie", &admin)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(&[("csrf", token)]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let titles = app.state.sso.titles();
    assert_eq!(titles.get("movies"), Some(&MOVIES));
    assert_eq!(titles.get("tv shows"), Some(&TV));
}
