//! The one `AppState` (style.md #3): the web layer's own pieces (templates, limiters, caches,
//! forward auth and OIDC state) beside the `Access` handle. Built by the start-up code
//! (`crate::serve`), which also runs the background jobs.

use std::net::SocketAddr;
use std::ops::Deref;
use std::sync::{Arc, PoisonError, RwLock};

use crate::access::Access;
use crate::config::Config;
use crate::metrics::Metrics;
use crate::notify::Notifier;
use crate::web;
use crate::web::client_ip::TrustedProxies;
use crate::web::ratelimit::{FailureGate, IpLimiter};
use crate::web::templates::Templates;

/// A value kept in memory, loaded once and replaced whole (readers share an `Arc` of it).
#[derive(Debug)]
pub struct Slot<T>(RwLock<Option<Arc<T>>>);

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Self(RwLock::new(None))
    }
}

impl<T> Slot<T> {
    /// The value, once set.
    pub fn get(&self) -> Option<Arc<T>> {
        self.0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Replaces the value.
    pub fn set(&self, value: T) -> Arc<T> {
        let value = Arc::new(value);
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = Some(value.clone());
        value
    }

    /// The value, loaded by `load` (and kept) when there is none yet.
    pub async fn get_or_load<E>(
        &self,
        load: impl Future<Output = Result<T, E>>,
    ) -> Result<Arc<T>, E> {
        match self.get() {
            Some(v) => Ok(v),
            None => Ok(self.set(load.await?)),
        }
    }
}

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
    /// Assembles the web state around `access`. Fails only if the embedded templates do not
    /// compile.
    pub fn new(
        config: Config,
        access: Access,
        metrics: Metrics,
        notifier: Notifier,
    ) -> Result<Self, tera::Error> {
        let templates = Templates::new()?;
        let oidc = web::oidc::state::build(&config, &access, access.clock().unix());
        Ok(Self(Arc::new(Inner {
            page_cache: web::pages::PageCache::default(),
            csp: web::layers::content_security_policy(&config.plex.auth_url),
            signin_limiter: IpLimiter::per_minute(config.limits.signins_per_minute),
            key_failures: FailureGate::per_minute(API_KEY_FAILURES_PER_MINUTE),
            config,
            templates,
            access,
            sso: web::sso::SsoState::default(),
            oidc,
            metrics,
            notifier,
            flash: web::admin::flash::Flash::default(),
        })))
    }

    /// Keeps the in-memory limiters and forward auth's cache bounded (called by the sweep job).
    pub fn sweep_memory(&self) {
        let (now, timing) = (self.access.clock().unix(), self.access.timing());
        self.sso
            .sweep(now, |c| web::sso::account::expired(c, now, timing));
        self.signin_limiter.sweep();
        self.key_failures.sweep();
        self.oidc.failures.sweep();
    }

    /// Renders `template` with `page` under the title `title` (links carry the prefix).
    pub fn render<T: serde::Serialize>(
        &self,
        template: &str,
        title: &str,
        page: &T,
    ) -> Result<axum::response::Html<String>, web::error::PageError> {
        let chrome = web::templates::Chrome {
            prefix: self.prefix(),
            title,
        };
        self.templates.render(template, &chrome, page)
    }

    /// The public URL's path prefix ("" or "/plex"), which every link starts with.
    pub fn prefix(&self) -> &str {
        self.config.server.public_url.path_prefix()
    }

    /// The one-time setup URL, while no owner is configured.
    pub fn setup_url(&self) -> Option<String> {
        let code = self.access.live_setup_code()?;
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
