//! The owner's view of who has access (SPEC §3 users, §7 `/users`): plex.tv's shares of the
//! server joined with plexgate's grants, direct invites by username or email, library and expiry
//! changes, and removal. Every change goes through the one grant service (`push_share`,
//! `remove_grant`) that sign-ins and the reconciler use.

mod change;
mod invite;

pub use change::UserChange;
pub use invite::NewUser;

use super::{Access, AccessError, Owner, resolve_libraries};
use crate::clock::UnixTime;
use crate::config::LibraryRef;
use crate::plex::{PlexError, Share};
use crate::store::{Grant, GrantStatus, NewEvent, WriteTx};

/// Longest account (an email address cannot be longer than 254 characters).
const MAX_ACCOUNT_CHARS: usize = 254;
/// Longest access duration: ten years.
const MAX_ACCESS_DAYS: u32 = 3650;
/// Seconds in a day.
pub(crate) const DAY_SECS: i64 = 86_400;

/// One person with a share on the server or a grant, as the owner sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInfo {
    /// plex.tv account id.
    pub plex_id: u64,
    /// Plex username (may be empty when plex.tv did not say).
    pub username: String,
    /// Email, when known.
    pub email: Option<String>,
    /// plex.tv section ids: what the share holds, else what the grant wants.
    pub libraries: Vec<u64>,
    /// The grant's status, or the share's (`pending`/`accepted`) when nothing is recorded.
    pub status: GrantStatus,
    /// When plexgate first recorded the grant.
    pub joined_at: Option<UnixTime>,
    /// When access ends.
    pub expires_at: Option<UnixTime>,
    /// plexgate created (or adopted) the share and manages it.
    pub managed_by_plexgate: bool,
    /// `failed` because plexgate's removal is not confirmed by plex.tv (retried).
    pub removal_failed: bool,
}

impl UserInfo {
    /// The view of a grant alone.
    pub fn from_grant(g: &Grant) -> Self {
        Self {
            plex_id: g.plex_id,
            username: g.username.clone(),
            email: g.email.clone(),
            libraries: g.libraries.clone(),
            status: g.status,
            joined_at: Some(g.created_at),
            expires_at: g.expires_at,
            managed_by_plexgate: !g.external,
            removal_failed: g.status == GrantStatus::Failed && g.removal.is_some(),
        }
    }

    /// A share with its grant (a removed grant counts as none: the share was made again
    /// elsewhere).
    fn joined(s: &Share, grant: Option<&Grant>) -> Self {
        match grant.filter(|g| g.status != GrantStatus::Removed) {
            Some(g) => Self {
                username: first_non_empty(&s.username, &g.username),
                email: s.email.clone().or_else(|| g.email.clone()),
                libraries: s.section_ids.clone(),
                ..Self::from_grant(g)
            },
            None => Self {
                plex_id: s.user_id,
                username: s.username.clone(),
                email: s.email.clone(),
                libraries: s.section_ids.clone(),
                status: share_status(s.accepted),
                joined_at: None,
                expires_at: None,
                managed_by_plexgate: false,
                removal_failed: false,
            },
        }
    }
}

pub(crate) fn first_non_empty(a: &str, b: &str) -> String {
    if a.is_empty() { b } else { a }.to_owned()
}

/// A share's status as a grant's: `accepted` once the friend accepted, else `pending`.
pub(crate) fn share_status(accepted: bool) -> GrantStatus {
    if accepted {
        GrantStatus::Accepted
    } else {
        GrantStatus::Pending
    }
}

/// Every share of the server, plus every grant without one; sorted by username, then id.
pub(crate) fn join_users(shares: &[Share], grants: &[Grant]) -> Vec<UserInfo> {
    let mut users: Vec<UserInfo> = shares
        .iter()
        .map(|s| UserInfo::joined(s, grants.iter().find(|g| g.plex_id == s.user_id)))
        .collect();
    users.extend(
        grants
            .iter()
            .filter(|g| !shares.iter().any(|s| s.user_id == g.plex_id))
            .map(UserInfo::from_grant),
    );
    users.sort_by(|a, b| {
        (a.username.to_lowercase(), a.plex_id).cmp(&(b.username.to_lowercase(), b.plex_id))
    });
    users
}

/// Checks `access_days`: 1 to 3650 when given.
pub(crate) fn check_access_days(days: Option<u32>) -> Result<Option<u32>, AccessError> {
    crate::access::tools::check_days("access_days", days, MAX_ACCESS_DAYS)
}

/// The `Conflict` for `account` already on `list` as `dup` (named when written otherwise).
pub(crate) fn already_on(list: &str, account: &str, dup: &str) -> AccessError {
    let as_dup = if dup.eq_ignore_ascii_case(account) {
        String::new()
    } else {
        format!(" (as {dup})")
    };
    AccessError::Conflict(format!("{account} is already {list}{as_dup}"))
}

