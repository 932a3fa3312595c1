//! Claiming the install (SPEC §3 first run): the first account to finish a `setup` flow while
//! no owner exists becomes the owner; its token is stored encrypted with the key file (never
//! shown again); then the owner picks the server among their owned servers, the default
//! libraries and the access policy. The same flow reconnects Plex later, for that owner only.

use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{
    Access, AccessError, DEFAULT_LIBRARIES_KEY, OWNER_SERVER_KEY, OWNER_TOKEN_KEY, Owner,
    OwnerStatus, lock, resolve_libraries,
};
use crate::config::{LibraryRef, Policy};
use crate::plex::avatar::Avatar;
use crate::plex::{PlexServer, PlexUser};
use crate::secret::Secret;
use crate::store::{EventKind, NewEvent, Store};

/// The settings key of the account that claimed the install ([`ClaimedBy`]).
pub const OWNER_ACCOUNT_KEY: &str = "owner_account";
/// The settings key of the policy chosen in the admin pages (config's `access.policy` wins).
pub const POLICY_KEY: &str = "access_policy";

/// Who claimed the install.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimedBy {
    /// plex.tv account id.
    pub plex_id: u64,
    /// Plex username at the time.
    pub username: String,
}

/// What a `setup` flow's sign-in did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// Nobody owned the install: this account now does (next: choose the server).
    Claimed,
    /// The owner signed in again: the stored token was replaced (Reconnect Plex).
    Reconnected,
    /// Someone else already owns the install: nothing changed.
    Refused,
}

impl Access {
    /// Who claimed the install (by setup or by a configured token once resolved).
    pub async fn claimed_by(&self) -> Result<Option<ClaimedBy>, AccessError> {
        if let Some(o) = self.owner() {
            return Ok(Some(ClaimedBy {
                plex_id: o.plex_id,
                username: o.username.clone(),
            }));
        }
        self.setting(OWNER_ACCOUNT_KEY).await
    }

    /// Finishes a `setup` flow for `user`: claims the install if nobody has and `may_claim`
    /// (the setup code is still live), reconnects when `user` is the owner, refuses anyone
    /// else. The check and the write are one transaction, so two racing setups cannot both claim.
    pub async fn claim_owner(
        &self,
        user: &PlexUser,
        token: Secret,
        may_claim: bool,
    ) -> Result<Claim, AccessError> {
        let resolved_owner = self.owner().map(|o| o.plex_id);
        let claimer = ClaimedBy {
            plex_id: user.id,
            username: user.username.clone(),
        };
        let now = self.now();
        let tok = token.clone();
        let claim = self
            .write(move |tx| {
                let stored = tx.get_setting::<ClaimedBy>(OWNER_ACCOUNT_KEY)?;
                let owner_id = resolved_owner.or(stored.as_ref().map(|c| c.plex_id));
                let claim = match owner_id {
                    None if may_claim => Claim::Claimed,
                    None => Claim::Refused,
                    Some(id) if id == claimer.plex_id => Claim::Reconnected,
                    Some(_) => Claim::Refused,
                };
                let (kind, outcome) = match claim {
                    Claim::Claimed => (EventKind::SetupClaim, "ok"),
                    Claim::Reconnected => (EventKind::PlexReconnect, "ok"),
                    Claim::Refused => (EventKind::SetupClaim, "refused"),
                };
                if claim != Claim::Refused {
                    tx.put_secret_setting(OWNER_TOKEN_KEY, &tok)?;
                    tx.put_setting(OWNER_ACCOUNT_KEY, &claimer)?;
                }
                let detail = "owner token stored encrypted";
                let (actor, id) = (&claimer.username, Some(claimer.plex_id));
                tx.append_event(NewEvent::new(now, kind, actor, id, outcome, detail))?;
                Ok(claim)
            })
            .await?;
        if claim == Claim::Reconnected {
            self.reconnected(token).await;
        }
        Ok(claim)
    }

    /// A reconnected owner: swap the token in the resolved owner (or resolve it afresh).
    async fn reconnected(&self, token: Secret) {
        let server = self.stored_server().await.ok().flatten();
        let current = self.owner().or_else(|| self.suspended_owner());
        match (current, server) {
            (Some(o), _) => {
                let mut owner = (*o).clone();
                owner.token = token;
                self.set_owner_status(OwnerStatus::Ready(Arc::new(owner)));
            }
            (None, Some(machine_id)) => {
                if let Err(e) = self.choose_server_with(token, &machine_id).await {
                    tracing::warn!(error = %e, "resolving the reconnected owner");
                }
            }
            (None, None) => {}
        }
    }

    /// The stored owner token (setup); none is `NotConfigured`.
    async fn stored_token(&self) -> Result<Secret, AccessError> {
        let token = self.read(|tx| tx.get_secret_setting(OWNER_TOKEN_KEY));
        token.await?.ok_or(AccessError::NotConfigured)
    }

