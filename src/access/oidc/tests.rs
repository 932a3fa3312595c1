#![allow(clippy::unwrap_used)]
use super::*;
use crate::config::{OidcClientConfig, SsoRule};

fn client(public: bool) -> Client {
    Client {
        config: OidcClientConfig {
            client_id: "app".into(),
            name: Some("App".into()),
            redirect_uris: vec!["https://app.example.com/cb".into()],
            public,
            client_secret_file: None,
            allow: SsoRule::Friends,
            users: vec![],
            libraries: vec![],
            post_logout_redirect_uris: vec![],
        },
        secret_hash: Some(sha256_hex("s3cret")),
        source: AppSource::Config,
    }
}

fn params() -> AuthorizeParams {
    AuthorizeParams {
        client_id: Some("app".into()),
        redirect_uri: Some("https://app.example.com/cb".into()),
        response_type: Some("code".into()),
        scope: Some("openid email".into()),
        state: Some("st".into()),
        code_challenge: Some(s256(&"v".repeat(43))),
        code_challenge_method: Some("S256".into()),
        ..AuthorizeParams::default()
    }
}

#[test]
fn client_and_redirect_are_checked_before_anything_else() {
    let bad = AuthorizeParams {
        response_type: Some("token".into()),
        ..params()
    };
    assert!(matches!(
        check_authorize(None, &bad),
        Err(AuthorizeError::Page(_))
    ));
    let one_off = AuthorizeParams {
        redirect_uri: Some("https://app.example.com/cb/".into()),
        ..bad.clone()
    };
    let c = client(false);
    assert!(matches!(
        check_authorize(Some(&c), &one_off),
        Err(AuthorizeError::Page(_))
    ));
    assert!(matches!(
        check_authorize(Some(&c), &bad),
        Err(AuthorizeError::Redirect {
            error: "unsupported_response_type",
            ..
        })
    ));
}

#[test]
fn pkce_is_s256_only_and_required_for_public_clients() {
    let c = client(true);
    let ok = check_authorize(Some(&c), &params()).unwrap();
    assert_eq!(ok.scopes, vec!["openid", "email"]);
    let plain = AuthorizeParams {
        code_challenge_method: Some("plain".into()),
        ..params()
    };
    assert!(matches!(
        check_authorize(Some(&c), &plain),
        Err(AuthorizeError::Redirect { .. })
    ));
    let none = AuthorizeParams {
        code_challenge: None,
        code_challenge_method: None,
        ..params()
    };
    assert!(check_authorize(Some(&c), &none).is_err());
    assert!(check_authorize(Some(&client(false)), &none).is_ok());
    assert!(pkce_ok(&s256(&"v".repeat(43)), &"v".repeat(43)));
    assert!(!pkce_ok(&s256(&"v".repeat(43)), &"w".repeat(43)));
    assert!(!pkce_ok(&s256("short"), "short"));
}

#[test]
fn secrets_and_shapes() {
    let c = client(false);
    assert!(c.secret_ok("s3cret") && !c.secret_ok("s3cret "));
    assert!(check_client_shape("immich", &["app.immich:///oauth-callback".into()], &[]).is_ok());
    assert!(check_client_shape("a b", &["https://x/cb".into()], &[]).is_err());
    assert!(check_client_shape("a", &["https://*.x/cb".into()], &[]).is_err());
    assert!(check_client_shape("a", &[], &[]).is_err());
}
