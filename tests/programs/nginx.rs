//! Real nginx (Debian's package, installed by `.ci/run`) with `print-proxy`'s snippet in front
//! of a tiny upstream that echoes the `Remote-User` it got. Without nginx the test is
//! counted as ignored; with `CI` set a missing nginx fails (see `main.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Stdio};

use plexgate::commands::print_proxy::{ProxyKind, snippet};
use plexgate::fakeplex::ALICE;
use reqwest::StatusCode;

use crate::programs::{NGINX, Spawned};
use crate::proxy::{echo_upstream, first_answer, free_port};
use crate::sso_support::{sign_in, sso_app};

fn nginx_conf(dir: &Path, site: &str) -> String {
    let d = dir.display();
    format!(
        "user root root;\nworker_processes 1;\nerror_log {d}/error.log;\npid {d}/nginx.pid;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n access_log off;\n client_body_temp_path {d}/body;\n proxy_temp_path {d}/proxy;\n\
         fastcgi_temp_path {d}/fastcgi;\n uwsgi_temp_path {d}/uwsgi;\n scgi_temp_path {d}/scgi;\n{site}\n}}\n"
    )
}

pub async fn real_nginx_passes_remote_user_after_sign_in_and_never_a_forged_one() {
    let bin = NGINX.path();
    let app = sso_app(&[]).await;
    let upstream = echo_upstream().await;
    let port = free_port();
    let site = snippet(
        ProxyKind::Nginx,
        "friends.example.com",
        &format!("http://{upstream}"),
        &app.state.config,
    )
    .replace("listen 80;", &format!("listen 127.0.0.1:{port};"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nginx.conf"), nginx_conf(dir.path(), &site)).unwrap();
    // Its own process group: dropping it ends the master and its workers.
    let mut nginx = Spawned::spawn(
        Command::new(&bin)
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(dir.path().join("nginx.conf"))
            .args(["-g", "daemon off;"])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit()),
    )
    .expect("nginx starts");
    let c = crate::support::client();
    let get = |path: &str, cookie: Option<&str>| {
        let mut r = c
            .get(format!("http://127.0.0.1:{port}{path}"))
            .header("host", "friends.example.com")
            .header("remote-user", "owner");
        if let Some(cookie) = cookie {
            r = r.header("cookie", cookie);
        }
        r.send()
    };
    let first = first_answer(&mut nginx, || get("/movies", None)).await;
    assert_eq!(first.status(), StatusCode::FOUND);
    let loc = first.headers()["location"].to_str().unwrap();
    assert!(
        loc.contains("/sso/login?rd=http%3A%2F%2Ffriends.example.com%2Fmovies"),
        "{loc}"
    );
    // A bypassed path reaches the app, without the client's forged Remote-User.
    let r = get("/api/v1/status", None).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap(), "remote-user=None");
    let s = sign_in(&app, &ALICE, "http://friends.example.com/movies").await;
    let r = get("/movies", Some(&s.cookie)).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap(), "remote-user=Some(\"alice\")");
    let r = get("/admin", Some(&s.cookie)).await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}
