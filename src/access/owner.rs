//! The owner context (SPEC §3): the headless token and server from config (or, without one, the
//! token and server the setup wizard stored), resolved in the background after binding and
//! retried while plex.tv is unreachable; then the background loop that runs the reconciler and
//! forgets held tokens past their time.

use std::sync::Arc;

use tokio::sync::watch;

use super::{
    Access, AccessError, DEFAULT_LIBRARIES_KEY, OWNER_SERVER_KEY, OWNER_TOKEN_KEY, Owner,
    OwnerStatus, SHARE_FAMILY_KEY, lock, resolve_libraries,
};
use crate::plex::{PlexError, PlexServer, ShareFamily};
use crate::secret::Secret;
use crate::store::{EventKind, Store, StoreError};

/// Whether the setup wizard stored an owner token (readable or not). A quick read at start-up.
pub fn stored_owner_exists(store: &Store) -> bool {
    store
        .read_blocking(|tx| tx.get_setting::<serde_json::Value>(OWNER_TOKEN_KEY))
        .is_ok_and(|v| v.is_some())
}

/// Owner resolution retries double up to this many times `owner_retry` (5 s → about 10 min).
const OWNER_RETRY_MAX_FACTOR: u32 = 128;

impl Access {
    /// Resolves the owner once: account (`/api/v2/user`), server (`/api/v2/resources`, by machine
    /// id or name among owned servers), section ids for `access.libraries`. Sets the status.
    pub async fn resolve_owner_once(&self) -> Result<Arc<Owner>, AccessError> {
        self.resolve(false).await
    }

    /// [`Access::resolve_owner_once`]; with `unless_ready`, an owner that became ready while
    /// this call waited for the lock is kept (the background loop must not resolve twice).
    async fn resolve(&self, unless_ready: bool) -> Result<Arc<Owner>, AccessError> {
        let failed = |e: &AccessError| self.set_owner_status(status_for(e));
        let (token, server) = self.owner_credentials().await.inspect_err(failed)?;
        self.0.plex.watch_owner_token(&token);
        // One resolution at a time: the background loop and an explicit call never interleave.
        let _guard = self.0.resolving.lock().await;
        if unless_ready && let Some(owner) = self.owner() {
            return Ok(owner);
        }
        let owner = Arc::new(self.resolve_with(token, server).await.inspect_err(failed)?);
        self.read_owner_avatar(owner.thumb.as_deref()).await;
        self.set_owner_status(OwnerStatus::Ready(owner.clone()));
        tracing::info!(
            server = %owner.server_name,
            owner = %owner.username,
            "connected to plex.tv"
        );
        Ok(owner)
    }

    /// The owner token and wanted server: `plex.token` when set, else the token the setup wizard
    /// stored; `plex.server` when set, else the stored server. A stored token sealed by another
    /// install's key file (a restore) is `Store(Crypto)`: the owner must reconnect.
    async fn owner_credentials(&self) -> Result<(Secret, Option<String>), AccessError> {
        let configured_server = self.0.settings.server.clone();
        if let Some(token) = &self.0.settings.owner_token {
            return Ok((token.clone(), configured_server));
        }
        let (token, server) = self
            .read(|tx| {
                let server = tx.get_setting::<String>(OWNER_SERVER_KEY)?;
                Ok((tx.get_secret_setting(OWNER_TOKEN_KEY), server))
            })
            .await?;
        let token = token?.ok_or(AccessError::NotConfigured)?;
        Ok((token, configured_server.or(server)))
    }

