//! Start-up for `plexgate serve`: config -> logging -> store -> state -> listener -> serve.
//! Start-up errors use `anyhow` with context (style.md #4).
//! It is the one place outside `web` that names it: it builds the [`AppState`] and serves
//! `web::router`, with the background jobs ([`crate::jobs`]) beside it.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context as _;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tracing_subscriber::EnvFilter;

use crate::access::{Access, AccessSettings, FromConfig, Hooks, setup};
use crate::clock::{SharedClock, SystemClock, Timing};
use crate::config::{Config, LogFormat};
use crate::log_writer::{self, LogGuard};
use crate::metrics::Metrics;
use crate::notify::{Notifier, NotifyDeps};
use crate::plex::{PlexClient, PlexSettings};
use crate::store::Store;
use crate::web::{self, AppState};

/// Installs the tracing subscriber: level from `RUST_LOG` (default `info`), format from config.
/// Lines go to stderr through a buffer written by a thread of its own ([`crate::log_writer`]):
/// keep the guard until the process ends, dropping it writes what is left.
#[must_use = "hold the guard until the process ends: dropping it writes the last buffered lines"]
pub fn init_tracing(format: LogFormat) -> LogGuard {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // Colour only for a person at a terminal: journald and `docker logs` would show the raw
    // escape codes.
    let (writer, guard) = log_writer::buffered(Box::new(std::io::stderr()));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(writer);
    // A second init (only possible in tests) is harmless: the first subscriber stays.
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
    guard
}

/// Waits for SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}

/// While `server.public_url` is not set but `server.listen` is, the public URL (the printed
/// setup link, Plex's return address) is the address plexgate actually listens on: a specific
/// address as it is, an unspecified one (`0.0.0.0`) as `localhost` with the bound port.
pub fn with_listening_url(mut config: Config, bound: std::net::SocketAddr) -> Config {
    if config.is_set("server.public_url") || !config.is_set("server.listen") {
        return config;
    }
    let host = match bound.ip() {
        ip if ip.is_unspecified() => "localhost".to_owned(),
        std::net::IpAddr::V6(v6) => format!("[{v6}]"),
        ip => ip.to_string(),
    };
    match crate::config::PublicUrl::parse(&format!("http://{host}:{}", bound.port())) {
        Ok(url) => config.server.public_url = url,
        Err(e) => tracing::warn!(error = %e, "the listening address makes no public URL"),
    }
    config
}

/// Runs the server until a signal arrives.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let data_dir = config.server.data_dir.clone();
    let store = tokio::task::spawn_blocking(move || Store::open(&data_dir))
        .await
        .context("opening the store")??;
    let listen = config.server.listen;
    let timing = timing_from(&config);
    let listener = TcpListener::bind(listen)
        .await
        .with_context(|| format!("binding {listen} (server.listen)"))?;
    let bound = listener.local_addr().context("reading the bound address")?;
    let config = with_listening_url(config, bound);
    let state = build_state(config, store, Arc::new(SystemClock), timing)
        .context("compiling the embedded templates")?;
    println!(
        "plexgate {} listening on http://{bound}",
        env!("CARGO_PKG_VERSION")
    );
    tracing::info!(%bound, "listening");
    if let Some(warning) = state.default_public_url_warning(bound) {
        tracing::warn!("{warning}");
    }
    if let Some(url) = state.setup_url() {
        println!(
            "No owner yet. Open this one-time setup link to connect your Plex account:\n  {url}"
        );
        tracing::info!(%url, "no owner yet: open the one-time setup link");
    }
    serve(listener, state, shutdown_signal())
        .await
        .context("serving")
}

/// Serves until `shutdown` completes, then stops the background jobs and returns.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop_tx, stop_rx) = watch::channel(false);
    // Loading the system certificates for plex.tv takes a while: do it beside the first
    // answers, on a blocking thread, instead of before binding.
    let plex = state.access.plex().clone();
    tokio::task::spawn_blocking(move || {
        if let Err(e) = plex.warm_up() {
            tracing::warn!(error = %e, "preparing the plex.tv client");
        }
    });
    let swept = state.clone();
    let jobs = crate::jobs::spawn(
        &state.access,
        &state.config,
        move || swept.sweep_memory(),
        &stop_rx,
    );
    let notifier = state.notifier.spawn(stop_rx);
    let app = web::router(state);
    let result = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown.await;
        let _ = stop_tx.send(true);
    })
    .await;
    for job in jobs {
        let _ = job.await;
    }
    if let Some(n) = notifier {
        let _ = n.await;
    }
    result
}

