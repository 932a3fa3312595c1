//! Every refusal of SPEC §9 that a client or a browser can meet.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use plexgate::fakeplex::{ALICE, OWNER};
use plexgate::store::GrantStatus;
use reqwest::StatusCode;

use super::support::*;
use crate::join::browser::Browser;

#[tokio::test]
async fn unknown_client_or_redirect_is_a_page_never_a_redirect() {
    let o = oidc_app().await;
    let app = &o.app;
    let mut b = Browser::new();
    let unknown = b.get(&authorize_url(app, "nobody", GRAFANA_CB, &[])).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(unknown.headers.get("location").is_none());
    for uri in [
        "https://grafana.example.com/login/generic_oautH",
        "https://grafana.example.com/login/generic_oauth/",
        "https://grafana.example.com/login/generic_oauth?x=1",
        "http://grafana.example.com/login/generic_oauth",
    ] {
        let page = b.get(&authorize_url(app, "grafana", uri, &[])).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(page.headers.get("location").is_none(), "{uri}");
        assert!(!page.body.contains("generic_oautH"), "{}", page.body);
    }
    // Bad requests for a known client and URI go back to it as errors.
    let plain = b
        .get(&authorize_url(
            app,
            "immich",
            IMMICH_CB,
            &[
                ("code_challenge", &challenge(VERIFIER)),
                ("code_challenge_method", "plain"),
            ],
        ))
        .await;
    assert_eq!(plain.status, StatusCode::SEE_OTHER);
    assert_eq!(
        param(plain.location(), "error").as_deref(),
        Some("invalid_request")
    );
    assert_eq!(param(plain.location(), "state").as_deref(), Some("st-123"));
    let no_pkce = b.get(&authorize_url(app, "immich", IMMICH_CB, &[])).await;
    assert_eq!(
        param(no_pkce.location(), "error").as_deref(),
        Some("invalid_request")
    );
    // prompt=none without a session.
    let none = b
        .get(&authorize_url(
            app,
            "grafana",
            GRAFANA_CB,
            &[("prompt", "none")],
        ))
        .await;
    assert_eq!(none.status, StatusCode::SEE_OTHER);
    assert_eq!(
        param(none.location(), "error").as_deref(),
        Some("login_required")
    );
    assert_eq!(param(none.location(), "state").as_deref(), Some("st-123"));
}