/// Trims and checks a Plex account (id, username or email); an all-digit one is also an id.
pub(crate) fn parse_account(raw: &str) -> Result<(String, Option<u64>), AccessError> {
    let account = raw.trim();
    if account.is_empty() {
        return Err(AccessError::Invalid(
            "account is empty: give a Plex account id, username or email".to_owned(),
        ));
    }
    if account.chars().count() > MAX_ACCOUNT_CHARS {
        return Err(AccessError::Invalid(format!(
            "account is longer than {MAX_ACCOUNT_CHARS} characters"
        )));
    }
    if account.chars().any(char::is_control) {
        return Err(AccessError::Invalid(
            "account contains control characters".to_owned(),
        ));
    }
    if !account.bytes().all(|b| b.is_ascii_digit()) {
        return Ok((account.to_owned(), None));
    }
    let id = account.parse::<u64>().map_err(|_| {
        AccessError::Invalid(format!("{account} is too large for a Plex account id"))
    })?;
    Ok((account.to_owned(), Some(id)))
}

impl Access {
    /// Everyone with a share on the server (from plex.tv) joined with plexgate's grants, plus
    /// grants without a share (being set up, failed, removed).
    pub async fn users(&self) -> Result<Vec<UserInfo>, AccessError> {
        let owner = self.owner().ok_or(AccessError::NotConfigured)?;
        let shares = self.owner_shares(&owner).await?;
        let grants = self.read(|tx| tx.list_grants()).await?;
        Ok(join_users(&shares, &grants))
    }

    /// Stores a grant and its event in one write.
    async fn save_grant(&self, grant: Grant, ev: NewEvent) -> Result<(), AccessError> {
        let write = move |tx: &mut WriteTx| {
            tx.put_grant(&grant)?;
            tx.append_event(ev).map(drop)
        };
        self.write(write).await
    }

    /// The server's shares from the owner's listing.
    pub(crate) async fn owner_shares(&self, owner: &Owner) -> Result<Vec<Share>, PlexError> {
        let shares = self
            .0
            .plex
            .list_shares(&owner.token, &owner.machine_id)
            .await?;
        self.save_share_family().await;
        Ok(shares)
    }

    /// A library set to share now: the given references resolved (at least one), or the default
    /// set when none are given. An empty default is refused: never "share everything".
    pub(crate) async fn library_set(
        &self,
        refs: Option<&[LibraryRef]>,
    ) -> Result<Vec<u64>, AccessError> {
        let ids = match refs {
            Some(refs) => {
                let sections = self.sections().await?;
                resolve_libraries(refs, &sections.sections)?
            }
            None => self.default_libraries().await?,
        };
        if ids.is_empty() {
            return Err(AccessError::Invalid(
                "no default library set yet: name the libraries, or set the default set first"
                    .to_owned(),
            ));
        }
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::store::GrantSource;

    fn share(user_id: u64, name: &str, accepted: bool) -> Share {
        Share {
            share_id: user_id + 1000,
            user_id,
            username: name.to_owned(),
            email: None,
            section_ids: vec![1, 2],
            accepted,
            allow_sync: false,
        }
    }

    fn grant(plex_id: u64, name: &str, status: GrantStatus, external: bool) -> Grant {
        Grant {
            plex_id,
            username: name.to_owned(),
            email: Some(format!("{name}@example.com")),
            libraries: vec![1],
            status,
            external,
            expires_at: Some(99),
            source: GrantSource::Admin,
            created_at: 7,
            updated_at: 7,
            ..Grant::default()
        }
    }

    #[test]
    fn shares_join_grants_and_grants_without_shares_are_listed() {
        let shares = [share(2, "bob", true), share(3, "Carol", false)];
        let grants = [
            grant(2, "bob", GrantStatus::Accepted, false),
            grant(4, "alice", GrantStatus::Sharing, false),
            grant(3, "carol", GrantStatus::Removed, false),
        ];
        let users = join_users(&shares, &grants);
        let names: Vec<&str> = users.iter().map(|u| u.username.as_str()).collect();
        assert_eq!(names, ["alice", "bob", "Carol"]);
        let bob = &users[1];
        assert_eq!(bob.libraries, [1, 2], "the share is what the server holds");
        assert_eq!(bob.email.as_deref(), Some("bob@example.com"));
        assert!(bob.managed_by_plexgate);
        assert_eq!((bob.joined_at, bob.expires_at), (Some(7), Some(99)));
        // A share made again after plexgate removed the grant is someone else's.
        let carol = &users[2];
        assert_eq!(carol.status, GrantStatus::Pending);
        assert!(!carol.managed_by_plexgate);
        assert_eq!(carol.joined_at, None);
        assert_eq!(users[0].status, GrantStatus::Sharing);
    }

    #[test]
    fn accounts_and_days_are_checked() {
        assert_eq!(parse_account(" 42 ").unwrap(), ("42".to_owned(), Some(42)));
        assert_eq!(parse_account("bob").unwrap().1, None);
        assert!(parse_account("").is_err());
        assert!(parse_account("a\u{7}").is_err());
        assert!(check_access_days(Some(0)).is_err());
        assert_eq!(check_access_days(Some(30)).unwrap(), Some(30));
    }
}