    /// The stored server choice, if any.
    async fn stored_server(&self) -> Result<Option<String>, AccessError> {
        self.setting(OWNER_SERVER_KEY).await
    }

    /// The servers the claimed owner can share (owned, providing `server`).
    pub async fn owned_servers(&self) -> Result<Vec<PlexServer>, AccessError> {
        let token = self.stored_token().await?;
        let servers = self.0.plex.servers(&token).await?;
        Ok(servers.into_iter().filter(|s| s.is_shareable()).collect())
    }

    /// Picks the server to share (setup step 2): must be one of [`Access::owned_servers`].
    pub async fn choose_server(
        &self,
        actor: &str,
        machine_id: &str,
    ) -> Result<Arc<Owner>, AccessError> {
        let token = self.stored_token().await?;
        let owner = self.choose_server_with(token, machine_id).await?;
        let event = self.event(
            EventKind::SetupServer,
            actor,
            Some(owner.plex_id),
            "ok",
            format!("sharing server \"{}\"", owner.server_name),
        );
        let id = owner.machine_id.clone();
        self.save_setting(OWNER_SERVER_KEY, id, Some(event)).await?;
        Ok(owner)
    }

    async fn choose_server_with(
        &self,
        token: Secret,
        machine_id: &str,
    ) -> Result<Arc<Owner>, AccessError> {
        let (user, servers) = tokio::join!(self.0.plex.user(&token), self.0.plex.servers(&token));
        let (user, servers) = (user?, servers?);
        let server = servers
            .iter()
            .find(|s| s.is_shareable() && s.machine_id == machine_id)
            .ok_or_else(|| {
                AccessError::Invalid("choose one of the servers your Plex account owns".to_owned())
            })?;
        let owner = Arc::new(Owner::new(token, user, server));
        self.read_owner_avatar(owner.thumb.as_deref()).await;
        self.set_owner_status(OwnerStatus::Ready(owner.clone()));
        Ok(owner)
    }

    /// Setup step 3: the default libraries (unless config fixes them) and the policy (unless
    /// config fixes it, `policy_fixed`). An empty library set is refused.
    pub async fn finish_setup(
        &self,
        actor: &str,
        libraries: &[LibraryRef],
        policy: Option<Policy>,
    ) -> Result<(), AccessError> {
        if !self.libraries_from_config() {
            let sections = self.sections().await?;
            let ids = resolve_libraries(libraries, &sections.sections)?;
            let event = self.event(
                EventKind::LibrariesSet,
                actor,
                None,
                "ok",
                "default libraries set",
            );
            self.save_setting(DEFAULT_LIBRARIES_KEY, ids.clone(), Some(event))
                .await?;
            self.note_default_libraries(&ids);
        }
        if let Some(p) = policy {
            self.set_policy(actor, p).await?;
        }
        Ok(())
    }

    /// Stores the access policy chosen in the admin pages (the caller checks config does not
    /// fix it). Takes effect at once.
    pub async fn set_policy(&self, actor: &str, policy: Policy) -> Result<(), AccessError> {
        let event = self.event(
            EventKind::PolicySet,
            actor,
            None,
            "ok",
            format!("access policy: {}", policy.as_str()),
        );
        self.save_setting(POLICY_KEY, policy, Some(event)).await?;
        lock(&self.0.cached).policy = Some(policy);
        Ok(())
    }

    /// The policy in force: a stored choice, else config's (`serve` clears a stored choice at
    /// start when config sets `access.policy`, so config wins).
    pub fn effective_policy(&self) -> Policy {
        lock(&self.0.cached)
            .policy
            .unwrap_or(self.0.settings.policy)
    }
}

/// The settings key of the welcome page's title.
pub const WELCOME_TITLE_KEY: &str = "welcome_title";
/// The settings key of the welcome page's text.
pub const WELCOME_TEXT_KEY: &str = "welcome_text";
/// The longest page text accepted (welcome text, onboarding Markdown).
pub const MAX_PAGE_TEXT: usize = 20_000;

impl Access {
    /// Saves one of the owner's page texts (`key` is one of the `*_KEY` page-text settings);
    /// an empty value goes back to the default.
    pub async fn save_page_text(
        &self,
        actor: &str,
        key: &str,
        value: &str,
    ) -> Result<(), AccessError> {
        if value.chars().count() > MAX_PAGE_TEXT {
            return Err(AccessError::Invalid(format!(
                "{key} is longer than {MAX_PAGE_TEXT} characters"
            )));
        }
        let value = value.trim().to_owned();
        let cached = (!value.is_empty()).then(|| value.clone());
        let owned = key.to_owned();
        let event = self.event(
            EventKind::SettingsSet,
            actor,
            None,
            "ok",
            format!("{key} changed"),
        );
        self.write(move |tx| {
            if value.is_empty() {
                tx.delete_setting(&owned)?;
            } else {
                tx.put_setting(&owned, &value)?;
            }
            tx.append_event(event)?;
            Ok(())
        })
        .await?;
        lock(&self.0.cached).texts.insert(key.to_owned(), cached);
        Ok(())
    }

