//! Every cookie plexgate sets, in one place (style.md #7). On an https public URL the names
//! carry the `__Host-` prefix and `Secure` (`Path=/`, no `Domain`: host-only, so no sibling
//! host can plant or read them); on plain http, plain names without `Secure`. Always
//! `HttpOnly` and `SameSite=Lax`. Values are random ids (≥ 256 bits); the store only keeps
//! their SHA-256, so a cookie is the only place the id exists.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use axum_extra::extract::CookieJar;

use crate::config::PublicUrl;
use crate::crypto::random_token;

/// Random bytes in a cookie id: 256 bits (SPEC §4).
pub const ID_BYTES: usize = 32;

/// The three cookies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// One sign-in flow in progress (lives `timing.flow_ttl`).
    Flow,
    /// The account session (`/me`, forward auth).
    Account,
    /// The admin session, separate so it can idle out sooner.
    Admin,
}

impl Which {
    fn base_name(self) -> &'static str {
        match self {
            Which::Flow => "plexgate_flow",
            Which::Account => "plexgate_session",
            Which::Admin => "plexgate_admin",
        }
    }
}

/// The cookie name for `which` under this public URL.
pub fn name(public_url: &PublicUrl, which: Which) -> String {
    if public_url.is_https() {
        format!("__Host-{}", which.base_name())
    } else {
        which.base_name().to_owned()
    }
}

/// A fresh cookie id (base64url, 256 random bits).
pub fn new_id() -> String {
    random_token(ID_BYTES)
}

/// The `Set-Cookie` value that stores `value`; `max_age: None` makes a browser-session cookie.
pub fn set(public_url: &PublicUrl, which: Which, value: &str, max_age: Option<Duration>) -> String {
    let age = max_age.map_or_else(String::new, |d| format!("; Max-Age={}", d.as_secs()));
    format!(
        "{}={value}; Path=/{age}{}",
        name(public_url, which),
        attributes(public_url)
    )
}

/// The `Set-Cookie` value that deletes the cookie (same name and attributes, `Max-Age=0`).
pub fn expire(public_url: &PublicUrl, which: Which) -> String {
    format!(
        "{}=; Path=/; Max-Age=0{}",
        name(public_url, which),
        attributes(public_url)
    )
}

fn attributes(public_url: &PublicUrl) -> &'static str {
    if public_url.is_https() {
        "; HttpOnly; SameSite=Lax; Secure"
    } else {
        "; HttpOnly; SameSite=Lax"
    }
}

/// The cookie's value in a request, if present and plausibly one of ours.
pub fn get(headers: &HeaderMap, public_url: &PublicUrl, which: Which) -> Option<String> {
    let jar = CookieJar::from_headers(headers);
    let value = jar.get(&name(public_url, which))?.value().to_owned();
    // Anything else is not an id we issued; not worth a store lookup.
    let plausible = !value.is_empty()
        && value.len() <= 128
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    plausible.then_some(value)
}

/// Appends a `Set-Cookie` header built by [`set`] or [`expire`].
pub fn append(resp: &mut Response, set_cookie: &str) {
    // Our values are base64url and fixed attributes, so this never fails; if it somehow did,
    // dropping the header is safer than answering with a broken one.
    if let Ok(v) = HeaderValue::from_str(set_cookie) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
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
        assert_eq!(new_id().len(), 43);
    }
}
