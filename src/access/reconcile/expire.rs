//! (d) Expired grants: their shares are removed from plex.tv and the grants recorded `removed`
//! with an `expired` event — unless more than `max_removals` are due at once; then none is
//! removed and the list waits for the owner (settings key [`HELD_REMOVALS_KEY`]).

use serde::{Deserialize, Serialize};

use super::ReconcileReport;
use crate::access::{Access, AccessError, Owner, lock};
use crate::plex::PlexError;
use crate::store::{Grant, GrantStatus};

/// The settings key holding removals waiting for the owner's confirmation.
pub const HELD_REMOVALS_KEY: &str = "held_removals";

/// One removal the reconciler refused to do alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldRemoval {
    /// The account.
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
        let grants = self.0.store.read(|tx| tx.list_grants()).await?;
        // An external grant carries an expiry only once the owner set one, which adopts it.
        let due: Vec<Grant> = grants
            .into_iter()
            .filter(|g| g.status != GrantStatus::Removed && g.expires_at.is_some_and(|t| t <= now))
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
            match self.remove_grant(owner, &g, "expired", "reconciler").await {
                Ok(()) => report.removed += 1,
                Err(e) => report.errors.push(format!("removing {}: {e}", g.username)),
            }
        }
        Ok(())
    }

    /// Replaces the held list (writing only when it changed).
    async fn store_held(&self, held: Vec<HeldRemoval>) -> Result<(), AccessError> {
        self.0
            .store
            .write(move |tx| {
                let old = tx
                    .get_setting::<Vec<HeldRemoval>>(HELD_REMOVALS_KEY)?
                    .unwrap_or_default();
                if old != held {
                    tx.put_setting(HELD_REMOVALS_KEY, &held)?;
                }
                Ok(())
            })
            .await?;
        Ok(())
    }

    /// Removes one grant's share of this server from plex.tv (a share already gone counts as
    /// removed) and records the grant `removed` with a `kind` event. A held token is forgotten.
    pub(crate) async fn remove_grant(
        &self,
        owner: &Owner,
        grant: &Grant,
        kind: &str,
        actor: &str,
    ) -> Result<(), AccessError> {
        if let Some(share_id) = grant.share_id {
            match self
                .0
                .plex
                .remove_share(&owner.token, &owner.machine_id, share_id)
                .await
            {
                Ok(()) | Err(PlexError::NotFound) => {}
                Err(e) => return Err(e.into()),
            }
        }
        if let Some(h) = lock(&self.0.held_tokens).remove(&grant.plex_id) {
            self.sign_out_later(h.token);
        }
        let now = self.now();
        let plex_id = grant.plex_id;
        let detail = format!("libraries {:?}", grant.libraries);
        let ev = self.event(kind, actor, Some(plex_id), "removed", detail);
        self.0
            .store
            .write(move |tx| {
                if let Some(mut g) = tx.get_grant(plex_id)? {
                    g.status = GrantStatus::Removed;
                    g.share_id = None;
                    g.updated_at = now;
                    tx.put_grant(&g)?;
                }
                tx.append_event(ev)?;
                Ok(())
            })
            .await?;
        self.after_removal(grant, kind);
        Ok(())
    }
}
