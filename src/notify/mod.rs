//! Notifications (SPEC §5 `notify.*`, §7): a generic JSON webhook, Discord and ntfy, for joins,
//! access requests, failed grants, expiry removals and owner-token trouble, and a test the owner
//! sends from Settings. [`Notifier::notify`]
//! only queues (`try_send`): the request that caused it never waits for the network. One
//! background task delivers, retries with backoff and records a `notify` event per delivery.
//! The URLs are secrets: they are never logged nor recorded.

mod payload;
mod worker;

pub use payload::{GenericBody, discord, generic, line, ntfy_title};

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use crate::clock::{SharedClock, Timing, UnixTime};
use crate::config::NotifyConfig;
use crate::metrics::Metrics;
use crate::secret::Secret;
use crate::store::Store;

/// Notifications waiting beyond this are dropped with a warning (a dead receiver must not grow
/// memory without bound).
const QUEUE: usize = 256;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// A friend joined (a share was made for them).
    Join,
    /// A friend asked for access.
    Request,
    /// A grant failed for good.
    GrantFailed,
    /// An expired grant was removed from plex.tv.
    Expired,
    /// plex.tv refused the owner token.
    OwnerToken,
    /// The owner pressed "Send a test" in Settings.
    Test,
}

impl EventKind {
    /// The event name in payloads and events.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Join => "join",
            Self::Request => "request",
            Self::GrantFailed => "grant_failed",
            Self::Expired => "expired",
            Self::OwnerToken => "owner_token",
            Self::Test => "test",
        }
    }
}

/// The account a notification is about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NotifyAccount {
    /// plex.tv account id.
    pub plex_id: u64,
    pub username: String,
}

/// One notification, before it is shaped for a channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// What happened.
    pub kind: EventKind,
    pub at: UnixTime,
    /// The shared server's name ("" while unknown).
    pub server: String,
    /// Whom it concerns.
    pub account: Option<NotifyAccount>,
    /// A short human detail.
    pub detail: String,
}

/// A channel to deliver to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// Generic JSON webhook.
    Webhook,
    /// Discord webhook.
    Discord,
    /// ntfy topic.
    Ntfy,
}

impl Channel {
    /// The name recorded in events (never the URL).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Webhook => "webhook",
            Self::Discord => "discord",
            Self::Ntfy => "ntfy",
        }
    }
}

/// What the delivery task needs besides the queue.
#[derive(Debug, Clone)]
pub struct NotifyDeps {
    /// Where `notify` events are recorded.
    pub store: Store,
    /// Stamps those events.
    pub clock: SharedClock,
    /// Backoff and timeouts.
    pub timing: Timing,
    /// Counts deliveries.
    pub metrics: Metrics,
}

/// The queue handle: cheap to clone; a notifier with no URL configured does nothing.
#[derive(Clone)]
pub struct Notifier(Arc<Inner>);

struct Inner {
    tx: Option<mpsc::Sender<Notification>>,
    /// Taken once by [`Notifier::spawn`].
    rx: Mutex<Option<mpsc::Receiver<Notification>>>,
    targets: Vec<(Channel, Secret)>,
    deps: Option<NotifyDeps>,
}

impl fmt::Debug for Notifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let channels: Vec<&str> = self.0.targets.iter().map(|(c, _)| c.as_str()).collect();
        f.debug_struct("Notifier")
            .field("channels", &channels)
            .finish_non_exhaustive()
    }
}

impl Default for Notifier {
    fn default() -> Self {
        Self::disabled()
    }
}

impl Notifier {
    /// A notifier that sends nothing.
    pub fn disabled() -> Self {
        Self(Arc::new(Inner {
            tx: None,
            rx: Mutex::new(None),
            targets: Vec::new(),
            deps: None,
        }))
    }

    /// A notifier for the configured URLs (disabled when none is set).
    pub fn new(config: &NotifyConfig, deps: NotifyDeps) -> Self {
        let targets: Vec<(Channel, Secret)> = [
            (Channel::Webhook, &config.webhook_url),
            (Channel::Discord, &config.discord_url),
            (Channel::Ntfy, &config.ntfy_url),
        ]
        .into_iter()
        .filter_map(|(c, url)| {
            url.as_ref()
                .filter(|u| !u.expose().trim().is_empty())
                .map(|u| (c, u.clone()))
        })
        .collect();
        if targets.is_empty() {
            return Self::disabled();
        }
        let (tx, rx) = mpsc::channel(QUEUE);
        Self(Arc::new(Inner {
            tx: Some(tx),
            rx: Mutex::new(Some(rx)),
            targets,
            deps: Some(deps),
        }))
    }

    /// Whether any channel is configured.
    pub fn enabled(&self) -> bool {
        self.0.tx.is_some()
    }

    /// How many channels each notification goes to (0 when disabled: a disabled one has none).
    pub fn channel_count(&self) -> usize {
        self.0.targets.len()
    }

    /// Queues a notification; never waits. A full queue drops it with a warning.
    pub fn notify(&self, n: Notification) {
        let Some(tx) = &self.0.tx else { return };
        let kind = n.kind.as_str();
        match tx.try_send(n) {
            Ok(()) => {}
            Err(mpsc::error::TrySendError::Full(_)) => {
                tracing::warn!(event = kind, "notification queue full: dropped");
                if let Some(d) = &self.0.deps {
                    d.metrics.notification(kind, "dropped");
                }
            }
            Err(mpsc::error::TrySendError::Closed(_)) => {
                tracing::debug!(event = kind, "notifier stopped: dropped");
            }
        }
    }

    /// Starts the delivery task (once; later calls return `None`). It stops on `stop`.
    pub fn spawn(&self, stop: watch::Receiver<bool>) -> Option<JoinHandle<()>> {
        let rx = self
            .0
            .rx
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()?;
        let deps = self.0.deps.clone()?;
        let targets = self.0.targets.clone();
        Some(tokio::spawn(worker::run(rx, targets, deps, stop)))
    }
}
