//! `sso.cookie_domain` checks (SPEC §8): the parent domain of the guarded apps must contain the
//! public URL's host and must not be an IP, a single label or a public suffix (the Public
//! Suffix List with its private section, embedded by the `psl` crate: no download at run time).

use std::net::IpAddr;

/// Lowercases, IDNA-encodes and drops one trailing dot; `None` when `raw` is no domain name.
pub fn normalize_host(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed);
    if trimmed.is_empty() {
        return None;
    }
    let ascii = url::Host::parse(trimmed).ok()?;
    match ascii {
        url::Host::Domain(d) => Some(d.to_ascii_lowercase()),
        // Bracketed v6 or dotted v4: keep a recognisable form so callers can refuse it.
        url::Host::Ipv4(ip) => Some(ip.to_string()),
        url::Host::Ipv6(ip) => Some(ip.to_string()),
    }
}

/// Whether `host` (already normalised) is an IP literal.
pub fn is_ip(host: &str) -> bool {
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .is_ok()
}

/// Whether normalised `host` equals `domain` or ends with `.` + `domain`.
pub fn within(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// Checks `raw` as a cookie domain for a public URL whose host is `public_host`; returns the
/// normalised domain or a message (the caller names the key).
pub fn check(raw: &str, public_host: &str) -> Result<String, String> {
    let domain = normalize_host(raw).ok_or_else(|| format!("`{raw}` is not a domain name"))?;
    if is_ip(&domain) {
        return Err(format!(
            "`{raw}` is an IP address; cookies for sibling apps need a domain name"
        ));
    }
    if !domain.contains('.') {
        return Err(format!(
            "`{raw}` is a single label; use a parent domain such as example.com"
        ));
    }
    let is_suffix =
        psl::suffix(domain.as_bytes()).is_some_and(|s| s.as_bytes() == domain.as_bytes());
    if is_suffix {
        return Err(format!(
            "`{raw}` is a public suffix (Public Suffix List): browsers refuse cookies for it; use your own domain below it"
        ));
    }
    let host = normalize_host(public_host).unwrap_or_default();
    if !within(&host, &domain) {
        return Err(format!(
            "`{raw}` does not contain the public URL's host `{public_host}` (server.public_url)"
        ));
    }
    Ok(domain)
}

/// Checks an app's `host` (`a.example.com` or `*.example.com`) lies inside `domain`.
pub fn check_app_host(raw: &str, domain: &str) -> Result<(), String> {
    // `*.example.com` covers one label below `example.com`, so its parent must lie inside.
    let rest = raw.trim().strip_prefix("*.").unwrap_or(raw.trim());
    let host = normalize_host(rest).ok_or_else(|| format!("`{raw}` is not a host name"))?;
    if is_ip(&host) {
        return Err(format!("`{raw}` is an IP address, not a host name"));
    }
    if within(&host, domain) {
        Ok(())
    } else {
        Err(format!(
            "app host `{raw}` is not inside sso.cookie_domain `{domain}`"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_ips_single_labels_and_suffixes() {
        let host = "auth.example.com";
        assert_eq!(check("Example.COM.", host).as_deref(), Ok("example.com"));
        for bad in [
            "127.0.0.1",
            "[::1]",
            "localhost",
            "com",
            "co.uk",
            "duckdns.org",
            "",
            "other.com",
        ] {
            assert!(check(bad, host).is_err(), "{bad}");
        }
        assert!(check("me.duckdns.org", "plex.me.duckdns.org").is_ok());
        assert!(check("example.com", "notexample.com").is_err());
    }

    #[test]
    fn app_hosts_lie_inside() {
        assert!(check_app_host("a.example.com", "example.com").is_ok());
        assert!(check_app_host("*.example.com", "example.com").is_ok());
        assert!(check_app_host("a.example.com.evil.test", "example.com").is_err());
        assert!(check_app_host("10.0.0.1", "example.com").is_err());
    }
}
