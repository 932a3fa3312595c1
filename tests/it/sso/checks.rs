//! Each endpoint's answers, identity headers, rules, bypass tricks, forged headers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::{ALICE, CAROL, OWNER};
use reqwest::StatusCode;

use plexgate::clock::Clock as _;

use super::support::{assert_clean, forward, header, nginx, sign_in, sso_app};
use crate::support::TestApp;

const APP: &str = "https://friends.example.com/movies?x=1";

#[tokio::test]
async fn anonymous_requests_are_sent_to_sign_in_per_proxy() {
    let app = sso_app(&[]).await;
    let r = nginx(&app, APP, None, &[]).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_clean(&r);
    let loc = header(r.headers(), "location").unwrap();
    assert!(loc.starts_with(&format!("http://auth.example.com:{}/sso/login?rd=https%3A%2F%2Ffriends.example.com%2Fmovies%3Fx%3D1", app.addr.port())), "{loc}");
    let html = [("accept", "text/html,application/xhtml+xml")];
    let r = forward(&app, "friends.example.com", "/movies", None, &html).await;
    assert_eq!(r.status(), StatusCode::FOUND);
    assert_clean(&r);
    let post = [("accept", "text/html"), ("x-forwarded-method", "POST")];
    assert_eq!(
        forward(&app, "friends.example.com", "/m", None, &post)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let xhr = [
        ("accept", "text/html"),
        ("x-requested-with", "XMLHttpRequest"),
    ];
    assert_eq!(
        forward(&app, "friends.example.com", "/m", None, &xhr)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        forward(&app, "friends.example.com", "/m", None, &[])
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    // A deny app is closed to everyone, signed in or not.
    assert_eq!(
        nginx(&app, "https://closed.example.com/", None, &[])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_friend_signs_in_for_an_app_and_passes_with_identity_headers() {
    let app = sso_app(&[]).await;
    let s = sign_in(&app, &ALICE, APP).await;
    assert_eq!(s.last.status(), StatusCode::OK);
    let body = s.last.text().await.unwrap();
    assert!(body.contains("Continue to Overseerr"), "{body}");
    assert!(
        body.contains("href=\"https:&#x2F;&#x2F;friends.example.com&#x2F;movies?x=1\""),
        "{body}"
    );
    // A client-forged Remote-User is never what plexgate answers.
    let r = nginx(
        &app,
        APP,
        Some(&s.cookie),
        &[
            ("remote-user", "owner"),
            ("remote-groups", "plexgate-owner"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_clean(&r);
    let h = r.headers();
    assert_eq!(header(h, "remote-user"), Some("alice"));
    assert_eq!(header(h, "remote-email"), Some("alice@example.com"));
    assert_eq!(
        header(h, "remote-plex-id"),
        Some(ALICE.id.to_string().as_str())
    );
    assert_eq!(header(h, "remote-groups"), Some("plexgate-friends"));
    assert!(header(h, "remote-name").is_some_and(|n| !n.is_empty() && n.is_ascii()));
    // Rules: the owner-only path, admins-only and library-narrowed apps refuse her with 403.
    for url in [
        "https://friends.example.com/admin/x",
        "https://friends.example.com/movies/../admin",
        "https://friends.example.com/%61dmin",
        "https://admins.example.com/",
        "https://music.example.com/",
        "https://closed.example.com/",
        "https://unknown.example.com/",
    ] {
        let r = nginx(&app, url, Some(&s.cookie), &[]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{url}");
        assert!(header(r.headers(), "remote-user").is_none());
    }
    // Forward auth agrees, and a browser gets a page.
    let r = forward(
        &app,
        "admins.example.com",
        "/",
        Some(&s.cookie),
        &[("accept", "text/html")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.text().await.unwrap().contains("alice"));
    // /me lists the apps she may open.
    let me = reqwest::Client::new()
        .get(app.url("/me"))
        .header("cookie", &s.cookie)
        .send()
        .await
        .unwrap();
    let me = me.text().await.unwrap();
    assert!(
        me.contains("Overseerr") && !me.contains("admins.example.com"),
        "{me}"
    );
}

#[tokio::test]
async fn the_owner_passes_everything_but_deny_and_cookies_stay_separate() {
    let app = sso_app(&[]).await;
    let s = sign_in(&app, &OWNER, "https://admins.example.com/x").await;
    assert_eq!(s.last.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        header(s.last.headers(), "location"),
        Some("https://admins.example.com/x")
    );
    let r = nginx(
        &app,
        "https://friends.example.com/admin",
        Some(&s.cookie),
        &[],
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        header(r.headers(), "remote-groups"),
        Some("plexgate-owner,plexgate-admins,plexgate-friends")
    );
    assert_eq!(
        nginx(&app, "https://closed.example.com/", Some(&s.cookie), &[])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    // The admin cookie never passes an auth check, even under the account cookie's name.
    let admin = s.admin_cookie.expect("owner gets an admin session");
    let value = admin.split_once('=').unwrap().1;
    let r = nginx(&app, APP, Some(&format!("plexgate_session={value}")), &[]).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = nginx(&app, APP, Some(&admin), &[]).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    // The account cookie never opens /admin.
    let r = reqwest::Client::new()
        .get(app.url("/admin"))
        .header("cookie", &s.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn users_entries_sign_in_without_a_share() {
    let app = sso_app(&[("PLEXGATE_ACCESS_POLICY", "allowlist")]).await;
    let s = sign_in(&app, &CAROL, "https://carol.example.com/").await;
    assert_eq!(s.last.status(), StatusCode::SEE_OTHER);
    assert!(!app.fake().shares().iter().any(|s| s.user_id == CAROL.id));
    let r = nginx(&app, "https://carol.example.com/", Some(&s.cookie), &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(header(r.headers(), "remote-groups"), Some(""));
    assert_eq!(
        nginx(&app, APP, Some(&s.cookie), &[]).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn bypass_only_exact_prefixes_and_never_trusts_identity() {
    let app = sso_app(&[]).await;
    let r = nginx(
        &app,
        "https://friends.example.com/api/v1/status?apikey=x",
        None,
        &[("remote-user", "owner")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(header(r.headers(), "remote-user").is_none());
    for path in [
        "/api",
        "/apix",
        "/API/x",
        "/api/../admin",
        "/api/%2e%2e/admin",
        "/api/%2F..%2Fadmin",
        "//api/x",
        "/api//x",
        "/x?/api/",
        "/api;x/y",
        "/api/%252e%252e/",
    ] {
        let url = format!("https://friends.example.com{path}");
        let r = nginx(&app, &url, None, &[]).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
}

/// Anonymous asks on both endpoints about `path` on the app with `bypass = ["/api/"]`.
async fn both_endpoints(app: &TestApp, host: &str, path: &str) -> [StatusCode; 2] {
    let url = format!("https://{host}{path}");
    let a = nginx(app, &url, None, &[]).await;
    assert_clean(&a);
    let b = forward(app, host, path, None, &[]).await;
    assert_clean(&b);
    [a.status(), b.status()]
}

#[tokio::test]
async fn encoded_separators_dot_segments_and_control_characters_are_never_bypassed() {
    let app = sso_app(&[]).await;
    let host = "friends.example.com";
    for path in ["/api/v3/series", "/api/%7Euser/x", "/api/v3/series?x=%2F"] {
        assert_eq!(
            both_endpoints(&app, host, path).await,
            [StatusCode::OK; 2],
            "{path} is bypassed"
        );
    }
    for path in [
        "/api%2Fadmin",
        "/api%2fv3/series",
        "/api%5Cadmin",
        "/api%5cadmin",
        "/api/%2F..%2Fadmin",
        "/api/x%2fy",
        "/api/x%5Cy",
        "/api/x%5cy",
        "/api/%252F",
        "/api/%252e%252e/admin",
        "/api/%2e%2e/admin",
        "/api/%2E%2E/admin",
        "/api/../admin",
        "/api/./x",
        "/api//x",
        "//api/x",
        "/api/;x",
        "/api/x;y",
        "/api;/x",
        "/api/%3Bx",
        "/api/%00",
        "/api/%07x",
        "/api/%1F",
        "/api/%7F",
        "/api/%C2%85",
        "/api/%",
    ] {
        assert_eq!(
            both_endpoints(&app, host, path).await,
            [StatusCode::UNAUTHORIZED; 2],
            "{path} must not be bypassed"
        );
    }
}

#[tokio::test]
async fn deny_beats_bypass() {
    let app = sso_app(&[]).await;
    let s = sign_in(&app, &ALICE, APP).await;
    // closed.example.com: allow = deny, bypass = ["/api/"].
    for path in ["/api/v1/status", "/api/", "/"] {
        assert_eq!(
            both_endpoints(&app, "closed.example.com", path).await,
            [StatusCode::FORBIDDEN; 2],
            "{path}"
        );
        let url = format!("https://closed.example.com{path}");
        let r = nginx(&app, &url, Some(&s.cookie), &[]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{path}");
        assert!(header(r.headers(), "remote-user").is_none());
    }
}

#[tokio::test]
async fn malformed_or_forged_forwarded_headers_are_400() {
    let app = sso_app(&[]).await;
    let s = sign_in(&app, &ALICE, APP).await;
    // Forged X-Forwarded-Host aimed at a looser app beside X-Original-URL.
    let r = nginx(
        &app,
        "https://admins.example.com/",
        Some(&s.cookie),
        &[("x-forwarded-host", "friends.example.com")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_clean(&r);
    for bad in [
        "",
        "not a url",
        "https://a.example.com/#frag",
        "https://u:p@friends.example.com/",
        "http:///x",
        "https:///friends.example.com/movies",
        "https:friends.example.com/movies",
    ] {
        assert_eq!(
            nginx(&app, bad, Some(&s.cookie), &[]).await.status(),
            StatusCode::BAD_REQUEST,
            "{bad:?}"
        );
    }
    let r = reqwest::Client::new()
        .get(app.url("/sso/auth/nginx"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = reqwest::Client::new()
        .get(app.url("/sso/auth/forward"))
        .header("x-forwarded-proto", "https")
        .header(
            "x-forwarded-host",
            "friends.example.com, admins.example.com",
        )
        .header("x-forwarded-uri", "/")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = reqwest::Client::new()
        .get(app.url("/sso/auth/forward"))
        .header("x-forwarded-proto", "https")
        .header("x-forwarded-host", "friends.example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    // On /sso/auth/forward an X-Original-URL must name X-Forwarded-Host's host too.
    let beside = async |original: &str| {
        forward(
            &app,
            "friends.example.com",
            "/movies",
            Some(&s.cookie),
            &[("x-original-url", original)],
        )
        .await
    };
    let r = beside("https://admins.example.com/movies").await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_clean(&r);
    assert_eq!(
        beside("http:///movies").await.status(),
        StatusCode::BAD_REQUEST
    );
    let r = beside("https://friends.example.com/movies").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(header(r.headers(), "remote-user"), Some("alice"));
}

#[tokio::test]
async fn untrusted_peers_are_refused_and_recorded() {
    let app = sso_app(&[("PLEXGATE_SERVER_TRUSTED_PROXIES", "10.9.9.0/24")]).await;
    for _ in 0..2 {
        let r = nginx(&app, APP, None, &[("x-forwarded-for", "10.9.9.1")]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert_clean(&r);
    }
    let start = app.clock.unix();
    assert_eq!(
        untrusted_events(&app, 1).await,
        [start],
        "one event per peer per hour"
    );
    app.clock.advance(std::time::Duration::from_secs(3600));
    for _ in 0..2 {
        let r = nginx(&app, APP, None, &[]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
    }
    assert_eq!(
        untrusted_events(&app, 2).await,
        [start, start + 3600],
        "an hour later, one more"
    );
}

/// The `at` of every `sso_untrusted_peer` event, oldest first, once at least `expected` were
/// written (they are written in the background) and a further bounded period has passed in
/// which any extra one would have been written too: the count is exact, not "at least".
async fn untrusted_events(app: &TestApp, expected: usize) -> Vec<i64> {
    let read = || async {
        app.store()
            .read(|tx| {
                let f = plexgate::store::EventFilter {
                    plex_id: None,
                    kind: Some("sso_untrusted_peer".into()),
                };
                Ok(tx.events_page(None, 10, &f)?.events)
            })
            .await
            .unwrap()
            .into_iter()
            .rev()
            .map(|e| e.at)
            .collect::<Vec<i64>>()
    };
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    while read().await.len() < expected {
        assert!(
            tokio::time::Instant::now() < deadline,
            "fewer than {expected} events after 10 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    // Settle: a duplicate from the same burst would land within this.
    for _ in 0..25 {
        tokio::task::yield_now().await;
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    read().await
}

#[tokio::test]
async fn rd_corpus_never_leaves_the_cookie_domain() {
    let app = sso_app(&[]).await;
    let long = format!("https://friends.example.com/{}", "a".repeat(2100));
    for rd in [
        "https://evil.test/",
        "https://friends.example.com.evil.test/",
        "https://evilexample.com/",
        "//evil.test/",
        "/\\evil.test",
        "https://friends.example.com\\@evil.test/",
        "https://evil.test@friends.example.com/",
        "https://friends.example.com@evil.test/",
        "javascript:alert(1)",
        "https://friends.example.com/\tx",
        "https://friends.exam\nple.com/",
        "http://127.0.0.1/",
        "ftp://friends.example.com/",
        long.as_str(),
    ] {
        let r = reqwest::Client::new()
            .get(format!(
                "{}?rd={}",
                app.url("/sso/login"),
                super::support::enc(rd)
            ))
            .send()
            .await
            .unwrap();
        let body = r.text().await.unwrap();
        assert!(!body.contains("rd="), "{rd:?}: {body}");
        assert!(
            body.contains("next=&#x2F;me") || body.contains("next=/me"),
            "{rd:?}"
        );
    }
}

#[tokio::test]
async fn apps_api_lists_sources_and_refuses_config_hosts() {
    let toml = "[[sso.apps]]\nhost = \"tautulli.example.com\"\nallow = \"admins\"\n";
    let app = super::mini::start_with_toml(toml, &[]).await;
    let c = reqwest::Client::new();
    let put = |body: serde_json::Value| {
        c.put(app.url("/api/v1/apps"))
            .bearer_auth(super::support::KEY)
            .json(&body)
            .send()
    };
    let r =
        put(serde_json::json!({"apps": [{"host": "Tautulli.example.com", "allow": "friends"}]}))
            .await
            .unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let r = put(serde_json::json!({"apps": [{"host": "x.evil.test", "allow": "friends"}]}))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = put(
        serde_json::json!({"apps": [{"host": "x.example.com", "allow": "friends", "oops": 1}]}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = put(serde_json::json!({"apps": [{"host": "x.example.com", "allow": "friends", "bypass": ["/api/"]}]})).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = c
        .get(app.url("/api/v1/apps"))
        .bearer_auth(super::support::KEY)
        .send()
        .await
        .unwrap();
    let v: serde_json::Value = r.json().await.unwrap();
    let apps = v["apps"].as_array().unwrap();
    assert_eq!(apps.len(), 2);
    assert_eq!(apps[0]["source"], "config");
    assert_eq!(apps[1]["source"], "admin");
    assert_eq!(apps[1]["bypass"][0], "/api/");
    let r = c.get(app.url("/api/v1/apps")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}
