//! The serving skeleton: health, path prefix, security headers, client IP, rate limits and the
//! API's key check and JSON errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use reqwest::StatusCode;
use serde_json::Value;

use crate::support::{TestApp, client};

#[tokio::test]
async fn healthz_reports_states_without_ids() {
    let app = TestApp::start().await;
    let resp = client().get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["store"], "ok");
    assert_eq!(body["plex"], "unknown");
    assert_eq!(body["owner_token"], "not_configured");
    assert_eq!(body.as_object().unwrap().len(), 4, "{body}");
    app.stop().await;
}

#[tokio::test]
async fn pages_carry_security_headers() {
    let app = TestApp::start().await;
    let resp = client().get(app.url("/")).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let h = resp.headers();
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'self'")
    );
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    let html = resp.text().await.unwrap().replace("&#x2F;", "/");
    assert!(html.contains("href=\"/assets/style.css\""), "{html}");
    let css = client()
        .get(app.url("/assets/style.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(css.headers()["content-type"], "text/css");
}

#[tokio::test]
async fn routes_answer_under_a_public_url_path_prefix() {
    let app = TestApp::start_with(&[(
        "PLEXGATE_SERVER_PUBLIC_URL",
        "http://127.0.0.1:{port}/plex/",
    )])
    .await;
    assert_eq!(app.state.prefix(), "/plex");
    let c = client();
    let ok = c
        .get(format!("{}/plex/healthz", app.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let page = c.get(format!("{}/plex/", app.origin)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()["x-frame-options"], "DENY");
    // tera escapes '/' in attribute values as &#x2F;, which browsers decode.
    let html = page.text().await.unwrap().replace("&#x2F;", "/");
    assert!(html.contains("href=\"/plex/assets/style.css\""), "{html}");
    let api = c
        .get(format!("{}/plex/api/v1/status", app.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), StatusCode::UNAUTHORIZED);
    let outside = c
        .get(format!("{}/healthz", app.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(outside.status(), StatusCode::NOT_FOUND);
    assert!(outside.text().await.unwrap().contains("Page not found"));
    let setup = app.state.setup_url().unwrap();
    assert!(
        setup.starts_with(&format!("{}/plex/setup?code=", app.origin)),
        "{setup}"
    );
}

#[tokio::test]
async fn unknown_pages_get_a_friendly_404_page() {
    let app = TestApp::start().await;
    let resp = client().get(app.url("/no/such/page")).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(resp.text().await.unwrap().contains("Page not found"));
}

#[tokio::test]
async fn setup_needs_the_printed_code() {
    let app = TestApp::start().await;
    let c = client();
    let none = c.get(app.url("/setup")).send().await.unwrap();
    assert_eq!(none.status(), StatusCode::FORBIDDEN);
    let wrong = c.get(app.url("/setup?code=nope")).send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    let right = c.get(app.state.setup_url().unwrap()).send().await.unwrap();
    assert_eq!(right.status(), StatusCode::OK);
}

#[tokio::test]
async fn headless_owner_gets_no_setup_link() {
    let app = TestApp::start_with(&[("PLEXGATE_PLEX_TOKEN", "owner-token")]).await;
    assert!(app.state.setup_url().is_none());
    let resp = client().get(app.url("/setup?code=x")).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let body: Value = client()
        .get(app.url("/healthz"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["owner_token"], "unknown");
}

#[tokio::test]
async fn rate_limit_answers_429_with_retry_after() {
    let app = TestApp::start_with(&[("PLEXGATE_LIMITS_SIGNINS_PER_MINUTE", "2")]).await;
    let c = client();
    for _ in 0..2 {
        let r = c.get(app.url("/setup")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
    }
    let r = c.get(app.url("/setup")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let secs: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&secs), "{secs}");
    // The error page is rendered over the handler's answer: its own Retry-After and HTML
    // content type, each once (the handler's copies are not appended again).
    for name in ["retry-after", "content-type"] {
        assert_eq!(r.headers().get_all(name).iter().count(), 1, "{name}");
    }
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(r.text().await.unwrap().contains("Slow down"));
}

#[tokio::test]
async fn forwarded_for_counts_only_from_a_trusted_peer() {
    // Loopback is trusted by default: each forwarded client has its own bucket.
    let trusted = TestApp::start_with(&[("PLEXGATE_LIMITS_SIGNINS_PER_MINUTE", "1")]).await;
    let c = client();
    for i in 1..=3 {
        let r = c
            .get(trusted.url("/setup"))
            .header("x-forwarded-for", format!("198.51.100.{i}"))
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::FORBIDDEN,
            "client {i} has its own bucket"
        );
    }
    let again = c
        .get(trusted.url("/setup"))
        .header("x-forwarded-for", "198.51.100.1")
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::TOO_MANY_REQUESTS);

    // When the peer is not trusted, the header is ignored: all requests are the peer's.
    let untrusted = TestApp::start_with(&[
        ("PLEXGATE_LIMITS_SIGNINS_PER_MINUTE", "1"),
        ("PLEXGATE_SERVER_TRUSTED_PROXIES", "10.0.0.0/8"),
    ])
    .await;
    let first = c
        .get(untrusted.url("/setup"))
        .header("x-forwarded-for", "198.51.100.1")
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), StatusCode::FORBIDDEN);
    let second = c
        .get(untrusted.url("/setup"))
        .header("x-forwarded-for", "198.51.100.2")
        .send()
        .await
        .unwrap();
    assert_eq!(second.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn api_needs_a_key_and_answers_json_errors() {
    let app = TestApp::start_with(&[("PLEXGATE_API_KEY", "k-0123456789abcdef")]).await;
    let c = client();
    let anon = c.get(app.url("/api/v1/status")).send().await.unwrap();
    assert_eq!(anon.status(), StatusCode::UNAUTHORIZED);
    let body: Value = anon.json().await.unwrap();
    assert_eq!(body["error"]["code"], "unauthorized");

    let ok = c
        .get(app.url("/api/v1/status"))
        .bearer_auth("k-0123456789abcdef")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let body: Value = ok.json().await.unwrap();
    assert_eq!(body["policy"], "invite");

    let missing = c.get(app.url("/api/v1/nope")).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        missing.json::<Value>().await.unwrap()["error"]["code"],
        "not_found"
    );
    let other = c.get(app.url("/api/v2/whatever")).send().await.unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    assert!(other.json::<Value>().await.unwrap()["error"]["message"].is_string());
    let wrong_method = c.delete(app.url("/api/v1/status")).send().await.unwrap();
    assert_eq!(wrong_method.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        wrong_method.json::<Value>().await.unwrap()["error"]["code"],
        "method_not_allowed"
    );
}

#[tokio::test]
async fn failed_api_keys_are_rate_limited_before_comparison() {
    let app = TestApp::start_with(&[("PLEXGATE_API_KEY", "the-right-key-0000")]).await;
    let c = client();
    let mut limited = None;
    for _ in 0..20 {
        let r = c
            .get(app.url("/api/v1/status"))
            .bearer_auth("guess")
            .send()
            .await
            .unwrap();
        if r.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(r);
            break;
        }
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let limited = limited.expect("bad keys are limited");
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(
        limited.json::<Value>().await.unwrap()["error"]["code"],
        "rate_limited"
    );
    // Even the right key waits now, so guessing stops paying off.
    let right = c
        .get(app.url("/api/v1/status"))
        .bearer_auth("the-right-key-0000")
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn openapi_document_lists_the_served_routes() {
    let app = TestApp::start().await;
    let doc: Value = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.contains_key("/status"));
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    // Every documented route refuses an anonymous caller. Each call comes from its own client
    // address (the loopback peer is a trusted proxy), so the failed-key limit never answers first.
    let mut n = 0;
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            n += 1;
            let r = client()
                .request(m, app.url(&format!("/api/v1{path}")))
                .header("x-forwarded-for", format!("198.51.100.{n}"))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path}");
        }
    }
}

#[test]
fn readme_config_table_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find("<!-- config-table:start").unwrap();
    let start = start + readme[start..].find("-->\n").unwrap() + 4;
    let end = readme.find("<!-- config-table:end -->").unwrap();
    let table = plexgate::config::markdown_table();
    if std::env::var_os("PLEXGATE_BLESS").is_some() {
        let fresh = format!("{}{}{}", &readme[..start], table, &readme[end..]);
        std::fs::write(path, fresh).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        table,
        "run PLEXGATE_BLESS=1 cargo test readme"
    );
}
