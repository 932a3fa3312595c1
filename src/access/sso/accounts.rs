//! Forward auth's stored facts (SPEC §8): an account session with the profile kept at sign-in,
//! who the account is (co-admin, active grant), the admin-managed apps and the `users` pins.
//! The web layer caches them in memory; these are the reads and writes behind that cache.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::Who;
use crate::access::signin::is_active;
use crate::access::{Access, AccessError};
use crate::config::SsoApp;
use crate::store::{Session, SessionKind};

/// The settings key of the admin-managed apps.
pub const APPS_KEY: &str = "sso_apps";
/// The settings key of the `users` pins (entry text lowercased -> Plex account id).
pub const PINS_KEY: &str = "sso_user_pins";
/// The settings key prefix of account profiles (`sso_profile:{plex_id}`).
pub const PROFILE_PREFIX: &str = "sso_profile:";

/// What the identity headers need beyond the session: kept at sign-in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub username: String,
    /// Plex title (display name).
    #[serde(default)]
    pub title: String,
    /// Email, when the account has one.
    #[serde(default)]
    pub email: Option<String>,
    /// plex.tv said the email is confirmed (OIDC `email_verified`).
    #[serde(default)]
    pub email_verified: bool,
    /// Avatar URL (OIDC `picture`).
    #[serde(default)]
    pub picture: Option<String>,
}

fn profile_key(plex_id: u64) -> String {
    format!("{PROFILE_PREFIX}{plex_id}")
}

impl Access {
    /// The stored account session with this id hash and its account's profile (a profile
    /// made of the username when none was kept). `None` for no session or an admin one.
    pub async fn account_session(
        &self,
        hash: &str,
    ) -> Result<Option<(Session, Profile)>, AccessError> {
        let h = hash.to_owned();
        let found = self
            .read(move |tx| {
                let Some(s) = tx.get_session(&h)? else {
                    return Ok(None);
                };
                let p: Option<Profile> = tx.get_setting(&profile_key(s.plex_id))?;
                Ok(Some((s, p)))
            })
            .await?;
        Ok(found
            .filter(|(s, _)| s.kind == SessionKind::Account)
            .map(|(session, profile)| {
                let profile = profile.unwrap_or_else(|| Profile {
                    username: session.username.clone(),
                    ..Profile::default()
                });
                (session, profile)
            }))
    }

    /// Writes a session's last use in the background; never resurrects a session ended
    /// meanwhile. A failure is logged (the check's answer does not depend on it).
    pub fn write_last_use(&self, hash: &str, now: i64) {
        let (store, hash) = (self.0.store.clone(), hash.to_owned());
        tokio::spawn(async move {
            let result = store
                .write(move |tx| {
                    if let Some(mut s) = tx.get_session(&hash)? {
                        s.last_seen_at = s.last_seen_at.max(now);
                        tx.put_session(&hash, &s)?;
                    }
                    Ok(())
                })
                .await;
            if let Err(e) = result {
                tracing::warn!(error = %e, "writing a session's last use failed");
            }
        });
    }

    /// The profile kept for an account at its last sign-in.
    pub async fn profile(&self, plex_id: u64) -> Result<Option<Profile>, AccessError> {
        self.setting(&profile_key(plex_id)).await
    }

    /// Who the account is right now: owner from memory, co-admin and active grant from one
    /// read of the store.
    pub async fn who(&self, plex_id: u64, profile: &Profile) -> Result<Who, AccessError> {
        let owner = self.owner().is_some_and(|o| o.plex_id == plex_id);
        let now = self.now();
        let (co_admin, grant) = self
            .read(move |tx| {
                let co_admin = tx.list_admins()?.iter().any(|a| a.plex_id == Some(plex_id));
                let grant = tx.get_grant(plex_id)?.filter(|g| is_active(g, now));
                Ok((co_admin, grant.map(|g| g.libraries)))
            })
            .await?;
        Ok(Who {
            plex_id,
            username: profile.username.clone(),
            email: profile.email.clone(),
            owner,
            co_admin,
            active_grant: grant,
        })
    }

    /// The admin-managed apps as stored.
    pub async fn stored_apps(&self) -> Result<Vec<SsoApp>, AccessError> {
        Ok(self.setting(APPS_KEY).await?.unwrap_or_default())
    }

    /// The `users` pins as stored.
    pub async fn stored_pins(&self) -> Result<HashMap<String, u64>, AccessError> {
        Ok(self.setting(PINS_KEY).await?.unwrap_or_default())
    }

    /// At sign-in: keeps the account's profile and, when given, the new `users` pins.
    pub async fn keep_profile(
        &self,
        plex_id: u64,
        profile: Profile,
        pins: Option<HashMap<String, u64>>,
    ) -> Result<(), AccessError> {
        let key = profile_key(plex_id);
        self.write(move |tx| {
            tx.put_setting(&key, &profile)?;
            if let Some(pins) = &pins {
                tx.put_setting(PINS_KEY, pins)?;
            }
            Ok(())
        })
        .await
    }
}
