//! (d) Expired grants: their shares are removed from plex.tv and the grants recorded `removed`
//! with an `expired` event — unless more than `max_removals` are due at once; then none is
//! removed and the list waits for the owner (settings key [`HELD_REMOVALS_KEY`]).

use serde::{Deserialize, Serialize};

use super::ReconcileReport;
use crate::access::grant::backoff;
use crate::access::{Access, AccessError, Owner, OwnerStatus, lock};
use crate::clock::secs;
use crate::plex::{PlexError, Removal};
use crate::store::{EventKind, Grant, GrantStatus};

/// The settings key holding removals waiting for the owner's confirmation.
pub const HELD_REMOVALS_KEY: &str = "held_removals";

/// One removal the reconciler refused to do alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldRemoval {
    pub plex_id: u64,
    /// Its username, for the owner.
    pub username: String,
    /// Why it is due, e.g. "expired".
    pub reason: String,
}

impl Access {
    pub(super) async fn remove_expired(
        &self,
        owner: &Owner,
        report: &mut ReconcileReport,
    ) -> Result<(), AccessError> {
        let now = self.now();
        let grants = self.read(|tx| tx.list_grants()).await?;
        // An external grant carries an expiry only once the owner set one, which adopts it.
        let due: Vec<Grant> = grants
            .into_iter()
            .filter(|g| {
                g.status != GrantStatus::Removed
                    && g.expires_at.is_some_and(|t| t <= now)
                    // A removal plex.tv did not confirm waits for its backoff.
                    && (g.removal.is_none() || g.next_attempt_at.is_none_or(|t| t <= now))
            })
            .collect();
        let max = usize::try_from(self.0.settings.max_removals).unwrap_or(usize::MAX);
        let held: Vec<HeldRemoval> = if due.len() > max {
            due.iter()
                .map(|g| HeldRemoval {
                    plex_id: g.plex_id,
                    username: g.username.clone(),
                    reason: "expired".to_owned(),
                })
                .collect()
        } else {
            Vec::new()
        };
        self.store_held(held.clone()).await?;
        if !held.is_empty() {
            tracing::warn!(
                count = held.len(),
                max,
                "holding mass removal for the owner"
            );
            report.held = u32::try_from(held.len()).unwrap_or(u32::MAX);
            return Ok(());
        }
        for g in due {
            self.owner_still_valid()?;
            match self
                .remove_grant(owner, &g, EventKind::Expired, "reconciler")
                .await
            {
                Ok(()) => report.removed += 1,
                Err(e) => report.errors.push(format!("removing {}: {e}", g.username)),
            }
        }
        Ok(())
    }

    /// Replaces the held list (writing only when it changed).
    async fn store_held(&self, held: Vec<HeldRemoval>) -> Result<(), AccessError> {
        self.write(move |tx| {
            let old = tx
                .get_setting::<Vec<HeldRemoval>>(HELD_REMOVALS_KEY)?
                .unwrap_or_default();
            if old != held {
                tx.put_setting(HELD_REMOVALS_KEY, &held)?;
            }
            Ok(())
        })
        .await
    }