    /// One of the owner's page texts, if set.
    pub async fn page_text(&self, key: &str) -> Result<Option<String>, AccessError> {
        if let Some(text) = lock(&self.0.cached).texts.get(key) {
            return Ok(text.clone());
        }
        let text = self.setting::<String>(key).await?;
        lock(&self.0.cached)
            .texts
            .insert(key.to_owned(), text.clone());
        Ok(text)
    }
}

/// The settings cached in memory (see `Inner::cached`).
#[derive(Debug, Default)]
pub struct SettingsCache {
    /// The policy chosen in the admin pages, if any (config's otherwise).
    pub(crate) policy: Option<Policy>,
    /// Page texts by settings key; `None` inside = not set (the default text applies).
    /// A friend-language version's key is `{key}.{tag}` (`welcome_title.de`).
    pub(crate) texts: std::collections::HashMap<String, Option<String>>,
    /// A default library set is stored (setup's last step, config's `access.libraries`, or
    /// the Libraries page): until then friends see "not ready yet".
    pub(crate) has_default_libraries: bool,
    /// The owner's avatar image, read from plex.tv when the owner was last resolved.
    pub(crate) owner_avatar: Option<Arc<Avatar>>,
}

/// A setting read at start (blocking); a failed read is logged as reading `what`, and unset.
pub(super) fn read_at_start<T: DeserializeOwned>(
    store: &Store,
    key: &str,
    what: &str,
) -> Option<T> {
    store
        .read_blocking(|tx| tx.get_setting(key))
        .unwrap_or_else(|e| {
            tracing::warn!(error = %e, "reading {what}");
            None
        })
}

impl SettingsCache {
    /// Reads the stored policy once, at start (before serving).
    pub(crate) fn load(store: &Store) -> Self {
        let policy = read_at_start(store, POLICY_KEY, "the access policy");
        let has_default_libraries =
            read_at_start::<Vec<u64>>(store, DEFAULT_LIBRARIES_KEY, "the default libraries")
                .is_some_and(|ids| !ids.is_empty());
        Self {
            policy,
            texts: std::collections::HashMap::new(),
            has_default_libraries,
            owner_avatar: None,
        }
    }
}

/// The first-run step the owner still has to do (SPEC §3), for the dashboard's "Finish setup".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupStep {
    /// Claimed with the Plex sign-in, no server chosen yet.
    Server,
    /// The server is known, no default library set yet.
    Libraries,
}

impl SetupStep {
    /// The page of this step.
    pub fn path(self) -> &'static str {
        match self {
            SetupStep::Server => "/setup/server",
            SetupStep::Libraries => "/setup/libraries",
        }
    }
}

/// How long reading the owner's avatar may hold up connecting to plex.tv.
const AVATAR_READ_LIMIT: std::time::Duration = std::time::Duration::from_secs(5);

impl Access {
    /// Reads the owner's avatar (`thumb`) for the welcome pages and keeps it in memory; a
    /// failure only logs (the pages then show the owner's initial) and never stops the owner
    /// from connecting. A stale image is dropped rather than shown for another account.
    pub(crate) async fn read_owner_avatar(&self, thumb: Option<&str>) {
        let image = match thumb {
            None => None,
            Some(t) => match tokio::time::timeout(AVATAR_READ_LIMIT, self.0.plex.avatar(t)).await {
                Ok(Ok(a)) => Some(Arc::new(a)),
                Ok(Err(e)) => {
                    tracing::info!(error = %e, "the owner's avatar could not be read");
                    None
                }
                Err(_) => {
                    tracing::info!("reading the owner's avatar timed out");
                    None
                }
            },
        };
        lock(&self.0.cached).owner_avatar = image;
    }

    /// The owner's avatar image, when plex.tv gave one.
    pub fn owner_avatar(&self) -> Option<Arc<Avatar>> {
        lock(&self.0.cached).owner_avatar.clone()
    }

    /// Records whether a default library set is stored (after each write of it).
    pub(crate) fn note_default_libraries(&self, ids: &[u64]) {
        lock(&self.0.cached).has_default_libraries = !ids.is_empty();
    }

    /// Whether friends can join: the server is known and a default library set is chosen.
    pub fn ready_for_friends(&self) -> bool {
        self.owner().is_some() && lock(&self.0.cached).has_default_libraries
    }

    /// The setup step an owner abandoned, if any: the server (claimed, none chosen) or the
    /// libraries (server known, no default set). `None` once set up, before anyone claimed
    /// the install, and while a configured owner is still being resolved.
    pub async fn setup_step(&self) -> Result<Option<SetupStep>, AccessError> {
        Ok(match self.owner_status() {
            OwnerStatus::Ready(_) => (!self.ready_for_friends()).then_some(SetupStep::Libraries),
            OwnerStatus::NotConfigured => self.claimed_by().await?.map(|_| SetupStep::Server),
            _ => None,
        })
    }
}
