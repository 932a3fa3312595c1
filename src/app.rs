//! The one `AppState` (style.md #3) and the server loop (style.md #2): serve from a listener
//! and a shutdown future passed in, so tests start and stop real servers cleanly and
//! background jobs stop on the same signal.

use std::future::Future;
use std::net::SocketAddr;
use std::ops::Deref;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::access::{Access, AccessSettings, Hooks, OwnerStatus, setup};
use crate::clock::{SharedClock, Timing};
use crate::config::Config;
use crate::crypto::random_token;
use crate::metrics::Metrics;
use crate::notify::{Notifier, NotifyDeps};
use crate::plex::{PlexClient, PlexSettings};
use crate::secret::Secret;
use crate::store::Store;
use crate::web;
use crate::web::client_ip::TrustedProxies;
use crate::web::ratelimit::{FailureGate, IpLimiter};
use crate::web::templates::Templates;

/// Failed API keys allowed per IP per minute.
const API_KEY_FAILURES_PER_MINUTE: u32 = 10;

/// Cheap to clone; everything shared lives behind one `Arc`.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Inner>);

/// What every handler can reach.
#[derive(Debug)]
pub struct Inner {
    /// The loaded configuration.
    pub config: Config,
    /// The redb store.
    pub store: Store,
    /// Where "now" comes from.
    pub clock: SharedClock,
    /// Every interval and deadline.
    pub timing: Timing,
    /// Compiled templates.
    pub templates: Templates,
    /// Sign-in starts per IP.
    pub signin_limiter: IpLimiter,
    /// Failed API keys per IP.
    pub key_failures: FailureGate,
    /// The plex.tv adapter (one shared HTTP client).
    pub plex: PlexClient,
    /// Decisions and grants.
    pub access: Access,
    /// Public pages rendered once per change of their inputs.
    pub page_cache: web::pages::PageCache,
    /// The Content-Security-Policy header value (built once from `plex.auth_url`).
    pub csp: axum::http::HeaderValue,
    /// The one-time setup code, while no owner is configured.
    pub setup_code: Option<Secret>,
    /// Set once setup's sign-in claimed the install during this run: the setup code is void
    /// from then on. (An owner known at start means there is no setup code at all.)
    pub owner_claimed: AtomicBool,
    /// Woken when setup resolved the owner, so the background work starts without a restart.
    pub owner_ready: tokio::sync::Notify,
    /// Forward auth's in-memory sessions, apps and event gates (SPEC §8).
    pub sso: web::sso::SsoState,
    /// The OIDC provider's keys, clients and pending requests (SPEC §9).
    pub oidc: web::oidc::OidcState,
    /// The Prometheus registry behind `/metrics`.
    pub metrics: Metrics,
    /// The notification queue (webhook, Discord, ntfy).
    pub notifier: Notifier,
    /// One-shot results of admin actions for the page their redirect lands on.
    pub flash: web::admin::flash::Flash,
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl TrustedProxies for AppState {
    fn trusted_proxies(&self) -> &[ipnet::IpNet] {
        &self.config.server.trusted_proxies
    }
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

pub(crate) fn plex_settings(config: &Config, store: &Store, timing: &Timing) -> PlexSettings {
    PlexSettings {
        api_url: config.plex.api_url.clone(),
        clients_url: config.plex.clients_url.clone(),
        auth_url: config.plex.auth_url.clone(),
        client_id: store.client_identifier().to_owned(),
        product: "plexgate".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        connect_timeout: timing.plex_connect_timeout,
        request_timeout: timing.plex_request_timeout,
        max_body_bytes: 4 * 1024 * 1024,
        section_cache_ttl: std::time::Duration::from_secs(10 * 60),
        pin_check_spacing: timing.pin_check_spacing,
    }
}

fn access_settings(config: &Config) -> AccessSettings {
    AccessSettings {
        policy: config.access.policy,
        allow_downloads: config.access.allow_downloads,
        allow_live_tv: config.access.allow_live_tv,
        allow_camera_upload: config.access.allow_camera_upload,
        libraries: config.access.libraries.clone(),
        owner_token: config.plex.token.clone(),
        server: config.plex.server.clone(),
        max_removals: config.reconcile.max_removals,
        public_url: config.server.public_url.clone(),
    }
}

/// Whether setup already claimed the install (then there is no setup code). When config sets
/// `access.policy`, a policy stored from the admin pages is dropped here, so config wins.
fn stored_owner(config: &Config, store: &Store) -> bool {
    if config.is_set("access.policy")
        && let Err(e) = store.write_blocking(|tx| tx.delete_setting(setup::POLICY_KEY).map(|_| ()))
    {
        tracing::warn!(error = %e, "clearing the stored access policy");
    }
    match store.read_blocking(|tx| tx.get_setting::<setup::ClaimedBy>(setup::OWNER_ACCOUNT_KEY)) {
        Ok(claimed) => claimed.is_some(),
        Err(e) => {
            tracing::warn!(error = %e, "reading the stored owner");
            false
        }
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

impl AppState {
    /// Assembles the state. Fails only if the embedded templates do not compile or the HTTP
    /// client cannot be built.
    pub fn new(
        config: Config,
        store: Store,
        clock: SharedClock,
        timing: Timing,
    ) -> Result<Self, StateError> {
        let templates = Templates::new()?;
        let claimed = stored_owner(&config, &store);
        let metrics = Metrics::new();
        let plex = PlexClient::with_observer(
            plex_settings(&config, &store, &timing),
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
        let access = Access::with_hooks(
            store.clone(),
            plex.clone(),
            clock.clone(),
            timing.clone(),
            access_settings(&config),
            hooks,
        );
        // A token from config or stored by setup (even one that must reconnect) means an owner:
        // the setup code would let anyone claim an install that already has one.
        let owner = claimed || !matches!(access.owner_status(), OwnerStatus::NotConfigured);
        let setup_code = (!owner).then(|| Secret::new(random_token(16)));
        let oidc = web::oidc::state::build(&config, &store, clock.unix());
        Ok(Self(Arc::new(Inner {
            page_cache: web::pages::PageCache::default(),
            csp: web::layers::content_security_policy(&config.plex.auth_url),
            signin_limiter: IpLimiter::per_minute(config.limits.signins_per_minute),
            key_failures: FailureGate::per_minute(API_KEY_FAILURES_PER_MINUTE),
            config,
            store,
            clock,
            timing,
            templates,
            plex,
            access,
            setup_code,
            owner_claimed: AtomicBool::new(false),
            owner_ready: tokio::sync::Notify::new(),
            sso: web::sso::SsoState::default(),
            oidc,
            metrics,
            notifier,
            flash: web::admin::flash::Flash::default(),
        })))
    }

    /// The public URL's path prefix ("" or "/plex"), which every link starts with.
    pub fn prefix(&self) -> &str {
        self.config.server.public_url.path_prefix()
    }

    /// Whether an owner is configured (a headless token, or claimed through setup).
    pub fn owner_configured(&self) -> bool {
        self.setup_code.is_none() || self.owner_claimed.load(Ordering::Acquire)
    }

    /// Records that setup's sign-in claimed the install: the setup code stops working.
    pub fn mark_owner_claimed(&self) {
        self.owner_claimed.store(true, Ordering::Release);
    }

    /// The setup code, while it is still valid (no owner yet).
    pub fn live_setup_code(&self) -> Option<&Secret> {
        self.setup_code
            .as_ref()
            .filter(|_| !self.owner_configured())
    }

    /// The one-time setup URL, while no owner is configured.
    pub fn setup_url(&self) -> Option<String> {
        let code = self.live_setup_code()?;
        Some(format!(
            "{}?code={}",
            self.config.server.public_url.join("/setup"),
            code.expose()
        ))
    }

    /// Whether plexgate listens beyond loopback while the public URL is still the default, so
    /// Plex would send friends back to `localhost` (SPEC §3).
    pub fn default_public_url_warning(&self, bound: SocketAddr) -> Option<String> {
        // A public URL made from `0.0.0.0` is `localhost` too (see `serve::with_listening_url`).
        let url = &self.config.server.public_url;
        let local = url.is_default()
            || (!self.config.is_set("server.public_url") && url.host() == "localhost");
        (local && !bound.ip().is_loopback()).then(|| {
            format!(
                "server.public_url is still the default http://localhost:8080 while plexgate listens on {bound}: \
                 Plex would send your friends back to localhost. Set server.public_url (PLEXGATE_SERVER_PUBLIC_URL) \
                 to the address your friends open."
            )
        })
    }
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
    let plex = state.plex.clone();
    tokio::task::spawn_blocking(move || {
        if let Err(e) = plex.warm_up() {
            tracing::warn!(error = %e, "preparing the plex.tv client");
        }
    });
    let sweeper = tokio::spawn(sweep_loop(state.clone(), stop_rx.clone()));
    let daily = tokio::spawn(daily_loop(state.clone(), stop_rx.clone()));
    let notifier = state.notifier.spawn(stop_rx.clone());
    let background = tokio::spawn(background(state.clone(), stop_rx));
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
    let _ = sweeper.await;
    let _ = daily.await;
    let _ = background.await;
    if let Some(n) = notifier {
        let _ = n.await;
    }
    result
}

/// The access layer's background work; on a first run it waits until setup resolved the owner.
async fn background(state: AppState, mut stop: watch::Receiver<bool>) {
    if state.live_setup_code().is_some() {
        tokio::select! {
            _ = stop.changed() => return,
            () = state.owner_ready.notified() => {}
        }
    }
    state.access.run_background(stop).await;
}

/// Keeps the in-memory limiters and the stored flows and sessions bounded.
async fn sweep_loop(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            () = tokio::time::sleep(state.timing.sweep_interval) => {}
        }
        state.signin_limiter.sweep();
        state.key_failures.sweep();
        state.oidc.failures.sweep();
        let now = state.clock.unix();
        let timing = state.timing.clone();
        let swept = state
            .store
            .write(move |tx| {
                let flows = tx.sweep_flows(now)?;
                let sessions = tx.sweep_sessions(
                    now,
                    timing.session_idle,
                    timing.session_lifetime,
                    timing.admin_idle,
                )?;
                let oidc = tx.sweep_oidc(now)?;
                Ok(flows + sessions + oidc)
            })
            .await;
        match swept {
            Ok(0) => {}
            Ok(n) => tracing::debug!(removed = n, "swept expired flows and sessions"),
            Err(e) => tracing::warn!(error = %e, "sweeping flows and sessions failed"),
        }
    }
}

/// The daily upkeep (SPEC §5, §6): a backup into `{data_dir}/backups` rotated down to
/// `backup.keep`, and events older than `events.keep_days` pruned. Both are recorded as events.
pub async fn daily_upkeep(state: &AppState) {
    let now = state.clock.unix();
    match state.store.backup_auto(now, state.config.backup.keep).await {
        Ok(info) => {
            tracing::info!(file = %info.file.display(), bytes = info.bytes, "daily backup written")
        }
        Err(e) => {
            tracing::warn!(error = %e, "daily backup failed");
            record_failure(state, "backup", e.to_string()).await;
        }
    }
    match state
        .store
        .prune_events(now, state.config.events.keep_days)
        .await
    {
        Ok(0) => {}
        Ok(n) => tracing::info!(removed = n, "pruned old events"),
        Err(e) => {
            tracing::warn!(error = %e, "pruning events failed");
            record_failure(state, "prune", e.to_string()).await;
        }
    }
}

/// Best effort: a failed backup should show in the activity log, but that write may fail too.
async fn record_failure(state: &AppState, kind: &'static str, detail: String) {
    let event = crate::store::NewEvent {
        at: state.clock.unix(),
        kind: kind.to_owned(),
        actor: "system".to_owned(),
        plex_id: None,
        ip: None,
        outcome: "failed".to_owned(),
        detail,
    };
    let _ = state
        .store
        .write(move |tx| tx.append_event(event).map(drop))
        .await;
}

/// Runs [`daily_upkeep`] `backup_first_delay` after start, then every `backup_interval`.
async fn daily_loop(state: AppState, mut stop: watch::Receiver<bool>) {
    let mut wait = state.timing.backup_first_delay;
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            () = tokio::time::sleep(wait) => {}
        }
        daily_upkeep(&state).await;
        wait = state.timing.backup_interval;
    }
}
