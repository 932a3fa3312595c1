//! Real nginx (Debian's package, installed by `.ci/run`) with `print-proxy`'s snippet in front
//! of a tiny upstream that echoes the `Remote-User` it got. Without nginx the test says it is
//! skipped (a visible `SKIPPED` line); with `CI` set a missing nginx fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use plexgate::app::{self, AppState};
use plexgate::clock::{ManualClock, Timing};
use plexgate::commands::print_proxy::{ProxyKind, snippet};
use plexgate::config::Config;
use plexgate::fakeplex::ALICE;
use plexgate::store::Store;
use reqwest::StatusCode;
use tokio::net::TcpListener;

use super::support::{echo_upstream, first_answer, free_port, proxy_binary, sign_in, sso_app};
use crate::programs::Spawned;

/// A plexgate started from a TOML text (for config-defined apps), without plex.tv.
pub struct MiniApp {
    #[allow(dead_code)]
    pub state: AppState,
    pub addr: SocketAddr,
    _stop: tokio::sync::oneshot::Sender<()>,
    _dir: tempfile::TempDir,
}

impl MiniApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

/// Starts plexgate with `toml` plus the SSO test settings.
pub async fn start_with_toml(toml: &str, extra: &[(&str, &str)]) -> MiniApp {
    crate::support::tls();
    let dir = tempfile::tempdir().unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut env: Vec<(String, String)> = vec![
        (
            "PLEXGATE_SERVER_PUBLIC_URL".into(),
            format!("http://auth.example.com:{}", addr.port()),
        ),
        (
            "PLEXGATE_SERVER_DATA_DIR".into(),
            dir.path().join("data").display().to_string(),
        ),
        ("PLEXGATE_SSO_ENABLED".into(), "true".into()),
        ("PLEXGATE_SSO_COOKIE_DOMAIN".into(), "example.com".into()),
        ("PLEXGATE_API_KEY".into(), super::support::KEY.into()),
    ];
    env.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    let lookup = move |k: &str| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let config = Config::from_toml_str(toml, Path::new("sso-test.toml"), &lookup).unwrap();
    let store = Store::open(&config.server.data_dir).unwrap();
    let clock = Arc::new(ManualClock::default());
    let state = AppState::new(config, store, clock, Timing::default()).unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app::serve(listener, state.clone(), async move {
        let _ = rx.await;
    }));
    MiniApp {
        state,
        addr,
        _stop: tx,
        _dir: dir,
    }
}

fn nginx_conf(dir: &Path, site: &str) -> String {
    let d = dir.display();
    format!(
        "user root root;\nworker_processes 1;\nerror_log {d}/error.log;\npid {d}/nginx.pid;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n access_log off;\n client_body_temp_path {d}/body;\n proxy_temp_path {d}/proxy;\n\
         fastcgi_temp_path {d}/fastcgi;\n uwsgi_temp_path {d}/uwsgi;\n scgi_temp_path {d}/scgi;\n{site}\n}}\n"
    )
}

#[tokio::test]
async fn real_nginx_passes_remote_user_after_sign_in_and_never_a_forged_one() {
    // `.ci/run` accepts Debian's /usr/sbin/nginx off a non-root PATH too.
    let Some(bin) = proxy_binary("nginx", &["/usr/sbin/nginx"]) else {
        return;
    };
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
