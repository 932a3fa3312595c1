//! Shared fixtures: the real app on `127.0.0.1:0` with a temporary data dir and a manual clock,
//! shut down on `Drop` (style.md #15).
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use plexgate::clock::{ManualClock, Timing};
use plexgate::config::Config;
use plexgate::fakeplex::{self, FakePlex};
use plexgate::serve::{build_state, serve};
use plexgate::store::Store;
use plexgate::web::AppState;
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
    /// The fake plex.tv this app talks to, when started with one.
    pub fake: Option<FakePlex>,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<std::io::Result<()>>>,
    pub dir: TempDir,
}

/// Makes sure reqwest has a TLS provider (only plain http is used in tests).
pub fn tls() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Timing for tests: PIN checks and invite listings milliseconds apart; the reconciler's
/// interval so long that only `run_once()` runs it.
pub fn fast_timing() -> Timing {
    Timing {
        pin_check_spacing: std::time::Duration::from_millis(5),
        invite_listing_spacing: std::time::Duration::from_millis(5),
        reconcile_interval: std::time::Duration::from_secs(24 * 3600),
        reconcile_first_delay: std::time::Duration::from_secs(24 * 3600),
        reconcile_backoff: std::time::Duration::from_millis(1),
        owner_retry: std::time::Duration::from_millis(20),
        plex_request_timeout: std::time::Duration::from_secs(5),
        ..Timing::default()
    }
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
    /// The app's store (through its access service).
    pub fn store(&self) -> &Store {
        self.state.access.store()
    }

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
        let state = build_state(config, store, Arc::new(clock.clone()), timing).unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(serve(listener, state.clone(), async move {
            let _ = rx.await;
        }));
        TestApp {
            addr,
            origin: format!("http://{addr}"),
            state,
            clock,
            fake: None,
            shutdown: Some(tx),
            handle: Some(handle),
            dir,
        }
    }

    /// Starts a fake plex.tv and the app against it as a headless install: the fake's owner
    /// token, its server, Movies + TV Shows as the default set, fast test timing. The owner is
    /// resolved before this returns.
    pub async fn with_fake(vars: &[(&str, &str)]) -> TestApp {
        Self::with_fake_timing(vars, fast_timing()).await
    }

    /// As [`TestApp::with_fake`], with the given timing.
    pub async fn with_fake_timing(vars: &[(&str, &str)], timing: Timing) -> TestApp {
        let fake = FakePlex::start().await.unwrap();
        // plex.tv's 429 for PIN checks closer than 0.5 s stays on, scaled to the test's spacing
        // (which the adapter keeps in real time).
        fake.set_pin_check_interval(timing.pin_check_spacing);
        let base = fake.base_url();
        let auth = fake.auth_url();
        let mut all: Vec<(&str, &str)> = vec![
            ("PLEXGATE_PLEX_API_URL", base.as_str()),
            ("PLEXGATE_PLEX_CLIENTS_URL", base.as_str()),
            ("PLEXGATE_PLEX_AUTH_URL", auth.as_str()),
            ("PLEXGATE_PLEX_TOKEN", fakeplex::OWNER.token),
            ("PLEXGATE_PLEX_SERVER", fakeplex::SERVER_ID),
            ("PLEXGATE_ACCESS_LIBRARIES", "Movies,TV Shows"),
        ];
        all.extend_from_slice(vars);
        let mut app = Self::start_full(&all, timing).await;
        app.fake = Some(fake);
        app.state
            .access
            .resolve_owner_once()
            .await
            .expect("owner resolves against the fake");
        app
    }

    /// The fake plex.tv (panics when the app was started without one).
    pub fn fake(&self) -> &FakePlex {
        self.fake.as_ref().expect("started with_fake")
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

/// Seeds an allowlist entry straight into the store for `account` (username, email or id).
pub async fn allow(app: &TestApp, account: &str, libraries: Option<Vec<u64>>) {
    let account = account.to_owned();
    let now = app.state.access.clock().unix();
    app.state
        .access
        .store()
        .write(move |tx| {
            let id = tx.next_id(plexgate::store::IdTable::Allowlist)?;
            tx.put_allow(&plexgate::store::AllowEntry {
                id,
                account,
                plex_id: None,
                libraries,
                access_days: None,
                note: String::new(),
                sharing: Default::default(),
                created_at: now,
            })
        })
        .await
        .unwrap();
}

/// Allows `account` through the access layer (as the API and pages do), for `access_days`.
pub async fn allow_for_days(app: &TestApp, account: &str, access_days: Option<u32>) {
    let entry = plexgate::access::tools::NewAllowEntry {
        account: account.to_owned(),
        access_days,
        ..Default::default()
    };
    app.state
        .access
        .add_allow_entry("test", entry)
        .await
        .unwrap();
}

/// The `signin` events' outcomes for an account, oldest first.
pub async fn signin_outcomes(app: &TestApp, plex_id: u64) -> Vec<String> {
    let filter = plexgate::store::EventFilter {
        plex_id: Some(plex_id),
        kind: Some("signin".into()),
    };
    let page = app
        .state
        .access
        .store()
        .read(move |tx| tx.events_page(None, 100, &filter))
        .await
        .unwrap();
    // The log pages newest first.
    page.events.into_iter().rev().map(|e| e.outcome).collect()
}

/// plex.tv writes made with the owner's token (shares created, updated or removed) since the
/// fake's request log was last cleared.
pub fn owner_writes(app: &TestApp) -> usize {
    app.fake()
        .requests()
        .iter()
        .filter(|r| r.method != "GET" && r.account.as_deref() == Some("owner"))
        .count()
}