    async fn resolve_with(
        &self,
        token: Secret,
        wanted_server: Option<String>,
    ) -> Result<Owner, AccessError> {
        self.load_share_family().await;
        let plex = &self.0.plex;
        let (user, servers) = tokio::join!(plex.user(&token), plex.servers(&token));
        let (user, servers) = (user?, servers?);
        let server = pick_server(&servers, wanted_server.as_deref())?;
        // Also warms the adapter's section cache, so sign-ins need not read it again.
        let sections = plex.sections(&token, &server.machine_id).await?;
        for w in &sections.warnings {
            tracing::warn!(warning = %w, "library sections");
        }
        if let Some(refs) = &self.0.settings.libraries {
            if sections.sections.is_empty() {
                // An empty listing is a warning, not a fact (SPEC §4): try again later.
                return Err(PlexError::Protocol("plex.tv listed no libraries".into()).into());
            }
            let ids = resolve_libraries(refs, &sections.sections)
                .map_err(|e| AccessError::Conflict(format!("access.libraries: {e}")))?;
            self.save_setting(DEFAULT_LIBRARIES_KEY, ids.clone(), None)
                .await?;
            self.note_default_libraries(&ids);
        }
        Ok(Owner::new(token, user, server))
    }

    /// Restores the share family that worked before (a fallback survives restarts).
    async fn load_share_family(&self) {
        let stored = self.setting::<String>(SHARE_FAMILY_KEY).await;
        match stored {
            Ok(Some(f)) if f == "v2" => self.0.plex.set_share_family(ShareFamily::V2),
            Ok(Some(_)) => self.0.plex.set_share_family(ShareFamily::V1),
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "reading the share family"),
        }
    }

    /// Stores the adapter's share family when it differs from the stored one, with a
    /// `share_family` event when the install actually moved (not for the first v1 record).
    pub(crate) async fn save_share_family(&self) {
        let family = match self.0.plex.share_family() {
            ShareFamily::V1 => "v1",
            ShareFamily::V2 => "v2",
        };
        let detail = match family {
            "v2" => "plex.tv v1 share endpoints confirmed gone by a second call; using v2",
            _ => "plex.tv v1 share endpoints answer again; using v1",
        };
        let ev = self.event(EventKind::ShareFamily, "plexgate", None, family, detail);
        let now = self.now();
        let saved = self
            .0
            .store
            .write(move |tx| {
                let stored = tx.get_setting::<String>(SHARE_FAMILY_KEY)?;
                if stored.as_deref() != Some(family) {
                    tx.put_setting(SHARE_FAMILY_KEY, &family)?;
                    if stored.is_some() || family == "v2" {
                        tx.append_event(ev)?;
                    }
                    if family == "v2" {
                        // The next probe of v1 is one interval after the switch.
                        tx.put_setting(super::reconcile::V1_PROBED_AT_KEY, &now)?;
                    }
                }
                Ok(())
            })
            .await;
        if let Err(e) = saved {
            tracing::warn!(error = %e, "saving the share family");
        }
    }

    /// The background work: resolve the owner (retrying with backoff while plex.tv is
    /// unreachable), then run the reconciler once and every `reconcile_interval`, until `stop`.
    pub async fn run_background(&self, mut stop: watch::Receiver<bool>) {
        if self.0.settings.owner_token.is_none() {
            let store = self.0.store.clone();
            let stored = tokio::task::spawn_blocking(move || stored_owner_exists(&store))
                .await
                .unwrap_or(false);
            if !stored {
                return;
            }
        }
        if !self.resolve_until_ready(&mut stop).await {
            return;
        }
        let timing = self.0.timing.clone();
        let mut next_reconcile = tokio::time::Instant::now() + timing.reconcile_first_delay;
        let mut sweep = tokio::time::interval(timing.sweep_interval);
        // While plex.tv refuses the owner token each run is one call, and the runs spread out.
        let mut refused_runs: u32 = 0;
        loop {
            tokio::select! {
                _ = stop.changed() => return,
                () = tokio::time::sleep_until(next_reconcile) => {
                    match self.run_once().await {
                        Ok(r) if !r.errors.is_empty() => {
                            tracing::warn!(errors = ?r.errors, "reconciler run had errors");
                        }
                        Ok(_) => {}
                        Err(e) => tracing::warn!(error = %e, "reconciler run failed"),
                    }
                    refused_runs = match self.owner_status() {
                        OwnerStatus::TokenInvalid => refused_runs.saturating_add(1),
                        _ => 0,
                    };
                    let wait = timing
                        .reconcile_interval
                        .saturating_mul(2u32.saturating_pow(refused_runs.min(16)))
                        .min(timing.reconcile_interval.max(timing.reconcile_backoff_max));
                    next_reconcile = tokio::time::Instant::now() + wait;
                }
                _ = sweep.tick() => self.forget_expired_tokens(),
            }
        }
    }

    /// Retries resolution until the owner is ready; false when stopped (or when retrying
    /// cannot help until the configuration changes).
    async fn resolve_until_ready(&self, stop: &mut watch::Receiver<bool>) -> bool {
        let base = self.0.timing.owner_retry;
        let cap = base.saturating_mul(OWNER_RETRY_MAX_FACTOR);
        let mut delay = base;
        loop {
            if self.owner().is_some() {
                return true;
            }
            match self.resolve(true).await {
                Ok(_) => return true,
                Err(e) if needs_the_owner(&e) => {
                    // Retrying cannot help: the owner must sign in with Plex again.
                    tracing::warn!(error = %e, "the owner must reconnect Plex");
                    return false;
                }
                Err(e) => tracing::warn!(error = %e, retry_in = ?delay, "resolving the owner"),
            }
            tokio::select! {
                _ = stop.changed() => return false,
                () = tokio::time::sleep(delay) => {}
            }
            delay = delay.saturating_mul(2).min(cap);
        }
    }

    /// Forgets held friend tokens and "Ask for access" tokens past their time; held tokens are
    /// signed out at plex.tv (best effort) so they stop working too.
    pub(crate) fn forget_expired_tokens(&self) {
        let now = self.now();
        let expired: Vec<Secret> = lock(&self.0.held_tokens)
            .extract_if(|_, h| h.until <= now)
            .map(|(_, h)| h.token)
            .collect();
        lock(&self.0.request_tokens).retain(|_, r| r.until > now);
        lock(&self.0.refusals).retain(|_, r| r.until > now);
        for token in expired {
            self.sign_out_later(token);
        }
    }

    /// Signs a friend's token out at plex.tv in the background; failures only log.
    pub(crate) fn sign_out_later(&self, token: Secret) {
        let plex = self.0.plex.clone();
        tokio::spawn(async move {
            if let Err(e) = plex.sign_out(&token).await {
                tracing::debug!(error = %e, "signing out a friend's token");
            }
        });
    }
}

