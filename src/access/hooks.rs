//! What the access layer tells the outside at its outcome points: sign-in outcomes and
//! reconciler runs to [`Metrics`], joins, requests, failed grants, expiry removals and
//! owner-token trouble to the [`Notifier`]. Both only count or queue: nothing here waits.

use crate::metrics::Metrics;
use crate::notify::{EventKind, Notification, Notifier, NotifyAccount};
use crate::store::{Grant, GrantStatus};

use std::net::IpAddr;
use std::time::Duration;

use super::flows::FlowInfo;
use super::reconcile::{HELD_REMOVALS_KEY, HeldRemoval, ReconcileReport};
use super::signin::{GrantChange, SignInOutcome};
use super::{Access, AccessError, OwnerStatus};
use crate::plex::PlexUser;
use crate::secret::Secret;

/// The metrics registry and the notification queue the access service reports to.
#[derive(Debug, Clone, Default)]
pub struct Hooks {
    /// Counters and gauges.
    pub metrics: Metrics,
    /// The notification queue.
    pub notifier: Notifier,
}

/// The metrics label of a sign-in outcome.
fn outcome_label(o: &Result<SignInOutcome, AccessError>) -> &'static str {
    match o {
        Ok(SignInOutcome::Admin { .. }) => "admin",
        Ok(SignInOutcome::Joined { .. }) => "joined",
        Ok(SignInOutcome::SettingUp { .. }) => "setting_up",
        Ok(SignInOutcome::AlreadyIn { .. }) => "already_in",
        Ok(SignInOutcome::NotAllowed { .. }) => "not_allowed",
        Ok(SignInOutcome::NotAdmin { .. }) => "not_admin",
        Ok(SignInOutcome::InviteRefused { .. }) => "invite_refused",
        Ok(SignInOutcome::NotConfigured { .. }) => "not_configured",
        Ok(SignInOutcome::Unavailable { .. }) => "unavailable",
        Err(_) => "error",
    }
}

fn account(plex_id: u64, username: &str) -> Option<NotifyAccount> {
    Some(NotifyAccount {
        plex_id,
        username: username.to_owned(),
    })
}

impl Access {
    /// Decides and grants for a verified account, within `deadline` (the page must answer in
    /// time; whatever is recorded is finished by the reconciler). `token` is the friend's
    /// token: used for the accept, held in memory for retries, then signed out; never stored.
    /// An `Admin` outcome leaves the token alone (the setup wizard may keep the owner's).
    /// The outcome is counted and a join announced.
    pub async fn sign_in(
        &self,
        user: PlexUser,
        token: Secret,
        flow: &FlowInfo,
        ip: Option<IpAddr>,
        deadline: Duration,
    ) -> Result<SignInOutcome, AccessError> {
        let outcome = self.decide_and_grant(user, token, flow, ip, deadline).await;
        self.after_sign_in(&outcome);
        outcome
    }

    /// One reconciler pass (tests call it directly); counted, and the backlog refreshed.
    pub async fn run_once(&self) -> Result<ReconcileReport, AccessError> {
        let run = self.reconcile_pass().await;
        self.after_run(&run).await;
        run
    }

    /// The hooks this service reports to.
    pub fn hooks(&self) -> &Hooks {
        &self.0.hooks
    }

    /// Queues a notification about `account`, stamped now, naming the shared server.
    pub(crate) fn notify(
        &self,
        kind: EventKind,
        account: Option<NotifyAccount>,
        detail: impl Into<String>,
    ) {
        let server = self.owner().map(|o| o.server_name.clone());
        self.notify_about(server, kind, account, detail);
    }

    /// [`Self::notify`] naming `server` (else the configured one).
    fn notify_about(
        &self,
        server: Option<String>,
        kind: EventKind,
        account: Option<NotifyAccount>,
        detail: impl Into<String>,
    ) {
        if !self.0.hooks.notifier.enabled() {
            return;
        }
        let server = server.unwrap_or_else(|| self.0.settings.server.clone().unwrap_or_default());
        self.0.hooks.notifier.notify(Notification {
            kind,
            at: self.now(),
            server,
            account,
            detail: detail.into(),
        });
    }

