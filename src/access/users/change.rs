//! Changing and removing one person's access (SPEC §7 `PATCH`/`DELETE /users/{plex_id}`).
//! plexgate's own grants take exactly the libraries asked for; an external grant only gains
//! libraries, unless an expiry is set on it, which adopts it. Removal deletes this server's
//! share on plex.tv (external ones too: the owner asked explicitly) and records it.

use super::UserInfo;
use crate::access::reconcile::external_grant;
use crate::access::signin::{same_set, union};
use crate::access::{Access, AccessError, Owner};
use crate::clock::{UnixTime, rfc3339};
use crate::config::LibraryRef;
use crate::store::{EventKind, Grant, GrantStatus};

/// What the owner changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserChange {
    /// The new library set (titles or plex.tv section ids, at least one).
    pub libraries: Option<Vec<LibraryRef>>,
    /// `Some(None)` clears the expiry; `Some(Some(t))` sets it (and adopts an external grant).
    pub expires_at: Option<Option<UnixTime>>,
}

/// Applies a change to a grant; true when anything changed.
fn apply(g: &mut Grant, libraries: Option<Vec<u64>>, expires_at: Option<Option<UnixTime>>) -> bool {
    let before = g.clone();
    if let Some(ids) = libraries {
        let wanted = if g.external {
            union(&g.libraries, &ids)
        } else {
            ids
        };
        if !same_set(&wanted, &g.libraries) || g.status == GrantStatus::Failed {
            g.libraries = wanted;
            g.status = GrantStatus::Sharing;
            g.attempts = 0;
            g.next_attempt_at = None;
            // Sharing again supersedes a removal that plex.tv did not confirm.
            g.removal = None;
        }
    }
    if let Some(exp) = expires_at {
        g.expires_at = exp;
        if exp.is_some() {
            g.external = false;
        }
    }
    *g != before
}

fn describe(g: &Grant) -> String {
    format!(
        "libraries {:?}, expires {}{}",
        g.libraries,
        g.expires_at.map_or("never".to_owned(), rfc3339),
        if g.external { ", external" } else { "" }
    )
}

impl Access {
    /// Changes one account's libraries and/or expiry and carries the libraries out on plex.tv.
    /// An account with neither a grant nor a share is `NotFound`.
    pub async fn update_user(
        &self,
        actor: &str,
        plex_id: u64,
        change: UserChange,
    ) -> Result<UserInfo, AccessError> {
        let owner = self.owner().ok_or(AccessError::NotConfigured)?;
        let libraries = match change.libraries.as_deref() {
            Some(refs) => Some(self.library_set(Some(refs)).await?),
            None => None,
        };
        let mut g = self.grant_for_change(&owner, plex_id, actor).await?;
        if !apply(&mut g, libraries, change.expires_at) {
            return Ok(UserInfo::from_grant(&g));
        }
        g.updated_at = self.now();
        let ev = self.event(
            EventKind::UserUpdate,
            actor,
            Some(plex_id),
            "ok",
            describe(&g),
        );
        self.save_grant(g.clone(), ev).await?;
        if g.status == GrantStatus::Sharing {
            g = self.push_share(&owner, &g, None).await?;
        }
        Ok(UserInfo::from_grant(&g))
    }

    /// Removes one account's share of this server on plex.tv (one per-share DELETE) and records
    /// the grant `removed`.
    pub async fn remove_user(&self, actor: &str, plex_id: u64) -> Result<(), AccessError> {
        let owner = self.owner().ok_or(AccessError::NotConfigured)?;
        let g = self.grant_for_change(&owner, plex_id, actor).await?;
        self.remove_grant(&owner, &g, EventKind::Remove, actor)
            .await
    }

    /// The live grant of `plex_id`, brought up to date with the share plex.tv lists (its id, and
    /// an external share's libraries). A share nobody recorded is adopted as an external grant
    /// first, with its event. Neither a live grant nor a share: `NotFound`.
    async fn grant_for_change(
        &self,
        owner: &Owner,
        plex_id: u64,
        actor: &str,
    ) -> Result<Grant, AccessError> {
        let shares = self.owner_shares(owner).await?;
        let share = shares.into_iter().find(|s| s.user_id == plex_id);
        let now = self.now();
        let detail = share
            .as_ref()
            .map(|s| format!("share {} with libraries {:?}", s.share_id, s.section_ids))
            .unwrap_or_default();
        let ev = self.event(EventKind::Adopt, actor, Some(plex_id), "external", detail);
        let found = self
            .write(move |tx| {
                let live = tx
                    .get_grant(plex_id)?
                    .filter(|g| g.status != GrantStatus::Removed);
                let g = match (live, share) {
                    (Some(mut g), Some(s)) => {
                        g.share_id = Some(s.share_id);
                        if g.external {
                            g.libraries = s.section_ids;
                        }
                        g
                    }
                    (Some(g), None) => g,
                    (None, Some(s)) => {
                        let g = external_grant(&s, now);
                        tx.put_grant(&g)?;
                        tx.append_event(ev)?;
                        g
                    }
                    (None, None) => return Ok(None),
                };
                Ok(Some(g))
            })
            .await?;
        found.ok_or_else(|| AccessError::NotFound(format!("user {plex_id}")))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::store::GrantSource;

    fn grant(external: bool) -> Grant {
        Grant {
            plex_id: 5,
            username: "dave".to_owned(),
            email: None,
            libraries: vec![1, 2],
            status: GrantStatus::Accepted,
            external,
            share_id: Some(9),
            source: GrantSource::External,
            ..Grant::default()
        }
    }

    #[test]
    fn external_grants_only_gain_libraries_until_an_expiry_adopts_them() {
        let mut ext = grant(true);
        assert!(apply(&mut ext, Some(vec![3]), None));
        assert_eq!(ext.libraries, [1, 2, 3]);
        assert_eq!(ext.status, GrantStatus::Sharing);
        assert!(ext.external);
        assert!(apply(&mut ext, None, Some(Some(100))));
        assert!(!ext.external);

        let mut own = grant(false);
        assert!(apply(&mut own, Some(vec![3]), None));
        assert_eq!(own.libraries, [3]);
        let mut same = grant(false);
        assert!(!apply(&mut same, Some(vec![2, 1]), None));
        assert_eq!(same.status, GrantStatus::Accepted);
        assert!(!apply(&mut same, None, Some(None)));
    }
}
