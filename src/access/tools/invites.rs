//! Invite links (SPEC §1): `/i/{code}` with a random code of 128 bits, of which only the SHA-256
//! is stored. The code leaves plexgate once, in the answer to its creation.

use super::{check_days, check_note, describe_libraries};
use crate::access::users::{DAY_SECS, check_access_days};
use crate::access::{Access, AccessError};
use crate::config::LibraryRef;
use crate::crypto::{random_token, sha256_hex};
use crate::secret::Secret;
use crate::store::{EventKind, IdTable, Invite, SharingOverrides};

/// Random bytes in an invite code (SPEC §1: at least 128 bits).
const CODE_BYTES: usize = 16;
/// Longest invite lifetime.
const MAX_EXPIRES_DAYS: u32 = 365;

/// What the owner asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewInvite {
    /// How many accounts may use it (≥ 1); `None` is unlimited.
    pub max_uses: Option<u32>,
    /// Days until the link stops working (1..=365); `None` never.
    pub expires_in_days: Option<u32>,
    /// Titles or plex.tv section ids; `None` means the default set at grant time.
    pub libraries: Option<Vec<LibraryRef>>,
    /// How long a grant made through it lasts (1..=3650 days); `None` is forever.
    pub access_days: Option<u32>,
    /// A note for the owner (at most 500 characters).
    pub note: Option<String>,
    /// Sharing flags for shares made through it (each `None`: the owner's setting).
    pub sharing: SharingOverrides,
}

/// A fresh invite with its code: the only time the code exists outside the holder's hands.
#[derive(Debug, Clone)]
pub struct CreatedInvite {
    /// The stored record (hash only).
    pub invite: Invite,
    pub code: Secret,
    /// `{public_url}/i/{code}`: as secret as the code.
    pub url: Secret,
}

impl Access {
    /// Every invite link, oldest first, revoked ones included.
    pub async fn invites(&self) -> Result<Vec<Invite>, AccessError> {
        self.read(|tx| tx.list_invites()).await
    }

    /// Creates an invite link.
    pub async fn create_invite(
        &self,
        actor: &str,
        new: NewInvite,
    ) -> Result<CreatedInvite, AccessError> {
        if new.max_uses == Some(0) {
            return Err(AccessError::Invalid(
                "max_uses must be at least 1 (leave it out for unlimited uses)".to_owned(),
            ));
        }
        let expires_in = check_days("expires_in_days", new.expires_in_days, MAX_EXPIRES_DAYS)?;
        let access_days = check_access_days(new.access_days)?;
        let note = check_note(new.note)?;
        let libraries = self
            .resolve_optional_libraries(new.libraries.as_deref())
            .await?;
        let now = self.now();
        let code = random_token(CODE_BYTES);
        let mut invite = Invite {
            code_hash: sha256_hex(&code),
            max_uses: new.max_uses,
            expires_at: expires_in.map(|d| now + i64::from(d) * DAY_SECS),
            libraries,
            access_days,
            note,
            sharing: new.sharing,
            created_at: now,
            ..Invite::default()
        };
        let mut event = self.event(EventKind::InviteCreate, actor, None, "ok", String::new());
        let invite = self
            .write(move |tx| {
                invite.id = tx.next_id(IdTable::Invites)?;
                // Never the code: the event log is read by co-admins and scripts.
                event.detail = format!(
                    "invite {} (max uses: {}, expires in days: {}, libraries: {})",
                    invite.id,
                    invite
                        .max_uses
                        .map_or("unlimited".to_owned(), |m| m.to_string()),
                    expires_in.map_or("never".to_owned(), |d| d.to_string()),
                    describe_libraries(invite.libraries.as_deref()),
                );
                tx.put_invite(&invite)?;
                tx.append_event(event)?;
                Ok(invite)
            })
            .await?;
        let url = self.settings().public_url.join(&format!("/i/{code}"));
        Ok(CreatedInvite {
            invite,
            code: Secret::new(code),
            url: Secret::new(url),
        })
    }

    /// Revokes an invite link: it stays listed with `revoked: true`. An unknown id is `NotFound`;
    /// revoking twice changes nothing and records nothing more.
    pub async fn revoke_invite(&self, actor: &str, id: u64) -> Result<(), AccessError> {
        let event = self.event(
            EventKind::InviteRevoke,
            actor,
            None,
            "ok",
            format!("invite {id} revoked"),
        );
        self.write(move |tx| {
            let Some(mut invite) = tx.get_invite(id)? else {
                return Ok(Err(AccessError::NotFound(format!("invite {id}"))));
            };
            if !invite.revoked {
                invite.revoked = true;
                tx.put_invite(&invite)?;
                tx.append_event(event)?;
            }
            Ok(Ok(()))
        })
        .await?
    }
}
