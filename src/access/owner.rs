//! The owner context (SPEC §3): the headless token and server from config, resolved in the
//! background after binding and retried while plex.tv is unreachable.
//! OWNER: access-core helper.

use std::sync::Arc;

use tokio::sync::watch;

use super::{Access, AccessError, Owner};

impl Access {
    /// Resolves the owner once: account (`/api/v2/user`), server (`/api/v2/resources`, by machine
    /// id or name among owned servers), section ids for `access.libraries`. Sets the status.
    pub async fn resolve_owner_once(&self) -> Result<Arc<Owner>, AccessError> {
        Err(AccessError::NotReady)
    }

    /// The background work: resolve the owner (retrying with backoff while plex.tv is
    /// unreachable), then run the reconciler once and every `reconcile_interval`, until `stop`.
    pub async fn run_background(&self, stop: watch::Receiver<bool>) {
        let _ = stop;
    }
}
