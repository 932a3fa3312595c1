//! Carrying a recorded grant out on plex.tv (plex-api.md §5.2a, §7): create the share, or on
//! "already sharing" find and update it — exactly for plexgate's own shares, only adding for
//! shares it did not create — and record the result (or the retry) with its event. The one
//! grant service: sign-in, users, requests and the reconciler all carry grants out through it.

use std::time::Duration;

use crate::access::users::share_status;
use crate::access::{Access, AccessError, Owner, OwnerStatus};
use crate::clock::secs;
use crate::clock::{Timing, UnixTime};
use crate::plex::{Invitee, PlexError, Share, SharingFlags};
use crate::store::{EventKind, Grant, GrantStatus, SharingOverrides};

use crate::access::signin::{same_set, union};

/// After this many failed attempts a grant is `failed` and the owner is told.
const MAX_ATTEMPTS: u32 = 10;

/// What plex.tv now holds for the grant.
#[derive(Debug, Clone)]
struct Applied {
    share_id: u64,
    accepted: bool,
    libraries: Vec<u64>,
    /// The share was not created by plexgate (so it only ever gains libraries).
    external: bool,
    created: bool,
}

/// The retry delay after `attempts` failures: `reconcile_backoff` doubling, capped.
pub(crate) fn backoff(timing: &Timing, attempts: u32) -> Duration {
    let factor = 2u32.saturating_pow(attempts.saturating_sub(1).min(20));
    timing
        .reconcile_backoff
        .saturating_mul(factor)
        .min(timing.reconcile_backoff_max)
}

/// The owner's `flags` with each flag `s` sets replaced.
fn with_overrides(mut flags: SharingFlags, s: SharingOverrides) -> SharingFlags {
    flags.allow_sync = s.allow_downloads.unwrap_or(flags.allow_sync);
    flags.allow_channels = s.allow_live_tv.unwrap_or(flags.allow_channels);
    flags.allow_camera_upload = s.allow_camera_upload.unwrap_or(flags.allow_camera_upload);
    flags
}

impl Access {
    /// Creates or updates the share of a `sharing` grant and records the outcome: `pending` /
    /// `accepted` with the share id, or `sharing` with a backoff, or `failed` after a refusal or
    /// too many attempts. Returns the grant as recorded.
    pub(crate) async fn push_share(
        &self,
        owner: &Owner,
        grant: &Grant,
        ip: Option<String>,
    ) -> Result<Grant, AccessError> {
        if !grant.share_attempted {
            self.mark_share_attempted(grant.plex_id).await?;
        }
        let result = self.apply_share(owner, grant).await;
        self.save_share_family().await;
        if let Err(e) = &result {
            tracing::warn!(plex_id = grant.plex_id, error = %e, "sharing failed");
            if e.is_unauthorized() {
                self.set_owner_status(OwnerStatus::TokenInvalid);
            }
        }
        let now = self.now();
        let timing = self.0.timing.clone();
        let base = self.event(EventKind::Share, "plexgate", Some(grant.plex_id), "", "");
        let plex_id = grant.plex_id;
        let recorded = self
            .write(move |tx| {
                let Some(mut g) = tx.get_grant(plex_id)? else {
                    return Err(crate::store::StoreError::NotFound);
                };
                let mut ev = base;
                ev.ip = ip;
                apply_result(&mut g, result, now, &timing, &mut ev);
                g.updated_at = now;
                tx.put_grant(&g)?;
                tx.append_event(ev)?;
                Ok(g)
            })
            .await?;
        self.after_share(&recorded);
        Ok(recorded)
    }

    async fn apply_share(&self, owner: &Owner, grant: &Grant) -> Result<Applied, PlexError> {
        if grant.share_id.is_some() {
            // Known share: read it (libraries, acceptance) and fit it; gone → create anew.
            if let Some(share) = self.find_share(owner, grant.plex_id).await? {
                return self.fit_share(owner, &share, grant, grant.external).await;
            }
        }
        let invitee = Invitee::Account {
            id: grant.plex_id,
            email: grant.email.clone(),
            username: grant.username.clone(),
        };
        let created = self
            .0
            .plex
            .create_share(
                &owner.token,
                &owner.machine_id,
                &invitee,
                &grant.libraries,
                self.sharing_flags_for(grant).await,
            )
            .await;
        match created {
            Ok(s) => Ok(Applied {
                share_id: s.share_id,
                accepted: s.accepted,
                libraries: grant.libraries.clone(),
                external: grant.external,
                created: true,
            }),
            Err(PlexError::AlreadySharing) => {
                let share = self
                    .find_share(owner, grant.plex_id)
                    .await?
                    .ok_or_else(|| {
                        PlexError::Protocol("plex.tv says already shared but lists no share".into())
                    })?;
                // Already sharing at plexgate's first attempt: someone else made this share.
                // After an earlier attempt whose answer was lost (a crash, a timeout: recorded
                // before it went out) it is plexgate's own.
                let attempted_before = grant.share_attempted || grant.attempts > 0;
                let external = grant.external || !attempted_before;
                self.fit_share(owner, &share, grant, external).await
            }
            Err(e) => Err(e),
        }
    }

