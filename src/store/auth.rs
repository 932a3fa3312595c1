//! Sign-in flows and sessions, both keyed by the SHA-256 hex of their random id (`crypto::sha256_hex`
//! of the cookie value), so a leaked database opens no browser session.

use std::time::Duration;

use super::error::StoreError;
use super::model::{Flow, Session, SessionKind};
use super::schema::{FLOWS, SESSIONS};
use super::tx::{ReadTx, WriteTx, decode};
use crate::clock::UnixTime;
use crate::clock::secs;

type Result<T> = std::result::Result<T, StoreError>;

/// Whether a session has ended at `now` under the given limits.
fn session_expired(
    s: &Session,
    now: UnixTime,
    account_idle: Duration,
    account_lifetime: Duration,
    admin_idle: Duration,
) -> bool {
    let idle = now.saturating_sub(s.last_seen_at);
    match s.kind {
        SessionKind::Account => {
            idle >= secs(account_idle) || now.saturating_sub(s.created_at) >= secs(account_lifetime)
        }
        SessionKind::Admin => idle >= secs(admin_idle),
    }
}

impl ReadTx {
    /// The flow whose id hashes to `hash`.
    pub fn get_flow(&self, hash: &str) -> Result<Option<Flow>> {
        self.get_str(FLOWS, hash)
    }

    /// How many flows are stored (expired ones count until swept).
    pub fn count_flows(&self) -> Result<u64> {
        self.len_str(FLOWS)
    }

    /// The session whose id hashes to `hash`.
    pub fn get_session(&self, hash: &str) -> Result<Option<Session>> {
        self.get_str(SESSIONS, hash)
    }

    /// Every session of one Plex account, as `(hash, session)`.
    pub fn sessions_for(&self, plex_id: u64) -> Result<Vec<(String, Session)>> {
        Ok(self
            .all_str::<Session>(SESSIONS)?
            .into_iter()
            .filter(|(_, s)| s.plex_id == plex_id)
            .collect())
    }
}

impl WriteTx {
    /// Stores a flow under the hash of its id.
    pub fn put_flow(&mut self, hash: &str, flow: &Flow) -> Result<()> {
        self.put_str(FLOWS, hash, flow)
    }

    /// Deletes a flow; says whether it existed.
    pub fn delete_flow(&mut self, hash: &str) -> Result<bool> {
        self.del_str(FLOWS, hash)
    }

    /// Deletes every flow that expired at or before `now`; returns how many. An undecodable row
    /// is deleted too: a flow is short-lived and worth nothing once unreadable.
    pub fn sweep_flows(&mut self, now: UnixTime) -> Result<usize> {
        self.retain_str(FLOWS, |_, v| {
            decode::<Flow>("flows", v).is_ok_and(|f| f.expires_at > now)
        })
    }

    /// Stores (or refreshes) a session under the hash of its id.
    pub fn put_session(&mut self, hash: &str, session: &Session) -> Result<()> {
        self.put_str(SESSIONS, hash, session)
    }

    /// Ends one session; says whether it existed.
    pub fn delete_session(&mut self, hash: &str) -> Result<bool> {
        self.del_str(SESSIONS, hash)
    }

    /// Ends every session (account and admin) of one Plex account; returns how many.
    pub fn delete_sessions_for(&mut self, plex_id: u64) -> Result<usize> {
        self.retain_str(SESSIONS, |_, v| {
            decode::<Session>("sessions", v).is_ok_and(|s| s.plex_id != plex_id)
        })
    }

    /// Deletes sessions past their limits at `now`: account sessions idle for `account_idle` or
    /// older than `account_lifetime`, admin sessions idle for `admin_idle`. Returns how many.
    pub fn sweep_sessions(
        &mut self,
        now: UnixTime,
        account_idle: Duration,
        account_lifetime: Duration,
        admin_idle: Duration,
    ) -> Result<usize> {
        self.retain_str(SESSIONS, |_, v| {
            decode::<Session>("sessions", v).is_ok_and(|s| {
                !session_expired(&s, now, account_idle, account_lifetime, admin_idle)
            })
        })
    }
}
