//! The host half of the `rd` check (SPEC §8): after the raw-text checks in `web::next`, a URL
//! parsed with the WHATWG parser must be https (or http when the public URL is), carry no
//! userinfo, and name a host inside the cookie domain that is not an IP literal.

use url::Url;

use crate::config::cookie_domain::{is_ip, within};

/// The longest `rd` kept.
pub const MAX_RD_BYTES: usize = 2048;

/// The parsed `rd` when it may be followed, else `None`. `raw` has passed the raw-text checks.
pub fn rd_target(raw: &str, allow_http: bool, cookie_domain: &str) -> Option<Url> {
    let url = Url::parse(raw).ok()?;
    let scheme_ok = url.scheme() == "https" || (allow_http && url.scheme() == "http");
    if !scheme_ok || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let host = match url.host()? {
        url::Host::Domain(d) => d.to_ascii_lowercase(),
        url::Host::Ipv4(_) | url::Host::Ipv6(_) => return None,
    };
    let host = host.strip_suffix('.').unwrap_or(&host);
    if host.is_empty() || is_ip(host) {
        return None;
    }
    within(host, cookie_domain).then_some(url)
}
