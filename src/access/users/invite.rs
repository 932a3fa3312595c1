//! The owner invites someone directly by username, email or account id (SPEC §7 `POST /users`).
//! plex.tv resolves the name; its answer names the account, and the grant (`GrantSource::Admin`,
//! `pending`) is recorded with its event. The friend accepts from Plex's email.

use super::{DAY_SECS, UserInfo, check_access_days, first_non_empty, parse_account, share_status};
use crate::access::{Access, AccessError, Owner};
use crate::clock::UnixTime;
use crate::config::LibraryRef;
use crate::plex::{Invitee, PlexError, Share};
use crate::store::{EventKind, Grant, GrantSource, GrantStatus};

/// What the owner asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewUser {
    /// Plex username, email, or account id.
    pub account: String,
    /// Titles or plex.tv section ids; `None` is the default set.
    pub libraries: Option<Vec<LibraryRef>>,
    /// Days of access (1..=3650); `None` is forever.
    pub access_days: Option<u32>,
}

/// Whether a share or grant names `account` (id, username or email; any case).
fn names(
    account: &str,
    id: Option<u64>,
    plex_id: u64,
    username: &str,
    email: Option<&str>,
) -> bool {
    id == Some(plex_id)
        || username.eq_ignore_ascii_case(account)
        || email.is_some_and(|e| e.eq_ignore_ascii_case(account))
}

/// The answer to a plex.tv failure while inviting.
fn invite_error(account: &str, e: PlexError) -> AccessError {
    match e {
        PlexError::AlreadySharing => {
            AccessError::Conflict(format!("the server is already shared with {account}"))
        }
        PlexError::Refused { message, .. } => {
            AccessError::Invalid(format!("plex.tv did not accept {account}: {message}"))
        }
        PlexError::Gone => AccessError::Conflict(
            "plex.tv no longer takes invites by username or email here; invite by Plex account \
             id instead"
                .to_owned(),
        ),
        other => AccessError::Plex(other),
    }
}

/// The grant recording a direct invite: plexgate's own, `GrantSource::Admin`.
fn invited_grant(share: &Share, account: &str, access_days: Option<u32>, now: UnixTime) -> Grant {
    Grant {
        plex_id: share.user_id,
        username: first_non_empty(&share.username, account),
        email: share
            .email
            .clone()
            .or_else(|| account.contains('@').then(|| account.to_owned())),
        libraries: share.section_ids.clone(),
        status: share_status(share.accepted),
        share_id: Some(share.share_id),
        expires_at: access_days.map(|d| now.saturating_add(i64::from(d) * DAY_SECS)),
        source: GrantSource::Admin,
        created_at: now,
        updated_at: now,
        ..Grant::default()
    }
}

impl Access {
    /// Shares the server with `account` and records the grant. An account that already has a
    /// share or a live grant is a `Conflict` (change it with [`Access::update_user`]): inviting
    /// twice never makes a second share.
    pub async fn invite_user(&self, actor: &str, new: NewUser) -> Result<UserInfo, AccessError> {
        let (account, id) = parse_account(&new.account)?;
        let access_days = check_access_days(new.access_days)?;
        let owner = self.owner().ok_or(AccessError::NotConfigured)?;
        let libraries = self.library_set(new.libraries.as_deref()).await?;
        if id == Some(owner.plex_id) || names(&account, None, 0, &owner.username, None) {
            return Err(AccessError::Invalid(
                "that is the owner's own account".to_owned(),
            ));
        }
        self.refuse_existing(&owner, &account, id).await?;
        let share = self
            .create_for(&owner, &account, id, &libraries)
            .await
            .map_err(|e| invite_error(&account, e))?;
        let now = self.now();
        let grant = invited_grant(&share, &account, access_days, now);
        let detail = format!("invited {account}: libraries {:?}", grant.libraries);
        let ev = self.event(
            EventKind::Share,
            actor,
            Some(grant.plex_id),
            "shared",
            detail,
        );
        self.save_grant(grant.clone(), ev).await?;
        Ok(UserInfo::from_grant(&grant))
    }

    /// A share of the server or a live grant for the account is a conflict.
    async fn refuse_existing(
        &self,
        owner: &Owner,
        account: &str,
        id: Option<u64>,
    ) -> Result<(), AccessError> {
        let shares = self.owner_shares(owner).await?;
        let listed = shares
            .iter()
            .find(|s| names(account, id, s.user_id, &s.username, s.email.as_deref()))
            .map(|s| s.user_id);
        let grants = self.read(|tx| tx.list_grants()).await?;
        let recorded = grants
            .iter()
            .filter(|g| g.status != GrantStatus::Removed)
            .find(|g| names(account, id, g.plex_id, &g.username, g.email.as_deref()))
            .map(|g| g.plex_id);
        match listed.or(recorded) {
            Some(plex_id) => Err(AccessError::Conflict(format!(
                "{account} already has access (Plex account {plex_id}); change it with \
                 PATCH /api/v1/users/{plex_id}"
            ))),
            None => Ok(()),
        }
    }

    async fn create_for(
        &self,
        owner: &Owner,
        account: &str,
        id: Option<u64>,
        libraries: &[u64],
    ) -> Result<Share, PlexError> {
        let plex = &self.0.plex;
        let flags = self.0.settings.sharing_flags();
        let result = match id {
            Some(id) => {
                let invitee = Invitee::Account {
                    id,
                    email: None,
                    username: String::new(),
                };
                plex.create_share(&owner.token, &owner.machine_id, &invitee, libraries, flags)
                    .await
            }
            None => {
                plex.create_share_for_email(
                    &owner.token,
                    &owner.machine_id,
                    account,
                    libraries,
                    flags,
                )
                .await
            }
        };
        self.save_share_family().await;
        result
    }
}
