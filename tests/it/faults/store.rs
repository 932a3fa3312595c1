//! A store whose disk refuses writes (a full disk, injected through the store's backend): every
//! sign-in answers 503 with `Retry-After` naming the real cause, `/healthz` says `store: "error"`
//! with a 503, and once the disk has room sign-in works again without a restart.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::ALICE;
use reqwest::StatusCode;
use reqwest::header::RETRY_AFTER;
use serde_json::Value;

use crate::join::browser::{Browser, Page};
use crate::support::{TestApp, allow, client};

async fn health(app: &TestApp) -> (u16, Value) {
    let resp = client().get(app.url("/healthz")).send().await.unwrap();
    let status = resp.status().as_u16();
    (
        status,
        serde_json::from_str(&resp.text().await.unwrap()).unwrap(),
    )
}

fn says_cannot_save(page: &Page) {
    assert_eq!(
        page.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        page.body
    );
    assert!(
        page.headers.get(RETRY_AFTER).is_some(),
        "{:?}",
        page.headers
    );
    assert!(
        page.body.contains("cannot save anything right now"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Plex did not answer"), "{}", page.body);
}

#[tokio::test]
async fn a_store_that_cannot_write_answers_503_and_heals_without_a_restart() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    // A sign-in started while the disk still worked, approved at plex.tv.
    let mut early = Browser::new();
    let code = early.start(&app, "/auth/plex").await;
    assert!(app.fake().approve_pin_code(&code, &ALICE));

    app.store().refuse_writes(true);
    // Every sign-in start, not only the first, says what is wrong.
    for _ in 0..3 {
        let page = Browser::new().get(&app.url("/auth/plex")).await;
        says_cannot_save(&page);
    }
    let page = early.get(&app.url("/auth/plex/callback")).await;
    says_cannot_save(&page);
    let (status, v) = health(&app).await;
    assert_eq!(status, 503, "{v}");
    assert_eq!(v["store"], "error", "{v}");
    assert!(
        app.state.access.owner().is_some(),
        "plex.tv is not to blame"
    );

    // The disk has room again: no restart, the next sign-in simply works.
    app.store().refuse_writes(false);
    let (status, v) = health(&app).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["store"], "ok", "{v}");
    let mut b = Browser::new();
    let mut page = b.sign_in(&app, &ALICE, "/auth/plex").await;
    if page.status == StatusCode::SEE_OTHER {
        page = b.follow(&app, &page).await;
    }
    assert!(page.says_in(), "{} {}", page.status, page.body);
    app.stop().await;
}