    /// Removes one grant's share of this server from plex.tv and records the grant `removed` with
    /// a `kind` event. A held token is forgotten. plexgate records only what plex.tv confirmed
    /// (§12): when the DELETE fails, or answers "not found" while the owner's listing still shows
    /// the share, the grant becomes `failed` with the removal pending (retried with backoff by the
    /// reconciler, counted on the dashboard, announced as `grant_failed`) and the error returned.
    pub(crate) async fn remove_grant(
        &self,
        owner: &Owner,
        grant: &Grant,
        kind: EventKind,
        actor: &str,
    ) -> Result<(), AccessError> {
        let removal = match grant.share_id {
            Some(share_id) => {
                self.0
                    .plex
                    .remove_share(&owner.token, &owner.machine_id, share_id, grant.plex_id)
                    .await
            }
            None => Ok(Removal::Removed),
        };
        self.save_share_family().await;
        let how = match removal {
            Ok(Removal::Removed) => "removed",
            Ok(Removal::AlreadyGone) => "removed (already gone at plex.tv)",
            Err(e) => {
                if e.is_unauthorized() {
                    self.set_owner_status(OwnerStatus::TokenInvalid);
                }
                self.record_failed_removal(grant, kind, actor, &e).await?;
                return Err(e.into());
            }
        };
        if let Some(h) = lock(&self.0.held_tokens).remove(&grant.plex_id) {
            self.sign_out_later(h.token);
        }
        let now = self.now();
        let plex_id = grant.plex_id;
        let detail = format!("libraries {:?}", grant.libraries);
        let ev = self.event(kind, actor, Some(plex_id), how, detail);
        self.write(move |tx| {
            if let Some(mut g) = tx.get_grant(plex_id)? {
                g.status = GrantStatus::Removed;
                g.share_id = None;
                g.removal = None;
                g.attempts = 0;
                g.next_attempt_at = None;
                g.last_error = None;
                g.updated_at = now;
                tx.put_grant(&g)?;
            }
            // The account's OIDC tokens end with its access (SPEC §9).
            tx.revoke_oidc_account(plex_id, None)?;
            tx.append_event(ev)?;
            Ok(())
        })
        .await?;
        self.after_removal(grant, kind);
        Ok(())
    }

    /// Records a removal plex.tv did not confirm: the grant `failed` with the removal pending and
    /// its next try after a backoff, a `grant_failed` event, and (the first time) a notification.
    async fn record_failed_removal(
        &self,
        grant: &Grant,
        kind: EventKind,
        actor: &str,
        error: &PlexError,
    ) -> Result<(), AccessError> {
        tracing::warn!(plex_id = grant.plex_id, error = %error, "removing a share failed");
        let now = self.now();
        let timing = self.0.timing.clone();
        let plex_id = grant.plex_id;
        let kind_owned = kind.as_str().to_owned();
        let message = format!("removal not confirmed by plex.tv: {error}");
        let ev = self.event(
            EventKind::GrantFailed,
            actor,
            Some(plex_id),
            "failed",
            format!("{}: {message}", kind.as_str()),
        );
        let first = grant.status != GrantStatus::Failed || grant.removal.is_none();
        let recorded = self
            .write(move |tx| {
                let Some(mut g) = tx.get_grant(plex_id)? else {
                    return Ok(None);
                };
                g.status = GrantStatus::Failed;
                g.removal = Some(kind_owned);
                g.attempts = g.attempts.saturating_add(1);
                g.next_attempt_at = Some(now.saturating_add(secs(backoff(&timing, g.attempts))));
                g.last_error = Some(message);
                g.updated_at = now;
                tx.put_grant(&g)?;
                tx.append_event(ev)?;
                Ok(Some(g))
            })
            .await?;
        if first && let Some(g) = recorded {
            self.after_share(&g);
        }
        Ok(())
    }

    /// (e) Removals plex.tv did not confirm (`failed` with a pending removal), whose retry time has
    /// come; expired grants are retried by [`Self::remove_expired`].
    pub(super) async fn retry_removals(
        &self,
        owner: &Owner,
        report: &mut ReconcileReport,
    ) -> Result<(), AccessError> {
        let now = self.now();
        let grants = self.read(|tx| tx.list_grants()).await?;
        let due = grants.into_iter().filter(|g| {
            g.status == GrantStatus::Failed
                && g.removal.is_some()
                && g.next_attempt_at.is_none_or(|t| t <= now)
                && g.expires_at.is_none_or(|t| t > now)
        });
        for g in due {
            let kind = g.removal.as_deref().and_then(EventKind::named);
            let kind = kind.unwrap_or(EventKind::Remove);
            match self.remove_grant(owner, &g, kind, "reconciler").await {
                Ok(()) => report.removed += 1,
                Err(e) => report.errors.push(format!("removing {}: {e}", g.username)),
            }
        }
        Ok(())
    }
}
