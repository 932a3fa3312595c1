//! The whole code flow as a client drives it, and what ends an account's tokens.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::ALICE;
use reqwest::StatusCode;

use super::support::*;
use crate::join::browser::Browser;
use crate::support::client;

#[tokio::test]
async fn code_flow_from_discovery_to_logout() {
    let o = oidc_app().await;
    let app = &o.app;
    let disc = get_json(app, "/.well-known/openid-configuration").await;
    let iss = app.url("");
    assert_eq!(disc["issuer"], iss.as_str());
    assert_eq!(
        disc["code_challenge_methods_supported"],
        serde_json::json!(["S256"])
    );
    assert_eq!(
        get_json(app, "/.well-known/oauth-authorization-server").await,
        disc
    );
    let jwks = get_json(app, "/oidc/jwks").await;

    let mut b = Browser::new();
    let url = authorize_url(app, "grafana", GRAFANA_CB, &[]);
    let welcome = b.get(&url).await;
    assert_eq!(welcome.status, StatusCode::OK);
    assert!(
        welcome.body.contains("Sign in to Grafana"),
        "{}",
        welcome.body
    );
    let done = authorize(&mut b, app, &url, &ALICE).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(param(done.location(), "state").as_deref(), Some("st-123"));
    assert_eq!(param(done.location(), "iss").as_deref(), Some(iss.as_str()));
    let code = param(done.location(), "code").unwrap();

    let (s, t) = exchange(&o, &code).await;
    assert_eq!(s, StatusCode::OK, "{t}");
    assert_eq!(t["token_type"], "Bearer");
    assert_eq!(t["expires_in"], 600);
    let claims = verify(&jwks, t["id_token"].as_str().unwrap());
    assert_eq!(claims["iss"], iss.as_str());
    assert_eq!(claims["sub"], ALICE.id.to_string());
    assert_eq!(claims["aud"], "grafana");
    assert_eq!(claims["azp"], "grafana");
    assert_eq!(claims["nonce"], "n-456");
    assert_eq!(claims["preferred_username"], "alice");
    assert_eq!(claims["email"], ALICE.email.unwrap());
    let groups = claims["groups"].as_array().unwrap();
    assert!(groups.iter().any(|g| g == "plexgate-friends"), "{claims}");
    assert!(!groups.iter().any(|g| g == "plexgate-admins"), "{claims}");
    let exp = claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap();
    assert_eq!(exp, 600);

    // A second sign-in for another app: the session is reused, no Plex page.
    let again = b.get(&authorize_url(app, "grafana", GRAFANA_CB, &[])).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(again.location().starts_with(GRAFANA_CB));

    let access = t["access_token"].as_str().unwrap();
    let (s, info) = userinfo(app, access).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(info["sub"], claims["sub"]);
    assert_eq!(info["groups"], claims["groups"]);
    assert_eq!(info["email_verified"], claims["email_verified"]);

    let rt = t["refresh_token"].as_str().unwrap();
    let (s, t2) = refresh(&o, rt).await;
    assert_eq!(s, StatusCode::OK, "{t2}");
    let rt2 = t2["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(rt2, rt);
    let claims2 = verify(&jwks, t2["id_token"].as_str().unwrap());
    assert_eq!(claims2["sub"], claims["sub"]);

    // No Plex token in any page, cookie, token or claim of this run.
    let mut minted = app.fake().minted_tokens(&ALICE);
    minted.push(ALICE.token.to_owned());
    assert!(!minted.is_empty());
    let mut seen = b.seen.clone();
    for v in [&t, &t2, &claims, &claims2, &info] {
        seen.push(v.to_string());
    }
    for tok in &minted {
        assert!(
            seen.iter().all(|s| !s.contains(tok.as_str())),
            "a Plex token leaked"
        );
    }

    // RP-initiated logout: back to the registered URI with state; the tokens are revoked.
    let id_token = t2["id_token"].as_str().unwrap();
    let out = b
        .get(&app.url(&format!(
            "/oidc/logout?id_token_hint={id_token}&post_logout_redirect_uri={}&state=bye",
            enc("https://grafana.example.com/login")
        )))
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER, "{}", out.body);
    assert_eq!(
        out.location(),
        "https://grafana.example.com/login?state=bye"
    );
    assert_eq!(
        userinfo(app, t2["access_token"].as_str().unwrap()).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(refresh(&o, &rt2).await.0, StatusCode::BAD_REQUEST);
    // The browser's session ended: the next authorize asks for a sign-in again.
    let fresh = b.get(&authorize_url(app, "grafana", GRAFANA_CB, &[])).await;
    assert_eq!(fresh.status, StatusCode::OK);
    // An unregistered return address is never followed.
    let other = b
        .get(&app.url(&format!(
            "/oidc/logout?id_token_hint={id_token}&post_logout_redirect_uri={}",
            enc("https://evil.example.net/")
        )))
        .await;
    assert_eq!(other.status, StatusCode::OK);
}

#[tokio::test]
async fn public_client_with_pkce_and_ending_sessions_revokes() {
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
    let done = authorize(&mut b, app, &url, &ALICE).await;
    assert!(
        done.location().starts_with("app.immich:///oauth-callback?"),
        "{}",
        done.location()
    );
    let code = param(done.location(), "code").unwrap();
    let (s, t) = token(
        app,
        None,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", IMMICH_CB),
            ("client_id", "immich"),
            ("code_verifier", VERIFIER),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{t}");
    let access = t["access_token"].as_str().unwrap();
    assert_eq!(userinfo(app, access).await.0, StatusCode::OK);
    let r = client()
        .delete(app.url(&format!("/api/v1/users/{}/sessions", ALICE.id)))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(userinfo(app, access).await.0, StatusCode::UNAUTHORIZED);
    let rt = t["refresh_token"].as_str().unwrap();
    let (s, e) = token(
        app,
        None,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", rt),
            ("client_id", "immich"),
        ],
    )
    .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );
}
