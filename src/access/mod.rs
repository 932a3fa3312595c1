//! Decisions and grants (SPEC §1, §2, §4): who may join, what they get, and the one grant
//! service that the sign-in pages, the API and the reconciler share. Uses `store` and `plex`;
//! knows nothing of HTTP.

pub mod admin_link;
pub mod admins;
pub mod apps;
pub mod backups;
mod error;
pub mod events;
mod first_run;
pub mod flows;
mod grant;
mod hooks;
pub mod keys;
mod lookups;
pub mod model;
pub mod oidc;
pub mod owner;
mod owner_token;
pub mod reconcile;
pub mod requests;
pub mod sessions;
pub mod setup;
pub mod signin;
pub mod sso;
pub mod tools;
pub mod users;

pub use error::AccessError;
pub use hooks::Hooks;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use serde::{Serialize, de::DeserializeOwned};

use crate::clock::{SharedClock, Timing, UnixTime};
use crate::config::{LibraryRef, Policy, PublicUrl};
use crate::plex::{PlexClient, PlexServer, PlexUser, Section, Sections};
use crate::secret::Secret;
use crate::store::{EventKind, GrantStatus, NewEvent, ReadTx, Store, StoreError, WriteTx};
pub(crate) use crate::sync::lock;

/// What the access layer needs from the configuration.
#[derive(Debug, Clone)]
pub struct AccessSettings {
    /// `access.policy`.
    pub policy: Policy,
    /// `access.allow_downloads`: downloads (`allowSync`) on new shares.
    pub allow_downloads: bool,
    /// `access.allow_live_tv`: Live TV (`allowChannels`) on new shares.
    pub allow_live_tv: bool,
    /// `access.allow_camera_upload`: camera upload (`allowCameraUpload`) on new shares.
    pub allow_camera_upload: bool,
    /// `access.libraries`: the default set from config (titles or ids); wins over the stored one.
    pub libraries: Option<Vec<LibraryRef>>,
    /// The owner settings config sets (they win; the admin pages only show them).
    pub from_config: FromConfig,
    /// `plex.token`: the headless owner token.
    pub owner_token: Option<Secret>,
    /// `plex.server`: machine identifier or name.
    pub server: Option<String>,
    /// `reconcile.max_removals`.
    pub max_removals: u32,
    /// `server.public_url`: the only source of `forwardUrl` and invite URLs.
    pub public_url: PublicUrl,
}

/// Which owner settings config sets (`access.policy`, `access.allow_downloads`).
#[derive(Debug, Clone, Copy, Default)]
pub struct FromConfig {
    pub policy: bool,
    pub downloads: bool,
}

/// The resolved owner: who they are on plex.tv and which server is shared.
#[derive(Debug, Clone)]
pub struct Owner {
    /// The owner's token (kept in memory; stored only encrypted).
    pub token: Secret,
    /// The owner's plex.tv account id.
    pub plex_id: u64,
    /// The owner's Plex username (used to pick invites, plex-api.md §6.2).
    pub username: String,
    /// The owner's Plex display name (`title`), shown to friends.
    pub title: String,
    /// The owner's avatar address from plex.tv (`thumb`), if any.
    pub thumb: Option<String>,
    /// The shared server's machine identifier.
    pub machine_id: String,
    /// The shared server's name, shown to friends.
    pub server_name: String,
}

impl Owner {
    fn new(token: Secret, user: PlexUser, server: &PlexServer) -> Self {
        Self {
            token,
            plex_id: user.id,
            username: user.username,
            title: user.title,
            thumb: user.thumb,
            machine_id: server.machine_id.clone(),
            server_name: server.name.clone(),
        }
    }
}

/// Where the owner setup stands.
#[derive(Debug, Clone)]
pub enum OwnerStatus {
    /// No token configured and none stored: the setup link is waiting.
    NotConfigured,
    /// Configured, being resolved (plex.tv not reached yet, or retrying after `last_error`).
    Resolving {
        /// Why the last attempt failed, for the dashboard and `check`.
        last_error: Option<String>,
    },
    /// Ready to share.
    Ready(Arc<Owner>),
    /// plex.tv refused the owner token (401): the owner must reconnect.
    TokenInvalid,
    /// The stored owner token cannot be decrypted with this install's key file (a backup restored
    /// onto another install): the owner signs in with Plex once more to reconnect.
    NeedsReconnect,
    /// The configuration cannot work (server not found among the owner's servers, a library
    /// title that does not exist): shown to the owner, retried after the next change.
    Misconfigured(String),
}

