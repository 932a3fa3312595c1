//! The delivery task: one small HTTP client (timeouts, no redirects), one task per channel and
//! notification (bounded), retries with doubling backoff, a `notify` event per delivery.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::CONTENT_TYPE;
use tokio::sync::{Semaphore, mpsc, watch};
use tokio::task::JoinSet;

use super::{Channel, Notification, NotifyDeps, payload};
use crate::secret::Secret;
use crate::store::{EventKind, NewEvent};

/// Tries per delivery: the first and three retries.
const ATTEMPTS: u32 = 4;
/// Deliveries in flight at once (a hung receiver holds one slot per try, not the queue).
const IN_FLIGHT: usize = 8;
/// At shutdown, deliveries under way get this long to finish (and be recorded).
const DRAIN: Duration = Duration::from_secs(2);

/// Why one try failed; says nothing of the URL.
#[derive(Debug)]
enum TryError {
    /// An answer that retrying will not change (a 4xx other than 429).
    Final(String),
    /// No answer, a 429 or a 5xx.
    Retry(String),
}

/// Receives until `stop`, delivering each notification to every channel.
pub(super) async fn run(
    mut rx: mpsc::Receiver<Notification>,
    targets: Vec<(Channel, Secret)>,
    deps: NotifyDeps,
    mut stop: watch::Receiver<bool>,
) {
    let client = match crate::outbound::client_builder()
        .connect_timeout(deps.timing.notify_timeout)
        .timeout(deps.timing.notify_timeout)
        // A redirect could carry the body somewhere the owner did not configure.
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("plexgate/", env!("CARGO_PKG_VERSION")))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(error = %e.without_url(), "notifications are off: no HTTP client");
            return;
        }
    };
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut tasks = JoinSet::new();
    loop {
        tokio::select! {
            _ = stop.changed() => break,
            Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
            received = rx.recv() => {
                let Some(n) = received else { break };
                let n = Arc::new(n);
                for (channel, url) in &targets {
                    let job = (client.clone(), *channel, url.clone(), n.clone(), deps.clone());
                    let slots = slots.clone();
                    tasks.spawn(async move {
                        let Ok(_slot) = slots.acquire_owned().await else { return };
                        deliver(job.0, job.1, job.2, &job.3, &job.4).await;
                    });
                }
            }
        }
    }
    // Finish what is under way, briefly: a receiver that never answers must not hold up the
    // shutdown.
    let drained =
        tokio::time::timeout(DRAIN, async { while tasks.join_next().await.is_some() {} }).await;
    if drained.is_err() {
        tasks.abort_all();
    }
}

/// Sends with retries and records the outcome.
async fn deliver(
    client: reqwest::Client,
    channel: Channel,
    url: Secret,
    n: &Notification,
    deps: &NotifyDeps,
) {
    let mut delay = deps.timing.notify_backoff;
    let mut tried = send_once(&client, channel, &url, n).await;
    for _ in 1..ATTEMPTS {
        let Err(TryError::Retry(_)) = tried else {
            break;
        };
        tokio::time::sleep(delay).await;
        delay = delay.saturating_mul(2);
        tried = send_once(&client, channel, &url, n).await;
    }
    let kind = n.kind.as_str();
    let (outcome, detail) = match tried {
        Ok(()) => ("sent", format!("{} {kind}", channel.as_str())),
        Err(TryError::Final(last) | TryError::Retry(last)) => {
            tracing::warn!(channel = channel.as_str(), event = kind, error = %last, "notification failed");
            ("failed", format!("{} {kind}: {last}", channel.as_str()))
        }
    };
    deps.metrics.notification(kind, outcome);
    let plex_id = n.account.as_ref().map(|a| a.plex_id);
    let ev = NewEvent::new(
        deps.clock.unix(),
        EventKind::Notify,
        "plexgate",
        plex_id,
        outcome,
        detail,
    );
    if let Err(e) = deps.store.write(move |tx| tx.append_event(ev)).await {
        tracing::warn!(error = %e, "recording a notification");
    }
}

async fn send_once(
    client: &reqwest::Client,
    channel: Channel,
    url: &Secret,
    n: &Notification,
) -> Result<(), TryError> {
    let req = client.post(url.expose());
    let req = match channel {
        Channel::Webhook => json(req, &payload::generic(n))?,
        Channel::Discord => json(req, &payload::discord(n))?,
        Channel::Ntfy => req
            .header("Title", payload::ntfy_title(n.kind))
            .header(CONTENT_TYPE, "text/plain; charset=utf-8")
            .body(payload::line(n)),
    };
    // reqwest's errors print the URL, which holds the secret: keep only the kind of failure.
    let resp = req.send().await.map_err(|e| {
        TryError::Retry(if e.is_timeout() {
            "timed out".to_owned()
        } else if e.is_connect() {
            "could not connect".to_owned()
        } else {
            "no answer".to_owned()
        })
    })?;
    let status = resp.status();
    if status.is_success() {
        return Ok(());
    }
    let why = format!("status {}", status.as_u16());
    if status.as_u16() == 429 || status.is_server_error() {
        Err(TryError::Retry(why))
    } else {
        Err(TryError::Final(why))
    }
}

fn json(
    req: reqwest::RequestBuilder,
    body: &impl serde::Serialize,
) -> Result<reqwest::RequestBuilder, TryError> {
    let bytes = serde_json::to_vec(body).map_err(|e| TryError::Final(e.to_string()))?;
    Ok(req.header(CONTENT_TYPE, "application/json").body(bytes))
}
