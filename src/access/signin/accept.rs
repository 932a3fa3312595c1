//! Accepting a share with the friend's token (plex-api.md §6.2): list the friend's pending
//! invites (retrying while the invite is not visible yet), accept this server's, record it. A
//! token that could not be used yet is held in memory only, never on disk.

use crate::access::{Access, AccessError, HeldToken, Owner, lock};
use crate::clock::secs;
use crate::plex::{AcceptOutcome, PlexError};
use crate::secret::Secret;
use crate::store::{EventKind, GrantStatus};

/// How an accept attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AcceptTry {
    /// Accepted (and recorded).
    Accepted,
    /// No invite visible yet, or plex.tv failed in a way worth retrying.
    NotYet,
    /// Nothing worth retrying with this token (several invites could be ours, or a refusal).
    GiveUp,
}

impl Access {
    /// Tries the accept, listing the invites up to `listings` times `invite_listing_spacing`
    /// apart, and records an accepted grant with its event.
    pub(crate) async fn try_accept(
        &self,
        owner: &Owner,
        plex_id: u64,
        token: &Secret,
        listings: u32,
        ip: Option<String>,
    ) -> AcceptTry {
        let spacing = self.0.timing.invite_listing_spacing;
        let mut outcome = Err(PlexError::NotFound);
        for i in 0..listings.max(1) {
            if i > 0 {
                tokio::time::sleep(spacing).await;
            }
            outcome = self
                .0
                .plex
                .accept_invite(token, &owner.username, &owner.machine_id)
                .await;
            if !matches!(outcome, Ok(AcceptOutcome::NothingPending)) {
                break;
            }
        }
        match outcome {
            Ok(AcceptOutcome::Accepted) => {
                if let Err(e) = self.record_accepted(plex_id, ip, "accepted").await {
                    tracing::warn!(plex_id, error = %e, "recording an accept");
                }
                AcceptTry::Accepted
            }
            Ok(AcceptOutcome::NothingPending) => AcceptTry::NotYet,
            Ok(AcceptOutcome::Ambiguous) => {
                tracing::warn!(
                    plex_id,
                    "several pending invites could be ours; none accepted"
                );
                AcceptTry::GiveUp
            }
            Err(e) if e.is_retryable() => AcceptTry::NotYet,
            Err(e) => {
                tracing::warn!(plex_id, error = %e, "accepting the share");
                AcceptTry::GiveUp
            }
        }
    }

    /// Marks a `pending` grant `accepted` with an `accept` event.
    pub(crate) async fn record_accepted(
        &self,
        plex_id: u64,
        ip: Option<String>,
        how: &str,
    ) -> Result<bool, AccessError> {
        let mut ev = self.event(EventKind::Accept, "plexgate", Some(plex_id), how, "");
        ev.ip = ip;
        let now = self.now();
        self.write(move |tx| {
            let pending = tx.get_grant(plex_id)?;
            let Some(mut g) = pending.filter(|g| g.status == GrantStatus::Pending) else {
                return Ok(false);
            };
            g.status = GrantStatus::Accepted;
            g.updated_at = now;
            tx.put_grant(&g)?;
            tx.append_event(ev)?;
            Ok(true)
        })
        .await
    }

    /// Holds a friend's token in memory so the reconciler may retry the accept; a token held
    /// before for the same account is signed out.
    pub(crate) fn hold_token(&self, plex_id: u64, token: Secret) {
        let held = HeldToken {
            token,
            until: self
                .now()
                .saturating_add(secs(self.0.timing.accept_token_ttl)),
        };
        let old = lock(&self.0.held_tokens).insert(plex_id, held);
        if let Some(old) = old {
            self.sign_out_later(old.token);
        }
    }
}
