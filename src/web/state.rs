//! The one `AppState` (style.md #3): the web layer's own pieces (templates, limiters, caches,
//! forward auth and OIDC state) beside the `Access` handle. Built by the start-up code
//! (`crate::serve`), which also runs the background jobs.

use std::net::SocketAddr;
use std::ops::Deref;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::access::{Access, OwnerStatus};
use crate::config::Config;
use crate::crypto::random_token;
use crate::metrics::Metrics;
use crate::notify::Notifier;
use crate::secret::Secret;
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
    /// Compiled templates.
    pub templates: Templates,
    /// Sign-in starts per IP.
    pub signin_limiter: IpLimiter,
    /// Failed API keys per IP.
    pub key_failures: FailureGate,
    /// Decisions and grants, and through them the store, the plex.tv adapter, the clock and
    /// the timing.
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

impl AppState {
    /// Assembles the web state around `access`. `claimed`: setup claimed the install in an
    /// earlier run. Fails only if the embedded templates do not compile.
    pub fn new(
        config: Config,
        access: Access,
        metrics: Metrics,
        notifier: Notifier,
        claimed: bool,
    ) -> Result<Self, tera::Error> {
        let templates = Templates::new()?;
        // A token from config or stored by setup (even one that must reconnect) means an owner:
        // the setup code would let anyone claim an install that already has one.
        let owner = claimed || !matches!(access.owner_status(), OwnerStatus::NotConfigured);
        let setup_code = (!owner).then(|| Secret::new(random_token(16)));
        let oidc = web::oidc::state::build(&config, access.store(), access.clock().unix());
        Ok(Self(Arc::new(Inner {
            page_cache: web::pages::PageCache::default(),
            csp: web::layers::content_security_policy(&config.plex.auth_url),
            signin_limiter: IpLimiter::per_minute(config.limits.signins_per_minute),
            key_failures: FailureGate::per_minute(API_KEY_FAILURES_PER_MINUTE),
            config,
            templates,
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

    /// Keeps the in-memory limiters bounded (called by the sweep job).
    pub fn sweep_limiters(&self) {
        self.signin_limiter.sweep();
        self.key_failures.sweep();
        self.oidc.failures.sweep();
    }

    /// Completes once the owner is known: at once when there was one at start, else when setup
    /// resolved it.
    pub async fn owner_known(&self) {
        if self.live_setup_code().is_some() {
            self.owner_ready.notified().await;
        }
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
