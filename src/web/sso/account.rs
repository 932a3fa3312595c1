//! The facts a check needs, gathered with no disk write: the account session (memory first,
//! `access` on a miss), who the account is (owner from memory; co-admin and grant from one
//! read in `access`), the apps (config + admin-managed) and the `users` pins.

use std::collections::HashMap;
use std::sync::Arc;

use axum::http::HeaderMap;

use super::state::{Cached, Profile};
use crate::access::AccessError;
use crate::access::model::{EventKind, PlexUser};
use crate::access::sessions::{expired as session_expired, touch_every};
use crate::access::sso::{AppEntry, AppSource, Who, passes, user_entry_names};
use crate::clock::Timing;
use crate::config::SsoApp;
use crate::crypto::sha256_hex;
use crate::web::AppState;
use crate::web::cookies::{self, Which};

/// Whether a cached session has ended at `now`: the store's rule, judged on its exact last use.
pub fn expired(c: &Cached, now: i64, timing: &Timing) -> bool {
    let mut s = c.session.clone();
    s.last_seen_at = s.last_seen_at.max(c.last_use);
    session_expired(&s, now, timing)
}

/// The live account session behind the request's account cookie. Counts as use.
pub async fn account(state: &AppState, headers: &HeaderMap) -> Result<Option<Cached>, AccessError> {
    let Some(id) = cookies::get(headers, &state.config, Which::Account) else {
        return Ok(None);
    };
    let hash = sha256_hex(&id);
    let now = state.access.clock().unix();
    // `cached` is the session as it stood before this use, so idle expiry is judged on it.
    let (cached, fresh) = match state.sso.touch(&hash, now) {
        Some(c) => (c, false),
        None => match state.access.account_session(&hash).await? {
            Some((session, profile)) => (
                Cached {
                    last_use: session.last_seen_at,
                    session,
                    profile,
                },
                true,
            ),
            None => return Ok(None),
        },
    };
    if expired(&cached, now, state.access.timing()) {
        state.sso.forget(&hash);
        return Ok(None);
    }
    if fresh {
        let mut used = cached.clone();
        used.last_use = now.max(used.last_use);
        state
            .sso
            .insert(&hash, used, |c| expired(c, now, state.access.timing()));
    }
    write_back(state, &hash, &cached, now);
    Ok(Some(cached))
}

/// Writes the last use to the store in the background, at most every 5 minutes (or a quarter
/// of the idle limit, if shorter), and never resurrects a session ended meanwhile.
fn write_back(state: &AppState, hash: &str, c: &Cached, now: i64) {
    let every = touch_every(state.access.timing().session_idle).max(1);
    if now.saturating_sub(c.session.last_seen_at) < every {
        return;
    }
    state.sso.mark_written(hash, now);
    state.access.write_last_use(hash, now);
}

/// Every app: config entries first, then the admin-managed ones (loaded once).
pub async fn apps(state: &AppState) -> Result<Vec<AppEntry>, AccessError> {
    let stored = async {
        let apps = state.access.stored_apps().await?;
        Ok::<_, AccessError>(entries(apps, AppSource::Admin))
    };
    let admin = state.sso.admin_apps.get_or_load(stored).await?;
    let mut all = entries(state.config.sso.apps.iter().cloned(), AppSource::Config);
    all.extend(admin.iter().cloned());
    Ok(all)
}

/// `apps` as entries from `source`.
pub fn entries(apps: impl IntoIterator<Item = SsoApp>, source: AppSource) -> Vec<AppEntry> {
    apps.into_iter()
        .map(|app| AppEntry { app, source })
        .collect()
}

/// The `users` pins (loaded once).
pub async fn pins(state: &AppState) -> Result<Arc<HashMap<String, u64>>, AccessError> {
    state.sso.pins.get_or_load(state.access.stored_pins()).await
}

/// Whether `who` passes `app` (or `sso.default_allow` when `app` is `None`).
pub fn passes_app(
    state: &AppState,
    app: Option<&AppEntry>,
    who: &Who,
    pins: &HashMap<String, u64>,
) -> bool {
    let (rule, users, libraries) = match app {
        Some(a) => (a.app.allow, &a.app.users[..], &a.app.libraries[..]),
        None => (state.config.sso.default_allow, &[][..], &[][..]),
    };
    let titles = super::titles::for_rule(state, libraries);
    let pin_of = |e: &str| pins.get(&e.trim().to_ascii_lowercase()).copied();
    let title_id = |t: &str| titles.get(&super::titles::key(t)).copied();
    passes(rule, users, libraries, who, &pin_of, &title_id)
}

