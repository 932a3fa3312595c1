//! The plex.tv adapter: the only code that knows plex.tv (style.md #13). It sends typed requests
//! (PINs, account, servers, sections, shares, invites) and returns typed answers or a [`PlexError`]
//! that says whether a retry makes sense. Facts and choices: `/work/shared/plex-api.md` and
//! [`assumptions`].

mod account;
pub mod assumptions;
pub mod avatar;
mod error;
mod http;
mod invites;
mod json;
mod observe;
mod pins;
mod sections;
mod shares;
mod shares_v2;
mod types;
mod xml;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use crate::sync::lock;
use url::Url;

pub use error::PlexError;
pub use observe::{OwnerTokenListener, OwnerTokenSeen, PlexObserver, PlexRequestSeen};
pub use types::{
    AcceptOutcome, Invitee, PendingInvite, Pin, PinState, PlexServer, PlexUser, Removal, Section,
    Sections, Share, ShareFamily, ShareList, SharingFlags,
};

/// Where plex.tv lives and how plexgate presents itself to it.
#[derive(Debug, Clone)]
pub struct PlexSettings {
    /// plex.tv API base (`https://plex.tv`).
    pub api_url: Url,
    /// clients.plex.tv API base (`https://clients.plex.tv`).
    pub clients_url: Url,
    /// The sign-in page (`https://app.plex.tv/auth`).
    pub auth_url: Url,
    /// This install's X-Plex-Client-Identifier: created once, stored, reused (§9).
    pub client_id: String,
    /// X-Plex-Product, shown under the user's Authorized Devices.
    pub product: String,
    /// X-Plex-Version.
    pub version: String,
    /// TCP/TLS connect timeout.
    pub connect_timeout: Duration,
    /// Whole-request timeout, body included.
    pub request_timeout: Duration,
    /// Larger answers are refused (plex.tv bodies are small; this bounds memory).
    pub max_body_bytes: usize,
    /// How long a server's section list is reused before plex.tv is asked again.
    pub section_cache_ttl: Duration,
    /// The least time between two checks of one PIN, in real time whatever the app's clock says
    /// (plex.tv answers 429 to checks faster than about one per 0.5 s; §1.3, §9).
    pub pin_check_spacing: Duration,
}

impl PlexSettings {
    /// The production endpoints and defaults for an install with this client id.
    pub fn new(client_id: impl Into<String>) -> Result<Self, PlexError> {
        let parse = |s: &str| Url::parse(s).map_err(|e| PlexError::Protocol(e.to_string()));
        Ok(Self {
            api_url: parse("https://plex.tv")?,
            clients_url: parse("https://clients.plex.tv")?,
            auth_url: parse("https://app.plex.tv/auth")?,
            client_id: client_id.into(),
            product: "plexgate".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(15),
            max_body_bytes: 4 * 1024 * 1024,
            section_cache_ttl: Duration::from_secs(10 * 60),
            pin_check_spacing: Duration::from_secs(1),
        })
    }
}

/// A cheap-to-clone handle on plex.tv: one shared HTTP client and the remembered share family.
#[derive(Clone)]
pub struct PlexClient {
    inner: Arc<Inner>,
}

struct Inner {
    /// Built on first use (or by [`PlexClient::warm_up`]): building it loads every system CA
    /// certificate, which must not delay start-up or run on an async worker.
    http: OnceLock<Result<reqwest::Client, String>>,
    headers: reqwest::header::HeaderMap,
    settings: PlexSettings,
    /// The non-secret X-Plex-* set, also sent in the query to clients.plex.tv.
    identity: Vec<(&'static str, String)>,
    family: Mutex<ShareFamily>,
    sections: Mutex<HashMap<String, (tokio::time::Instant, Sections)>>,
    /// After a 429: no call of that kind (method and route template) before this instant.
    held_until: Mutex<HashMap<(&'static str, &'static str), tokio::time::Instant>>,
    /// When each PIN was last checked (see [`PlexSettings::pin_check_spacing`]).
    pin_checks: Mutex<HashMap<u64, tokio::time::Instant>>,
    /// Told about every request (metrics); `None` in most tests.
    observer: Option<PlexObserver>,
    /// The owner's token and the listener told whether plex.tv still accepts it.
    owner_watch: Mutex<observe::OwnerTokenWatch>,
}

impl fmt::Debug for PlexClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PlexClient")
            .field("api_url", &self.inner.settings.api_url.as_str())
            .field("family", &self.share_family())
            .finish_non_exhaustive()
    }
}

impl PlexClient {
    /// Builds the client: rustls with ring, timeouts, redirects never followed.
    pub fn new(settings: PlexSettings) -> Result<Self, PlexError> {
        Self::with_observer(settings, None)
    }

    /// As [`PlexClient::new`], telling `observer` about every request sent.
    pub fn with_observer(
        settings: PlexSettings,
        observer: Option<PlexObserver>,
    ) -> Result<Self, PlexError> {
        let identity = http::identity(&settings);
        let headers = http::identity_headers(&identity)?;
        Ok(Self {
            inner: Arc::new(Inner {
                http: OnceLock::new(),
                headers,
                settings,
                identity,
                family: Mutex::new(ShareFamily::default()),
                sections: Mutex::new(HashMap::new()),
                held_until: Mutex::new(HashMap::new()),
                pin_checks: Mutex::new(HashMap::new()),
                observer,
                owner_watch: Mutex::new(observe::OwnerTokenWatch::default()),
            }),
        })
    }

    /// The shared HTTP client, built on first use.
    pub(crate) fn http(&self) -> Result<&reqwest::Client, PlexError> {
        let inner = &self.inner;
        let built = inner.http.get_or_init(|| {
            crate::outbound::client_builder()
                .connect_timeout(inner.settings.connect_timeout)
                .timeout(inner.settings.request_timeout)
                // A 3xx is an error: following it could carry the token to another host.
                .redirect(reqwest::redirect::Policy::none())
                .default_headers(inner.headers.clone())
                .user_agent(format!(
                    "{}/{}",
                    inner.settings.product, inner.settings.version
                ))
                .build()
                .map_err(|e| PlexError::from_reqwest(e).to_string())
        });
        built.as_ref().map_err(|e| PlexError::Transport(e.clone()))
    }

    /// Builds the HTTP client now (blocking: call it from a blocking thread after binding), so
    /// the first plex.tv call does not pay for loading the system certificates.
    pub fn warm_up(&self) -> Result<(), PlexError> {
        self.http().map(drop)
    }

    /// The settings this client was built with.
    pub fn settings(&self) -> &PlexSettings {
        &self.inner.settings
    }

    /// The share family in use (the app persists it and restores it with [`Self::set_share_family`]).
    pub fn share_family(&self) -> ShareFamily {
        *lock(&self.inner.family)
    }

    /// Sets the share family (at start-up from the store, or after a fallback).
    pub fn set_share_family(&self, family: ShareFamily) {
        *lock(&self.inner.family) = family;
    }
}