/// Errors only the owner can fix (no token, or a stored token this install cannot decrypt).
fn needs_the_owner(e: &AccessError) -> bool {
    matches!(
        e,
        AccessError::NotConfigured | AccessError::Store(StoreError::Crypto)
    )
}

/// The owner status an error leaves behind.
fn status_for(e: &AccessError) -> OwnerStatus {
    match e {
        AccessError::Store(StoreError::Crypto) => OwnerStatus::NeedsReconnect,
        AccessError::Plex(p) if p.is_unauthorized() => OwnerStatus::TokenInvalid,
        AccessError::Conflict(msg) => OwnerStatus::Misconfigured(msg.clone()),
        AccessError::NotConfigured => OwnerStatus::NotConfigured,
        other => OwnerStatus::Resolving {
            last_error: Some(other.to_string()),
        },
    }
}

/// The configured server among the shareable ones: by machine id, else by name (any case). With
/// no `plex.server` set, the only shareable server is taken.
pub(crate) fn pick_server<'a>(
    servers: &'a [PlexServer],
    wanted: Option<&str>,
) -> Result<&'a PlexServer, AccessError> {
    let shareable: Vec<&PlexServer> = servers.iter().filter(|s| s.is_shareable()).collect();
    let names = || {
        shareable
            .iter()
            .map(|s| format!("\"{}\"", s.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let found = match wanted.map(str::trim) {
        Some(w) => shareable
            .iter()
            .find(|s| s.machine_id == w)
            .or_else(|| shareable.iter().find(|s| s.name.eq_ignore_ascii_case(w))),
        None if shareable.len() == 1 => shareable.first(),
        None => None,
    };
    found.copied().ok_or_else(|| {
        AccessError::Conflict(match wanted {
            Some(w) => format!(
                "plex.server \"{w}\" is not among the servers this token owns ({})",
                names()
            ),
            None => format!("set plex.server to one of: {}", names()),
        })
    })
}
