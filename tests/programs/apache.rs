//! A real relying party: Debian's Apache with `libapache2-mod-auth-openidc` (installed by
//! `.ci/run`) protects a location proxied to a tiny upstream that echoes the `OIDC_CLAIM_*`
//! headers it got. Its settings come from `print-oidc`'s output for the client, so that output
//! is proven to be what a real app needs. After the Plex sign-in the upstream sees the account
//! id and groups; a friend the client's rule refuses never reaches it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use plexgate::fakeplex::{ALICE, Account, BOB};
use reqwest::StatusCode;
use serde_json::json;

use crate::browser_support::Browser;
use crate::programs::{APACHE, Spawned};
use crate::proxy::{first_answer, free_port};
use crate::support::{TestApp, client};

const KEY: &str = "apache-oidc-test-key-0123456789abcdef";

/// An upstream that answers with the claims it got, counting every request.
async fn claims_upstream(hits: Arc<AtomicUsize>) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = axum::Router::new().fallback(move |h: axum::http::HeaderMap| {
        let hits = hits.clone();
        async move {
            hits.fetch_add(1, Ordering::SeqCst);
            let get = |n: &str| {
                h.get(n)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-")
                    .to_owned()
            };
            format!(
                "sub={} groups={}",
                get("oidc_claim_sub"),
                get("oidc_claim_groups")
            )
        }
    });
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

/// The value of `label` in `print-oidc`'s output.
fn printed(text: &str, label: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix(label))
        .unwrap_or_else(|| panic!("{label} in {text}"))
        .trim()
        .to_owned()
}

fn apache_conf(
    d: &Path,
    port: u16,
    upstream: SocketAddr,
    printed_out: &str,
    secret: &str,
) -> String {
    let m = "/usr/lib/apache2/modules";
    let discovery = printed(printed_out, "Discovery URL:");
    let client_id = printed(printed_out, "Client ID:");
    let redirect = printed(printed_out, "Redirect URI:");
    let scopes = printed(printed_out, "Scopes:");
    let d = d.display();
    format!(
        "ServerRoot {d}\nServerName localhost\nListen 127.0.0.1:{port}\nPidFile {d}/httpd.pid\n\
         DefaultRuntimeDir {d}\nErrorLog {d}/error.log\nLogLevel warn\nMutex file:{d} default\n\
         LoadModule mpm_event_module {m}/mod_mpm_event.so\n\
         LoadModule authn_core_module {m}/mod_authn_core.so\n\
         LoadModule authz_core_module {m}/mod_authz_core.so\n\
         LoadModule authz_user_module {m}/mod_authz_user.so\n\
         LoadModule proxy_module {m}/mod_proxy.so\n\
         LoadModule proxy_http_module {m}/mod_proxy_http.so\n\
         LoadModule auth_openidc_module {m}/mod_auth_openidc.so\n\
         OIDCProviderMetadataURL {discovery}\nOIDCClientID {client_id}\nOIDCClientSecret {secret}\n\
         OIDCRedirectURI {redirect}\nOIDCScope \"{scopes}\"\nOIDCCryptoPassphrase apache-test-passphrase\n\
         OIDCPKCEMethod S256\nOIDCClaimDelimiter ,\n\
         <Location /app>\n  AuthType openid-connect\n  Require valid-user\n</Location>\n\
         ProxyPass /app/redirect_uri !\nProxyPass /app/ http://{upstream}/\n"
    )
}

/// Follows a sign-in from Apache's first redirect to the callback at Apache, as a browser.
async fn sign_in_via_apache(
    b: &mut Browser,
    app: &TestApp,
    port: u16,
    who: &Account,
) -> crate::browser_support::Page {
    let start = b.get(&format!("http://127.0.0.1:{port}/app/")).await;
    assert_eq!(start.status, StatusCode::FOUND, "{}", start.body);
    let authorize = start.location().to_owned();
    assert!(
        authorize.starts_with(&app.url("/oidc/authorize?")),
        "{authorize}"
    );
    let welcome = b.get(&authorize).await;
    assert_eq!(welcome.status, StatusCode::OK, "{}", welcome.body);
    let href = welcome
        .body
        .split("href=\"")
        .skip(1)
        .map(|s| {
            s.split('"')
                .next()
                .unwrap()
                .replace("&#x2F;", "/")
                .replace("&amp;", "&")
                .replace("&#x3D;", "=")
        })
        .find(|h| h.contains("/auth/plex"))
        .expect("a sign-in button");
    let back = b.callback(app, who, &href).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    let resumed = b.follow(app, &back).await;
    if resumed.status != StatusCode::SEE_OTHER {
        return resumed;
    }
    // The code goes back to Apache, which redeems it at the token endpoint itself.
    let cb = resumed.location().to_owned();
    assert!(
        cb.starts_with(&format!("http://127.0.0.1:{port}/app/redirect_uri?")),
        "{cb}"
    );
    b.get(&cb).await
}

