//! Walks every admin and setup route from the routers' own tables (`admin::routes()`,
//! `admin::setup::routes()`, built by the same code that serves them): an anonymous caller is
//! sent to the admin sign-in on every guarded route, a co-admin gets "Owner only" on every
//! owner-only route and gets through on the others. The API's table is walked in `api_full`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::ALICE;
use plexgate::web::admin::routes::{Guard, Route};
use reqwest::{Method, StatusCode};

use super::browser::{Browser, Page};
use super::fixtures::{NO_LIMIT, admin, co_admin, csrf};
use crate::support::TestApp;

fn concrete(path: &str) -> String {
    path.replace("{id}", "999")
        .replace("{plex_id}", "999")
        .replace("{name}", "plexgate-20260101-120000.redb")
}

async fn call(b: &mut Browser, app: &TestApp, r: &Route, token: &str) -> Page {
    let url = app.url(&concrete(&r.path));
    match r.method {
        Method::GET => b.get(&url).await,
        Method::POST => b.post(&url, &[("csrf", token)]).await,
        ref m => panic!("{m} {} is not walked", r.path),
    }
}

fn refused_anonymous(p: &Page) -> bool {
    p.status == StatusCode::SEE_OTHER && p.location().starts_with("/admin/signin?next=")
}

fn owner_only(p: &Page) -> bool {
    p.status == StatusCode::FORBIDDEN && p.body.contains("Owner only")
}

#[tokio::test]
async fn every_admin_and_setup_route_refuses_whom_it_must() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    co_admin(&app, &ALICE).await;
    let mut co = admin(&app, &ALICE).await;
    let token = csrf(&co.get(&app.url("/admin")).await);
    let mut anonymous = Browser::new();
    let table = [
        plexgate::web::admin::routes(),
        plexgate::web::admin::setup::routes(),
    ]
    .concat();
    let count = |g: Guard| table.iter().filter(|r| r.guard == g).count();
    assert!(
        count(Guard::Admin) >= 20 && count(Guard::Owner) >= 20,
        "{table:?}"
    );
    for path in ["/admin", "/admin/settings", "/setup", "/setup/server"] {
        assert!(table.iter().any(|r| r.path == path), "{path}");
    }
    for r in &table {
        let what = format!("{} {}", r.method, r.path);
        let anon = call(&mut anonymous, &app, r, "").await;
        let page = call(&mut co, &app, r, &token).await;
        match r.guard {
            Guard::Public => {
                assert!(!refused_anonymous(&anon), "{what}: {}", anon.status);
                assert!(!anon.status.is_server_error(), "{what}: {}", anon.status);
            }
            Guard::Admin => {
                assert!(refused_anonymous(&anon), "{what}: {}", anon.status);
                assert!(!owner_only(&page), "{what}: a co-admin may");
                assert!(!refused_anonymous(&page), "{what}: {}", page.status);
                assert_ne!(page.status, StatusCode::FORBIDDEN, "{what}");
            }
            Guard::Owner => {
                assert!(refused_anonymous(&anon), "{what}: {}", anon.status);
                assert!(owner_only(&page), "{what}: {} {}", page.status, page.body);
            }
        }
    }
    // The co-admin's session survived the walk (no route signed it out on the way).
    assert_eq!(co.get(&app.url("/admin")).await.status, StatusCode::OK);
}
