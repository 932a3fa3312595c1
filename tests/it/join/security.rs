//! The sign-in's security cases (SPEC §2.2-2.3, §4, style.md #7): the flow cookie alone
//! finishes a sign-in, query parameters are ignored, `forwardUrl` comes from config, `next`
//! stays local, cookies are locked down, user text is escaped, no token leaks, limits hold.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use plexgate::fakeplex::{ALICE, DAVE, Fault, FaultKind, OWNER};
use plexgate::store::{EventFilter, Flow, FlowPurpose};
use reqwest::StatusCode;

use super::browser::{Browser, fragment_param};
use super::journeys::{allow, shares_of};
use crate::support::{TestApp, fast_timing};

const NO_LIMIT: (&str, &str) = ("PLEXGATE_LIMITS_SIGNINS_PER_MINUTE", "0");

fn session_cookie(b: &Browser) -> bool {
    b.cookies
        .keys()
        .any(|k| k.contains("session") || k.contains("admin"))
}

#[tokio::test]
async fn a_callback_without_a_usable_flow_cookie_signs_nobody_in() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    allow(&app, "alice", None).await;
    let mut b = Browser::new();
    let forged = format!(
        "/auth/plex/callback?pinID=1&code=x&authToken={}",
        ALICE.token
    );
    let page = b.get(&app.url(&forged)).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.body.contains("Try again"));
    assert!(!session_cookie(&b));

    // A waiting flow with a token in the query is still waiting: the query is ignored.
    let code = b.start(&app, "/auth/plex").await;
    let waiting = b.get(&app.url(&forged)).await;
    assert_eq!(waiting.status, StatusCode::OK);
    assert!(waiting.body.contains("Almost there"), "{}", waiting.body);
    assert!(
        waiting.body.contains("auth&#x2F;plex&#x2F;callback"),
        "Continue re-enters"
    );
    assert!(!session_cookie(&b));
    // Continue, once approved, signs in.
    app.fake().approve_pin_code(&code, &ALICE);
    let flow_cookie = b.cookies.clone();
    let done = b.get(&app.url("/auth/plex/callback")).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/me?welcome=1");
    let done = b.land(&app, done).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(session_cookie(&b));
    assert!(
        !b.cookies.contains_key("plexgate_flow"),
        "flow cookie cleared"
    );

    // Replaying the used-up flow cookie signs nobody in.
    let mut replay = Browser::new();
    replay.cookies = flow_cookie;
    let page = replay.get(&app.url("/auth/plex/callback")).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(!session_cookie(&replay));

    // An expired flow neither.
    let mut late = Browser::new();
    let code = late.start(&app, "/auth/plex").await;
    app.clock
        .advance(app.state.access.timing().flow_ttl + Duration::from_secs(1));
    app.fake().approve_pin_code(&code, &ALICE);
    let page = late.get(&app.url("/auth/plex/callback")).await;
    assert_ne!(page.status, StatusCode::OK, "{}", page.body);
    assert!(!session_cookie(&late));
    app.stop().await;
}

#[tokio::test]
async fn forward_url_comes_from_the_public_url_not_the_request() {
    let app = TestApp::with_fake(&[]).await;
    let mut b = Browser::new();
    let page = b
        .get_with(
            &app.url("/auth/plex"),
            &[
                ("host", "evil.example"),
                ("x-forwarded-host", "evil.example"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert!(page.location().starts_with(&app.fake().auth_url()));
    assert_eq!(
        fragment_param(page.location(), "forwardUrl").unwrap(),
        app.url("/auth/plex/callback")
    );
    assert!(!page.location().contains("evil"));
    app.stop().await;
}

#[tokio::test]
async fn next_only_ever_leads_to_a_local_path() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    allow(&app, "alice", None).await;
    for bad in [
        "//evil",
        "/\\evil",
        "https://evil",
        "/%2F%2Fevil",
        "/%5Cevil",
        "javascript:alert(1)",
    ] {
        let start = format!(
            "/auth/plex?next={}",
            url::form_urlencoded::byte_serialize(bad.as_bytes()).collect::<String>()
        );
        let page = Browser::new().sign_in(&app, &ALICE, &start).await;
        assert_eq!(page.status, StatusCode::OK, "{bad}: {}", page.body);
        assert!(page.headers.get("location").is_none(), "{bad}");
    }
    let page = Browser::new()
        .sign_in(&app, &ALICE, "/auth/plex?next=/me")
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), "/me");
    app.stop().await;
}