pub async fn real_mod_auth_openidc_signs_in_with_plex_and_refuses_by_rule() {
    let bin = APACHE.path();
    let vars = [
        ("PLEXGATE_SERVER_PUBLIC_URL", "http://127.0.0.1:{port}"),
        ("PLEXGATE_SERVER_LISTEN", "127.0.0.1:{port}"),
        ("PLEXGATE_OIDC_ENABLED", "true"),
        ("PLEXGATE_ACCESS_POLICY", "open"),
        ("PLEXGATE_API_KEY", KEY),
    ];
    let app = TestApp::with_fake_timing(&vars, crate::support::fast_timing()).await;
    let port = free_port();
    let redirect = format!("http://127.0.0.1:{port}/app/redirect_uri");
    let body = json!({"clients": [{"client_id": "apache", "name": "Apache test app",
        "redirect_uris": [redirect], "allow": "admins", "users": ["alice"]}]});
    let r: serde_json::Value = client()
        .put(app.url("/api/v1/oidc/clients"))
        .bearer_auth(KEY)
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let secret = r["clients"][0]["client_secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let record = plexgate::config::OidcClientConfig {
        client_id: "apache".into(),
        name: Some("Apache test app".into()),
        redirect_uris: vec![redirect.clone()],
        public: false,
        client_secret_file: None,
        allow: plexgate::config::SsoRule::Admins,
        users: vec!["alice".into()],
        libraries: vec![],
        post_logout_redirect_uris: vec![],
    };
    let out = plexgate::commands::oidc::print(&app.state.config, &record);
    assert_eq!(printed(&out, "Redirect URI:"), redirect);

    let hits = Arc::new(AtomicUsize::new(0));
    let upstream = claims_upstream(hits.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("apache2.conf");
    std::fs::write(
        &conf,
        apache_conf(dir.path(), port, upstream, &out, &secret),
    )
    .unwrap();
    let mut apache = Spawned::spawn(
        Command::new(&bin)
            .arg("-f")
            .arg(&conf)
            .arg("-DFOREGROUND")
            .env("APACHE_RUN_DIR", dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit()),
    )
    .expect("apache starts");
    let c = client();
    let first = first_answer(&mut apache, || {
        c.get(format!("http://127.0.0.1:{port}/app/")).send()
    })
    .await;
    assert_eq!(first.status(), StatusCode::FOUND);

    // Alice (named in `users`) signs in and the upstream sees her id and groups.
    let mut b = Browser::new();
    let done = sign_in_via_apache(&mut b, &app, port, &ALICE).await;
    assert_eq!(done.status, StatusCode::FOUND, "{}", done.body);
    let page = b.get(&format!("http://127.0.0.1:{port}/app/")).await;
    assert_eq!(
        page.status,
        StatusCode::OK,
        "{}",
        std::fs::read_to_string(dir.path().join("error.log")).unwrap_or_default()
    );
    assert!(
        page.body.contains(&format!("sub={}", ALICE.id)),
        "{}",
        page.body
    );
    assert!(page.body.contains("plexgate-friends"), "{}", page.body);
    let seen = hits.load(Ordering::SeqCst);
    assert!(seen >= 1);

    // Bob, a friend with a grant whom the rule refuses, sees the 403 page and never gets in.
    let mut bob = Browser::new();
    let refused = sign_in_via_apache(&mut bob, &app, port, &BOB).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    let back = refused
        .body
        .split("href=\"")
        .skip(1)
        .map(|s| {
            s.split('"')
                .next()
                .unwrap()
                .replace("&#x2F;", "/")
                .replace("&amp;", "&")
                .replace("&#x3D;", "=")
        })
        .find(|h| h.contains("/app/redirect_uri"))
        .expect("Back to the app");
    assert!(back.contains("error=access_denied"), "{back}");
    // mod_auth_openidc shows its own error page for `access_denied`; no session is made.
    let answer = bob.get(&back).await;
    assert!(!answer.body.contains("sub="), "{}", answer.body);
    let again = bob.get(&format!("http://127.0.0.1:{port}/app/")).await;
    assert_eq!(again.status, StatusCode::FOUND, "{}", again.body);
    assert_eq!(
        hits.load(Ordering::SeqCst),
        seen,
        "Bob never reached the upstream"
    );
}
