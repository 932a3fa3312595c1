//! Per-client-IP rate limits (SPEC §4) on sign-in starts and failed API keys, built on governor.
//! The key is the resolved [`ClientIp`], never a raw `X-Forwarded-For` (crates.md: the stock
//! extractor believes any forwarded header).

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use governor::clock::{Clock as _, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::sync::lock;

/// A keyed limiter; `None` inside means the limit is turned off (`0` in config).
#[derive(Clone)]
pub struct IpLimiter {
    inner: Option<Arc<DefaultKeyedRateLimiter<IpAddr>>>,
}

impl std::fmt::Debug for IpLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IpLimiter")
            .field("enabled", &self.inner.is_some())
            .finish()
    }
}

impl IpLimiter {
    /// `per_minute` requests per IP per minute, allowed in a burst; 0 turns it off.
    pub fn per_minute(per_minute: u32) -> Self {
        Self {
            inner: NonZeroU32::new(per_minute)
                .map(|n| Arc::new(RateLimiter::keyed(Quota::per_minute(n)))),
        }
    }

    /// Counts one request from `ip`; `Err(wait)` when over the limit.
    pub fn check(&self, ip: IpAddr) -> Result<(), Duration> {
        let Some(limiter) = &self.inner else {
            return Ok(());
        };
        limiter
            .check_key(&ip)
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }

    /// Forgets IPs whose buckets are full again, so memory stays bounded.
    pub fn sweep(&self) {
        if let Some(limiter) = &self.inner {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

/// Counts failures (bad API keys) per IP; once over the limit, the IP is refused outright until
/// its wait is over, before any key is compared.
#[derive(Debug)]
pub struct FailureGate {
    limiter: IpLimiter,
    blocked: Mutex<HashMap<IpAddr, Instant>>,
}

impl FailureGate {
    /// At most `per_minute` failures per IP per minute.
    pub fn per_minute(per_minute: u32) -> Self {
        Self {
            limiter: IpLimiter::per_minute(per_minute),
            blocked: Mutex::new(HashMap::new()),
        }
    }

    /// How long `ip` must still wait, if it is blocked.
    pub fn blocked(&self, ip: IpAddr) -> Option<Duration> {
        let now = Instant::now();
        let mut map = lock(&self.blocked);
        let until = *map.get(&ip)?;
        if until > now {
            return Some(until - now);
        }
        map.remove(&ip);
        None
    }

    /// Records one failure; `Some(wait)` when this failure went over the limit.
    pub fn record(&self, ip: IpAddr) -> Option<Duration> {
        let wait = self.limiter.check(ip).err()?;
        lock(&self.blocked).insert(ip, Instant::now() + wait);
        Some(wait)
    }

    /// Drops expired blocks and full buckets.
    pub fn sweep(&self) {
        self.limiter.sweep();
        let now = Instant::now();
        lock(&self.blocked).retain(|_, until| *until > now);
    }
}

/// The `Retry-After` value for a wait: whole seconds, at least 1.
pub fn retry_after_secs(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0).max(u64::from(wait.as_secs() == 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_ip_and_zero_turns_off() {
        let l = IpLimiter::per_minute(2);
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        assert!(l.check(a).is_ok());
        assert!(l.check(a).is_ok());
        let wait = l.check(a);
        assert!(matches!(wait, Err(d) if d > Duration::from_secs(1)));
        assert!(l.check(b).is_ok());
        let off = IpLimiter::per_minute(0);
        for _ in 0..100 {
            assert!(off.check(a).is_ok());
        }
        assert_eq!(retry_after_secs(Duration::from_millis(10)), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(29_500)), 30);
    }
}
