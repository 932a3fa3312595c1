//! Start-up for `plexgate serve`: config -> logging -> store -> state -> listener -> serve.
//! Start-up errors use `anyhow` with context (style.md #4).

use std::sync::Arc;

use anyhow::Context as _;
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

use crate::app::{self, AppState};
use crate::clock::SystemClock;
use crate::config::{Config, LogFormat};
use crate::log_writer::{self, LogGuard};
use crate::store::Store;

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
    let timing = app::timing_from(&config);
    let listener = TcpListener::bind(listen)
        .await
        .with_context(|| format!("binding {listen} (server.listen)"))?;
    let bound = listener.local_addr().context("reading the bound address")?;
    let config = with_listening_url(config, bound);
    let state = AppState::new(config, store, Arc::new(SystemClock), timing)
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
    app::serve(listener, state, shutdown_signal())
        .await
        .context("serving")
}
