//! Forward-auth check under load (SPEC §8 "p99 ≤ 5 ms under 50 concurrent checks"): 50 tasks
//! hammer `GET /sso/auth/nginx` with a signed-in cookie, then a bare axum page on the same
//! machine for comparison. Prints p50/p99 and requests per second. Run:
//! `cargo bench --bench sso_check` (or `scripts/bench-sso`). Not a test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use plexgate::clock::{SystemClock, Timing};
use plexgate::config::Config;
use plexgate::serve::{build_state, serve};
use plexgate::store::{SessionKind, Store};
use tokio::net::TcpListener;

const CONCURRENCY: usize = 50;
const PER_TASK: usize = 400;

async fn plexgate_server(dir: &Path) -> (String, String) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let env = |k: &str| match k {
        "PLEXGATE_SERVER_PUBLIC_URL" => Some(format!("http://auth.example.com:{port}")),
        "PLEXGATE_SERVER_DATA_DIR" => Some(dir.display().to_string()),
        "PLEXGATE_SSO_ENABLED" => Some("true".to_owned()),
        "PLEXGATE_SSO_COOKIE_DOMAIN" => Some("example.com".to_owned()),
        _ => None,
    };
    let toml = "[[sso.apps]]\nhost = \"app.example.com\"\nallow = \"owner\"\nusers = [\"1\"]\n";
    let config = Config::from_toml_str(toml, Path::new("bench.toml"), &env).unwrap();
    let store = Store::open(&config.server.data_dir).unwrap();
    let state = build_state(config, store, Arc::new(SystemClock), Timing::default()).unwrap();
    let id = state
        .access
        .create_session(SessionKind::Account, 1, "bench")
        .await
        .unwrap();
    tokio::spawn(serve(listener, state, std::future::pending()));
    (
        format!("http://127.0.0.1:{port}/sso/auth/nginx"),
        format!("plexgate_session={id}"),
    )
}

async fn bare_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = axum::Router::new().route("/", axum::routing::get(|| async { "ok" }));
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}/")
}

async fn run(name: &str, url: &str, cookie: Option<&str>) {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .build()
        .unwrap();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CONCURRENCY {
        let (client, url, cookie) = (client.clone(), url.to_owned(), cookie.map(str::to_owned));
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(PER_TASK);
            for _ in 0..PER_TASK {
                let mut req = client
                    .get(&url)
                    .header("x-original-url", "https://app.example.com/x");
                if let Some(c) = &cookie {
                    req = req.header("cookie", c);
                }
                let t = Instant::now();
                let resp = req.send().await.unwrap();
                assert_eq!(resp.status(), 200);
                let _ = resp.bytes().await;
                times.push(t.elapsed());
            }
            times
        }));
    }
    let mut all: Vec<Duration> = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let total = started.elapsed();
    all.sort();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
    println!(
        "{name:<22} {} requests, {CONCURRENCY} concurrent: p50 {:.2} ms, p99 {:.2} ms, {:.0} req/s",
        all.len(),
        pct(0.50).as_secs_f64() * 1000.0,
        pct(0.99).as_secs_f64() * 1000.0,
        all.len() as f64 / total.as_secs_f64()
    );
}

fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let (auth, cookie) = plexgate_server(dir.path()).await;
        let bare = bare_server().await;
        run("bare axum page", &bare, None).await;
        run("forward-auth check", &auth, Some(&cookie)).await;
    });
}