/// A friend's token held in memory (never on disk) so the reconciler may retry the accept.
#[derive(Debug, Clone)]
pub struct HeldToken {
    /// The friend's plex.tv token for plexgate's client id.
    pub token: Secret,
    /// When it must be forgotten (and signed out).
    pub until: UnixTime,
}

/// Who a "Ask for access" token belongs to (verified at sign-in), held in memory for 10 minutes.
#[derive(Debug, Clone)]
pub struct RequestIdentity {
    /// plex.tv account id.
    pub plex_id: u64,
    pub username: String,
    /// Email, if the account has one.
    pub email: Option<String>,
    /// When the token stops working.
    pub until: UnixTime,
}

/// A refused sign-in kept in memory for 10 minutes, so reloading its page, or Back from
/// "Request sent", shows the same outcome (SPEC §2.3).
#[derive(Debug, Clone)]
pub struct Refusal {
    /// Plex username (named on the page).
    pub username: String,
    pub kind: RefusalKind,
    /// Forward auth: the app the sign-in was for (already validated).
    pub rd: Option<String>,
    /// "Ask for access" was sent from this refusal's page ("Request sent" shows it again).
    pub request_sent: bool,
    /// When the record is forgotten.
    pub until: UnixTime,
}

/// Which refusal a kept sign-in shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefusalKind {
    /// "Not on the list", with the "Ask for access" token while it works (`None` once used,
    /// or when a request was already open).
    NotAllowed {
        /// The one-use request token.
        request_token: Option<String>,
    },
    /// The invite link could not be used.
    InviteRefused(signin::InviteProblem),
    /// An admin sign-in by an account that is not an admin.
    NotAdmin,
}

/// A friend-facing summary of a grant, for "You're in" and `/me`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GrantView {
    /// The shared server's name.
    pub server_name: String,
    /// The shared libraries' titles (ids when a title is unknown).
    pub libraries: Vec<String>,
    /// When access ends, if it does.
    pub expires_at: Option<UnixTime>,
    pub status: GrantStatus,
}

/// The access service: cheap to clone.
#[derive(Debug, Clone)]
pub struct Access(Arc<Inner>);

/// The service's state; the submodules implement its methods.
#[derive(Debug)]
pub struct Inner {
    pub(crate) store: Store,
    pub(crate) plex: PlexClient,
    pub(crate) clock: SharedClock,
    pub(crate) timing: Timing,
    pub(crate) settings: AccessSettings,
    pub(crate) owner: RwLock<OwnerStatus>,
    /// Friends' tokens for accept retries, by plex id.
    pub(crate) held_tokens: Mutex<HashMap<u64, HeldToken>>,
    /// "Ask for access" tokens, by SHA-256 of the token.
    pub(crate) request_tokens: Mutex<HashMap<String, RequestIdentity>>,
    /// Refusals shown again on reload, by SHA-256 of the id in the browser's cookie.
    pub(crate) refusals: Mutex<HashMap<String, Refusal>>,
    /// Settings read on every public page or sign-in, kept in memory so those requests never
    /// wait on the store: the policy chosen in the admin pages (read once at start) and the
    /// page texts (read on first use). Writers update both the store and this.
    pub(crate) cached: Mutex<setup::SettingsCache>,
    /// Held while the owner is being resolved, so two resolutions never interleave.
    pub(crate) resolving: tokio::sync::Mutex<()>,
    /// Metrics and notifications.
    pub(crate) hooks: Hooks,
    /// The setup code and whether setup claimed the install.
    pub(crate) first_run: first_run::FirstRun,
    /// The owner whose token plex.tv refused, until it works again or the owner reconnects.
    pub(crate) suspended_owner: Mutex<Option<Arc<Owner>>>,
}

/// The settings key of the default library set (plex.tv section ids, `Vec<u64>`). A set from
/// `access.libraries` is resolved and written here when the owner is resolved, so there is one
/// place to read the effective set from.
pub const DEFAULT_LIBRARIES_KEY: &str = "default_libraries";

/// The settings key of the owner's Plex token stored by the setup wizard (a secret setting,
/// encrypted with the key file). `plex.token` from config wins over it.
pub const OWNER_TOKEN_KEY: &str = "owner_token";

/// The settings key of the shared server's machine identifier chosen in the setup wizard
/// (a `String`). `plex.server` from config wins over it.
pub const OWNER_SERVER_KEY: &str = "owner_server";

/// The settings key where the share family that worked is remembered (`"v1"` / `"v2"`).
pub const SHARE_FAMILY_KEY: &str = "share_family";

