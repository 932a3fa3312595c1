//! Sign-in flows and sessions, both keyed by the SHA-256 hex of their random id (`crypto::sha256_hex`
//! of the cookie value), so a leaked database opens no browser session.

use super::error::StoreError;
use super::model::{Flow, Session};
use super::schema::{FLOWS, SESSIONS};
use super::tx::{ReadTx, WriteTx, decode};
use crate::clock::UnixTime;

type Result<T> = std::result::Result<T, StoreError>;

impl ReadTx {
    /// The flow whose id hashes to `hash`.
    pub fn get_flow(&self, hash: &str) -> Result<Option<Flow>> {
        self.get(FLOWS, hash)
    }

    /// How many flows are stored (expired ones count until swept).
    pub fn count_flows(&self) -> Result<u64> {
        self.len_str(FLOWS)
    }

    /// The session whose id hashes to `hash`.
    pub fn get_session(&self, hash: &str) -> Result<Option<Session>> {
        self.get(SESSIONS, hash)
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
        self.put(FLOWS, hash, flow)
    }

    /// Deletes a flow; says whether it existed.
    pub fn delete_flow(&mut self, hash: &str) -> Result<bool> {
        self.del(FLOWS, hash)
    }

    /// Deletes every flow that expired at or before `now`; returns how many. An undecodable row
    /// is deleted too: a flow is short-lived and worth nothing once unreadable.
    pub fn sweep_flows(&mut self, now: UnixTime) -> Result<usize> {
        self.retain(FLOWS, |_, v| {
            decode::<Flow>("flows", v).is_ok_and(|f| f.expires_at > now)
        })
    }

    /// Stores (or refreshes) a session under the hash of its id.
    pub fn put_session(&mut self, hash: &str, session: &Session) -> Result<()> {
        self.put(SESSIONS, hash, session)
    }

    /// Ends one session; says whether it existed.
    pub fn delete_session(&mut self, hash: &str) -> Result<bool> {
        self.del(SESSIONS, hash)
    }

    /// Ends every session (account and admin) of one Plex account; returns how many.
    pub fn delete_sessions_for(&mut self, plex_id: u64) -> Result<usize> {
        self.retain(SESSIONS, |_, v| {
            decode::<Session>("sessions", v).is_ok_and(|s| s.plex_id != plex_id)
        })
    }

    /// Deletes the sessions `ended` says are over (the access layer's idle and lifetime rule);
    /// returns how many.
    pub fn sweep_sessions(&mut self, ended: impl Fn(&Session) -> bool) -> Result<usize> {
        self.retain(SESSIONS, |_, v| {
            decode::<Session>("sessions", v).is_ok_and(|s| !ended(&s))
        })
    }
}
