//! (0) While the install uses the v2 share family, v1 is asked again once a day (a read-only
//! listing) and used again when it answers (plex-api.md §12: one error page is not an endpoint
//! move, and a move may be undone).

use super::ReconcileReport;
use crate::access::{Access, AccessError, Owner};
use crate::clock::{UnixTime, secs};
use crate::plex::ShareFamily;
use crate::plex::assumptions::V1_PROBE_INTERVAL;

/// The settings key holding when v1 was last probed.
pub const V1_PROBED_AT_KEY: &str = "share_family_v1_probed_at";

impl Access {
    pub(super) async fn probe_share_family(
        &self,
        owner: &Owner,
        report: &mut ReconcileReport,
    ) -> Result<(), AccessError> {
        if self.0.plex.share_family() == ShareFamily::V1 {
            return Ok(());
        }
        let now = self.now();
        let last = self.setting::<UnixTime>(V1_PROBED_AT_KEY).await?;
        if last.is_some_and(|t| now < t.saturating_add(secs(V1_PROBE_INTERVAL))) {
            return Ok(());
        }
        let probed = self.0.plex.probe_v1(&owner.token, &owner.machine_id).await;
        self.save_setting(V1_PROBED_AT_KEY, now, None).await?;
        match probed {
            Ok(true) => self.save_share_family().await,
            Ok(false) => {}
            Err(e) => report
                .errors
                .push(format!("probing v1 share endpoints: {e}")),
        }
        Ok(())
    }
}
