//! Reading the audit log and the counts the status call shows (SPEC §7 `/events`, `/status`).

use super::{Access, AccessError};
use crate::store::{EventFilter, EventPage, GrantStatus, RequestStatus};

/// Largest page of events.
pub const MAX_EVENTS_PAGE: usize = 500;

/// Grants by status, open requests and usable invites.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub sharing: u64,
    pub pending: u64,
    pub accepted: u64,
    pub failed: u64,
    /// Of `failed`: removals plex.tv has not confirmed (the friend may still have access).
    pub removal_failed: u64,
    pub removed: u64,
    /// Requests waiting for the owner.
    pub open_requests: u64,
    /// Invite links that can still be used (not revoked, expired or used up).
    pub invites_in_use: u64,
}

impl Access {
    /// One page of events, newest first. `account` is a Plex account id, or a username or
    /// email known from a grant or a request (an unknown one matches nothing).
    pub async fn events_page(
        &self,
        before: Option<u64>,
        limit: usize,
        account: Option<String>,
        kind: Option<String>,
    ) -> Result<EventPage, AccessError> {
        let limit = limit.clamp(1, MAX_EVENTS_PAGE);
        self.read(move |tx| {
            let plex_id = match account.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(a) => match a.parse::<u64>() {
                    Ok(id) => Some(id),
                    Err(_) => {
                        let named = |u: &str, e: Option<&str>| {
                            u.eq_ignore_ascii_case(a)
                                || e.is_some_and(|e| e.eq_ignore_ascii_case(a))
                        };
                        let grant = tx
                            .list_grants()?
                            .into_iter()
                            .find(|g| named(&g.username, g.email.as_deref()));
                        let found = match grant {
                            Some(g) => Some(g.plex_id),
                            None => tx
                                .list_requests()?
                                .into_iter()
                                .find(|r| named(&r.username, r.email.as_deref()))
                                .map(|r| r.plex_id),
                        };
                        match found {
                            Some(id) => Some(id),
                            None => return Ok(EventPage::default()),
                        }
                    }
                },
            };
            let filter = EventFilter {
                plex_id,
                kind: kind.filter(|k| !k.trim().is_empty()),
            };
            tx.events_page(before, limit, &filter)
        })
        .await
    }

    /// Grant counts by status, open requests and invites in use.
    pub async fn counts(&self) -> Result<Counts, AccessError> {
        let now = self.now();
        self.read(move |tx| {
            let mut c = Counts::default();
            for g in tx.list_grants()? {
                let n = match g.status {
                    GrantStatus::Sharing => &mut c.sharing,
                    GrantStatus::Pending => &mut c.pending,
                    GrantStatus::Accepted => &mut c.accepted,
                    GrantStatus::Failed => &mut c.failed,
                    GrantStatus::Removed => &mut c.removed,
                };
                *n += 1;
                if g.status == GrantStatus::Failed && g.removal.is_some() {
                    c.removal_failed += 1;
                }
            }
            let open = tx.list_requests()?.into_iter();
            c.open_requests = open.filter(|r| r.status == RequestStatus::Open).count() as u64;
            c.invites_in_use = tx
                .list_invites()?
                .into_iter()
                .filter(|i| {
                    !i.revoked
                        && i.expires_at.is_none_or(|t| t > now)
                        && i.max_uses.is_none_or(|m| i.uses < m)
                })
                .count() as u64;
            Ok(c)
        })
        .await
    }
}