    /// Records, durably and before anything goes to plex.tv, that a share write is about to be
    /// sent for this grant: if the answer is lost (plexgate killed, the answer timed out), the
    /// share plex.tv made is still known to be plexgate's. Nothing is sent when this fails.
    async fn mark_share_attempted(&self, plex_id: u64) -> Result<(), AccessError> {
        self.write(move |tx| {
            if let Some(mut g) = tx.get_grant(plex_id)? {
                g.share_attempted = true;
                tx.put_grant(&g)?;
            }
            Ok(())
        })
        .await
    }

    /// The flags for a new share: the owner's settings, overridden by the invite the grant came
    /// through, or by the allowlist entry (pinned to the account) it was made for.
    async fn sharing_flags_for(&self, grant: &Grant) -> SharingFlags {
        let flags = self.0.settings.sharing_flags();
        let invite_id = grant.invite_id;
        let from_entry = grant.source.from_entry();
        let plex_id = from_entry.then_some(grant.plex_id);
        if invite_id.is_none() && plex_id.is_none() {
            return flags;
        }
        let read = self
            .0
            .store
            .read(move |tx| {
                if let Some(id) = invite_id {
                    return Ok(tx.get_invite(id)?.map(|i| i.sharing));
                }
                let entries = tx.list_allow()?;
                Ok(entries
                    .into_iter()
                    .find(|e| e.plex_id == plex_id)
                    .map(|e| e.sharing))
            })
            .await;
        match read {
            Ok(Some(s)) => with_overrides(flags, s),
            Ok(None) => flags,
            Err(e) => {
                tracing::warn!(plex_id = grant.plex_id, error = %e, "reading the grant's sharing flags");
                flags
            }
        }
    }

    /// This account's share of the server, from the owner's listing.
    async fn find_share(&self, owner: &Owner, plex_id: u64) -> Result<Option<Share>, PlexError> {
        let shares = self
            .0
            .plex
            .list_shares(&owner.token, &owner.machine_id)
            .await?;
        Ok(shares.into_iter().find(|s| s.user_id == plex_id))
    }

    /// Brings an existing share to the grant: plexgate's own to exactly its libraries, someone
    /// else's only gains the missing ones (nothing is taken away, its settings are kept).
    async fn fit_share(
        &self,
        owner: &Owner,
        share: &Share,
        grant: &Grant,
        external: bool,
    ) -> Result<Applied, PlexError> {
        // Someone else's share keeps every setting; plexgate's own changes downloads only when
        // the share differs from the owner's setting. Nothing else is ever sent (§12).
        let (libraries, downloads) = if external {
            (union(&share.section_ids, &grant.libraries), None)
        } else {
            let wanted = self.0.settings.allow_downloads;
            (
                grant.libraries.clone(),
                (share.allow_sync != wanted).then_some(wanted),
            )
        };
        if !same_set(&libraries, &share.section_ids) {
            self.0
                .plex
                .update_share(
                    &owner.token,
                    &owner.machine_id,
                    share.share_id,
                    &libraries,
                    downloads,
                )
                .await?;
        }
        Ok(Applied {
            share_id: share.share_id,
            accepted: share.accepted,
            libraries,
            external,
            created: false,
        })
    }
}

/// Writes a share attempt's result into the grant and its event.
fn apply_result(
    g: &mut Grant,
    result: Result<Applied, PlexError>,
    now: UnixTime,
    timing: &Timing,
    ev: &mut crate::store::NewEvent,
) {
    // A share attempt supersedes a removal plex.tv never confirmed.
    g.removal = None;
    match result {
        Ok(a) => {
            g.share_id = Some(a.share_id);
            g.libraries = a.libraries;
            g.external = a.external;
            g.status = share_status(a.accepted);
            g.attempts = 0;
            g.next_attempt_at = None;
            g.last_error = None;
            ev.outcome = if a.created { "shared" } else { "updated" }.to_owned();
            ev.detail = format!("libraries {:?}", g.libraries);
        }
        // An owner token refused is retried too: it works again once the owner reconnects.
        Err(e) if (e.is_retryable() || e.is_unauthorized()) && g.attempts + 1 < MAX_ATTEMPTS => {
            g.attempts += 1;
            g.status = GrantStatus::Sharing;
            g.next_attempt_at = Some(now.saturating_add(secs(backoff(timing, g.attempts))));
            g.last_error = Some(e.to_string());
            ev.outcome = "retry".to_owned();
            ev.detail = format!("attempt {}: {e}", g.attempts);
        }
        Err(e) => {
            g.attempts = g.attempts.saturating_add(1);
            g.status = GrantStatus::Failed;
            g.next_attempt_at = None;
            g.last_error = Some(e.to_string());
            ev.kind = EventKind::GrantFailed;
            ev.outcome = "failed".to_owned();
            ev.detail = e.to_string();
        }
    }
}
