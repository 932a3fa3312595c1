//! The localhost / 127.0.0.1 trap (issue 20): with only `server.listen` set, the public URL is
//! the address plexgate listens on, and a browser that came by another host name is sent to it
//! before a sign-in starts; a configured public URL is never second-guessed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use plexgate::clock::{ManualClock, Timing};
use plexgate::config::Config;
use plexgate::serve::{build_state, serve};
use plexgate::store::Store;
use reqwest::StatusCode;
use tokio::net::TcpListener;

use crate::support::client;

#[tokio::test]
async fn a_browser_on_another_host_is_sent_to_the_listening_address_before_signing_in() {
    let dir = tempfile::tempdir().unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let env: HashMap<String, String> = [
        ("PLEXGATE_SERVER_LISTEN", addr.to_string()),
        (
            "PLEXGATE_SERVER_DATA_DIR",
            dir.path().join("data").display().to_string(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let config =
        Config::from_toml_str("", Path::new("t.toml"), &|k: &str| env.get(k).cloned()).unwrap();
    let config = plexgate::serve::with_listening_url(config, addr);
    let store = Store::open(&config.server.data_dir).unwrap();
    let state = build_state(
        config,
        store,
        Arc::new(ManualClock::default()),
        Timing::default(),
    )
    .unwrap();
    let setup = state.setup_url().expect("a first run prints a setup link");
    assert!(
        setup.starts_with(&format!("http://{addr}/setup?code=")),
        "the printed link is the listening address: {setup}"
    );
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(serve(listener, state, async move {
        let _ = rx.await;
    }));
    let http = client();
    let port = addr.port();
    let other = http
        .get(format!("http://{addr}/i/abc?x=1"))
        .header("host", format!("localhost:{port}"))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        other.headers()["location"],
        format!("http://{addr}/i/abc?x=1").as_str()
    );
    let same = http.get(format!("http://{addr}/")).send().await.unwrap();
    assert_eq!(same.status(), StatusCode::OK);
    let health = http
        .get(format!("http://{addr}/healthz"))
        .header("host", format!("localhost:{port}"))
        .send()
        .await
        .unwrap();
    assert_ne!(
        health.status(),
        StatusCode::SEE_OTHER,
        "only pages that lead to a sign-in"
    );
    let _ = tx.send(());
    handle.await.unwrap().unwrap();
}
