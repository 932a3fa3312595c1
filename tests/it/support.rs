//! Shared fixtures: the real app on `127.0.0.1:0` with a temporary data dir and a manual clock,
//! shut down on `Drop` (style.md #15).
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use plexgate::app::{self, AppState};
use plexgate::clock::{ManualClock, Timing};
use plexgate::config::Config;
use plexgate::store::Store;
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running plexgate.
pub struct TestApp {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:PORT` (no prefix).
    pub origin: String,
    pub state: AppState,
    pub clock: ManualClock,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<std::io::Result<()>>>,
    pub dir: TempDir,
}

/// Makes sure reqwest has a TLS provider (only plain http is used in tests).
pub fn tls() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// A client that never follows redirects.
pub fn client() -> reqwest::Client {
    tls();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Builds a config the way the binary does, from settings given as env vars. `{port}` in a
/// value is replaced by the bound port.
pub fn config_from_env(vars: &[(&str, &str)], port: u16, data_dir: &Path) -> Config {
    let mut env: HashMap<String, String> = HashMap::new();
    env.insert(
        "PLEXGATE_SERVER_PUBLIC_URL".into(),
        format!("http://127.0.0.1:{port}"),
    );
    env.insert(
        "PLEXGATE_SERVER_DATA_DIR".into(),
        data_dir.display().to_string(),
    );
    for (k, v) in vars {
        env.insert((*k).to_owned(), v.replace("{port}", &port.to_string()));
    }
    Config::from_toml_str("", Path::new("test-config.toml"), &|k: &str| {
        env.get(k).cloned()
    })
    .expect("test config")
}

impl TestApp {
    /// Starts the app with default settings.
    pub async fn start() -> TestApp {
        Self::start_with(&[]).await
    }

    /// Starts the app with settings given as `PLEXGATE_*` env pairs.
    pub async fn start_with(vars: &[(&str, &str)]) -> TestApp {
        Self::start_full(vars, Timing::default()).await
    }

    /// Starts the app with settings and timing.
    pub async fn start_full(vars: &[(&str, &str)], timing: Timing) -> TestApp {
        tls();
        let dir = tempfile::tempdir().unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let config = config_from_env(vars, addr.port(), &dir.path().join("data"));
        let store = Store::open(&config.server.data_dir).unwrap();
        let clock = ManualClock::default();
        let state = AppState::new(config, store, Arc::new(clock.clone()), timing).unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(app::serve(listener, state.clone(), async move {
            let _ = rx.await;
        }));
        TestApp {
            addr,
            origin: format!("http://{addr}"),
            state,
            clock,
            shutdown: Some(tx),
            handle: Some(handle),
            dir,
        }
    }

    /// The absolute URL of `path` under the public URL's prefix.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.origin, self.state.prefix(), path)
    }

    /// Stops the server and waits for it.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            h.await.unwrap().unwrap();
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}
