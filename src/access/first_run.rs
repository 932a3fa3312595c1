//! The first run (SPEC §3): while no owner is configured, a one-time setup code lets one person
//! claim the install. The one answer to "is there an owner" for the pages, setup and the
//! background work: a token from config or stored by setup, an account that claimed the install
//! in an earlier run, or setup's sign-in claiming it during this run.

use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::Notify;

use super::setup::{ClaimedBy, OWNER_ACCOUNT_KEY, read_at_start};
use super::{Access, OwnerStatus};
use crate::crypto::random_token;
use crate::secret::Secret;
use crate::store::Store;

/// The setup code and what became of it.
#[derive(Debug)]
pub(crate) struct FirstRun {
    /// The one-time setup code, when nothing named an owner at start.
    code: Option<Secret>,
    /// Set once setup's sign-in claimed the install during this run: the setup code is void
    /// from then on.
    claimed: AtomicBool,
    /// Woken when setup resolved the owner, so the background work starts without a restart.
    ready: Notify,
}

impl FirstRun {
    /// A setup code only when nothing names an owner. A token from config or stored by setup
    /// (even one that must reconnect) means an owner: the setup code would let anyone claim an
    /// install that already has one.
    pub(crate) fn new(store: &Store, status: &OwnerStatus) -> Self {
        let owner = !matches!(status, OwnerStatus::NotConfigured) || claimed_before(store);
        Self {
            code: (!owner).then(|| Secret::new(random_token(16))),
            claimed: AtomicBool::new(false),
            ready: Notify::new(),
        }
    }
}

/// Whether setup claimed the install in an earlier run.
fn claimed_before(store: &Store) -> bool {
    read_at_start::<ClaimedBy>(store, OWNER_ACCOUNT_KEY, "the stored owner").is_some()
}

impl Access {
    /// Whether an owner is configured (a headless token, or claimed through setup).
    pub fn owner_configured(&self) -> bool {
        let run = &self.0.first_run;
        run.code.is_none() || run.claimed.load(Ordering::Acquire)
    }

    /// Records that setup's sign-in claimed the install: the setup code stops working.
    pub fn mark_owner_claimed(&self) {
        self.0.first_run.claimed.store(true, Ordering::Release);
    }

    /// The setup code, while it is still valid (no owner yet).
    pub fn live_setup_code(&self) -> Option<&Secret> {
        self.0
            .first_run
            .code
            .as_ref()
            .filter(|_| !self.owner_configured())
    }

    /// Setup resolved the owner: the background work may start.
    pub fn owner_ready(&self) {
        self.0.first_run.ready.notify_one();
    }

    /// Completes once the owner is known: at once when there was one at start, else when
    /// setup resolved it.
    pub async fn owner_known(&self) {
        if self.live_setup_code().is_some() {
            self.0.first_run.ready.notified().await;
        }
    }
}
