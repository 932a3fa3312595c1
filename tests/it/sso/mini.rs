//! A plexgate started from a TOML text (config-defined forward-auth apps), without plex.tv.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use plexgate::clock::{ManualClock, Timing};
use plexgate::config::Config;
use plexgate::serve::{build_state, serve};
use plexgate::store::Store;
use plexgate::web::AppState;
use tokio::net::TcpListener;

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
    let state = build_state(config, store, clock, Timing::default()).unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve(listener, state.clone(), async move {
        let _ = rx.await;
    }));
    MiniApp {
        state,
        addr,
        _stop: tx,
        _dir: dir,
    }
}
