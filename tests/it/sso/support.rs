//! An SSO-enabled app, a cookie-keeping sign-in through `/sso/login`, and proxy-style checks.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use plexgate::fakeplex::Account;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, LOCATION, SET_COOKIE};

use crate::support::{TestApp, client};

pub const KEY: &str = "sso-test-api-key-0123456789abcdef";

/// An app with forward auth on, open policy, and apps set through the API.
pub async fn sso_app(extra: &[(&str, &str)]) -> TestApp {
    sso_app_timing(extra, crate::support::fast_timing()).await
}

/// As [`sso_app`], with the given timing.
pub async fn sso_app_timing(extra: &[(&str, &str)], timing: plexgate::clock::Timing) -> TestApp {
    let mut vars = vec![
        (
            "PLEXGATE_SERVER_PUBLIC_URL",
            "http://auth.example.com:{port}",
        ),
        ("PLEXGATE_SERVER_LISTEN", "127.0.0.1:{port}"),
        ("PLEXGATE_SSO_ENABLED", "true"),
        ("PLEXGATE_SSO_COOKIE_DOMAIN", "example.com"),
        ("PLEXGATE_ACCESS_POLICY", "open"),
        ("PLEXGATE_API_KEY", KEY),
    ];
    vars.extend_from_slice(extra);
    let app = TestApp::with_fake_timing(&vars, timing).await;
    let apps = serde_json::json!({"apps": [
        {"host": "friends.example.com", "name": "Overseerr", "allow": "friends", "bypass": ["/api/"]},
        {"host": "friends.example.com", "path": "/admin", "allow": "owner"},
        {"host": "admins.example.com", "allow": "admins"},
        {"host": "closed.example.com", "allow": "deny", "bypass": ["/api/"]},
        {"host": "music.example.com", "allow": "friends", "libraries": ["Music"]},
        {"host": "carol.example.com", "allow": "owner", "users": ["carol"]},
    ]});
    let r = client()
        .put(app.url("/api/v1/apps"))
        .bearer_auth(KEY)
        .json(&apps)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
    app
}

/// The account cookie's `name=value`, from a sign-in that started at `/sso/login?rd=`.
pub struct SignedIn {
    pub cookie: String,
    pub admin_cookie: Option<String>,
    pub last: reqwest::Response,
}

fn pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_owned()
}

/// Signs `who` in through the login page for `rd` (URL-encoded by us).
pub async fn sign_in(app: &TestApp, who: &Account, rd: &str) -> SignedIn {
    let c = client();
    let login = c
        .get(format!("{}?rd={}", app.url("/sso/login"), enc(rd)))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::OK);
    let body = login.text().await.unwrap();
    let href = body
        .split("href=\"")
        .map(|s| s.split('"').next().unwrap())
        .map(|h| h.replace("&#x2F;", "/").replace("&amp;", "&"))
        .find(|h| h.contains("/auth/plex"))
        .expect("a sign-in button");
    let start = c.get(format!("{}{href}", app.origin)).send().await.unwrap();
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    let flow = pair(start.headers()[SET_COOKIE].to_str().unwrap());
    let loc = start.headers()[LOCATION].to_str().unwrap().to_owned();
    let code = fragment(&loc, "code");
    assert!(app.fake().approve_pin_code(&code, who));
    let last = c
        .get(app.url("/auth/plex/callback"))
        .header("cookie", flow)
        .send()
        .await
        .unwrap();
    let cookies: Vec<String> = last
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let account = cookies
        .iter()
        .find(|c| c.starts_with("plexgate_session=") && !c.contains("Max-Age=0"))
        .expect("an account cookie")
        .clone();
    assert!(account.contains("Domain=example.com"), "{account}");
    let admin_cookie = cookies
        .iter()
        .find(|c| c.starts_with("plexgate_admin=") && !c.contains("Max-Age=0"))
        .map(|c| pair(c));
    let cookie = pair(&account);
    // A fresh join's 303 to its welcome page is followed, as a browser would.
    let welcome = format!("{}/me?welcome=1", app.state.prefix());
    let location = last
        .headers()
        .get(LOCATION)
        .map(|l| l.to_str().unwrap().to_owned());
    let last = match location {
        Some(l) if l.starts_with(&welcome) => c
            .get(format!("{}{l}", app.origin))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap(),
        _ => last,
    };
    SignedIn {
        cookie,
        admin_cookie,
        last,
    }
}

pub fn fragment(location: &str, name: &str) -> String {
    let (_, frag) = location.split_once("#?").unwrap();
    url::form_urlencoded::parse(frag.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap()
}

/// `GET /sso/auth/nginx` for `url` with a cookie and extra headers.
pub async fn nginx(
    app: &TestApp,
    url: &str,
    cookie: Option<&str>,
    extra: &[(&str, &str)],
) -> reqwest::Response {
    let mut req = client()
        .get(app.url("/sso/auth/nginx"))
        .header("x-original-url", url);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    for (k, v) in extra {
        req = req.header(*k, *v);
    }
    req.send().await.unwrap()
}

/// `GET /sso/auth/forward` with proto/host/uri.
pub async fn forward(
    app: &TestApp,
    host: &str,
    uri: &str,
    cookie: Option<&str>,
    extra: &[(&str, &str)],
) -> reqwest::Response {
    let mut req = client()
        .get(app.url("/sso/auth/forward"))
        .header("x-forwarded-proto", "https")
        .header("x-forwarded-host", host)
        .header("x-forwarded-uri", uri);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    for (k, v) in extra {
        req = req.header(*k, *v);
    }
    req.send().await.unwrap()
}

pub fn header<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).map(|v| v.to_str().unwrap())
}

/// Every answer of the auth endpoints: no-store, no cookie.
pub fn assert_clean(r: &reqwest::Response) {
    assert_eq!(header(r.headers(), "cache-control"), Some("no-store"));
    assert!(r.headers().get(SET_COOKIE).is_none());
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A form body.
pub fn form(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}
