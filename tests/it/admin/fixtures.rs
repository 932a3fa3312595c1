//! Admin fixtures: a first-run install (fake plex.tv, no owner token), signing the owner or a
//! co-admin in through the admin flow, reading a form's CSRF token, and the event log.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use plexgate::fakeplex::{Account, FakePlex};
use plexgate::store::{AdminEntry, EventFilter, IdTable};
use reqwest::StatusCode;

use super::browser::{Browser, Page};
use crate::support::{TestApp, fast_timing};

/// No rate limit on sign-in starts.
pub const NO_LIMIT: (&str, &str) = ("PLEXGATE_LIMITS_SIGNINS_PER_MINUTE", "0");

/// A first run: a fake plex.tv, its URLs, and no owner token.
pub async fn first_run(vars: &[(&str, &str)]) -> TestApp {
    let fake = FakePlex::start().await.unwrap();
    let base = fake.base_url();
    let auth = fake.auth_url();
    let mut all: Vec<(&str, &str)> = vec![
        ("PLEXGATE_PLEX_API_URL", base.as_str()),
        ("PLEXGATE_PLEX_CLIENTS_URL", base.as_str()),
        ("PLEXGATE_PLEX_AUTH_URL", auth.as_str()),
    ];
    all.extend_from_slice(vars);
    let mut app = TestApp::start_full(&all, fast_timing()).await;
    app.fake = Some(fake);
    app
}

/// The setup code from the printed setup URL.
pub fn setup_code(app: &TestApp) -> String {
    let url = app.state.setup_url().expect("a first run has a setup URL");
    url.split_once("code=").unwrap().1.to_owned()
}

/// The `csrf` hidden field of the page.
pub fn csrf(page: &Page) -> String {
    let at = page
        .body
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token");
    let rest = &page.body[at + "name=\"csrf\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

/// Signs `who` in through the admin flow and returns the browser on `/admin`.
pub async fn admin(app: &TestApp, who: &Account) -> Browser {
    let mut b = Browser::new();
    let page = b.sign_in(app, who, "/auth/plex?next=/admin").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert!(page.location().ends_with("/admin"), "{}", page.location());
    b
}

/// Makes `who` a co-admin (by username).
pub async fn co_admin(app: &TestApp, who: &Account) {
    let account = who.username.to_owned();
    let now = app.state.access.clock().unix();
    app.store()
        .write(move |tx| {
            let id = tx.next_id(IdTable::Admins)?;
            tx.put_admin(&AdminEntry {
                id,
                account,
                plex_id: None,
                created_at: now,
            })
        })
        .await
        .unwrap();
}

/// GETs `path` and POSTs `form` (plus the page's CSRF token) to `action`.
pub async fn submit(
    app: &TestApp,
    b: &mut Browser,
    path: &str,
    action: &str,
    form: &[(&str, &str)],
) -> Page {
    let page = b.get(&app.url(path)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let token = csrf(&page);
    let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
    all.extend_from_slice(form);
    b.post(&app.url(action), &all).await
}

/// The kinds and actors of the newest `n` events.
pub async fn events(app: &TestApp, n: usize) -> Vec<(String, String, String)> {
    app.store()
        .read(move |tx| tx.events_page(None, n, &EventFilter::default()))
        .await
        .unwrap()
        .events
        .into_iter()
        .map(|e| (e.kind, e.actor, e.outcome))
        .collect()
}

/// Whether an event of `kind` by `actor` is among the newest 50.
pub async fn has_event(app: &TestApp, kind: &str, actor: &str) -> bool {
    events(app, 50)
        .await
        .iter()
        .any(|(k, a, _)| k == kind && a == actor)
}

/// Stores admin-managed forward-auth apps as `PUT /api/v1/apps` would: a long host with a
/// bypass whose friends are narrowed to Music (by section id), and an owner-only one.
pub async fn forward_auth_apps(app: &TestApp) {
    use plexgate::config::{LibraryRef, SsoApp, SsoRule};
    let apps = vec![
        SsoApp {
            host: "requests-for-the-whole-family.media.example.com".into(),
            path: Some("/overseerr".into()),
            name: Some("Overseerr".into()),
            allow: SsoRule::Friends,
            users: vec!["bob".into()],
            libraries: vec![LibraryRef::Id(plexgate::fakeplex::MUSIC)],
            bypass: vec!["/api/".into()],
        },
        SsoApp {
            host: "tautulli.example.com".into(),
            path: None,
            name: None,
            allow: SsoRule::Owner,
            users: Vec::new(),
            libraries: Vec::new(),
            bypass: Vec::new(),
        },
    ];
    app.store()
        .write(move |tx| tx.put_setting("sso_apps", &apps))
        .await
        .unwrap();
}
