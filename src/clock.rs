//! Injected time (style.md #16): every "now" comes from a [`Clock`] and every interval from
//! [`Timing`], so tests advance or shrink time instead of sleeping.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Whole seconds of `d` as a Unix-time span (saturating).
pub fn secs(d: Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

/// Seconds since the Unix epoch; what the store keeps and the API shows (as RFC 3339).
pub type UnixTime = i64;

/// A source of wall-clock time.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current time.
    fn now(&self) -> SystemTime;

    /// The current time as whole seconds since the epoch.
    fn unix(&self) -> UnixTime {
        to_unix(self.now())
    }
}

/// Converts a [`SystemTime`] to epoch seconds (times before 1970 clamp to 0).
pub fn to_unix(t: SystemTime) -> UnixTime {
    t.duration_since(UNIX_EPOCH).map(secs).unwrap_or(0)
}

/// Formats epoch seconds as RFC 3339 (`2026-11-25T02:27:08Z`).
pub fn rfc3339(t: UnixTime) -> String {
    let secs = u64::try_from(t).unwrap_or(0);
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(secs)).to_string()
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock that only moves when told to; shared by clones.
#[derive(Debug, Clone)]
pub struct ManualClock {
    millis: Arc<AtomicU64>,
}

impl ManualClock {
    /// A clock standing at `start`.
    pub fn new(start: SystemTime) -> Self {
        let clock = Self {
            millis: Arc::new(AtomicU64::new(0)),
        };
        clock.set(start);
        clock
    }

    /// Puts the clock at `at` (forward or back), e.g. at the instant another process signed
    /// something with its own clock.
    pub fn set(&self, at: SystemTime) {
        let millis = at
            .duration_since(UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
            .unwrap_or(0);
        self.millis.store(millis, Ordering::SeqCst);
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        let add = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.millis.fetch_add(add, Ordering::SeqCst);
    }
}

impl Default for ManualClock {
    fn default() -> Self {
        Self::new(SystemTime::now())
    }
}

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(self.millis.load(Ordering::SeqCst))
    }
}

/// The shared clock handle kept in `AppState`.
pub type SharedClock = Arc<dyn Clock>;

/// Every interval and deadline the app waits on, in one place so tests can shrink them.
#[derive(Debug, Clone)]
pub struct Timing {
    /// Spacing between two PIN checks (plex.tv answers 429 when polled faster than 1/s).
    pub pin_check_spacing: Duration,
    /// Extra PIN checks on return before showing "Almost there".
    pub pin_extra_checks: u32,
    /// The whole sign-in callback answers within this.
    pub callback_deadline: Duration,
    /// A sign-in flow (and its cookie) lives this long.
    pub flow_ttl: Duration,
    /// A friend's token is held in memory for accept retries at most this long.
    pub accept_token_ttl: Duration,
    /// Pending-invite listings tried before the accept is left to the reconciler.
    pub invite_listing_attempts: u32,
    /// Spacing between those listings.
    pub invite_listing_spacing: Duration,
    /// How often the reconciler runs.
    pub reconcile_interval: Duration,
    /// Delay before the reconciler's first run once the owner is known (tests push it out of
    /// the way and call `run_once()` themselves).
    pub reconcile_first_delay: Duration,
    /// First retry delay for a share still `sharing`; doubles per failure.
    pub reconcile_backoff: Duration,
    /// Cap on that delay.
    pub reconcile_backoff_max: Duration,
    /// First retry delay while the owner cannot be resolved (plex.tv unreachable); doubles.
    pub owner_retry: Duration,
    /// How often expired flows and sessions are swept.
    pub sweep_interval: Duration,
    /// Account session absolute lifetime.
    pub session_lifetime: Duration,
    /// Account session idle limit.
    pub session_idle: Duration,
    /// Admin session idle limit.
    pub admin_idle: Duration,
    /// How often the running server takes its automatic backup and prunes old events.
    pub backup_interval: Duration,
    /// Delay before the first automatic backup after start.
    pub backup_first_delay: Duration,
    /// plex.tv connect timeout.
    pub plex_connect_timeout: Duration,
    /// plex.tv overall request timeout.
    pub plex_request_timeout: Duration,
    /// First retry delay of a failed notification; doubles per retry.
    pub notify_backoff: Duration,
    /// Connect and whole-request timeout of one notification.
    pub notify_timeout: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Self {
            pin_check_spacing: Duration::from_secs(1),
            pin_extra_checks: 2,
            callback_deadline: Duration::from_secs(20),
            flow_ttl: Duration::from_secs(10 * 60),
            accept_token_ttl: Duration::from_secs(10 * 60),
            invite_listing_attempts: 3,
            invite_listing_spacing: Duration::from_secs(1),
            reconcile_interval: Duration::from_secs(10 * 60),
            reconcile_first_delay: Duration::ZERO,
            reconcile_backoff: Duration::from_secs(30),
            reconcile_backoff_max: Duration::from_secs(60 * 60),
            owner_retry: Duration::from_secs(5),
            sweep_interval: Duration::from_secs(60),
            session_lifetime: Duration::from_secs(30 * 24 * 3600),
            session_idle: Duration::from_secs(14 * 24 * 3600),
            admin_idle: Duration::from_secs(30 * 60),
            backup_interval: Duration::from_secs(24 * 3600),
            backup_first_delay: Duration::from_secs(60),
            plex_connect_timeout: Duration::from_secs(5),
            plex_request_timeout: Duration::from_secs(15),
            notify_backoff: Duration::from_secs(2),
            notify_timeout: Duration::from_secs(10),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_advanced() {
        let c = ManualClock::new(UNIX_EPOCH + Duration::from_secs(100));
        assert_eq!(c.unix(), 100);
        c.advance(Duration::from_secs(5));
        assert_eq!(c.unix(), 105);
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
    }
}