#[tokio::test]
async fn pkce_verifier_missing_or_wrong_is_refused() {
    let o = oidc_app().await;
    let app = &o.app;
    let mut b = Browser::new();
    let url = authorize_url(
        app,
        "immich",
        IMMICH_CB,
        &[
            ("code_challenge", &challenge(VERIFIER)),
            ("code_challenge_method", "S256"),
        ],
    );
    for verifier in [None, Some("x".repeat(50))] {
        let page = authorize(&mut b, app, &url, &ALICE).await;
        let code = param(page.location(), "code").unwrap();
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", IMMICH_CB),
            ("client_id", "immich"),
        ];
        if let Some(v) = &verifier {
            form.push(("code_verifier", v));
        }
        let (s, e) = token(app, None, &form).await;
        assert_eq!(
            (s, e["error"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalid_grant")),
            "{verifier:?}"
        );
    }
}

#[tokio::test]
async fn a_reused_code_fails_and_revokes_what_it_issued_and_codes_expire() {
    let o = oidc_app().await;
    let mut b = Browser::new();
    let code = grafana_code(&o, &mut b, &ALICE).await;
    let (s, t) = exchange(&o, &code).await;
    assert_eq!(s, StatusCode::OK);
    let access = t["access_token"].as_str().unwrap();
    assert_eq!(userinfo(&o.app, access).await.0, StatusCode::OK);
    let (s, e) = exchange(&o, &code).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );
    assert_eq!(userinfo(&o.app, access).await.0, StatusCode::UNAUTHORIZED);
    let (s, _) = refresh(&o, t["refresh_token"].as_str().unwrap()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    let metrics = crate::support::client()
        .get(o.app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for outcome in ["issued", "refused"] {
        let line =
            format!("plexgate_oidc_tokens_total{{client=\"grafana\",outcome=\"{outcome}\"}}");
        assert!(metrics.contains(&line), "{line} in {metrics}");
    }

    let late = grafana_code(&o, &mut b, &ALICE).await;
    o.app.clock.advance(Duration::from_secs(61));
    let (s, e) = exchange(&o, &late).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );
}

#[tokio::test]
async fn a_wrong_client_secret_is_401_then_rate_limited() {
    let o = oidc_app().await;
    let mut b = Browser::new();
    let code = grafana_code(&o, &mut b, &ALICE).await;
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", GRAFANA_CB),
    ];
    let (s, e) = token(&o.app, Some(("grafana", "wrong")), &form).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_client"))
    );
    // client_secret_post with the other client's secret, and no secret at all for a confidential one.
    let mut post = form.to_vec();
    post.extend([
        ("client_id", "grafana"),
        ("client_secret", o.admin_secret.as_str()),
    ]);
    assert_eq!(token(&o.app, None, &post).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        token(
            &o.app,
            None,
            &[
                ("grant_type", "authorization_code"),
                ("client_id", "grafana")
            ]
        )
        .await
        .0,
        StatusCode::UNAUTHORIZED
    );
    let mut last = StatusCode::UNAUTHORIZED;
    for _ in 0..12 {
        last = token(&o.app, Some(("grafana", "wrong")), &form).await.0;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    // Even the right secret waits now.
    assert_eq!(exchange(&o, &code).await.0, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn refresh_after_the_grant_was_removed_and_rotated_token_reuse() {
    let o = oidc_app().await;
    let mut b = Browser::new();
    let code = grafana_code(&o, &mut b, &ALICE).await;
    let (_, t) = exchange(&o, &code).await;
    let rt1 = t["refresh_token"].as_str().unwrap().to_owned();
    let (s, t2) = refresh(&o, &rt1).await;
    assert_eq!(s, StatusCode::OK);
    let rt2 = t2["refresh_token"].as_str().unwrap().to_owned();
    // The rotated token comes back: the whole family is revoked.
    let (s, e) = refresh(&o, &rt1).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );
    assert_eq!(refresh(&o, &rt2).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(
        userinfo(&o.app, t2["access_token"].as_str().unwrap())
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );

    let code = grafana_code(&o, &mut b, &ALICE).await;
    let (_, t) = exchange(&o, &code).await;
    o.app
        .store()
        .write(|tx| {
            let mut g = tx.get_grant(ALICE.id)?.expect("a grant");
            g.status = GrantStatus::Removed;
            tx.put_grant(&g)
        })
        .await
        .unwrap();
    assert_eq!(
        userinfo(&o.app, t["access_token"].as_str().unwrap())
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    let (s, e) = refresh(&o, t["refresh_token"].as_str().unwrap()).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );
}

#[tokio::test]
async fn an_account_the_rule_refuses_sees_403_then_access_denied() {
    let o = oidc_app().await;
    let app = &o.app;
    let mut b = Browser::new();
    let page = authorize(
        &mut b,
        app,
        &authorize_url(app, "admintool", ADMIN_CB, &[]),
        &ALICE,
    )
    .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    assert!(
        page.body.contains("alice") && page.body.contains("Admin Tool"),
        "{}",
        page.body
    );
    let back = href_with(&page, ADMIN_CB).expect("Back to Admin Tool");
    assert_eq!(param(&back, "error").as_deref(), Some("access_denied"));
    assert_eq!(param(&back, "state").as_deref(), Some("st-123"));
    assert!(param(&back, "code").is_none());
    // With prompt=none no page may show: the refusal goes straight back.
    let silent = b
        .get(&authorize_url(
            app,
            "admintool",
            ADMIN_CB,
            &[("prompt", "none")],
        ))
        .await;
    assert_eq!(silent.status, StatusCode::SEE_OTHER);
    assert_eq!(
        param(silent.location(), "error").as_deref(),
        Some("access_denied")
    );
    // The same request by POST (OIDC Core 3.1.2.1) for a client she passes.
    let posted = b
        .post(
            &app.url("/oidc/authorize"),
            &[
                ("client_id", "grafana"),
                ("redirect_uri", GRAFANA_CB),
                ("response_type", "code"),
                ("scope", "openid"),
                ("state", "p"),
            ],
        )
        .await;
    assert_eq!(posted.status, StatusCode::SEE_OTHER, "{}", posted.body);
    assert!(param(posted.location(), "code").is_some());
    // The owner passes the same rule and gets the admin groups.
    let mut ob = Browser::new();
    let done = authorize(
        &mut ob,
        app,
        &authorize_url(app, "admintool", ADMIN_CB, &[]),
        &OWNER,
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let code = param(done.location(), "code").unwrap();
    let (s, t) = token(
        app,
        Some(("admintool", &o.admin_secret)),
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", ADMIN_CB),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let claims = verify(
        &get_json(app, "/oidc/jwks").await,
        t["id_token"].as_str().unwrap(),
    );
    let groups = claims["groups"].to_string();
    assert!(
        groups.contains("plexgate-owner") && groups.contains("plexgate-admins"),
        "{groups}"
    );
    assert!(t.get("refresh_token").is_some());
}

#[tokio::test]
async fn the_apps_page_adds_a_client_and_shows_its_secret_once() {
    use crate::admin::fixtures::{admin, submit};
    let o = oidc_app().await;
    let app = &o.app;
    let mut b = admin(app, &OWNER).await;
    let page = b.get(&app.url("/admin/apps")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Grafana") && page.body.contains("client id immich"));
    let added = submit(
        app,
        &mut b,
        "/admin/apps",
        "/admin/apps/oidc",
        &[
            ("client_id", "nextcloud"),
            ("name", "Nextcloud"),
            (
                "redirect_uris",
                "https://cloud.example.com/apps/user_oidc/code",
            ),
            ("allow", "friends"),
        ],
    )
    .await;
    // Post/redirect/get: the secret is on the page the redirect lands on, once.
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let shown = app.url(added.location());
    let added = b.follow(app, &added).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let marker = "id=\"new-secret\" class=\"copy\" readonly value=\"";
    let at = added.body.find(marker).expect("the secret, once") + marker.len();
    let secret = added.body[at..at + added.body[at..].find('"').unwrap()].to_owned();
    assert!(secret.len() >= 43);
    let again = b.get(&app.url("/admin/apps")).await;
    assert!(again.body.contains("Nextcloud") && !again.body.contains(&secret));
    let reload = b.get(&shown).await;
    assert!(!reload.body.contains(&secret), "shown only once");
    // The earlier clients are kept, with their secrets.
    let code = grafana_code(&o, &mut Browser::new(), &ALICE).await;
    assert_eq!(exchange(&o, &code).await.0, StatusCode::OK);
    // A friend is not the owner: the page is owner-only.
    let mut friend = Browser::new();
    let _ = friend.sign_in(app, &ALICE, "/auth/plex").await;
    assert_ne!(
        friend.get(&app.url("/admin/apps")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn prompt_login_forces_a_new_sign_in_and_rotate_key_keeps_the_old_one_for_7_days() {
    let o = oidc_app().await;
    let app = &o.app;
    let mut b = Browser::new();
    let _ = grafana_code(&o, &mut b, &ALICE).await;
    let forced = b
        .get(&authorize_url(
            app,
            "grafana",
            GRAFANA_CB,
            &[("prompt", "login")],
        ))
        .await;
    assert_eq!(forced.status, StatusCode::OK, "a sign-in page, not a code");
    assert!(href_with(&forced, "/auth/plex").is_some());

    let old = app
        .state
        .oidc
        .keys()
        .unwrap()
        .current_kid()
        .unwrap()
        .to_owned();
    let now = app.state.access.clock().unix();
    let new = plexgate::access::oidc::jws::rotate(app.store(), now).unwrap();
    let keys = plexgate::access::oidc::jws::ensure(app.store(), now).unwrap();
    let kids: Vec<String> = keys.jwks()["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kids, vec![new.clone(), old.clone()]);
    assert_eq!(keys.current_kid(), Some(new.as_str()));
    let later = plexgate::access::oidc::jws::ensure(app.store(), now + 7 * 24 * 3600).unwrap();
    assert_eq!(later.current_kid(), Some(new.as_str()));
    assert_eq!(later.jwks()["keys"].as_array().unwrap().len(), 1);
}