/// Resolves library references (plex.tv section ids or titles, case-insensitive) against the
/// server's sections. Unknown references are an error naming them; an empty result is an error
/// too, because plexgate never shares "everything" by accident.
pub fn resolve_libraries(
    refs: &[LibraryRef],
    sections: &[Section],
) -> Result<Vec<u64>, AccessError> {
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for r in refs {
        let found = match r {
            LibraryRef::Id(id) => sections.iter().find(|s| s.id == *id),
            LibraryRef::Title(t) => sections
                .iter()
                .find(|s| s.title.eq_ignore_ascii_case(t.trim())),
        };
        match found {
            Some(s) if !ids.contains(&s.id) => ids.push(s.id),
            Some(_) => {}
            None => unknown.push(match r {
                LibraryRef::Id(id) => id.to_string(),
                LibraryRef::Title(t) => format!("\"{t}\""),
            }),
        }
    }
    if !unknown.is_empty() {
        return Err(AccessError::Invalid(format!(
            "unknown libraries: {} (use a title or a plex.tv section id from the library list)",
            unknown.join(", ")
        )));
    }
    if ids.is_empty() {
        return Err(AccessError::Invalid(
            "choose at least one library: plexgate never shares everything by default".to_owned(),
        ));
    }
    Ok(ids)
}

/// `name` unless it is missing or blank, else `fallback` (a display name, a title).
pub(crate) fn name_or<'a>(name: Option<&'a str>, fallback: &'a str) -> &'a str {
    name.filter(|n| !n.trim().is_empty()).unwrap_or(fallback)
}

impl AccessSettings {
    /// The sharing flags of a new share (owner settings).
    pub fn sharing_flags(&self) -> crate::plex::SharingFlags {
        crate::plex::SharingFlags {
            allow_sync: self.allow_downloads,
            allow_channels: self.allow_live_tv,
            allow_camera_upload: self.allow_camera_upload,
        }
    }
}

impl Access {
    /// Builds the service, reporting to `hooks` (metrics, notifications). Nothing is contacted
    /// until [`Access::run_background`] or a call.
    pub fn with_hooks(
        store: Store,
        plex: PlexClient,
        clock: SharedClock,
        timing: Timing,
        settings: AccessSettings,
        hooks: Hooks,
    ) -> Self {
        let owner = if settings.owner_token.is_some() || owner::stored_owner_exists(&store) {
            OwnerStatus::Resolving { last_error: None }
        } else {
            OwnerStatus::NotConfigured
        };
        let cached = Mutex::new(setup::SettingsCache::load(&store));
        let first_run = first_run::FirstRun::new(&store, &owner);
        Self(Arc::new_cyclic(|me| {
            plex.on_owner_token(owner_token::listener(me.clone()));
            Inner {
                cached,
                first_run,
                store,
                plex,
                clock,
                timing,
                settings,
                owner: RwLock::new(owner),
                held_tokens: Mutex::new(HashMap::new()),
                request_tokens: Mutex::new(HashMap::new()),
                refusals: Mutex::new(HashMap::new()),
                resolving: tokio::sync::Mutex::new(()),
                hooks,
                suspended_owner: Mutex::new(None),
            }
        }))
    }

    /// The store (for read-only views elsewhere).
    pub fn store(&self) -> &Store {
        &self.0.store
    }

