//! Both journeys in a real browser (headless Chromium through chromedriver and fantoccini), at
//! a 360×740 phone viewport and at 1280×800, against the fake plex.tv: the owner's first run,
//! every admin page and its actions, a friend joining by invite link and one asking for access.
//! Every plexgate page visited must fit the width, give every tap target 44×44 px, show no
//! section id or ISO timestamp, and keep each destructive submit behind its confirmation;
//! each result page shows the same state on reload (nothing created twice), and each failing
//! form keeps its input and shows its error beside the field. With `PLEXGATE_SCREENSHOTS=1` it
//! writes the README's screenshots to `docs/`. Without Chromium the test is counted as
//! ignored; with `CI` set it fails instead (see `main.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use plexgate::fakeplex::{ALICE, CAROL, MOVIES, MUSIC, PHOTOS, SERVER_NAME, TV};
use serde_json::json;

use crate::admin::fixtures::{NO_LIMIT, first_run, forward_auth_apps};
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

/// The two screens every page is checked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    /// 360×740, touch, as a phone.
    Phone,
    /// 1280×800.
    Desktop,
}

impl Screen {
    fn name(self) -> &'static str {
        match self {
            Screen::Phone => "phone",
            Screen::Desktop => "desktop",
        }
    }
}

/// A new browser session on `screen` with its own temporary profile.
async fn session(driver: &Driver, chromium: &Path, profile: &Path, screen: Screen) -> Client {
    session_in(driver, chromium, profile, screen, None).await
}

