//! The reconciler (SPEC §1, §2.4, §4): finishes what sign-ins could not, adopts shares made
//! elsewhere as external grants, and removes expired grants, holding mass removals.

mod expire;
mod family;
mod held;
mod listing;

pub use expire::{HELD_REMOVALS_KEY, HeldRemoval};
pub use family::V1_PROBED_AT_KEY;
pub use held::{LAST_RUN_KEY, ReconcileState};
pub(crate) use listing::external_grant;

use super::signin::AcceptTry;
use super::{Access, AccessError, Owner, lock};
use crate::secret::Secret;
use crate::store::{EventKind, GrantStatus};

/// What one run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReconcileReport {
    /// Shares created for grants still `sharing`.
    pub shared: u32,
    /// Accepts done with held tokens.
    pub accepted: u32,
    /// `pending` grants seen accepted in the owner's listing.
    pub marked_accepted: u32,
    /// Shares found that plexgate did not create, recorded as external grants.
    pub adopted: u32,
    /// Expired grants removed.
    pub removed: u32,
    /// Removals held for the owner's confirmation (more than `max_removals`).
    pub held: u32,
    /// Errors met (the run goes on past them).
    pub errors: Vec<String>,
}

impl Access {
    /// One reconciler pass (counted by `run_once` in `hooks`).
    pub(super) async fn reconcile_pass(&self) -> Result<ReconcileReport, AccessError> {
        let owner = self.owner_for_run().await?;
        let mut report = ReconcileReport::default();
        // Each step stops the run once plex.tv refused the owner token: no retry storm.
        self.probe_share_family(&owner, &mut report).await?;
        self.retry_shares(&owner, &mut report).await?;
        self.owner_still_valid()?;
        self.retry_accepts(&owner, &mut report).await;
        self.owner_still_valid()?;
        self.read_listing(&owner, &mut report).await?;
        self.owner_still_valid()?;
        self.remove_expired(&owner, &mut report).await?;
        self.retry_removals(&owner, &mut report).await?;
        self.record_run().await?;
        if report != ReconcileReport::default() {
            let r = &report;
            let detail = format!(
                "shared {}, accepted {}, marked accepted {}, adopted {}, removed {}, held {}, errors {}",
                r.shared,
                r.accepted,
                r.marked_accepted,
                r.adopted,
                r.removed,
                r.held,
                r.errors.len()
            );
            let outcome = if r.errors.is_empty() { "ok" } else { "errors" };
            let ev = self.event(EventKind::Reconcile, "reconciler", None, outcome, detail);
            self.write(move |tx| tx.append_event(ev)).await?;
        }
        Ok(report)
    }

    /// (a) Grants still `sharing` whose retry time has come.
    async fn retry_shares(
        &self,
        owner: &Owner,
        report: &mut ReconcileReport,
    ) -> Result<(), AccessError> {
        let now = self.now();
        let grants = self.read(|tx| tx.list_grants()).await?;
        let due = grants.into_iter().filter(|g| {
            g.status == GrantStatus::Sharing
                && g.next_attempt_at.is_none_or(|t| t <= now)
                // An expired grant is not shared any more; the removal step records it.
                && g.expires_at.is_none_or(|t| t > now)
        });
        for g in due {
            self.owner_still_valid()?;
            match self.push_share(owner, &g, None).await {
                Ok(n) if matches!(n.status, GrantStatus::Pending | GrantStatus::Accepted) => {
                    report.shared += 1;
                }
                Ok(n) => report.errors.push(format!(
                    "sharing with {}: {}",
                    n.username,
                    n.last_error.unwrap_or_default()
                )),
                Err(e) => report
                    .errors
                    .push(format!("sharing with {}: {e}", g.username)),
            }
        }
        Ok(())
    }

    /// (b) `pending` grants whose friend's token is still held: try the accept again.
    async fn retry_accepts(&self, owner: &Owner, report: &mut ReconcileReport) {
        let now = self.now();
        let held: Vec<(u64, Secret)> = lock(&self.0.held_tokens)
            .iter()
            .filter(|(_, h)| h.until > now)
            .map(|(id, h)| (*id, h.token.clone()))
            .collect();
        for (plex_id, token) in held {
            if self.owner_still_valid().is_err() {
                return;
            }
            let status = match self.0.store.read(move |tx| tx.get_grant(plex_id)).await {
                Ok(g) => g.map(|g| g.status),
                Err(e) => {
                    report.errors.push(format!("reading grant {plex_id}: {e}"));
                    continue;
                }
            };
            let done = match status {
                // The share is not made yet: keep the token for after (a) succeeds.
                Some(GrantStatus::Sharing) => false,
                Some(GrantStatus::Pending) => {
                    match self.try_accept(owner, plex_id, &token, 1, None).await {
                        AcceptTry::Accepted => {
                            report.accepted += 1;
                            true
                        }
                        AcceptTry::NotYet => false,
                        AcceptTry::GiveUp => true,
                    }
                }
                _ => true,
            };
            if done && lock(&self.0.held_tokens).remove(&plex_id).is_some() {
                self.sign_out_later(token);
            }
        }
    }
}
