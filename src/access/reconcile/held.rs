//! What the owner sees of the reconciler (SPEC §3, §7 `/reconcile`): when it last ran, when it
//! runs next, and the removals it held back; confirming carries them out, discarding drops the
//! list (a later run holds them again while they are still due and still too many).

use super::{HELD_REMOVALS_KEY, HeldRemoval};
use crate::access::{Access, AccessError};
use crate::clock::{UnixTime, secs};
use crate::store::{EventKind, GrantStatus};

/// The settings key holding the time of the last finished run (`UnixTime`).
pub const LAST_RUN_KEY: &str = "reconcile_last_run";

/// The reconciler as the owner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReconcileState {
    /// When the last run finished; `None` before the first.
    pub last_run: Option<UnixTime>,
    /// When the next run is due (last run + interval); `None` before the first.
    pub next_run: Option<UnixTime>,
    /// Removals waiting for the owner.
    pub held: Vec<HeldRemoval>,
}

impl Access {
    /// Records that a run finished now.
    pub(super) async fn record_run(&self) -> Result<(), AccessError> {
        let now = self.now();
        self.save_setting(LAST_RUN_KEY, now, None).await
    }

    /// Last and next run, and the held removals.
    pub async fn reconcile_state(&self) -> Result<ReconcileState, AccessError> {
        let (last_run, held) = self
            .read(|tx| {
                let last = tx.get_setting::<UnixTime>(LAST_RUN_KEY)?;
                let held = tx.get_setting::<Vec<HeldRemoval>>(HELD_REMOVALS_KEY)?;
                Ok((last, held.unwrap_or_default()))
            })
            .await?;
        let interval = secs(self.0.timing.reconcile_interval);
        Ok(ReconcileState {
            last_run,
            next_run: last_run.map(|t| t.saturating_add(interval)),
            held,
        })
    }

    /// Carries out the held removals (each grant still due is removed on plex.tv and recorded,
    /// with `actor` in its event), then clears the list. Removals that failed stay held.
    /// Returns how many were removed.
    pub async fn confirm_held_removals(&self, actor: &str) -> Result<u32, AccessError> {
        let owner = self.owner().ok_or(AccessError::NotConfigured)?;
        let held = self.reconcile_state().await?.held;
        let mut removed = 0u32;
        let mut kept = Vec::new();
        for h in held {
            let plex_id = h.plex_id;
            let grant = self.read(move |tx| tx.get_grant(plex_id)).await?;
            // An expiry extended since the run held it is no longer due.
            let now = self.now();
            let due = |g: &crate::store::Grant| {
                g.status != GrantStatus::Removed && g.expires_at.is_some_and(|t| t <= now)
            };
            let Some(g) = grant.filter(due) else {
                continue;
            };
            match self
                .remove_grant(&owner, &g, EventKind::Expired, actor)
                .await
            {
                Ok(()) => removed += 1,
                Err(e) => {
                    tracing::warn!(plex_id, error = %e, "confirmed removal failed");
                    kept.push(h);
                }
            }
        }
        let detail = format!("removed {removed}, still held {}", kept.len());
        let ev = self.event(EventKind::ReconcileConfirm, actor, None, "ok", detail);
        self.save_setting(HELD_REMOVALS_KEY, kept, Some(ev)).await?;
        Ok(removed)
    }

    /// Drops the held list without removing anything; returns how many were dropped.
    pub async fn discard_held_removals(&self, actor: &str) -> Result<u32, AccessError> {
        let ev = self.event(
            EventKind::ReconcileDiscard,
            actor,
            None,
            "ok",
            String::new(),
        );
        self.write(move |tx| {
            let held = tx
                .get_setting::<Vec<HeldRemoval>>(HELD_REMOVALS_KEY)?
                .unwrap_or_default();
            let mut ev = ev;
            ev.detail = format!("dropped {}", held.len());
            tx.put_setting(HELD_REMOVALS_KEY, &Vec::<HeldRemoval>::new())?;
            tx.append_event(ev)?;
            Ok(u32::try_from(held.len()).unwrap_or(u32::MAX))
        })
        .await
    }
}
