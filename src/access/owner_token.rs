//! The owner token's health (SPEC §3, issue 18): any plex.tv answer that refuses the owner's
//! token, whoever made the call (reconciler, sign-in, admin pages), turns the owner status to
//! `TokenInvalid` at once; the next answer that accepts it turns it back. The change is
//! recorded as an `owner_token` event and announced once. While the token is refused, the
//! reconciler makes one call per run to see whether it works again, and nothing else calls
//! plex.tv with it.

use std::sync::{Arc, Weak};

use super::{Access, AccessError, Inner, Owner, OwnerStatus, lock};
use crate::plex::{OwnerTokenListener, OwnerTokenSeen, PlexError};
use crate::store::EventKind;

/// The adapter's listener for this service (a weak handle: the adapter lives inside it).
pub(super) fn listener(access: Weak<Inner>) -> OwnerTokenListener {
    Arc::new(move |seen| {
        if let Some(inner) = access.upgrade() {
            Access(inner).owner_token_seen(seen);
        }
    })
}

impl Access {
    /// What one plex.tv answer said about the owner's token.
    fn owner_token_seen(&self, seen: OwnerTokenSeen) {
        match (seen, self.owner_status()) {
            (OwnerTokenSeen::Refused, OwnerStatus::Ready(_) | OwnerStatus::Resolving { .. }) => {
                self.set_owner_status(OwnerStatus::TokenInvalid);
            }
            (OwnerTokenSeen::Accepted, OwnerStatus::TokenInvalid) => {
                let suspended = lock(&self.0.suspended_owner).take();
                if let Some(owner) = suspended {
                    self.set_owner_status(OwnerStatus::Ready(owner));
                }
            }
            _ => {}
        }
    }

    /// The owner whose token plex.tv refused (kept so that it is known again once the token
    /// works, or once the owner reconnects with a new one).
    pub fn suspended_owner(&self) -> Option<Arc<Owner>> {
        lock(&self.0.suspended_owner).clone()
    }

    /// The owner a reconciler run works for. While the token is refused, one call (the share
    /// listing the run needs anyway) checks whether it works again: the run goes on if it does,
    /// and stops there if it does not, so a refused token costs one call per run.
    pub(crate) async fn owner_for_run(&self) -> Result<Arc<Owner>, AccessError> {
        if let Some(owner) = self.owner() {
            return Ok(owner);
        }
        let Some(owner) = self.suspended_owner() else {
            return Err(AccessError::NotConfigured);
        };
        if !matches!(self.owner_status(), OwnerStatus::TokenInvalid) {
            return Err(AccessError::NotConfigured);
        }
        self.0
            .plex
            .list_shares(&owner.token, &owner.machine_id)
            .await?;
        // The adapter's listener has made it `Ready` again.
        self.owner()
            .ok_or(AccessError::Plex(PlexError::Unauthorized))
    }

    /// Fails once plex.tv refused the owner token during this run, so the run stops calling.
    pub(crate) fn owner_still_valid(&self) -> Result<(), AccessError> {
        match self.owner_status() {
            OwnerStatus::TokenInvalid => Err(AccessError::Plex(PlexError::Unauthorized)),
            _ => Ok(()),
        }
    }

    /// Keeps the owner whose token turned invalid, and records the change as an event.
    pub(super) fn owner_token_changed(&self, before: &OwnerStatus, now: &OwnerStatus) {
        let (outcome, detail) = match (before, now) {
            (OwnerStatus::TokenInvalid, OwnerStatus::TokenInvalid) => return,
            (_, OwnerStatus::TokenInvalid) => {
                if let OwnerStatus::Ready(o) = before {
                    *lock(&self.0.suspended_owner) = Some(o.clone());
                }
                (
                    "invalid",
                    "plex.tv refused the owner's token: reconnect Plex from the dashboard",
                )
            }
            (OwnerStatus::TokenInvalid, OwnerStatus::Ready(_)) => {
                ("valid", "plex.tv accepts the owner's token again")
            }
            _ => return,
        };
        if matches!(now, OwnerStatus::Ready(_)) {
            lock(&self.0.suspended_owner).take();
        }
        let plex_id = match (before, now) {
            (OwnerStatus::Ready(o), _) | (_, OwnerStatus::Ready(o)) => Some(o.plex_id),
            _ => None,
        };
        let event = self.event(EventKind::OwnerToken, "plexgate", plex_id, outcome, detail);
        let store = self.0.store.clone();
        // Called from synchronous code inside the runtime; the record must not wait for it.
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            rt.spawn(async move {
                if let Err(e) = store.write(move |tx| tx.append_event(event)).await {
                    tracing::warn!(error = %e, "recording the owner token's state");
                }
            });
        }
        if outcome == "invalid" {
            tracing::warn!("plex.tv refused the owner's token: reconnect Plex");
        } else {
            tracing::info!("plex.tv accepts the owner's token again");
        }
    }
}