#[tokio::test]
async fn cookies_are_http_only_lax_and_host_prefixed_on_https() {
    let app = TestApp::with_fake(&[]).await;
    let page = Browser::new().get(&app.url("/auth/plex")).await;
    let set = page.set_cookies();
    assert_eq!(set.len(), 1);
    assert!(set[0].starts_with("plexgate_flow="), "{set:?}");
    assert!(set[0].contains("HttpOnly") && set[0].contains("SameSite=Lax"));
    assert!(!set[0].contains("Secure"));
    assert!(set[0].contains(&format!(
        "Max-Age={}",
        app.state.access.timing().flow_ttl.as_secs()
    )));
    app.stop().await;

    let https = ("PLEXGATE_SERVER_PUBLIC_URL", "https://127.0.0.1:{port}");
    let app = TestApp::with_fake(&[https]).await;
    allow(&app, "alice", None).await;
    let mut b = Browser::new();
    let page = b.sign_in(&app, &ALICE, "/auth/plex").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let all: Vec<String> = b
        .seen
        .iter()
        .filter(|s| s.contains("plexgate_"))
        .cloned()
        .collect();
    assert!(all.iter().any(|c| c.starts_with("__Host-plexgate_flow=")));
    assert!(
        all.iter()
            .any(|c| c.starts_with("__Host-plexgate_session="))
    );
    for c in &all {
        assert!(c.starts_with("__Host-"), "{c}");
        assert!(c.contains("; Secure") && c.contains("HttpOnly") && c.contains("SameSite=Lax"));
        assert!(c.contains("Path=/") && !c.contains("Domain"), "{c}");
    }
    let me = b.get(&app.url("/me")).await;
    assert!(
        me.body.contains("alice"),
        "the __Host- session works: {}",
        me.body
    );
    app.stop().await;
}

#[tokio::test]
async fn onboarding_markdown_is_sanitised_and_no_token_leaks() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    allow(&app, "alice", None).await;
    let md =
        "Install **Plex**.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(2))".to_owned();
    app.store()
        .write(move |tx| tx.put_setting("onboarding_markdown", &md))
        .await
        .unwrap();
    let mut b = Browser::new();
    let page = b.sign_in(&app, &ALICE, "/auth/plex").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("<strong>Plex</strong>"), "{}", page.body);
    assert!(!page.body.contains("<script>alert"));
    assert!(!page.body.contains("javascript:"));
    b.get(&app.url("/me")).await;
    b.sign_in(&app, &DAVE, "/auth/plex").await;
    b.sign_in(&app, &OWNER, "/auth/plex?next=/admin").await;
    b.get(&app.url("/admin")).await;
    let events = app
        .store()
        .read(|tx| tx.events_page(None, 10_000, &EventFilter::default()))
        .await
        .unwrap()
        .events;
    let events = format!("{events:?}");
    for token in [ALICE.token, DAVE.token, OWNER.token] {
        assert!(!events.contains(token), "token in events");
        for seen in &b.seen {
            assert!(!seen.contains(token), "token in a page or cookie: {seen}");
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn sign_in_starts_are_rate_limited_and_flows_capped() {
    let app = TestApp::with_fake(&[("PLEXGATE_LIMITS_SIGNINS_PER_MINUTE", "3")]).await;
    let mut b = Browser::new();
    for _ in 0..3 {
        assert_eq!(
            b.get(&app.url("/auth/plex")).await.status,
            StatusCode::SEE_OTHER
        );
    }
    let limited = b.get(&app.url("/auth/plex")).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.headers.contains_key("retry-after"));
    app.stop().await;

    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let now = app.state.access.clock().unix();
    app.store()
        .write(move |tx| {
            for i in 0..1000u64 {
                let flow = Flow {
                    purpose: FlowPurpose::Join,
                    pin_id: i,
                    pin_code: format!("code{i}"),
                    created_at: now,
                    expires_at: now + 600,
                    invite_code_hash: None,
                    next: None,
                    rd: None,
                    checks: 0,
                    last_check_at: None,
                    used: false,
                };
                tx.put_flow(&plexgate::crypto::sha256_hex(&format!("seed{i}")), &flow)?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let busy = Browser::new().get(&app.url("/auth/plex")).await;
    assert_eq!(
        busy.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        busy.body
    );
    assert!(busy.body.contains("try again in a minute"), "{}", busy.body);
    assert!(busy.headers.contains_key("retry-after"));
    app.stop().await;
}

#[tokio::test]
async fn a_slow_plex_tv_still_gets_a_page_within_the_deadline() {
    let mut timing = fast_timing();
    timing.callback_deadline = Duration::from_millis(800);
    let app = TestApp::with_fake_timing(&[], timing).await;
    allow(&app, "alice", None).await;
    let mut b = Browser::new();
    let code = b.start(&app, "/auth/plex").await;
    app.fake().approve_pin_code(&code, &ALICE);
    app.fake()
        .inject(Fault::new("/api", FaultKind::Delay(Duration::from_secs(3))));
    let started = Instant::now();
    let page = b.get(&app.url("/auth/plex/callback")).await;
    let took = started.elapsed();
    assert!(took < Duration::from_millis(2500), "took {took:?}");
    assert_eq!(
        page.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        page.body
    );
    assert!(page.headers.contains_key("retry-after"));
    assert!(!session_cookie(&b));
    assert!(shares_of(&app, ALICE.id).is_empty());
    app.stop().await;
}

#[tokio::test]
async fn plex_tv_down_at_the_start_says_try_again_in_a_minute() {
    let app = TestApp::with_fake(&[]).await;
    app.fake().inject(Fault::status("/api/v2/pins", 503));
    let mut b = Browser::new();
    let page = b.get(&app.url("/auth/plex")).await;
    assert_eq!(
        page.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        page.body
    );
    assert!(page.body.contains("try again in a minute"), "{}", page.body);
    assert!(page.headers.contains_key("retry-after"));
    assert!(
        page.set_cookies().is_empty(),
        "no flow cookie without a flow"
    );
    app.stop().await;
}
