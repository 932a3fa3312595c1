//! `sso.cookie_domain` checks (SPEC §8): the parent domain of the guarded apps must contain the
//! public URL's host and must not be an IP, a single label or a public suffix (the Public
//! Suffix List with its private section, embedded as text: no download at run time).

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
    if is_public_suffix(&domain) {
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

/// The Public Suffix List, ICANN and private sections (a copy of the one the `psl` crate
/// compiles into code: as text it is a tenth of the binary's size, and it is read only here).
const PUBLIC_SUFFIX_LIST: &str = include_str!("public_suffix_list.dat");

/// Whether normalised `domain` is itself a public suffix: a listed name, or one label below a
/// wildcard rule, and not an exception; an unlisted single label counts (the implicit `*` rule).
fn is_public_suffix(domain: &str) -> bool {
    is_public_suffix_in(PUBLIC_SUFFIX_LIST.lines(), domain)
}

/// [`is_public_suffix`] against `rules` (lines of the list). Rules written in Unicode are compared
/// with the Unicode form of `domain`'s IDNA (`xn--`) labels.
fn is_public_suffix_in<'a>(rules: impl Iterator<Item = &'a str>, domain: &str) -> bool {
    let unicode = domain
        .contains("xn--")
        .then(|| idna::domain_to_unicode(domain).0);
    let unicode = unicode.as_deref();
    fn parent(d: &str) -> Option<&str> {
        d.split_once('.').map(|(_, p)| p)
    }
    // A Unicode name can only equal the Unicode form of an IDNA domain.
    let same = |name: &str, ascii: Option<&str>, uni: Option<&str>| {
        if name.is_ascii() {
            Some(name) == ascii
        } else {
            uni.is_some() && Some(name) == uni
        }
    };
    let mut listed = !domain.contains('.');
    for rule in rules {
        if rule.is_empty() || rule.starts_with("//") {
            continue;
        }
        if let Some(name) = rule.strip_prefix('!') {
            if same(name, Some(domain), unicode) {
                return false;
            }
        } else if let Some(name) = rule.strip_prefix("*.") {
            listed |= same(name, parent(domain), unicode.and_then(parent));
        } else {
            listed |= same(rule, Some(domain), unicode);
        }
    }
    listed
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

    /// The list as text answers as the `psl` crate's compiled list (same list version) for every
    /// listed name in its IDNA form, the name one label up, and a name one label below each
    /// wildcard and exception rule. (Each name is checked against the rules of its top-level
    /// label only: no other rule can match it, and the whole list per name is too slow unoptimised.)
    /// The one difference: a name that a wildcard rule covers and that has a wildcard rule of its
    /// own (`*.run.app` and `*.mtls.run.app`: `mtls.run.app`) is a suffix by the list's algorithm
    /// and to browsers, which the compiled list misses; here it is refused, as browsers do.
    #[test]
    fn the_embedded_list_answers_as_the_psl_crate() {
        let mut names = std::collections::BTreeSet::new();
        let mut by_tld: std::collections::HashMap<String, Vec<&str>> = Default::default();
        for rule in PUBLIC_SUFFIX_LIST
            .lines()
            .filter(|r| !r.is_empty() && !r.starts_with("//"))
        {
            let bare = rule.trim_start_matches('!').trim_start_matches("*.");
            let name = normalize_host(bare).unwrap_or_else(|| panic!("{rule}"));
            let tld = name.rsplit('.').next().unwrap_or_default().to_owned();
            by_tld.entry(tld).or_default().push(rule);
            if bare.len() != rule.len() {
                names.insert(format!("x.{name}"));
            }
            if let Some((_, parent)) = name.split_once('.') {
                names.insert(parent.to_owned());
            }
            names.insert(name);
        }
        assert!(names.len() > 10_000, "{}", names.len());
        let mut suffixes = 0;
        let mut differ = Vec::new();
        for name in &names {
            let tld = name.rsplit('.').next().unwrap_or_default();
            let rules = by_tld.get(tld).into_iter().flatten().copied();
            let ours = is_public_suffix_in(rules, name);
            let psl = psl::suffix(name.as_bytes()).is_some_and(|s| s == name.as_bytes());
            let below_nested_wildcard = name.split_once('.').is_some_and(|(_, parent)| {
                let rules = by_tld.get(tld).into_iter().flatten();
                let wildcard = |n: &str| rules.clone().any(|r| r.strip_prefix("*.") == Some(n));
                wildcard(parent) && wildcard(name)
            });
            if ours != psl && !(ours && below_nested_wildcard) {
                differ.push(format!("{name}: ours {ours}, psl {psl}"));
            }
            suffixes += usize::from(ours);
        }
        assert!(differ.is_empty(), "{differ:#?}");
        assert!(suffixes > 9_000, "{suffixes}");
        for (name, suffix) in [
            ("github.io", true),
            ("duckdns.org", true),
            ("me.duckdns.org", false),
            ("x.ck", true),
            ("www.ck", false),
            ("xn--55qx5d.cn", true),
            ("mtls.run.app", true),
            ("example.com", false),
            ("nosuchtld", true),
        ] {
            assert_eq!(is_public_suffix(name), suffix, "{name}");
        }
    }

    #[test]
    fn app_hosts_lie_inside() {
        assert!(check_app_host("a.example.com", "example.com").is_ok());
        assert!(check_app_host("*.example.com", "example.com").is_ok());
        assert!(check_app_host("a.example.com.evil.test", "example.com").is_err());
        assert!(check_app_host("10.0.0.1", "example.com").is_err());
    }
}