    /// Counts a sign-in's outcome and announces a join: only a first grant (or one removed or
    /// failed before), never a returning friend nor a change of libraries.
    pub(crate) fn after_sign_in(&self, outcome: &Result<SignInOutcome, AccessError>) {
        self.0.hooks.metrics.signin(outcome_label(outcome));
        if let Ok(
            SignInOutcome::Joined {
                user,
                grant,
                change: GrantChange::Joined,
            }
            | SignInOutcome::SettingUp {
                user,
                grant,
                change: GrantChange::Joined,
            },
        ) = outcome
        {
            let detail = match grant.status {
                GrantStatus::Pending | GrantStatus::Accepted => {
                    format!("libraries: {}", grant.libraries.join(", "))
                }
                GrantStatus::Sharing => "access is being set up".to_owned(),
                // A refused grant is announced as `grant_failed`, not as a join.
                GrantStatus::Failed | GrantStatus::Removed => return,
            };
            self.notify(EventKind::Join, account(user.id, &user.username), detail);
        }
    }

    /// Announces a new access request.
    pub(crate) fn after_request(&self, plex_id: u64, username: &str, note: &str) {
        let detail: String = note.chars().take(200).collect();
        self.notify(EventKind::Request, account(plex_id, username), detail);
    }

    /// Announces a grant that failed for good.
    pub(crate) fn after_share(&self, g: &Grant) {
        if g.status == GrantStatus::Failed {
            let detail = g.last_error.clone().unwrap_or_default();
            self.notify(
                EventKind::GrantFailed,
                account(g.plex_id, &g.username),
                detail,
            );
        }
    }

    /// Announces a removal because access expired.
    pub(crate) fn after_removal(&self, g: &Grant, kind: crate::store::EventKind) {
        if kind == crate::store::EventKind::Expired {
            let detail = "share removed from plex.tv";
            self.notify(EventKind::Expired, account(g.plex_id, &g.username), detail);
        }
    }

    /// Announces the owner token turning invalid (once per change, not per failing call).
    pub(crate) fn after_owner_status(&self, before: &OwnerStatus, now: &OwnerStatus) {
        if matches!(now, OwnerStatus::TokenInvalid) && !matches!(before, OwnerStatus::TokenInvalid)
        {
            let (who, server) = match before {
                OwnerStatus::Ready(o) => {
                    (account(o.plex_id, &o.username), Some(o.server_name.clone()))
                }
                _ => (None, None),
            };
            let detail = "plex.tv answered 401 to the owner token";
            self.notify_about(server, EventKind::OwnerToken, who, detail);
        }
    }

    /// Counts a reconciler run and refreshes the backlog.
    pub(crate) async fn after_run(&self, run: &Result<ReconcileReport, AccessError>) {
        let outcome = match run {
            Ok(r) if r.errors.is_empty() => "ok",
            Ok(_) => "errors",
            Err(_) => "failed",
        };
        self.0.hooks.metrics.reconcile_run(outcome);
        self.refresh_gauges().await;
    }

    /// Sets the grants-by-status gauges and the reconciler backlog from the store.
    pub async fn refresh_gauges(&self) {
        let read = self
            .read(|tx| {
                let grants = tx.list_grants()?;
                let held = tx
                    .get_setting::<Vec<HeldRemoval>>(HELD_REMOVALS_KEY)?
                    .unwrap_or_default();
                Ok((grants, held.len()))
            })
            .await;
        let Ok((grants, held)) = read else { return };
        let statuses = [
            ("sharing", GrantStatus::Sharing),
            ("pending", GrantStatus::Pending),
            ("accepted", GrantStatus::Accepted),
            ("failed", GrantStatus::Failed),
            ("removed", GrantStatus::Removed),
        ];
        let counts: Vec<(&'static str, i64)> = statuses
            .iter()
            .map(|(name, s)| {
                let n = grants.iter().filter(|g| g.status == *s).count();
                (*name, i64::try_from(n).unwrap_or(i64::MAX))
            })
            .collect();
        let sharing = counts.first().map_or(0, |c| c.1);
        self.0.hooks.metrics.set_grants(&counts);
        self.0
            .hooks
            .metrics
            .set_backlog(sharing.saturating_add(i64::try_from(held).unwrap_or(i64::MAX)));
    }
}