/// As [`session`], with the browser's languages set to `lang` (its `Accept-Language`).
async fn session_in(
    driver: &Driver,
    chromium: &Path,
    profile: &Path,
    screen: Screen,
    lang: Option<&str>,
) -> Client {
    let mut args: Vec<String> = FLAGS.iter().map(|f| (*f).to_owned()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    if let Some(lang) = lang {
        args.push(format!("--lang={lang}"));
    }
    let mut options = json!({
        "binary": chromium.display().to_string(),
        "args": args,
    });
    if let Some(lang) = lang {
        options["prefs"] = json!({ "intl.accept_languages": lang });
    }
    match screen {
        Screen::Phone => {
            options["mobileEmulation"] = json!({
                "deviceMetrics": { "width": 360, "height": 740, "pixelRatio": 2.0, "touch": true }
            });
        }
        Screen::Desktop => {
            options["mobileEmulation"] = json!({
                "deviceMetrics": { "width": 1280, "height": 800, "pixelRatio": 1.0, "touch": false }
            });
        }
    }
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": options,
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

/// Problems a plexgate page must not have, found in the page itself: sideways scrolling, tap
/// targets under 44×44 px, section ids or ISO timestamps in the visible text, and a red submit
/// button not behind its confirmation step. The owner's onboarding Markdown is theirs to shape.
const PAGE_PROBLEMS: &str = r#"
var ids = arguments[0];
var out = [];
if (document.documentElement.scrollWidth > window.innerWidth) {
  out.push('scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
}
var targets = document.querySelectorAll('a[href], button, summary, select, textarea, ' +
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), ' +
  'label:has(> input[type=checkbox]), label:has(> input[type=radio])');
for (var i = 0; i < targets.length; i++) {
  var el = targets[i];
  if (el.closest('.onboarding')) { continue; }
  if (!el.checkVisibility()) { continue; }
  var r = el.getBoundingClientRect();
  if (r.width < 43.5 || r.height < 43.5) {
    out.push('tap target ' + Math.round(r.width) + 'x' + Math.round(r.height) + ': ' + el.outerHTML.slice(0, 120));
  }
}
var text = document.body.innerText;
if (/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) { out.push('an ISO timestamp in the text'); }
for (var j = 0; j < ids.length; j++) {
  if (text.indexOf(ids[j]) >= 0) { out.push('section id ' + ids[j] + ' in the text'); }
}
var reds = document.querySelectorAll('button.danger[type=submit]');
for (var k = 0; k < reds.length; k++) {
  var d = reds[k].closest('details.confirm');
  if (!d) { out.push('a red submit without a confirm step: ' + reds[k].outerHTML.slice(0, 120)); }
}
return out;
"#;

/// The checks every plexgate page passes (see [`PAGE_PROBLEMS`]).
async fn page_checks(c: &Client) {
    let url = c.current_url().await.unwrap();
    let ids: Vec<String> = [MOVIES, TV, MUSIC, PHOTOS]
        .iter()
        .map(u64::to_string)
        .collect();
    let found = c.execute(PAGE_PROBLEMS, vec![json!(ids)]).await.unwrap();
    let problems = found.as_array().cloned().unwrap_or_default();
    assert!(problems.is_empty(), "{url}: {problems:#?}");
}

/// Goes to `path` of the app and runs the page checks.
async fn visit(c: &Client, app: &TestApp, path: &str) {
    c.goto(&app.url(path)).await.unwrap();
    page_checks(c).await;
}

/// Reloads the page and runs the page checks.
async fn reload(c: &Client) {
    c.refresh().await.unwrap();
    page_checks(c).await;
}

async fn click(c: &Client, css: &str) {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("no {css}"))
        .click()
        .await
        .unwrap();
}

/// Clicks `css`, which leaves the page (a form's submit), and waits for `next` on the page that
/// follows. The page left is marked first, so what it still shows (the notice of an earlier
/// action) never passes for the answer to this one.
async fn leave_for(c: &Client, css: &str, next: &str) {
    c.execute("document.documentElement.classList.add('pg-left');", vec![])
        .await
        .unwrap();
    click(c, css).await;
    wait_for(c, &format!("html:not(.pg-left) {next}")).await;
}

async fn fill(c: &Client, css: &str, text: &str) {
    let field = c.find(Locator::Css(css)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

async fn value(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn body(c: &Client) -> String {
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Waits for `css` to be on the page (bounded polling, no fixed sleep).
async fn wait_for(c: &Client, css: &str) {
    if c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .is_err()
    {
        let at = c.current_url().await.unwrap();
        panic!("no {css} on {at}: {}", body(c).await);
    }
}

/// The error `id` is shown, and beside the field that names it (`aria-describedby`): right
/// under it, not elsewhere on the page.
async fn error_beside(c: &Client, field_css: &str, error_id: &str) {
    wait_for(c, &format!("#{error_id}")).await;
    let js = "var f = document.querySelector(arguments[0]); var e = document.getElementById(arguments[1]);\
              if (!f || !e) { return 'missing'; }\
              var d = (f.getAttribute('aria-describedby') || '') === arguments[1] || f.tagName === 'FIELDSET';\
              var a = f.getBoundingClientRect(); var b = e.getBoundingClientRect();\
              var near = b.top >= a.top && b.top - a.bottom < 48;\
              return (d && near) ? 'ok' : ('described ' + d + ', gap ' + (b.top - a.bottom));";
    let said = c
        .execute(js, vec![json!(field_css), json!(error_id)])
        .await
        .unwrap();
    assert_eq!(
        said,
        json!("ok"),
        "{field_css} / {error_id}: {}",
        body(c).await
    );
}

/// Presses the friend-facing "Sign in with Plex" button: a GET form to `/auth/plex`, which
/// answers 303 to the (simulated) Plex sign-in page. The CSP's `form-action` must allow that
/// redirect, or the browser stays put.
async fn sign_in_button(c: &Client) {
    click(c, "form[action$=\"/auth/plex\"] button").await;
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
async fn screenshot(c: &Client, name: &str, screen: Screen) {
    if std::env::var("PLEXGATE_SCREENSHOTS").as_deref() != Ok("1") {
        return;
    }
    let png = c.screenshot().await.unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(format!("{name}-{}.png", screen.name()));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, png).unwrap();
}

/// Before setup the welcome page says "not ready yet" and offers no sign-in.
async fn not_ready_before_setup(f: &Client, app: &TestApp) {
    visit(f, app, "/").await;
    let text = body(f).await;
    assert!(text.contains("Not ready yet"), "{text}");
    assert!(
        f.find(Locator::Css("form[action$=\"/auth/plex\"]"))
            .await
            .is_err()
    );
}

/// Setup: the printed link, Plex (the fake), the server, libraries (video ones ticked; none
/// ticked is said beside the boxes) and policy, the dashboard.
async fn first_run_setup(c: &Client, app: &TestApp, screen: Screen) {
    c.goto(&app.state.setup_url().unwrap()).await.unwrap();
    page_checks(c).await;
    click(c, "a.primary").await;
    approve_as(c, "owner").await;
    wait_for_path(c, app, "/setup/server").await;
    page_checks(c).await;
    click(c, "button.primary").await;
    wait_for_path(c, app, "/setup/libraries").await;
    page_checks(c).await;
    for id in [MOVIES, TV] {
        let css = format!("input[name=libraries][value=\"{id}\"]");
        let ticked = c.find(Locator::Css(&css)).await.unwrap();
        assert_eq!(
            ticked.prop("checked").await.unwrap().as_deref(),
            Some("true"),
            "video libraries come ticked"
        );
        ticked.click().await.unwrap();
    }
    click(c, "input[name=policy][value=allowlist]").await;
    click(c, "button.primary").await;
    error_beside(c, "fieldset.boxes", "setup-libraries-error").await;
    page_checks(c).await;
    assert_eq!(
        c.find(Locator::Css("input[name=policy][value=allowlist]"))
            .await
            .unwrap()
            .prop("checked")
            .await
            .unwrap()
            .as_deref(),
        Some("true"),
        "the policy chosen is kept"
    );
    for id in [MOVIES, TV] {
        click(c, &format!("input[name=libraries][value=\"{id}\"]")).await;
    }
    click(c, "input[name=policy][value=invite]").await;
    screenshot(c, "first-run", screen).await;
    click(c, "button.primary").await;
    wait_for_path(c, app, "/admin?done=setup").await;
    page_checks(c).await;
    assert!(body(c).await.contains("plexgate is set up"));
    assert!(app.state.access.owner().is_some());
}

/// The owner adds bob; a reload adds nothing; adding BOB again is said beside the field with
/// the input kept.
async fn allowlist(c: &Client, app: &TestApp) {
    visit(c, app, "/admin/access").await;
    click(
        c,
        "details:has(form[action$='/admin/access/allow']) > summary",
    )
    .await;
    fill(c, "#account", "bob").await;
    fill(c, "#note", "my neighbour").await;
    leave_for(
        c,
        "form[action$='/admin/access/allow'] button.primary",
        ".notice.ok",
    )
    .await;
    page_checks(c).await;
    reload(c).await;
    assert_eq!(app.state.access.allowlist().await.unwrap().len(), 1);
    click(
        c,
        "details:has(form[action$='/admin/access/allow']) > summary",
    )
    .await;
    fill(c, "#account", "BOB").await;
    fill(c, "#note", "twice").await;
    click(c, "form[action$='/admin/access/allow'] button.primary").await;
    error_beside(c, "#account", "allow-add-account-error").await;
    page_checks(c).await;
    assert_eq!(value(c, "#account").await, "BOB");
    assert_eq!(value(c, "#note").await, "twice");
    assert!(body(c).await.contains("BOB is already on your list."));
    assert_eq!(app.state.access.allowlist().await.unwrap().len(), 1);
    // Removing is red and asks first.
    visit(c, app, "/admin/access").await;
    let entry = app.state.access.allowlist().await.unwrap()[0].id;
    let form = format!("form[action$='/admin/access/allow/{entry}/remove']");
    confirm_needed(c, &form).await;
    assert_eq!(app.state.access.allowlist().await.unwrap().len(), 1);
    leave_for(c, &format!("{form} button.danger"), ".notice.ok").await;
    assert!(app.state.access.allowlist().await.unwrap().is_empty());
    reload(c).await;
    // A co-admin: added once (a reload adds nothing), removed only after the confirmation.
    click(
        c,
        "details:has(form[action$='/admin/access/admins']) > summary",
    )
    .await;
    fill(c, "#co-account", "dave").await;
    leave_for(
        c,
        "form[action$='/admin/access/admins'] button.primary",
        ".notice.ok",
    )
    .await;
    reload(c).await;
    let admins = app.state.access.co_admins().await.unwrap();
    assert_eq!(admins.len(), 1);
    let form = format!(
        "form[action$='/admin/access/admins/{}/remove']",
        admins[0].id
    );
    confirm_needed(c, &form).await;
    leave_for(c, &format!("{form} button.danger"), ".notice.ok").await;
    page_checks(c).await;
    assert!(app.state.access.co_admins().await.unwrap().is_empty());
}

/// The red submit of `form` is hidden until its confirm step is opened; opening it shows it.
async fn confirm_needed(c: &Client, form: &str) {
    let shown = format!(
        "var b = document.querySelector(\"{form} button.danger\");\
         if (!b) {{ return 'no button'; }}\
         return b.checkVisibility() ? 'visible' : 'hidden';"
    );
    let before = c.execute(&shown, vec![]).await.unwrap();
    assert_eq!(
        before,
        json!("hidden"),
        "{form}: the red submit waits for a confirmation"
    );
    click(c, &format!("details.confirm:has({form}) > summary")).await;
    let after = c.execute(&shown, vec![]).await.unwrap();
    assert_eq!(after, json!("visible"), "{form}");
    page_checks(c).await;
}

/// The owner creates an invite link (defaults: once, 7 days), shown once; a reload shows it no
/// more and creates nothing. Returns the link.
async fn invite_created(c: &Client, app: &TestApp) -> String {
    visit(c, app, "/admin/invites").await;
    click(c, "details:has(form[action$='/admin/invites']) > summary").await;
    assert_eq!(value(c, "#max_uses").await, "1");
    assert_eq!(value(c, "#expires_in_days").await, "7");
    // A bad number is said beside its field, the rest kept.
    fill(c, "#note", "book club").await;
    fill(c, "#access_days", "0").await;
    click(c, "form[action$='/admin/invites'] button.primary").await;
    error_beside(c, "#access_days", "invite-access_days-error").await;
    page_checks(c).await;
    assert_eq!(value(c, "#note").await, "book club");
    assert!(app.state.access.invites().await.unwrap().is_empty());
    fill(c, "#access_days", "").await;
    click(c, "form[action$='/admin/invites'] button.primary").await;
    wait_for(c, "#invite-url").await;
    let link = value(c, "#invite-url").await;
    assert!(link.contains("/i/"), "{link}");
    page_checks(c).await;
    let at = c.current_url().await.unwrap();
    assert!(!at.as_str().contains(link.rsplit('/').next().unwrap()));
    reload(c).await;
    assert!(
        c.find(Locator::Css("#invite-url")).await.is_err(),
        "shown once"
    );
    assert_eq!(app.state.access.invites().await.unwrap().len(), 1);
    link
}

/// A second invite link, revoked: red, it asks first, and a reload keeps it revoked.
async fn invite_revoked(c: &Client, app: &TestApp) {
    visit(c, app, "/admin/invites").await;
    click(c, "details:has(form[action$='/admin/invites']) > summary").await;
    click(c, "form[action$='/admin/invites'] button.primary").await;
    wait_for(c, "#invite-url").await;
    let revoked = |all: Vec<plexgate::store::Invite>| -> Vec<bool> {
        all.iter().map(|i| i.revoked).collect()
    };
    let all = app.state.access.invites().await.unwrap();
    assert_eq!(revoked(all.clone()), [false, false]);
    let id = all.iter().map(|i| i.id).max().unwrap();
    visit(c, app, "/admin/invites").await;
    let form = format!("form[action$='/admin/invites/{id}/revoke']");
    confirm_needed(c, &form).await;
    leave_for(c, &format!("{form} button.danger"), ".notice.ok").await;
    page_checks(c).await;
    reload(c).await;
    let all = app.state.access.invites().await.unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().any(|i| i.id == id && i.revoked));
}

/// Alice opens the link: the page names the server and its owner (with the owner's avatar)
/// and lists the libraries;
/// she signs in and gets "You're in" as three steps; a reload shares nothing twice.
async fn friend_joins(f: &Client, app: &TestApp, link: &str, screen: Screen) {
    f.goto(link).await.unwrap();
    page_checks(f).await;
    let text = body(f).await;
    assert!(
        text.contains(SERVER_NAME) && text.contains("shared by owner"),
        "{text}"
    );
    assert!(
        text.contains("Movies") && text.contains("TV Shows"),
        "{text}"
    );
    assert!(f.title().await.unwrap().contains(SERVER_NAME));
    // The owner's avatar, served by plexgate itself (the CSP allows no other image host).
    let avatar = "var i = document.querySelector('img.avatar');\
                  return !!i && i.complete && i.naturalWidth > 0;";
    assert_eq!(f.execute(avatar, vec![]).await.unwrap(), json!(true));
    screenshot(f, "welcome", screen).await;
    sign_in_button(f).await;
    approve_as(f, "alice").await;
    wait_for_path(f, app, "/me?welcome=1").await;
    page_checks(f).await;
    let text = body(f).await;
    assert!(text.contains("You're in"), "{text}");
    for step in [
        "Get the Plex app",
        "Sign in as alice",
        "Find your libraries",
    ] {
        assert!(text.contains(step), "{step}: {text}");
    }
    screenshot(f, "youre-in", screen).await;
    reload(f).await;
    assert!(body(f).await.contains("You're in"));
    let shares = app.fake().shares();
    assert_eq!(shares.iter().filter(|s| s.user_id == ALICE.id).count(), 1);
    visit(f, app, "/me").await;
    click(f, "form[action$='/auth/signout'] button").await;
    wait_for_path(f, app, "/signed-out").await;
    page_checks(f).await;
    assert!(body(f).await.contains("You are signed out"));
}

/// Carol is not on the list and asks for access; "Request sent" says what comes next, and
/// again on a reload (nothing asked twice). The owner approves her.
async fn request_approved(c: &Client, f: &Client, app: &TestApp) {
    f.delete_all_cookies().await.unwrap();
    visit(f, app, "/").await;
    sign_in_button(f).await;
    approve_as(f, "carol").await;
    wait_for_path(f, app, "/request").await;
    page_checks(f).await;
    assert!(body(f).await.contains("Not on the list"));
    fill(f, "#note", "hi, it's Carol").await;
    click(f, "form[action$='/request'] button").await;
    wait_for_path(f, app, "/request/sent").await;
    page_checks(f).await;
    assert!(body(f).await.contains("Come back here and sign in again"));
    // A reload shows "Request sent" again and asks for nothing twice.
    reload(f).await;
    let text = body(f).await;
    assert!(text.contains("Request sent"), "{text}");
    assert!(
        !text.contains("expired") && !text.contains("Try again"),
        "{text}"
    );
    assert_eq!(app.state.access.access_requests().await.unwrap().len(), 1);
    visit(c, app, "/admin").await;
    click(c, "ul.attention a[href$='/admin/access#req']").await;
    wait_for_path(c, app, "/admin/access#req").await;
    page_checks(c).await;
    let decline = "form[action*='/decline']";
    confirm_needed(c, decline).await;
    click(c, "details:has(form[action*='/approve']) > summary").await;
    leave_for(c, "form[action*='/approve'] button.primary", ".notice.ok").await;
    page_checks(c).await;
    reload(c).await;
    let shares = app.fake().shares();
    assert_eq!(shares.iter().filter(|s| s.user_id == CAROL.id).count(), 1);
}

/// Users: alice gets Music too; an empty "Extend" is said beside its field; removing carol asks
/// first, and she leaves "Everyone with access" for the history.
async fn users(c: &Client, app: &TestApp) {
    visit(c, app, "/admin/users").await;
    let id = ALICE.id;
    let libs = format!("form[action$='/admin/users/{id}/libraries']");
    click(c, &format!("details:has({libs}) > summary")).await;
    page_checks(c).await;
    click(c, &format!("{libs} input[value=\"{MUSIC}\"]")).await;
    leave_for(c, &format!("{libs} button"), ".notice.ok").await;
    page_checks(c).await;
    reload(c).await;
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
    let expiry = format!("form[action$='/admin/users/{id}/expiry']");
    click(c, &format!("details:has({expiry}) > summary")).await;
    click(c, &format!("{expiry} button[type=submit]:not([name])")).await;
    error_beside(
        c,
        &format!("#days-{id}"),
        &format!("expiry-{id}-days-error"),
    )
    .await;
    page_checks(c).await;
    // Inviting an account plex.tv does not know is said beside the field, the input kept.
    visit(c, app, "/admin/users").await;
    click(
        c,
        "details:has(form[action$='/admin/users/invite']) > summary",
    )
    .await;
    fill(c, "#account", "nobody-at-all").await;
    fill(c, "#access_days", "3").await;
    click(c, "form[action$='/admin/users/invite'] button.primary").await;
    error_beside(c, "#account", "invite-account-error").await;
    page_checks(c).await;
    assert_eq!(value(c, "#account").await, "nobody-at-all");
    assert_eq!(value(c, "#access_days").await, "3");
    let carol = CAROL.id;
    visit(c, app, "/admin/users").await;
    let manage = format!("details:has(form[action$='/admin/users/{carol}/libraries']) > summary");
    click(c, &manage).await;
    let remove = format!("#remove-{carol}");
    confirm_needed(c, &remove).await;
    assert!(app.fake().shares().iter().any(|s| s.user_id == CAROL.id));
    leave_for(c, &format!("{remove} button.danger"), ".notice.ok").await;
    page_checks(c).await;
    assert!(!app.fake().shares().iter().any(|s| s.user_id == CAROL.id));
    reload(c).await;
    assert!(
        !body(c).await.contains("carol"),
        "removed accounts leave the list"
    );
    visit(c, app, "/admin/users?show=history").await;
    assert!(body(c).await.contains("carol"), "the history shows them");
    let sessions = format!("form[action$='/admin/users/{id}/sessions']");
    visit(c, app, "/admin/users").await;
    click(c, &format!("details:has({libs}) > summary")).await;
    confirm_needed(c, &sessions).await;
}

/// Settings: an API key shown once (a reload shows it no more and makes no second one), a
/// revoke that asks first, a preview that survives a reload.
async fn settings(c: &Client, app: &TestApp) {
    visit(c, app, "/admin/settings").await;
    click(
        c,
        "details:has(form[action$='/admin/settings/keys']) > summary",
    )
    .await;
    fill(c, "#key-name", "home script").await;
    click(c, "form[action$='/admin/settings/keys'] button.primary").await;
    wait_for(c, "#new-key").await;
    page_checks(c).await;
    reload(c).await;
    assert!(
        c.find(Locator::Css("#new-key")).await.is_err(),
        "shown once"
    );
    let keys = app.state.access.api_keys().await.unwrap();
    assert_eq!(keys.len(), 1);
    let revoke = format!("form[action$='/admin/settings/keys/{}/revoke']", keys[0].id);
    confirm_needed(c, &revoke).await;
    fill(c, "#markdown", "**Popcorn** is on the house").await;
    click(c, "button[value=preview]").await;
    wait_for(c, ".onboarding.preview strong").await;
    page_checks(c).await;
    reload(c).await;
    wait_for(c, ".onboarding.preview strong").await;
}

/// The default libraries: Music added, saved, and still ticked after a reload.
async fn libraries_saved(c: &Client, app: &TestApp) {
    visit(c, app, "/admin/libraries").await;
    click(c, &format!("input[name=libraries][value=\"{MUSIC}\"]")).await;
    leave_for(
        c,
        "form[action$='/admin/libraries'] button.primary",
        ".notice.ok",
    )
    .await;
    page_checks(c).await;
    reload(c).await;
    let ticked = c
        .find(Locator::Css(&format!(
            "input[name=libraries][value=\"{MUSIC}\"]"
        )))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(ticked.as_deref(), Some("true"));
    let mut set = app.state.access.default_libraries().await.unwrap();
    set.sort_unstable();
    let mut want = vec![MOVIES, TV, MUSIC];
    want.sort_unstable();
    assert_eq!(set, want);
}

/// Apps: the forward-auth apps are a table like the other lists, in words; an OpenID Connect
/// client whose redirect URI is wrong is said beside the field with the input kept; a good
/// one's secret is shown once (a reload adds nothing); Remove and New secret ask first.
async fn apps(c: &Client, app: &TestApp) {
    visit(c, app, "/admin/apps").await;
    let rows = c
        .find_all(Locator::Css(
            "section[aria-labelledby=fa] table.list tbody tr",
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    click(c, "details:has(form[action$='/admin/apps/oidc']) > summary").await;
    fill(c, "#client_id", "immich").await;
    fill(c, "#cname", "Immich").await;
    fill(c, "#redirect_uris", "photos.example.com/callback").await;
    click(c, "form[action$='/admin/apps/oidc'] button.primary").await;
    error_beside(c, "#redirect_uris", "oidc-add-redirect_uris-error").await;
    page_checks(c).await;
    assert_eq!(value(c, "#client_id").await, "immich");
    assert_eq!(value(c, "#cname").await, "Immich");
    fill(c, "#redirect_uris", "https://photos.example.com/auth/login").await;
    click(c, "form[action$='/admin/apps/oidc'] button.primary").await;
    wait_for(c, "#new-secret").await;
    page_checks(c).await;
    reload(c).await;
    assert!(
        c.find(Locator::Css("#new-secret")).await.is_err(),
        "shown once"
    );
    let clients = "section[aria-labelledby=oidc] table.list tbody tr";
    assert_eq!(c.find_all(Locator::Css(clients)).await.unwrap().len(), 1);
    confirm_needed(c, "form[action$='/admin/apps/oidc/immich/secret']").await;
    confirm_needed(c, "form[action$='/admin/apps/oidc/immich/remove']").await;
}

/// One whole walk on `screen`: a fresh install, the owner and two friends.
async fn walk(driver: &Driver, chromium: &Path, screen: Screen) {
    let app = first_run(&[NO_LIMIT]).await;
    forward_auth_apps(&app).await;
    let profiles = tempfile::tempdir().unwrap();
    let owner = session(driver, chromium, &profiles.path().join("owner"), screen).await;
    let friend = session(driver, chromium, &profiles.path().join("friend"), screen).await;
    not_ready_before_setup(&friend, &app).await;
    first_run_setup(&owner, &app, screen).await;
    allowlist(&owner, &app).await;
    let link = invite_created(&owner, &app).await;
    friend_joins(&friend, &app, &link, screen).await;
    invite_revoked(&owner, &app).await;
    request_approved(&owner, &friend, &app).await;
    users(&owner, &app).await;
    settings(&owner, &app).await;
    libraries_saved(&owner, &app).await;
    apps(&owner, &app).await;
    for path in ["/admin/activity", "/admin/invites"] {
        visit(&owner, &app, path).await;
    }
    visit(&owner, &app, "/admin/activity?kind=share").await;
    let text = body(&owner).await;
    assert!(
        text.contains("plexgate shared Movies and TV Shows with alice"),
        "{text}"
    );
    visit(&owner, &app, "/admin").await;
    screenshot(&owner, "dashboard", screen).await;
    owner.close().await.unwrap();
    friend.close().await.unwrap();
}

/// The friend's journey once in German on the phone (issue 24): German runs longer than
/// English, and still nothing may scroll sideways or shrink below a tap target.
async fn friend_in_german(driver: &Driver, chromium: &Path) {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    crate::support::allow(&app, "alice", None).await;
    let profiles = tempfile::tempdir().unwrap();
    let profile = profiles.path().join("de");
    let f = session_in(driver, chromium, &profile, Screen::Phone, Some("de")).await;
    visit(&f, &app, "/").await;
    let html = f.find(Locator::Css("html")).await.unwrap();
    assert_eq!(html.attr("lang").await.unwrap().as_deref(), Some("de"));
    assert!(body(&f).await.contains("Mit Plex anmelden"));
    click(&f, "details.langs > summary").await;
    page_checks(&f).await;
    sign_in_button(&f).await;
    approve_as(&f, "alice").await;
    wait_for_path(&f, &app, "/me?welcome=1").await;
    page_checks(&f).await;
    let text = body(&f).await;
    assert!(text.contains("Du bist drin"), "{text}");
    assert!(text.contains("Hol dir die Plex-App"), "{text}");
    visit(&f, &app, "/me").await;
    assert!(body(&f).await.contains("Dein Zugang"));
    click(&f, "form[action$='/auth/signout'] button").await;
    wait_for_path(&f, &app, "/signed-out").await;
    page_checks(&f).await;
    assert!(body(&f).await.contains("Du bist abgemeldet"));
    f.delete_all_cookies().await.unwrap();
    visit(&f, &app, "/").await;
    sign_in_button(&f).await;
    approve_as(&f, "carol").await;
    wait_for_path(&f, &app, "/request").await;
    page_checks(&f).await;
    assert!(body(&f).await.contains("Nicht auf der Liste"));
    click(&f, "form[action$='/request'] button").await;
    f.wait()
        .at_most(WAIT)
        .for_element(Locator::XPath("//h1[contains(., 'Anfrage gesendet')]"))
        .await
        .unwrap();
    page_checks(&f).await;
    screenshot(&f, "youre-in-de", Screen::Phone).await;
    f.close().await.unwrap();
    app.stop().await;
}

pub async fn both_journeys_on_a_phone_and_a_desktop() {
    let (chromium, driver_path) = (CHROMIUM.path(), CHROMEDRIVER.path());
    let driver = start_driver(&driver_path).await;
    for screen in [Screen::Phone, Screen::Desktop] {
        walk(&driver, &chromium, screen).await;
    }
    friend_in_german(&driver, &chromium).await;
}
