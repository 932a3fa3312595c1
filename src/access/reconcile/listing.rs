//! (c) One read of the owner's share listing: `pending` grants whose share was accepted turn
//! `accepted`, and shares nobody recorded become external grants. A failed or empty listing
//! changes nothing (SPEC §4: a warning, not a fact).

use super::ReconcileReport;
use crate::access::signin::same_set;
use crate::access::users::{first_non_empty, share_status};
use crate::access::{Access, AccessError, Owner};
use crate::clock::UnixTime;
use crate::plex::Share;
use crate::store::{EventKind, Grant, GrantSource, GrantStatus, NewEvent, StoreError, WriteTx};

/// Counts of what one listing changed.
#[derive(Debug, Default)]
struct Seen {
    marked_accepted: u32,
    adopted: u32,
}

impl Access {
    pub(super) async fn read_listing(
        &self,
        owner: &Owner,
        report: &mut ReconcileReport,
    ) -> Result<(), AccessError> {
        let shares = match self.owner_shares(owner).await {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(error = %e, "listing the server's shares");
                report.errors.push(format!("listing shares: {e}"));
                return Ok(());
            }
        };
        if shares.is_empty() {
            tracing::warn!("plex.tv listed no shares for the server; nothing changed");
            return Ok(());
        }
        let now = self.now();
        let base = self.event(EventKind::Reconcile, "reconciler", None, "", "");
        let seen = self
            .write(move |tx| {
                let mut seen = Seen::default();
                for s in &shares {
                    follow_share(tx, s, now, &base, &mut seen)?;
                }
                Ok(seen)
            })
            .await?;
        report.marked_accepted += seen.marked_accepted;
        report.adopted += seen.adopted;
        Ok(())
    }
}

/// Brings the grant of one listed share up to date, or records the share as external.
fn follow_share(
    tx: &mut WriteTx,
    s: &Share,
    now: UnixTime,
    base: &NewEvent,
    seen: &mut Seen,
) -> Result<(), StoreError> {
    let event = |kind: EventKind, outcome: &str, detail: String| NewEvent {
        kind,
        plex_id: Some(s.user_id),
        outcome: outcome.to_owned(),
        detail,
        ..base.clone()
    };
    let Some(mut g) = tx
        .get_grant(s.user_id)?
        .filter(|g| g.status != GrantStatus::Removed)
    else {
        tx.put_grant(&external_grant(s, now))?;
        let detail = format!("share {} with libraries {:?}", s.share_id, s.section_ids);
        tx.append_event(event(EventKind::Adopt, "external", detail))?;
        seen.adopted += 1;
        return Ok(());
    };
    let before = g.clone();
    if g.status == GrantStatus::Pending && s.accepted {
        g.status = GrantStatus::Accepted;
        tx.append_event(event(
            EventKind::Accept,
            "listing",
            "seen accepted".to_owned(),
        ))?;
        seen.marked_accepted += 1;
    }
    if g.status != GrantStatus::Sharing {
        g.share_id = Some(s.share_id);
        // An external share's libraries are whatever Plex says they are.
        if g.external && !same_set(&g.libraries, &s.section_ids) {
            g.libraries.clone_from(&s.section_ids);
        }
    }
    if g != before {
        g.updated_at = now;
        tx.put_grant(&g)?;
    }
    Ok(())
}

/// A grant for a share plexgate did not create: it counts as access and is never narrowed or
/// removed (unless the owner sets an expiry on it).
pub(crate) fn external_grant(s: &Share, now: UnixTime) -> Grant {
    Grant {
        plex_id: s.user_id,
        username: first_non_empty(&s.username, &s.user_id.to_string()),
        email: s.email.clone(),
        libraries: s.section_ids.clone(),
        status: share_status(s.accepted),
        external: true,
        share_id: Some(s.share_id),
        source: GrantSource::External,
        created_at: now,
        updated_at: now,
        ..Grant::default()
    }
}
