//! The OIDC provider's memory: the signing keys, the admin-managed clients, authorize requests
//! waiting for their Plex sign-in, the once-per-hour `oidc_denied` gate and the token endpoint's
//! failure gate. One per `AppState`, bounded.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::access::oidc::jws::KeySet;
use crate::access::oidc::{Authorize, Client};
use crate::clock::UnixTime;
use crate::sync::lock;
use crate::web::ratelimit::FailureGate;
use crate::web::sso::state::gate;
use crate::web::state::Slot;

/// Authorize requests kept at most while their sign-in runs.
const MAX_PENDING: usize = 10_000;
/// A pending authorize request lives this long (seconds).
pub const PENDING_TTL_SECS: i64 = 15 * 60;
/// Failed client authentications allowed per IP per minute.
const CLIENT_FAILURES_PER_MINUTE: u32 = 10;

/// An authorize request waiting for a sign-in.
#[derive(Debug, Clone)]
pub struct Pending {
    /// The checked request.
    pub request: Authorize,
    /// When it was made.
    pub at: UnixTime,
    /// `prompt=login`: the session the browser had then (SHA-256 hex of its id, or empty),
    /// which does not count: only a new sign-in does.
    pub stale_session: Option<String>,
}

/// See the module doc.
#[derive(Debug)]
pub struct OidcState {
    keys: Slot<KeySet>,
    /// The admin-managed clients, once loaded (replaced after they were stored).
    pub admin_clients: Slot<Vec<Client>>,
    /// SHA-256 hex of each config client's secret (read from its file at start).
    pub config_secrets: HashMap<String, String>,
    pending: Mutex<HashMap<String, Pending>>,
    denied: Mutex<HashMap<(u64, String), UnixTime>>,
    /// Failed client authentications per IP.
    pub failures: FailureGate,
}

impl OidcState {
    /// Empty, with the config clients' secret hashes.
    pub fn new(config_secrets: HashMap<String, String>, keys: Option<KeySet>) -> Self {
        let slot = Slot::default();
        if let Some(keys) = keys {
            slot.set(keys);
        }
        Self {
            keys: slot,
            admin_clients: Slot::default(),
            config_secrets,
            pending: Mutex::new(HashMap::new()),
            denied: Mutex::new(HashMap::new()),
            failures: FailureGate::per_minute(CLIENT_FAILURES_PER_MINUTE),
        }
    }

    /// The signing keys, once loaded.
    pub fn keys(&self) -> Option<Arc<KeySet>> {
        self.keys.get()
    }

    /// Keeps a request for after the sign-in.
    pub fn put_pending(&self, id: &str, p: Pending, now: UnixTime) {
        let mut map = lock(&self.pending);
        if map.len() >= MAX_PENDING {
            map.retain(|_, p| now - p.at < PENDING_TTL_SECS);
        }
        if map.len() < MAX_PENDING {
            map.insert(id.to_owned(), p);
        }
    }

    /// A kept request, while it lives.
    pub fn pending(&self, id: &str, now: UnixTime) -> Option<Pending> {
        lock(&self.pending)
            .get(id)
            .filter(|p| now - p.at < PENDING_TTL_SECS)
            .cloned()
    }

    /// Drops a request once its code was issued or refused.
    pub fn forget_pending(&self, id: &str) {
        lock(&self.pending).remove(id);
    }

    /// Whether an `oidc_denied` event is due for this account and client (once per hour).
    pub fn denied_due(&self, plex_id: u64, client: &str, now: UnixTime) -> bool {
        gate(&mut lock(&self.denied), (plex_id, client.to_owned()), now)
    }
}

/// The state at start: each config client's secret read from its file and hashed, and (when
/// `oidc.enabled`) the signing keys, the first one generated now if there is none.
pub fn build(
    config: &crate::config::Config,
    access: &crate::access::Access,
    now: UnixTime,
) -> OidcState {
    let mut secrets = HashMap::new();
    for c in &config.oidc.clients {
        let Some(path) = &c.client_secret_file else {
            continue;
        };
        match std::fs::read_to_string(path) {
            Ok(s) => {
                // A trailing newline from `echo` or an editor is not part of the secret.
                let secret = s.trim_end_matches(['\n', '\r']);
                secrets.insert(c.client_id.clone(), crate::crypto::sha256_hex(secret));
            }
            Err(e) => tracing::warn!(
                client = %c.client_id, path = %path.display(), error = %e,
                "reading an OIDC client's secret file failed: that client cannot sign in"
            ),
        }
    }
    let keys = if config.oidc.enabled {
        match crate::access::oidc::jws::ensure(access.store(), now) {
            Ok(k) => Some(k),
            Err(e) => {
                tracing::error!(error = %e, "the OIDC signing keys are not usable");
                None
            }
        }
    } else {
        None
    };
    OidcState::new(secrets, keys)
}
