//! The owner's first run and admin pages in a real browser (headless Chromium through
//! chromedriver and fantoccini) at a 360×740 phone viewport, against the fake plex.tv: setup,
//! an allowlist add, an invite link created and used by a friend, a request approved and a
//! user's libraries changed. Every plexgate page visited must not scroll sideways and must
//! show its primary button. Without Chromium the test is counted as ignored;
//! with `CI` set it fails instead (see `main.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use plexgate::fakeplex::{ALICE, CAROL, MOVIES, MUSIC, TV};
use serde_json::json;

use crate::admin::fixtures::{NO_LIMIT, first_run};
use crate::programs::{CHROMEDRIVER, CHROMIUM, Spawned};
use crate::support::{TestApp, client};

/// How long a page may take to arrive.
const WAIT: Duration = Duration::from_secs(10);
/// How long chromedriver may take to answer `/status`.
const DRIVER_START: Duration = Duration::from_secs(20);

const FLAGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    // Nothing leaves 127.0.0.1: Chromium still calls Google (autofill, sign-in, updates) and
    // prefetches links; no host name resolves but the loopback ones, and anything else would go
    // to a proxy on a closed loopback port (loopback itself never goes through a proxy).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    "--proxy-server=127.0.0.1:9",
    // Left as is: before every host resolution (IP literals included) Chromium's resolver
    // probes IPv6 with a UDP `connect()` to 2001:4860:4860::8888:443, which only asks the kernel
    // for a route and sends no packet; no switch or feature of upstream Chromium turns it off
    // (README, Development).
];

/// A running chromedriver in its own process group: dropping it ends chromedriver and every
/// Chromium process it started.
struct Driver {
    _process: Spawned,
    url: String,
}

