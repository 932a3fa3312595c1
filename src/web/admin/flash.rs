//! One-shot results of admin actions, kept in memory for the page the redirect lands on
//! (post/redirect/get): a new invite link or API key is shown once on that page and never
//! travels in a URL; only a random id does, and it opens the entry only for the admin session
//! that made it. A reload after the secret was shown finds nothing (shown once); a draft
//! preview stays until it expires, so its reload shows the same preview.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::Serialize;

use crate::access::model::Session;
use crate::crypto::{random_token, sha256_hex};

/// How long an entry waits for its page.
const TTL_SECS: i64 = 600;
/// More entries than this and the oldest go (a runaway admin cannot fill memory).
const MAX_ENTRIES: usize = 500;

/// What an entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlashKind {
    /// A new invite link (shown once).
    Invite,
    /// A new API key (shown once).
    ApiKey,
    /// A new OpenID Connect client secret (shown once).
    ClientSecret,
    /// An onboarding draft to preview (kept until it expires).
    Preview,
}

/// An entry as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FlashView {
    pub kind: FlashKind,
    pub value: String,
}

#[derive(Debug)]
struct Entry {
    /// The session's CSRF token, hashed: only that admin session opens it.
    owner: String,
    view: FlashView,
    expires_at: i64,
}

/// The in-memory store, keyed by the hash of the id in the redirect's URL.
#[derive(Debug, Default)]
pub struct Flash {
    entries: Mutex<HashMap<String, Entry>>,
}

impl Flash {
    /// Keeps `value` for `session` and returns the id for the redirect's `shown=`.
    pub fn put(&self, session: &Session, kind: FlashKind, value: String, now: i64) -> String {
        let id = random_token(16);
        let entry = Entry {
            owner: sha256_hex(&session.csrf),
            view: FlashView { kind, value },
            expires_at: now.saturating_add(TTL_SECS),
        };
        let mut map = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, e| e.expires_at > now);
        if map.len() >= MAX_ENTRIES
            && let Some(oldest) = map
                .iter()
                .min_by_key(|(_, e)| e.expires_at)
                .map(|(k, _)| k.clone())
        {
            map.remove(&oldest);
        }
        map.insert(sha256_hex(&id), entry);
        id
    }

    /// The draft of preview `id` of `session`, left in place.
    pub fn preview(&self, id: &str, session: &Session, now: i64) -> Option<String> {
        let map = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&sha256_hex(id))
            .filter(|e| e.expires_at > now && e.owner == sha256_hex(&session.csrf))
            .filter(|e| e.view.kind == FlashKind::Preview)
            .map(|e| e.view.value.clone())
    }

    /// The entry `id` of `session`: a secret is removed as it is read (shown once), a preview
    /// stays.
    pub fn take(&self, id: &str, session: &Session, now: i64) -> Option<FlashView> {
        let key = sha256_hex(id);
        let mut map = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let entry = map.get(&key)?;
        if entry.expires_at <= now || entry.owner != sha256_hex(&session.csrf) {
            return None;
        }
        let view = entry.view.clone();
        if view.kind != FlashKind::Preview {
            map.remove(&key);
        }
        Some(view)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::access::model::SessionKind;

    fn session(csrf: &str) -> Session {
        Session {
            kind: SessionKind::Admin,
            plex_id: 1,
            username: "owner".into(),
            created_at: 0,
            last_seen_at: 0,
            csrf: csrf.into(),
        }
    }

    #[test]
    fn a_secret_is_shown_once_to_its_session_only() {
        let f = Flash::default();
        let id = f.put(&session("a"), FlashKind::ApiKey, "k".into(), 0);
        assert!(f.take(&id, &session("b"), 1).is_none(), "another session");
        assert_eq!(f.take(&id, &session("a"), 1).unwrap().value, "k");
        assert!(f.take(&id, &session("a"), 2).is_none(), "shown once");
    }

    #[test]
    fn a_preview_stays_until_it_expires() {
        let f = Flash::default();
        let id = f.put(&session("a"), FlashKind::Preview, "md".into(), 0);
        assert!(f.take(&id, &session("a"), 1).is_some());
        assert!(f.take(&id, &session("a"), 2).is_some());
        assert!(f.take(&id, &session("a"), TTL_SECS).is_none());
    }
}
