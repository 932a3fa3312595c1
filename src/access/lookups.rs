//! Small reads the admin pages and the API need beside the decisions: account names for
//! lists, a grant's end date, and a fresh library list from plex.tv.

use std::collections::HashMap;

use super::{Access, AccessError};
use crate::plex::Sections;

impl Access {
    /// Every account plexgate has a grant for, by plex.tv id, with its username.
    pub async fn account_names(&self) -> Result<HashMap<u64, String>, AccessError> {
        let grants = self.read(|tx| tx.list_grants()).await?;
        Ok(grants
            .into_iter()
            .map(|g| (g.plex_id, g.username))
            .collect())
    }

    /// When the grant of `plex_id` ends (`None`: no grant, or no end).
    pub async fn grant_expiry(&self, plex_id: u64) -> Result<Option<i64>, AccessError> {
        let grant = self.read(move |tx| tx.get_grant(plex_id)).await?;
        Ok(grant.and_then(|g| g.expires_at))
    }

    /// The server's sections read again from plex.tv (the cached list is dropped first).
    pub async fn refresh_sections(&self) -> Result<Sections, AccessError> {
        let owner = self.owner().ok_or(AccessError::NotConfigured)?;
        self.0.plex.forget_sections(&owner.machine_id);
        self.sections().await
    }
}