    /// A stored setting; `None` when unset.
    pub(crate) async fn setting<T: DeserializeOwned + Send + 'static>(
        &self,
        key: &str,
    ) -> Result<Option<T>, AccessError> {
        let key = key.to_owned();
        self.read(move |tx| tx.get_setting(&key)).await
    }

    /// Stores a setting, and its event when given, in one write.
    pub(crate) async fn save_setting<T: Serialize + Send + 'static>(
        &self,
        key: &'static str,
        value: T,
        event: Option<NewEvent>,
    ) -> Result<(), AccessError> {
        let write = move |tx: &mut WriteTx| {
            tx.put_setting(key, &value)?;
            event.map(|e| tx.append_event(e)).transpose().map(drop)
        };
        self.write(write).await
    }

    /// Runs `f` on a read snapshot of the store ([`Store::read`]).
    pub(crate) async fn read<R: Send + 'static>(
        &self,
        f: impl FnOnce(&ReadTx) -> Result<R, StoreError> + Send + 'static,
    ) -> Result<R, AccessError> {
        Ok(self.0.store.read(f).await?)
    }

    /// Runs `f` as one write transaction ([`Store::write`]).
    pub(crate) async fn write<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut WriteTx) -> Result<R, StoreError> + Send + 'static,
    ) -> Result<R, AccessError> {
        Ok(self.0.store.write(f).await?)
    }

    /// The plex.tv adapter.
    pub fn plex(&self) -> &PlexClient {
        &self.0.plex
    }

    /// Where "now" comes from.
    pub fn clock(&self) -> &SharedClock {
        &self.0.clock
    }

    /// Every interval and deadline.
    pub fn timing(&self) -> &Timing {
        &self.0.timing
    }

    /// The settings the service was built with.
    pub fn settings(&self) -> &AccessSettings {
        &self.0.settings
    }

    /// Where the owner setup stands.
    pub fn owner_status(&self) -> OwnerStatus {
        self.0
            .owner
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The owner, once resolved.
    pub fn owner(&self) -> Option<Arc<Owner>> {
        match self.owner_status() {
            OwnerStatus::Ready(o) => Some(o),
            _ => None,
        }
    }

    pub(crate) fn set_owner_status(&self, status: OwnerStatus) {
        let mut guard = self.0.owner.write().unwrap_or_else(PoisonError::into_inner);
        let before = std::mem::replace(&mut *guard, status.clone());
        drop(guard);
        if let OwnerStatus::Ready(o) = &status {
            self.0.plex.watch_owner_token(&o.token);
        }
        self.owner_token_changed(&before, &status);
        self.after_owner_status(&before, &status);
    }

    /// The shared server's sections (cached by the adapter); needs a resolved owner.
    pub async fn sections(&self) -> Result<Sections, AccessError> {
        let owner = self.owner().ok_or(AccessError::NotConfigured)?;
        Ok(self
            .0
            .plex
            .sections(&owner.token, &owner.machine_id)
            .await?)
    }

    /// The shared server's sections as the adapter last read them (memory only, no plex.tv
    /// call); `None` before the owner is resolved or the sections were read.
    pub fn cached_sections(&self) -> Option<Sections> {
        self.owner()
            .and_then(|o| self.0.plex.cached_sections(&o.machine_id))
    }

    /// Whether the store can read and write now (`/healthz`, SPEC §7).
    pub async fn store_healthy(&self) -> bool {
        if let Err(e) = self.0.store.read(|tx| tx.count_flows()).await {
            tracing::warn!(error = %e, "store check failed");
            return false;
        }
        self.0.store.writable().await
    }

    /// The effective default library set (empty until set in config or by the owner). Read on
    /// every welcome and invite page, so it comes from the store's memory while nothing was
    /// written since (issue 23).
    pub async fn default_libraries(&self) -> Result<Vec<u64>, AccessError> {
        let ids = self
            .0
            .store
            .setting::<Vec<u64>>(DEFAULT_LIBRARIES_KEY)
            .await?;
        Ok(ids.unwrap_or_default())
    }

    /// Now, from the injected clock.
    pub(crate) fn now(&self) -> UnixTime {
        self.0.clock.unix()
    }

    /// Appends an event stamped now, best effort: a failure is logged, never shown (the
    /// answer it records does not depend on it).
    pub async fn record(
        &self,
        kind: EventKind,
        actor: &str,
        plex_id: Option<u64>,
        ip: Option<String>,
        outcome: &str,
        detail: String,
    ) {
        let mut event = self.event(kind, actor, plex_id, outcome, detail);
        event.ip = ip;
        let written = self
            .0
            .store
            .write(move |tx| tx.append_event(event).map(drop));
        if let Err(e) = written.await {
            tracing::warn!(error = %e, kind = kind.as_str(), "recording an event failed");
        }
    }

    /// An event stamped now (the caller appends it inside its write transaction).
    pub(crate) fn event(
        &self,
        kind: EventKind,
        actor: &str,
        plex_id: Option<u64>,
        outcome: &str,
        detail: impl Into<String>,
    ) -> NewEvent {
        NewEvent::new(self.now(), kind, actor, plex_id, outcome, detail)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn sections() -> Vec<Section> {
        [(11, "1", "Movies"), (22, "2", "TV Shows")]
            .into_iter()
            .map(|(id, key, title)| Section {
                id,
                key: key.to_owned(),
                title: title.to_owned(),
                kind: "movie".to_owned(),
            })
            .collect()
    }

    #[test]
    fn libraries_resolve_by_id_or_title_and_never_to_everything() {
        let s = sections();
        let refs = [
            LibraryRef::Title("tv shows".into()),
            LibraryRef::Id(11),
            LibraryRef::Id(11),
        ];
        assert_eq!(resolve_libraries(&refs, &s).unwrap(), vec![22, 11]);
        let err = resolve_libraries(&[LibraryRef::Title("Anime".into())], &s).unwrap_err();
        assert!(err.to_string().contains("\"Anime\""));
        assert!(resolve_libraries(&[], &s).is_err());
        // A local key is not a plex.tv id.
        assert!(resolve_libraries(&[LibraryRef::Id(1)], &s).is_err());
    }
}
