//! Forward auth's memory (SPEC §8 "an auth check costs no disk write"): account sessions cached
//! by id hash with their exact last use (written back at most every 5 minutes), the
//! admin-managed apps, `users` pins, library titles, and the once-per-hour event gates. All
//! bounded and swept; one per `AppState`, no statics.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use crate::access::model::Session;
use crate::access::sso::AppEntry;
use crate::clock::UnixTime;
use crate::sync::lock;
use crate::web::state::Slot;

/// Cached sessions kept at most; beyond it the expired ones are swept, then nothing new is
/// cached (checks still work, from the store).
const MAX_CACHED: usize = 50_000;
/// Event gates remember at most this many keys before they are swept.
const MAX_GATE_KEYS: usize = 10_000;
pub use crate::access::sso::{APPS_KEY, PINS_KEY, PROFILE_PREFIX, Profile};

/// One cached account session.
#[derive(Debug, Clone)]
pub struct Cached {
    /// The stored session (its `last_seen_at` as last written).
    pub session: Session,
    /// The account's profile.
    pub profile: Profile,
    /// Exact last use.
    pub last_use: UnixTime,
}

/// See the module doc.
#[derive(Debug, Default)]
pub struct SsoState {
    sessions: Mutex<HashMap<String, Cached>>,
    /// The admin-managed apps, once loaded (replaced after they were stored).
    pub admin_apps: Slot<Vec<AppEntry>>,
    /// The `users` pins, once loaded (replaced after they were stored).
    pub pins: Slot<HashMap<String, u64>>,
    titles: Slot<HashMap<String, u64>>,
    untrusted: Mutex<HashMap<IpAddr, UnixTime>>,
    denied: Mutex<HashMap<(u64, String), UnixTime>>,
}

impl SsoState {
    /// The cached session for `hash`, its last use set to `now`.
    /// Returned as it was *before* this use (so the caller can judge idle expiry); its last
    /// use becomes `now`.
    pub fn touch(&self, hash: &str, now: UnixTime) -> Option<Cached> {
        let mut map = lock(&self.sessions);
        let c = map.get_mut(hash)?;
        let before = c.clone();
        c.last_use = c.last_use.max(now);
        Some(before)
    }

    /// Caches a session read from the store.
    pub fn insert(&self, hash: &str, cached: Cached, expired: impl Fn(&Cached) -> bool) {
        let mut map = lock(&self.sessions);
        if map.len() >= MAX_CACHED {
            map.retain(|_, c| !expired(c));
        }
        if map.len() < MAX_CACHED {
            map.insert(hash.to_owned(), cached);
        }
    }

    /// Notes that the session was written with `last_seen_at = at`.
    pub fn mark_written(&self, hash: &str, at: UnixTime) {
        if let Some(c) = lock(&self.sessions).get_mut(hash) {
            c.session.last_seen_at = c.session.last_seen_at.max(at);
        }
    }

    /// Drops one session (ended, expired or signed out).
    pub fn forget(&self, hash: &str) {
        lock(&self.sessions).remove(hash);
    }

    /// Drops every cached session of one account.
    pub fn forget_account(&self, plex_id: u64) {
        lock(&self.sessions).retain(|_, c| c.session.plex_id != plex_id);
    }

    /// Drops expired sessions from the cache and stale gate entries.
    pub fn sweep(&self, now: UnixTime, expired: impl Fn(&Cached) -> bool) {
        lock(&self.sessions).retain(|_, c| !expired(c));
        lock(&self.untrusted).retain(|_, t| now - *t < 3600);
        lock(&self.denied).retain(|_, t| now - *t < 3600);
    }

    /// Library titles (lowercase) to plex.tv section ids.
    pub fn titles(&self) -> Arc<HashMap<String, u64>> {
        self.titles.get().unwrap_or_default()
    }

    /// Replaces the title map.
    pub fn set_titles(&self, titles: HashMap<String, u64>) {
        self.titles.set(titles);
    }

    /// Whether an untrusted-peer event is due for `ip` (at most once per hour).
    pub fn untrusted_due(&self, ip: IpAddr, now: UnixTime) -> bool {
        gate(&mut lock(&self.untrusted), ip, now)
    }

    /// Whether an `sso_denied` event is due for this account and app (once per hour).
    pub fn denied_due(&self, plex_id: u64, app: &str, now: UnixTime) -> bool {
        gate(&mut lock(&self.denied), (plex_id, app.to_owned()), now)
    }
}

/// Whether an hourly event for `key` is due (recorded as sent now if so); bounded.
pub(crate) fn gate<K: std::hash::Hash + Eq>(
    map: &mut HashMap<K, UnixTime>,
    key: K,
    now: UnixTime,
) -> bool {
    if map.len() >= MAX_GATE_KEYS {
        map.retain(|_, t| now - *t < 3600);
        if map.len() >= MAX_GATE_KEYS {
            // Flooded by distinct keys: stop recording rather than grow without bound.
            return false;
        }
    }
    match map.get(&key) {
        Some(t) if now - *t < 3600 => false,
        _ => {
            map.insert(key, now);
            true
        }
    }
}
