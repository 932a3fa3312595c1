//! The reconciler (SPEC §1, §2.4, §4): finishes what sign-ins could not, adopts shares made
//! elsewhere as external grants, and removes expired grants, holding mass removals.
//! OWNER: access-core helper.

use super::{Access, AccessError};

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
    /// One reconciler pass (tests call it directly).
    pub async fn run_once(&self) -> Result<ReconcileReport, AccessError> {
        Err(AccessError::NotReady)
    }
}
