//! The Prometheus registry (SPEC §7 `GET /metrics`): one per `AppState`, never global, so tests
//! running side by side never mix their counters (crates.md). Labels are route templates and
//! outcome words, never raw paths, ids or names.

use std::fmt;
use std::sync::Arc;

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::{Metric, Registry};

use crate::plex::{PlexObserver, PlexRequestSeen};

/// One label.
type L1 = [(&'static str, &'static str); 1];
/// Two labels.
type L2 = [(&'static str, &'static str); 2];
/// The plex.tv request labels: endpoint, method and status.
type PlexLabels = Vec<(&'static str, String)>;

/// The content type `/metrics` answers with.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Cheap to clone: every handle shares the same registry.
#[derive(Clone)]
pub struct Metrics(Arc<Inner>);

struct Inner {
    registry: Registry,
    signins: Family<L1, Counter>,
    grants: Family<L1, Gauge>,
    plex_requests: Family<PlexLabels, Counter>,
    plex_latency: Family<L1, Histogram, fn() -> Histogram>,
    reconcile_runs: Family<L1, Counter>,
    reconcile_backlog: Gauge,
    notifications: Family<L2, Counter>,
    oidc_tokens: Family<PlexLabels, Counter>,
}

impl fmt::Debug for Metrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Registers `metric` under `name` and returns it.
fn registered<M: Metric + Clone>(r: &mut Registry, name: &str, help: &str, metric: M) -> M {
    r.register(name, help, metric.clone());
    metric
}

fn latency_histogram() -> Histogram {
    // 10 ms .. about 20 s: plex.tv answers in tens of milliseconds when well, seconds when not.
    Histogram::new(exponential_buckets(0.01, 2.0, 12))
}

impl Metrics {
    /// A fresh registry with every plexgate metric registered.
    pub fn new() -> Self {
        let mut r = Registry::with_prefix("plexgate");
        let signins = registered(&mut r, "signins", "Sign-ins by outcome", Family::default());
        let grants = registered(&mut r, "grants", "Grants by status", Family::default());
        let help = "Requests to plex.tv by endpoint, method and status (0 = no answer)";
        let plex_requests = registered(&mut r, "plex_requests", help, Family::default());
        let help = "Latency of requests to plex.tv by endpoint";
        let latency = Family::new_with_constructor(latency_histogram as fn() -> Histogram);
        let plex_latency = registered(&mut r, "plex_request_duration_seconds", help, latency);
        let help = "Reconciler runs by outcome";
        let reconcile_runs = registered(&mut r, "reconcile_runs", help, Family::default());
        let help = "Grants still waiting for their share plus removals held for the owner";
        let reconcile_backlog = registered(&mut r, "reconcile_backlog", help, Gauge::default());
        let help = "Notifications by event and outcome";
        let notifications = registered(&mut r, "notifications", help, Family::default());
        let help = "OIDC token requests by client and outcome (issued, refused)";
        let oidc_tokens = registered(&mut r, "oidc_tokens", help, Family::default());
        Self(Arc::new(Inner {
            oidc_tokens,
            registry: r,
            signins,
            grants,
            plex_requests,
            plex_latency,
            reconcile_runs,
            reconcile_backlog,
            notifications,
        }))
    }

    /// Counts one OIDC token request of a registered client (its id is owner-chosen and
    /// bounded, so it may be a label): `issued` or `refused`.
    pub fn oidc_token(&self, client: &str, outcome: &'static str) {
        let labels = vec![
            ("client", client.to_owned()),
            ("outcome", outcome.to_owned()),
        ];
        self.0.oidc_tokens.get_or_create(&labels).inc();
    }

    /// Counts one sign-in outcome (`joined`, `not_allowed`, ...).
    pub fn signin(&self, outcome: &'static str) {
        self.0.signins.get_or_create(&[("outcome", outcome)]).inc();
    }

    /// Sets the number of grants in each status (read from the store at scrape time).
    pub fn set_grants(&self, counts: &[(&'static str, i64)]) {
        for (status, n) in counts {
            self.0.grants.get_or_create(&[("status", status)]).set(*n);
        }
    }

    /// Counts one plex.tv request and its latency.
    pub fn plex_request(&self, seen: &PlexRequestSeen) {
        let labels = vec![
            ("endpoint", seen.endpoint.to_owned()),
            ("method", seen.method.to_owned()),
            ("status", seen.status.to_string()),
        ];
        self.0.plex_requests.get_or_create(&labels).inc();
        self.0
            .plex_latency
            .get_or_create(&[("endpoint", seen.endpoint)])
            .observe(seen.elapsed.as_secs_f64());
    }

    /// The observer to hand to the plex.tv adapter.
    pub fn plex_observer(&self) -> PlexObserver {
        let me = self.clone();
        Arc::new(move |seen| me.plex_request(&seen))
    }

    /// Counts one reconciler run (`ok`, `errors`, `failed`).
    pub fn reconcile_run(&self, outcome: &'static str) {
        self.0
            .reconcile_runs
            .get_or_create(&[("outcome", outcome)])
            .inc();
    }

    /// Sets the reconciler backlog.
    pub fn set_backlog(&self, n: i64) {
        self.0.reconcile_backlog.set(n);
    }

    /// Counts one notification delivery (`sent`, `failed`, `dropped`).
    pub fn notification(&self, event: &'static str, outcome: &'static str) {
        self.0
            .notifications
            .get_or_create(&[("event", event), ("outcome", outcome)])
            .inc();
    }

    /// The OpenMetrics text of every metric.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if let Err(e) = encode(&mut out, &self.0.registry) {
            tracing::warn!(error = %e, "encoding metrics");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn renders_labelled_counters() {
        let m = Metrics::new();
        m.signin("joined");
        m.signin("joined");
        (m.plex_observer())(PlexRequestSeen {
            method: "GET",
            endpoint: "/api/v2/user",
            status: 200,
            elapsed: Duration::from_millis(30),
        });
        m.set_grants(&[("accepted", 3)]);
        let text = m.render();
        assert!(
            text.contains("plexgate_signins_total{outcome=\"joined\"} 2"),
            "{text}"
        );
        assert!(text.contains("plexgate_plex_requests_total{endpoint=\"/api/v2/user\",method=\"GET\",status=\"200\"} 1"), "{text}");
        assert!(text.contains("plexgate_plex_request_duration_seconds_bucket"));
        assert!(
            text.contains("plexgate_grants{status=\"accepted\"} 3"),
            "{text}"
        );
        assert!(text.ends_with("# EOF\n"));
        // A second registry starts from zero: nothing is global.
        assert!(!Metrics::new().render().contains("joined"));
    }
}
