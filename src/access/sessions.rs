//! Server-side sessions (SPEC §2.3, §3): a fresh random id at every sign-in (rotation, so a
//! planted cookie never becomes a signed-in one), stored by its SHA-256, looked up with the
//! idle and lifetime limits from `Timing` and the injected clock, ended at sign-out. The web
//! layer only carries the id in a cookie.

use super::{Access, AccessError};
use crate::clock::{Timing, UnixTime, secs};
use crate::crypto::{random_token, sha256_hex};
use crate::store::{Session, SessionKind};

/// Random bytes in a session id (the cookie value): 256 bits (SPEC §4).
const ID_BYTES: usize = 32;

/// `last_seen_at` is written at most this often (seconds), so browsing is not a write per page.
const TOUCH_EVERY_SECS: i64 = 300;

/// How old a stored last use may get before it is written again: 5 minutes, or a quarter of
/// the idle limit if that is shorter (admin pages here, forward auth's write-back alike).
pub fn touch_every(idle: std::time::Duration) -> i64 {
    TOUCH_EVERY_SECS.min(secs(idle) / 4)
}

/// Whether `s` has ended at `now` (the same rule the sweeper applies).
pub fn expired(s: &Session, now: UnixTime, timing: &Timing) -> bool {
    let idle = now.saturating_sub(s.last_seen_at);
    match s.kind {
        SessionKind::Account => {
            idle >= secs(timing.session_idle)
                || now.saturating_sub(s.created_at) >= secs(timing.session_lifetime)
        }
        SessionKind::Admin => idle >= secs(timing.admin_idle),
    }
}

impl Access {
    /// Starts a session and returns its id (the only copy; the store keeps its hash).
    pub async fn create_session(
        &self,
        kind: SessionKind,
        plex_id: u64,
        username: &str,
    ) -> Result<String, AccessError> {
        let id = random_token(ID_BYTES);
        let now = self.now();
        let session = Session {
            kind,
            plex_id,
            username: username.to_owned(),
            created_at: now,
            last_seen_at: now,
            csrf: random_token(32),
        };
        let hash = sha256_hex(&id);
        self.write(move |tx| tx.put_session(&hash, &session))
            .await?;
        Ok(id)
    }

    /// The live session of `kind` with this id. An ended one is deleted; an active one has
    /// `last_seen_at` refreshed when it is older than a few minutes.
    pub async fn session(
        &self,
        kind: SessionKind,
        id: &str,
    ) -> Result<Option<Session>, AccessError> {
        let hash = sha256_hex(id);
        let h = hash.clone();
        let found = self.read(move |tx| tx.get_session(&h)).await?;
        let Some(mut session) = found.filter(|s| s.kind == kind) else {
            return Ok(None);
        };
        let now = self.now();
        let timing = &self.0.timing;
        let idle = match kind {
            SessionKind::Account => timing.session_idle,
            SessionKind::Admin => timing.admin_idle,
        };
        if expired(&session, now, timing) {
            self.write(move |tx| tx.delete_session(&hash).map(drop))
                .await?;
            return Ok(None);
        }
        if now.saturating_sub(session.last_seen_at) >= touch_every(idle) {
            session.last_seen_at = now;
            let s = session.clone();
            self.write(move |tx| tx.put_session(&hash, &s)).await?;
        }
        Ok(Some(session))
    }

    /// Ends the session with this id (whatever its kind).
    pub async fn end_session(&self, id: &str) -> Result<(), AccessError> {
        let hash = sha256_hex(id);
        self.write(move |tx| tx.delete_session(&hash).map(drop))
            .await
    }

    /// Ends every session (account and admin) of an account and its OIDC tokens (SPEC §9:
    /// userinfo answers 401 on the next call). Returns how many sessions ended.
    pub async fn end_sessions_of(&self, plex_id: u64) -> Result<usize, AccessError> {
        self.write(move |tx| {
            tx.revoke_oidc_account(plex_id, None)?;
            tx.delete_sessions_for(plex_id)
        })
        .await
    }

    /// Whether the account is the owner, the account that claimed the install, or a co-admin
    /// pinned to it. A failed read counts as no.
    pub async fn is_admin_account(&self, plex_id: u64) -> bool {
        if self.owner().is_some_and(|o| o.plex_id == plex_id) {
            return true;
        }
        if let Ok(Some(c)) = self.claimed_by().await
            && c.plex_id == plex_id
        {
            return true;
        }
        self.co_admins()
            .await
            .is_ok_and(|admins| admins.iter().any(|a| a.plex_id == Some(plex_id)))
    }

    /// Removes the sign-in flows, sessions and OIDC codes and tokens that ended by now.
    pub async fn sweep_expired(&self) -> Result<usize, AccessError> {
        let now = self.now();
        let timing = self.0.timing.clone();
        self.write(move |tx| {
            let flows = tx.sweep_flows(now)?;
            let sessions = tx.sweep_sessions(|s| expired(s, now, &timing))?;
            let oidc = tx.sweep_oidc(now)?;
            Ok(flows + sessions + oidc)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(kind: SessionKind, created_at: i64, last_seen_at: i64) -> Session {
        Session {
            kind,
            plex_id: 1,
            username: "alice".into(),
            created_at,
            last_seen_at,
            csrf: "c".into(),
        }
    }

    #[test]
    fn ids_are_256_random_bits() {
        assert_eq!(random_token(ID_BYTES).len(), 43);
    }

    #[test]
    fn idle_and_lifetime_limits() {
        let t = Timing::default();
        let idle = secs(t.session_idle);
        let life = secs(t.session_lifetime);
        let admin_idle = secs(t.admin_idle);
        assert!(!expired(&session(SessionKind::Account, 0, 0), idle - 1, &t));
        assert!(expired(&session(SessionKind::Account, 0, 0), idle, &t));
        assert!(expired(
            &session(SessionKind::Account, 0, life - 1),
            life,
            &t
        ));
        assert!(!expired(
            &session(SessionKind::Admin, 0, 0),
            admin_idle - 1,
            &t
        ));
        assert!(expired(&session(SessionKind::Admin, 0, 0), admin_idle, &t));
    }
}