/// Why the state could not be assembled (start-up only).
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// An embedded template does not compile (a bug every test run catches).
    #[error("templates: {0}")]
    Templates(#[from] tera::Error),
    /// The HTTP client for plex.tv could not be built.
    #[error("plex.tv client: {0}")]
    Plex(#[from] crate::plex::PlexError),
}

/// Assembles the state: the plex.tv client, the notifier and the access service, then the web
/// layer's state around them. Fails only if the embedded templates do not compile or the HTTP
/// client cannot be built.
pub fn build_state(
    config: Config,
    store: Store,
    clock: SharedClock,
    timing: Timing,
) -> Result<AppState, StateError> {
    drop_stored_policy(&config, &store);
    let metrics = Metrics::new();
    let plex = PlexClient::with_observer(
        plex_settings(&config, &store, &timing)?,
        Some(metrics.plex_observer()),
    )?;
    let notifier = Notifier::new(
        &config.notify,
        NotifyDeps {
            store: store.clone(),
            clock: clock.clone(),
            timing: timing.clone(),
            metrics: metrics.clone(),
        },
    );
    let hooks = Hooks {
        metrics: metrics.clone(),
        notifier: notifier.clone(),
    };
    let settings = access_settings(&config);
    let access = Access::with_hooks(store, plex, clock, timing, settings, hooks);
    Ok(AppState::new(config, access, metrics, notifier)?)
}

pub(crate) fn plex_settings(
    config: &Config,
    store: &Store,
    timing: &Timing,
) -> Result<PlexSettings, crate::plex::PlexError> {
    Ok(PlexSettings {
        api_url: config.plex.api_url.clone(),
        clients_url: config.plex.clients_url.clone(),
        auth_url: config.plex.auth_url.clone(),
        connect_timeout: timing.plex_connect_timeout,
        request_timeout: timing.plex_request_timeout,
        pin_check_spacing: timing.pin_check_spacing,
        ..PlexSettings::new(store.client_identifier())?
    })
}

fn access_settings(config: &Config) -> AccessSettings {
    AccessSettings {
        policy: config.access.policy,
        allow_downloads: config.access.allow_downloads,
        allow_live_tv: config.access.allow_live_tv,
        allow_camera_upload: config.access.allow_camera_upload,
        libraries: config.access.libraries.clone(),
        from_config: FromConfig {
            policy: config.is_set("access.policy"),
            downloads: config.is_set("access.allow_downloads"),
        },
        owner_token: config.plex.token.clone(),
        server: config.plex.server.clone(),
        max_removals: config.reconcile.max_removals,
        public_url: config.server.public_url.clone(),
    }
}

/// When config sets `access.policy`, a policy stored from the admin pages is dropped, so config
/// wins (before the access service reads its settings).
fn drop_stored_policy(config: &Config, store: &Store) {
    // Only when one is stored: an empty write would still cost a sync on every start (issue 23).
    let stored_policy = || {
        store
            .read_blocking(|tx| tx.get_setting::<serde_json::Value>(setup::POLICY_KEY))
            .map_or(true, |p| p.is_some())
    };
    if config.is_set("access.policy")
        && stored_policy()
        && let Err(e) = store.write_blocking(|tx| tx.delete_setting(setup::POLICY_KEY).map(|_| ()))
    {
        tracing::warn!(error = %e, "clearing the stored access policy");
    }
}

/// Builds [`Timing`] from the configured durations, the rest at their defaults.
pub fn timing_from(config: &Config) -> Timing {
    Timing {
        session_lifetime: config.session.lifetime,
        session_idle: config.session.idle,
        admin_idle: config.admin.idle,
        reconcile_interval: config.reconcile.interval,
        ..Timing::default()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn stored_policy(store: &Store) -> Option<serde_json::Value> {
        store
            .read_blocking(|tx| tx.get_setting(setup::POLICY_KEY))
            .unwrap()
    }

    #[test]
    fn a_policy_in_config_drops_a_stored_one_and_writes_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("data")).unwrap();
        let none = dir.path().join("absent.toml");
        let env = |n: &str| (n == "PLEXGATE_ACCESS_POLICY").then(|| "open".to_owned());
        let fixed = Config::load(&none, false, &env).unwrap();
        // Nothing stored: no write at all (a refused disk would otherwise mark the store failing).
        store.refuse_writes(true);
        drop_stored_policy(&fixed, &store);
        assert!(store.writable_blocking());
        store.refuse_writes(false);
        // A stored policy stays without one in config, and goes with one.
        let put = |store: &Store| {
            store
                .write_blocking(|tx| tx.put_setting(setup::POLICY_KEY, &"allowlist"))
                .unwrap();
        };
        put(&store);
        drop_stored_policy(&Config::load(&none, false, &|_| None).unwrap(), &store);
        assert!(stored_policy(&store).is_some());
        drop_stored_policy(&fixed, &store);
        assert_eq!(stored_policy(&store), None);
    }
}