async fn start_driver(path: &Path) -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let process = Spawned::spawn(
        Command::new(path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    )
    .expect("chromedriver starts");
    let driver = Driver {
        _process: process,
        url: format!("http://127.0.0.1:{port}"),
    };
    let status = format!("{}/status", driver.url);
    let http = client();
    let started = tokio::time::Instant::now();
    loop {
        if let Ok(r) = http.get(&status).send().await
            && r.status().is_success()
        {
            return driver;
        }
        assert!(
            started.elapsed() < DRIVER_START,
            "chromedriver did not start"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A new browser session at 360×740 with its own temporary profile.
async fn session(driver: &Driver, chromium: &Path, profile: &Path) -> Client {
    let mut args: Vec<String> = FLAGS.iter().map(|f| (*f).to_owned()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium.display().to_string(),
            "args": args,
            "mobileEmulation": {
                "deviceMetrics": { "width": 360, "height": 740, "pixelRatio": 2.0, "touch": true }
            }
        }
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!()
    };
    ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a WebDriver session")
}

/// The checks every plexgate page passes on a phone: nothing scrolls sideways and the page's
/// primary button is on screen (rendered, with a size, not hidden).
async fn phone_checks(c: &Client) {
    let url = c.current_url().await.unwrap();
    let fits: bool = c
        .execute(
            "return document.documentElement.scrollWidth <= window.innerWidth;",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(fits, "{url} scrolls sideways at 360 px");
    let visible = c
        .execute(
            "var b = document.querySelector('.primary');\
             if (!b) { return 'no primary button'; }\
             var r = b.getBoundingClientRect(); var s = getComputedStyle(b);\
             return (r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'\
               && r.left >= 0 && r.right <= window.innerWidth) ? 'ok' : 'hidden';",
            vec![],
        )
        .await
        .unwrap();
    if visible != json!("ok") {
        panic!("{url}: {visible} on the page: {}", body(c).await);
    }
}

/// Goes to `path` of the app and runs the phone checks.
async fn visit(c: &Client, app: &TestApp, path: &str) {
    c.goto(&app.url(path)).await.unwrap();
    phone_checks(c).await;
}

async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

async fn fill(c: &Client, css: &str, text: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

async fn body(c: &Client) -> String {
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Presses the friend-facing "Sign in with Plex" button: a GET form to `/auth/plex`, which
/// answers 303 to the (simulated) Plex sign-in page. The CSP's `form-action` must allow that
/// redirect, or the browser stays put.
async fn sign_in_button(c: &Client) {
    c.find(Locator::Css("form[action$=\"/auth/plex\"] button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// On the fake plex.tv's sign-in page: approve as `username` (the fake then sends the browser
/// back to plexgate's callback).
async fn approve_as(c: &Client, username: &str) {
    let button = Locator::Css(&format!("#as-{username}"));
    let Ok(button) = c.wait().at_most(WAIT).for_element(button).await else {
        let at = c.current_url().await.unwrap();
        panic!(
            "no Plex sign-in page, the browser is on {at}: {}",
            body(c).await
        );
    };
    button.click().await.unwrap();
}

/// Waits until the browser is on `path` of the app (failing with where it is instead).
async fn wait_for_path(c: &Client, app: &TestApp, path: &str) {
    let want = url::Url::parse(&app.url(path)).unwrap();
    if c.wait().at_most(WAIT).for_url(&want).await.is_err() {
        let at = c.current_url().await.unwrap();
        panic!("expected {want}, the browser is on {at}: {}", body(c).await);
    }
}

/// Saves a screenshot for the README when `PLEXGATE_SCREENSHOTS=1`.
async fn screenshot(c: &Client, name: &str) {
    if std::env::var("PLEXGATE_SCREENSHOTS").as_deref() != Ok("1") {
        return;
    }
    let png = c.screenshot().await.unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, png).unwrap();
}

/// Setup: the printed link, Plex (the fake), the server, libraries and policy, the dashboard.
async fn first_run_setup(c: &Client, app: &TestApp) {
    c.goto(&app.state.setup_url().unwrap()).await.unwrap();
    phone_checks(c).await;
    click(c, "a.primary").await;
    approve_as(c, "owner").await;
    wait_for_path(c, app, "/setup/server").await;
    phone_checks(c).await;
    click(c, "button.primary").await;
    wait_for_path(c, app, "/setup/libraries").await;
    phone_checks(c).await;
    for id in [MOVIES, TV] {
        click(c, &format!("input[name=libraries][value=\"{id}\"]")).await;
    }
    screenshot(c, "first-run.png").await;
    click(c, "button.primary").await;
    wait_for_path(c, app, "/admin?done=setup").await;
    phone_checks(c).await;
    assert!(body(c).await.contains("plexgate is set up"));
    assert!(app.state.access.owner().is_some());
}

/// The owner adds bob to the allowlist.
async fn allowlist_add(c: &Client, app: &TestApp) {
    visit(c, app, "/admin/access").await;
    fill(c, "#account", "bob").await;
    click(c, "form[action$='/admin/access/allow'] button.primary").await;
    c.wait()
        .for_element(Locator::Css(".notice.ok"))
        .await
        .unwrap();
    phone_checks(c).await;
    let list = app.state.access.allowlist().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].account, "bob");
}

/// The owner creates an invite link; alice opens it in her own browser and joins.
async fn invite_used(c: &Client, friend: &Client, app: &TestApp) {
    visit(c, app, "/admin/invites").await;
    fill(c, "#max_uses", "1").await;
    click(c, "form[action$='/admin/invites'] button.primary").await;
    let link = c
        .wait()
        .for_element(Locator::Css("#invite-url"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .expect("the link");
    phone_checks(c).await;
    friend.goto(&link).await.unwrap();
    sign_in_button(friend).await;
    approve_as(friend, "alice").await;
    wait_for_path(friend, app, "/me?welcome=1").await;
    assert!(
        body(friend).await.contains("You're in"),
        "{}",
        body(friend).await
    );
    assert!(app.fake().shares().iter().any(|s| s.user_id == ALICE.id));
}

/// Carol is not on the list, asks for access; the owner approves.
async fn request_approved(c: &Client, friend: &Client, app: &TestApp) {
    friend.delete_all_cookies().await.unwrap();
    friend.goto(&app.url("/")).await.unwrap();
    sign_in_button(friend).await;
    approve_as(friend, "carol").await;
    wait_for_path(friend, app, "/request").await;
    assert!(body(friend).await.contains("Not on the list"));
    click(friend, "form[action$='/request'] button").await;
    friend
        .wait()
        .at_most(WAIT)
        .for_element(Locator::XPath("//h1[contains(., 'Request sent')]"))
        .await
        .unwrap();
    visit(c, app, "/admin/access").await;
    click(c, "form[action*='/approve'] button.primary").await;
    c.wait()
        .for_element(Locator::Css(".notice.ok"))
        .await
        .unwrap();
    assert!(app.fake().shares().iter().any(|s| s.user_id == CAROL.id));
}

/// The owner gives alice Music as well.
async fn libraries_changed(c: &Client, app: &TestApp) {
    visit(c, app, "/admin/users").await;
    let form = format!("form[action$='/admin/users/{}/libraries']", ALICE.id);
    click(c, &format!("details:has({form}) summary")).await;
    click(c, &format!("{form} input[value=\"{MUSIC}\"]")).await;
    click(c, &format!("{form} button")).await;
    c.wait()
        .for_element(Locator::Css(".notice.ok"))
        .await
        .unwrap();
    phone_checks(c).await;
    let share = app
        .fake()
        .shares()
        .into_iter()
        .find(|s| s.user_id == ALICE.id)
        .unwrap();
    assert!(
        share.section_ids.contains(&MUSIC),
        "{:?}",
        share.section_ids
    );
}

pub async fn the_owner_walks_through_on_a_phone() {
    let (chromium, driver_path) = (CHROMIUM.path(), CHROMEDRIVER.path());
    let app = first_run(&[NO_LIMIT]).await;
    let driver = start_driver(&driver_path).await;
    let profiles = tempfile::tempdir().unwrap();
    let owner = session(&driver, &chromium, &profiles.path().join("owner")).await;
    let friend = session(&driver, &chromium, &profiles.path().join("friend")).await;
    first_run_setup(&owner, &app).await;
    allowlist_add(&owner, &app).await;
    invite_used(&owner, &friend, &app).await;
    request_approved(&owner, &friend, &app).await;
    libraries_changed(&owner, &app).await;
    for path in [
        "/admin/libraries",
        "/admin/activity",
        "/admin/settings",
        "/admin",
    ] {
        visit(&owner, &app, path).await;
    }
    owner.close().await.unwrap();
    friend.close().await.unwrap();
}
