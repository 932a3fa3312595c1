//! Every cookie plexgate sets, in one place (style.md #7). On an https public URL the names
//! carry the `__Host-` prefix and `Secure` (`Path=/`, no `Domain`: host-only, so no sibling
//! host can plant or read them); on plain http, plain names without `Secure`. Always
//! `HttpOnly` and `SameSite=Lax`. Values are random ids (≥ 256 bits); the store only keeps
//! their SHA-256, so a cookie is the only place the id exists.
//!
//! With forward auth on (SPEC §8), the account cookie alone is shared with the sibling apps:
//! `Domain={sso.cookie_domain}` and, on https, the `__Secure-` prefix (`__Host-` forbids a
//! Domain). Flow and admin cookies stay host-only whatever the setting.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use axum_extra::extract::CookieJar;

use crate::config::{Config, PublicUrl};

/// The cookies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// One sign-in flow in progress (lives `timing.flow_ttl`).
    Flow,
    /// The account session (`/me`, forward auth).
    Account,
    /// The admin session, separate so it can idle out sooner.
    Admin,
    /// A refused sign-in's page, kept 10 minutes so a reload shows it again.
    Refusal,
    /// The language picked on a page (issue 24); not a secret.
    Lang,
}

impl Which {
    fn base_name(self) -> &'static str {
        match self {
            Which::Flow => "plexgate_flow",
            Which::Account => "plexgate_session",
            Which::Admin => "plexgate_admin",
            Which::Refusal => "plexgate_refusal",
            Which::Lang => "plexgate_lang",
        }
    }
}

/// What decides a cookie's name and attributes: the public URL, and the cookie domain when
/// forward auth shares the account cookie. `&PublicUrl` alone means host-only cookies.
pub trait Scope {
    /// The public URL.
    fn public_url(&self) -> &PublicUrl;
    /// `sso.cookie_domain` while `sso.enabled`.
    fn sso_domain(&self) -> Option<&str>;
}

impl Scope for PublicUrl {
    fn public_url(&self) -> &PublicUrl {
        self
    }
    fn sso_domain(&self) -> Option<&str> {
        None
    }
}

impl Scope for Config {
    fn public_url(&self) -> &PublicUrl {
        &self.server.public_url
    }
    fn sso_domain(&self) -> Option<&str> {
        let domain = self.sso.cookie_domain.as_deref().map(str::trim);
        domain.filter(|_| self.sso.enabled)
    }
}

/// The domain `which` is scoped to: only the account cookie, only with forward auth on.
fn domain_of(scope: &(impl Scope + ?Sized), which: Which) -> Option<&str> {
    (which == Which::Account)
        .then(|| scope.sso_domain())
        .flatten()
        .map(|d| d.trim_end_matches('.'))
}

/// The cookie name for `which` under this scope.
pub fn name(scope: &(impl Scope + ?Sized), which: Which) -> String {
    match (scope.public_url().is_https(), domain_of(scope, which)) {
        (true, Some(_)) => format!("__Secure-{}", which.base_name()),
        (true, None) => format!("__Host-{}", which.base_name()),
        (false, _) => which.base_name().to_owned(),
    }
}

/// The `Set-Cookie` value that stores `value`; `max_age: None` makes a browser-session cookie.
pub fn set(
    scope: &(impl Scope + ?Sized),
    which: Which,
    value: &str,
    max_age: Option<Duration>,
) -> String {
    let age = max_age.map_or_else(String::new, |d| format!("; Max-Age={}", d.as_secs()));
    format!(
        "{}={value}; Path=/{}{age}{}",
        name(scope, which),
        domain_attr(scope, which),
        attributes(scope.public_url())
    )
}

/// The `Set-Cookie` value that deletes the cookie (same name and attributes, `Max-Age=0`).
pub fn expire(scope: &(impl Scope + ?Sized), which: Which) -> String {
    set(scope, which, "", Some(Duration::ZERO))
}

fn domain_attr(scope: &(impl Scope + ?Sized), which: Which) -> String {
    domain_of(scope, which).map_or_else(String::new, |d| format!("; Domain={d}"))
}

fn attributes(public_url: &PublicUrl) -> &'static str {
    if public_url.is_https() {
        "; HttpOnly; SameSite=Lax; Secure"
    } else {
        "; HttpOnly; SameSite=Lax"
    }
}

/// The cookie's value in a request, if present and plausibly one of ours.
pub fn get(headers: &HeaderMap, scope: &(impl Scope + ?Sized), which: Which) -> Option<String> {
    let jar = CookieJar::from_headers(headers);
    let value = jar.get(&name(scope, which))?.value().to_owned();
    // Anything else is not an id we issued; not worth a store lookup.
    let plausible = !value.is_empty()
        && value.len() <= 128
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    plausible.then_some(value)
}

/// `resp` with a `Set-Cookie` header for each value built by [`set`] or [`expire`].
pub fn with(mut resp: Response, set_cookies: &[String]) -> Response {
    for set_cookie in set_cookies {
        // Our values are base64url and fixed attributes, so this never fails; if it somehow
        // did, dropping the header is safer than answering with a broken one.
        if let Ok(v) = HeaderValue::from_str(set_cookie) {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn https_uses_host_prefix_and_secure() {
        let url = PublicUrl::parse("https://plex.example.com/gate").unwrap();
        let c = set(&url, Which::Account, "abc", Some(Duration::from_secs(60)));
        assert_eq!(
            c,
            "__Host-plexgate_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure"
        );
        assert!(!c.contains("Domain"));
        let e = expire(&url, Which::Flow);
        assert!(e.starts_with("__Host-plexgate_flow=; Path=/; Max-Age=0"));
        assert!(e.ends_with("Secure"));
    }

    #[test]
    fn http_uses_plain_names_without_secure() {
        let url = PublicUrl::parse("http://127.0.0.1:8080").unwrap();
        let c = set(&url, Which::Admin, "abc", None);
        assert_eq!(c, "plexgate_admin=abc; Path=/; HttpOnly; SameSite=Lax");
    }

    #[test]
    fn sso_shares_only_the_account_cookie() {
        let env = |k: &str| match k {
            "PLEXGATE_SERVER_PUBLIC_URL" => Some("https://auth.example.com".to_owned()),
            "PLEXGATE_SSO_ENABLED" => Some("true".to_owned()),
            "PLEXGATE_SSO_COOKIE_DOMAIN" => Some("example.com".to_owned()),
            _ => None,
        };
        let config = Config::from_toml_str("", std::path::Path::new("t.toml"), &env).unwrap();
        let c = set(&config, Which::Account, "abc", None);
        assert_eq!(
            c,
            "__Secure-plexgate_session=abc; Path=/; Domain=example.com; HttpOnly; SameSite=Lax; Secure"
        );
        assert!(
            set(&config, Which::Admin, "a", None)
                .starts_with("__Host-plexgate_admin=a; Path=/; HttpOnly")
        );
        assert!(expire(&config, Which::Account).contains("Domain=example.com; Max-Age=0"));
    }

    #[test]
    fn reads_only_plausible_ids() {
        let url = PublicUrl::parse("http://127.0.0.1:8080").unwrap();
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("x=1; plexgate_flow=AbC-_9; plexgate_session=a%20b"),
        );
        assert_eq!(get(&h, &url, Which::Flow).as_deref(), Some("AbC-_9"));
        assert_eq!(get(&h, &url, Which::Account), None);
        assert_eq!(get(&h, &url, Which::Admin), None);
    }
}
