//! An OIDC-enabled app with three clients set through the API, and a client's side of the flow.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use plexgate::fakeplex::Account;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

use crate::join::browser::{Browser, Page};
use crate::support::{TestApp, client};

pub const KEY: &str = "oidc-test-api-key-0123456789abcdef";
pub const GRAFANA_CB: &str = "https://grafana.example.com/login/generic_oauth";
pub const IMMICH_CB: &str = "app.immich:///oauth-callback";
pub const ADMIN_CB: &str = "https://admin-tool.example.com/cb";
pub const VERIFIER: &str = "a-long-enough-pkce-verifier-0123456789-abcdefghijklmnop";

pub struct Oidc {
    pub app: TestApp,
    pub grafana_secret: String,
    pub admin_secret: String,
}

/// An app with OIDC on, open policy, and clients `grafana` (confidential, friends),
/// `immich` (public, friends) and `admintool` (confidential, admins).
pub async fn oidc_app() -> Oidc {
    let vars = [
        ("PLEXGATE_SERVER_PUBLIC_URL", "http://127.0.0.1:{port}"),
        ("PLEXGATE_SERVER_LISTEN", "127.0.0.1:{port}"),
        ("PLEXGATE_OIDC_ENABLED", "true"),
        ("PLEXGATE_ACCESS_POLICY", "open"),
        ("PLEXGATE_API_KEY", KEY),
    ];
    let app = TestApp::with_fake_timing(&vars, crate::support::fast_timing()).await;
    let body = json!({"clients": [
        {"client_id": "grafana", "name": "Grafana", "redirect_uris": [GRAFANA_CB],
         "allow": "friends", "post_logout_redirect_uris": ["https://grafana.example.com/login"]},
        {"client_id": "immich", "name": "Immich", "redirect_uris": [IMMICH_CB],
         "public": true, "allow": "friends"},
        {"client_id": "admintool", "name": "Admin Tool", "redirect_uris": [ADMIN_CB],
         "allow": "admins"},
    ]});
    let r = client()
        .put(app.url("/api/v1/oidc/clients"))
        .bearer_auth(KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.unwrap();
    let secret = |id: &str| {
        v["clients"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["client_id"] == id)
            .unwrap()["client_secret"]
            .as_str()
            .map(str::to_owned)
    };
    assert!(secret("immich").is_none(), "a public client has no secret");
    let grafana_secret = secret("grafana").unwrap();
    assert!(grafana_secret.len() >= 43, "256 bits, URL-safe");
    // Shown once: the listing never carries it.
    let listed = client()
        .get(app.url("/api/v1/oidc/clients"))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!listed.contains(&grafana_secret));
    Oidc {
        grafana_secret,
        admin_secret: secret("admintool").unwrap(),
        app,
    }
}

pub fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// `/oidc/authorize?…` for a client, with `extra` pairs.
pub fn authorize_url(
    app: &TestApp,
    client_id: &str,
    redirect: &str,
    extra: &[(&str, &str)],
) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    q.append_pair("client_id", client_id)
        .append_pair("redirect_uri", redirect)
        .append_pair("response_type", "code")
        .append_pair("scope", "openid profile email groups offline_access")
        .append_pair("state", "st-123")
        .append_pair("nonce", "n-456");
    for (k, v) in extra {
        q.append_pair(k, v);
    }
    app.url(&format!("/oidc/authorize?{}", q.finish()))
}

/// The first `href` on a page containing `needle`, unescaped.
pub fn href_with(page: &Page, needle: &str) -> Option<String> {
    page.body
        .split("href=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .map(|h| {
            h.replace("&#x2F;", "/")
                .replace("&amp;", "&")
                .replace("&#x3D;", "=")
        })
        .find(|h| h.contains(needle))
}

/// A query parameter of a URL.
pub fn param(url: &str, name: &str) -> Option<String> {
    let (_, q) = url.split_once('?')?;
    url::form_urlencoded::parse(q.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// From the authorize URL to the client's redirect with a code, signing `who` in when the
/// browser has no session. Returns the final redirect's location.
pub async fn authorize(b: &mut Browser, app: &TestApp, url: &str, who: &Account) -> Page {
    let page = b.get(url).await;
    if page.status != StatusCode::OK {
        return page;
    }
    let href = href_with(&page, "/auth/plex").expect("a sign-in button");
    let back = b.callback(app, who, &href).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    assert!(
        back.location().contains("/oidc/resume?req="),
        "{}",
        back.location()
    );
    b.follow(app, &back).await
}

/// `POST /oidc/token`.
pub async fn token(
    app: &TestApp,
    basic: Option<(&str, &str)>,
    form: &[(&str, &str)],
) -> (StatusCode, Value) {
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let mut req = client()
        .post(app.url("/oidc/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body);
    if let Some((id, secret)) = basic {
        req = req.basic_auth(id, Some(secret));
    }
    let r = req.send().await.unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

pub async fn exchange(o: &Oidc, code: &str) -> (StatusCode, Value) {
    token(
        &o.app,
        Some(("grafana", &o.grafana_secret)),
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", GRAFANA_CB),
        ],
    )
    .await
}

pub async fn refresh(o: &Oidc, rt: &str) -> (StatusCode, Value) {
    token(
        &o.app,
        Some(("grafana", &o.grafana_secret)),
        &[("grant_type", "refresh_token"), ("refresh_token", rt)],
    )
    .await
}

pub async fn userinfo(app: &TestApp, access: &str) -> (StatusCode, Value) {
    let r = client()
        .get(app.url("/oidc/userinfo"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    let s = r.status();
    (s, r.json().await.unwrap_or(Value::Null))
}

/// A signed-in Grafana code for `who` (fresh browser).
pub async fn grafana_code(o: &Oidc, b: &mut Browser, who: &Account) -> String {
    let url = authorize_url(&o.app, "grafana", GRAFANA_CB, &[]);
    let done = authorize(b, &o.app, &url, who).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert!(
        done.location().starts_with(GRAFANA_CB),
        "{}",
        done.location()
    );
    param(done.location(), "code").unwrap()
}

/// Verifies a compact RS256 JWS against the JWKS document and returns its claims.
pub fn verify(jwks: &Value, jwt: &str) -> Value {
    let parts: Vec<&str> = jwt.split('.').collect();
    assert_eq!(parts.len(), 3);
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).unwrap()).unwrap();
    assert_eq!(header["alg"], "RS256");
    let key = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == header["kid"])
        .expect("the kid is in JWKS");
    let n = URL_SAFE_NO_PAD.decode(key["n"].as_str().unwrap()).unwrap();
    let e = URL_SAFE_NO_PAD.decode(key["e"].as_str().unwrap()).unwrap();
    assert!(n.len() * 8 >= 2048);
    ring::signature::RsaPublicKeyComponents { n: &n, e: &e }
        .verify(
            &ring::signature::RSA_PKCS1_2048_8192_SHA256,
            format!("{}.{}", parts[0], parts[1]).as_bytes(),
            &URL_SAFE_NO_PAD.decode(parts[2]).unwrap(),
        )
        .expect("the signature verifies");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap()
}

pub async fn get_json(app: &TestApp, path: &str) -> Value {
    client()
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}
