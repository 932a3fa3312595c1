//! Real Caddy (Debian's package, installed by `.ci/run`) with `print-proxy caddy`'s snippet in
//! front of a tiny upstream that echoes the `Remote-User` it got. Without caddy on `PATH` the test
//! is counted as ignored; with `CI` set a missing caddy fails (see `main.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Stdio};

use plexgate::commands::print_proxy::{ProxyKind, snippet};
use plexgate::fakeplex::ALICE;
use reqwest::StatusCode;

use crate::programs::{CADDY, Spawned};
use crate::proxy::{echo_upstream, first_answer, free_port};
use crate::sso_support::{sign_in, sso_app};

/// The Caddyfile: global options that keep caddy on loopback, plain HTTP and off the admin API,
/// then the snippet with both site addresses moved to `http://HOST:{port}` (the printed
/// `HOST {` means automatic HTTPS on 443, which a test cannot have).
fn caddyfile(dir: &Path, site: &str, port: u16) -> String {
    let mut site = site.to_owned();
    for host in ["friends.example.com", "auth.example.com"] {
        let from = format!("\n{host} {{");
        assert!(site.contains(&from), "the snippet has a site for {host}");
        site = site.replace(&from, &format!("\nhttp://{host}:{port} {{"));
    }
    format!(
        "{{\n    admin off\n    auto_https off\n    http_port {port}\n\
         \x20   storage file_system {{\n        root {}\n    }}\n    log {{\n        level ERROR\n    }}\n}}\n\n{site}",
        dir.join("storage").display()
    )
}

/// Starts caddy on `127.0.0.1:{port}`; its data and config dirs stay inside `dir`.
fn start_caddy(bin: &Path, dir: &Path, config: &str) -> Spawned {
    let file = dir.join("Caddyfile");
    std::fs::write(&file, config).unwrap();
    Spawned::spawn(
        Command::new(bin)
            .arg("run")
            .arg("--config")
            .arg(&file)
            .args(["--adapter", "caddyfile"])
            .env("HOME", dir)
            .env("XDG_DATA_HOME", dir.join("data"))
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit()),
    )
    .expect("caddy starts")
}

pub async fn real_caddy_passes_remote_user_after_sign_in_and_never_a_forged_one() {
    let bin = CADDY.path();
    let app = sso_app(&[]).await;
    let upstream = echo_upstream().await;
    let port = free_port();
    let site = snippet(
        ProxyKind::Caddy,
        "friends.example.com",
        &format!("http://{upstream}"),
        &app.state.config,
    );
    let dir = tempfile::tempdir().unwrap();
    let mut caddy = start_caddy(&bin, dir.path(), &caddyfile(dir.path(), &site, port));
    let c = crate::support::client();
    // A browser (Accept: text/html) that forges `Remote-User: owner` on every request.
    let get = |host: &str, path: &str, cookie: Option<&str>| {
        let mut r = c
            .get(format!("http://127.0.0.1:{port}{path}"))
            .header("host", host)
            .header("accept", "text/html")
            .header("remote-user", "owner");
        if let Some(cookie) = cookie {
            r = r.header("cookie", cookie);
        }
        r.send()
    };
    let app_host = "friends.example.com";
    let first = first_answer(&mut caddy, || get(app_host, "/movies", None)).await;
    assert_eq!(first.status(), StatusCode::FOUND);
    let loc = first.headers()["location"].to_str().unwrap();
    assert!(
        loc.contains("/sso/login?rd=http%3A%2F%2Ffriends.example.com%2Fmovies"),
        "{loc}"
    );
    // A bypassed path reaches the app, without the client's forged Remote-User.
    let r = get(app_host, "/api/v1/status", None).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap(), "remote-user=None");
    let s = sign_in(&app, &ALICE, "http://friends.example.com/movies").await;
    let r = get(app_host, "/movies", Some(&s.cookie)).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap(), "remote-user=Some(\"alice\")");
    let r = get(app_host, "/admin", Some(&s.cookie)).await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // plexgate's own site: reachable through caddy, except the auth endpoints.
    let own = "auth.example.com";
    let r = get(own, "/sso/auth/forward", Some(&s.cookie))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = get(own, "/healthz", None).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}