/// At sign-in: keeps the profile for the identity headers and pins every unpinned `users`
/// entry naming this account (like the allowlist, SPEC §8).
pub async fn remember(state: &AppState, user: &PlexUser) -> Result<(), AccessError> {
    let profile = profile_of(user);
    let who = Who {
        plex_id: user.id,
        username: user.username.clone(),
        email: user.email.clone(),
        ..Who::default()
    };
    let current = pins(state).await?;
    let mut new_pins = (*current).clone();
    for entry in apps(state).await?.iter().flat_map(|a| a.app.users.iter()) {
        let key = entry.trim().to_ascii_lowercase();
        if !new_pins.contains_key(&key) && user_entry_names(entry, None, &who) {
            new_pins.insert(key, user.id);
        }
    }
    let changed = new_pins.len() != current.len();
    let to_store = changed.then(|| new_pins.clone());
    state
        .access
        .keep_profile(user.id, profile, to_store)
        .await?;
    if changed {
        state.sso.pins.set(new_pins);
    }
    state.sso.forget_account(user.id);
    Ok(())
}

/// The profile kept for `user`.
pub fn profile_of(user: &PlexUser) -> Profile {
    Profile {
        username: user.username.clone(),
        title: user.title.clone(),
        email: user.email.clone(),
        email_verified: user.email_confirmed,
        picture: user.thumb.clone(),
    }
}

/// Ends every session (account and admin) of an account, effective on the next check.
pub async fn end_sessions(state: &AppState, plex_id: u64) -> Result<usize, AccessError> {
    let n = state.access.end_sessions_of(plex_id).await?;
    state.sso.forget_account(plex_id);
    Ok(n)
}

/// Appends an SSO event; a failure is logged, never shown (the answer does not depend on it).
pub async fn record(
    state: &AppState,
    kind: EventKind,
    who: Option<(&str, u64)>,
    ip: Option<String>,
    outcome: &str,
    detail: String,
) {
    let (actor, plex_id) = who.map_or(("", None), |(u, id)| (u, Some(id)));
    state
        .access
        .record(kind, actor, plex_id, ip, outcome, detail)
        .await;
}

/// An app on `/me`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AppLink {
    /// Display name.
    pub name: String,
    /// `scheme://host{path}`.
    pub href: String,
}

/// The apps (exact hosts only: a wildcard names no one place) this account may open now.
pub async fn apps_for(state: &AppState, plex_id: u64, username: &str) -> Vec<AppLink> {
    if !state.config.sso.enabled {
        return Vec::new();
    }
    let profile = state.access.profile(plex_id).await.ok().flatten();
    let profile = profile.unwrap_or_else(|| Profile {
        username: username.to_owned(),
        ..Profile::default()
    });
    let (Ok(all), Ok(pins), Ok(who)) = (
        apps(state).await,
        pins(state).await,
        state.access.who(plex_id, &profile).await,
    ) else {
        return Vec::new();
    };
    let scheme = if state.config.server.public_url.is_https() {
        "https"
    } else {
        "http"
    };
    all.iter()
        .filter(|a| !a.app.host.trim().starts_with("*."))
        .filter(|a| passes_app(state, Some(a), &who, &pins))
        .map(|a| AppLink {
            name: a.display_name().to_owned(),
            href: format!(
                "{scheme}://{}{}",
                a.app.host.trim(),
                a.app.path.as_deref().unwrap_or("/")
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::model::{Session, SessionKind};
    use crate::clock::secs;
    use crate::web::sso::SsoState;

    fn cached(last_seen_at: i64, last_use: i64) -> Cached {
        let session = Session {
            kind: SessionKind::Account,
            plex_id: 7,
            username: "friend".into(),
            created_at: 0,
            last_seen_at,
            csrf: String::new(),
        };
        let profile = Profile::default();
        Cached {
            session,
            profile,
            last_use,
        }
    }

    #[test]
    fn the_sweep_drops_expired_cached_sessions_only() {
        let timing = Timing::default();
        let now = secs(timing.session_idle) + 10;
        let sso = SsoState::default();
        sso.insert("idle", cached(0, 5), |_| false);
        sso.insert("used", cached(0, 20), |_| false);
        sso.sweep(now, |c| expired(c, now, &timing));
        assert!(sso.touch("idle", now).is_none());
        assert!(sso.touch("used", now).is_some());
    }
}
