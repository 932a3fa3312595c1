//! Reading what the proxy says about the original request (SPEC §8). Anything missing (when
//! required), empty, repeated, a comma list, not a valid URL part, or carrying CR/LF/NUL or `#`
//! is a 400: a confused proxy must not be guessed at.

use axum::http::HeaderMap;
use url::Url;

/// The original request as the proxy described it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    /// The full URL (`scheme://host[:port]/path?query`), as sent back in `rd`.
    pub url: String,
    /// Host, lowercase, one trailing dot dropped, no port.
    pub host: String,
    /// The raw path (no query).
    pub path: String,
    /// The method (`GET` when not given).
    pub method: String,
}

/// Why the headers were refused (the 400's message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadHeaders(pub String);

fn one<'a>(h: &'a HeaderMap, name: &str, list_ok: bool) -> Result<Option<&'a str>, BadHeaders> {
    let mut all = h.get_all(name).iter();
    let Some(first) = all.next() else {
        return Ok(None);
    };
    if all.next().is_some() {
        return Err(BadHeaders(format!("{name} is repeated")));
    }
    let v = first
        .to_str()
        .map_err(|_| BadHeaders(format!("{name} is not ASCII")))?;
    if v.trim().is_empty() {
        return Err(BadHeaders(format!("{name} is empty")));
    }
    if v.contains(['\r', '\n', '\0', '#']) || v.chars().any(|c| c.is_control()) {
        return Err(BadHeaders(format!("{name} carries a forbidden character")));
    }
    if !list_ok && v.contains(',') {
        return Err(BadHeaders(format!("{name} is a list")));
    }
    Ok(Some(v.trim()))
}

fn required<'a>(h: &'a HeaderMap, name: &str, list_ok: bool) -> Result<&'a str, BadHeaders> {
    one(h, name, list_ok)?.ok_or_else(|| BadHeaders(format!("{name} is missing")))
}

fn method(h: &HeaderMap, name: &str) -> Result<String, BadHeaders> {
    match one(h, name, false)? {
        None => Ok("GET".to_owned()),
        Some(m) if m.bytes().all(|b| b.is_ascii_alphabetic()) && m.len() <= 16 => {
            Ok(m.to_ascii_uppercase())
        }
        Some(_) => Err(BadHeaders(format!("{name} is not a method"))),
    }
}

fn host_of(url: &Url) -> Result<String, BadHeaders> {
    let host = url
        .host_str()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| BadHeaders("the original URL has no host".to_owned()))?;
    let host = host.to_ascii_lowercase();
    Ok(host.strip_suffix('.').unwrap_or(&host).to_owned())
}

fn checked_url(raw: &str) -> Result<Url, BadHeaders> {
    // URL parsers read `http:///x` (and `http:x`) as host `x`: the text itself must have one.
    let authority = raw.split_once("://").map_or("", |(_, rest)| {
        rest.split(['/', '\\', '?']).next().unwrap_or_default()
    });
    if authority.is_empty() {
        return Err(BadHeaders("the original URL has no host".to_owned()));
    }
    let url =
        Url::parse(raw).map_err(|_| BadHeaders("the original URL is not a URL".to_owned()))?;
    if !matches!(url.scheme(), "http" | "https")
        || !url.username().is_empty()
        || url.password().is_some()
    {
        return Err(BadHeaders(
            "the original URL must be http(s) without userinfo".to_owned(),
        ));
    }
    Ok(url)
}

/// The raw path of a request target (`/p?q`): everything before `?`.
fn raw_path(target: &str) -> &str {
    target.split_once('?').map_or(target, |(p, _)| p)
}

/// An error unless `X-Original-URL` and `X-Forwarded-Host` (when both are sent) name one host.
fn same_host(h: &HeaderMap) -> Result<(), BadHeaders> {
    let (Some(original), Some(fwd)) = (
        one(h, "x-original-url", true)?,
        one(h, "x-forwarded-host", false)?,
    ) else {
        return Ok(());
    };
    let original = host_of(&checked_url(original)?)?;
    if host_of(&checked_url(&format!("http://{fwd}/"))?)? != original {
        return Err(BadHeaders(
            "X-Original-URL and X-Forwarded-Host name different hosts".to_owned(),
        ));
    }
    Ok(())
}

/// nginx: `X-Original-URL` (required), `X-Original-Method`; an `X-Forwarded-Host` beside it must
/// name the same host.
pub fn nginx(h: &HeaderMap) -> Result<Original, BadHeaders> {
    let raw = required(h, "x-original-url", true)?;
    let url = checked_url(raw)?;
    let host = host_of(&url)?;
    same_host(h)?;
    // The path as the client sent it: after the authority, before the query.
    let after_scheme = raw.split_once("://").map_or("", |(_, r)| r);
    let target = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    Ok(Original {
        url: raw.to_owned(),
        host,
        path: raw_path(target).to_owned(),
        method: method(h, "x-original-method")?,
    })
}

/// Traefik / Caddy: `X-Forwarded-Proto`, `-Host`, `-Uri` (all required), `-Method`; an
/// `X-Original-URL` beside them must name the same host.
pub fn forward(h: &HeaderMap) -> Result<Original, BadHeaders> {
    same_host(h)?;
    let proto = required(h, "x-forwarded-proto", false)?.to_ascii_lowercase();
    if !matches!(proto.as_str(), "http" | "https") {
        return Err(BadHeaders(
            "X-Forwarded-Proto is not http or https".to_owned(),
        ));
    }
    let host_raw = required(h, "x-forwarded-host", false)?;
    if host_raw.contains(['/', '?', '@', '\\']) {
        return Err(BadHeaders("X-Forwarded-Host is not a host".to_owned()));
    }
    let uri = required(h, "x-forwarded-uri", true)?;
    if !uri.starts_with('/') {
        return Err(BadHeaders("X-Forwarded-Uri must start with /".to_owned()));
    }
    let full = format!("{proto}://{host_raw}{uri}");
    let url = checked_url(&full)?;
    Ok(Original {
        host: host_of(&url)?,
        url: full,
        path: raw_path(uri).to_owned(),
        method: method(h, "x-forwarded-method")?,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use axum::http::HeaderValue;

    fn h(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.append(*k, HeaderValue::from_static(v));
        }
        m
    }

    #[test]
    fn nginx_reads_the_original_url() {
        let o = nginx(&h(&[("x-original-url", "https://A.example.com./x/y?q=1")])).unwrap();
        assert_eq!(
            (o.host.as_str(), o.path.as_str(), o.method.as_str()),
            ("a.example.com", "/x/y", "GET")
        );
        for bad in [
            h(&[]),
            h(&[("x-original-url", "")]),
            h(&[("x-original-url", "https://a.example.com/#x")]),
            h(&[("x-original-url", "https://u@a.example.com/")]),
            h(&[
                ("x-original-url", "https://a.example.com/"),
                ("x-original-url", "https://b.example.com/"),
            ]),
            h(&[
                ("x-original-url", "https://a.example.com/"),
                ("x-forwarded-host", "b.example.com"),
            ]),
            h(&[
                ("x-original-url", "https://a.example.com/"),
                ("x-original-method", "GET, POST"),
            ]),
            h(&[("x-original-url", "http:///x")]),
            h(&[("x-original-url", "https:///a.example.com/x")]),
            h(&[("x-original-url", "http:a.example.com/x")]),
            h(&[("x-original-url", "https://?x")]),
        ] {
            assert!(nginx(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn forward_needs_all_three() {
        let o = forward(&h(&[
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "a.example.com:8443"),
            ("x-forwarded-uri", "/api/x?y=1"),
            ("x-forwarded-method", "post"),
        ]))
        .unwrap();
        assert_eq!(o.url, "https://a.example.com:8443/api/x?y=1");
        assert_eq!(
            (o.host.as_str(), o.method.as_str()),
            ("a.example.com", "POST")
        );
        assert!(
            forward(&h(&[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "a.example.com")
            ]))
            .is_err()
        );
        assert!(
            forward(&h(&[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "a.example.com, b.example.com"),
                ("x-forwarded-uri", "/"),
            ]))
            .is_err()
        );
        let beside = |original: &'static str| {
            forward(&h(&[
                ("x-forwarded-proto", "https"),
                ("x-forwarded-host", "a.example.com"),
                ("x-forwarded-uri", "/x"),
                ("x-original-url", original),
            ]))
        };
        assert_eq!(
            beside("https://b.example.com/x"),
            Err(BadHeaders(
                "X-Original-URL and X-Forwarded-Host name different hosts".to_owned()
            ))
        );
        assert!(beside("http:///x").is_err());
        assert_eq!(
            beside("https://A.example.com./x").unwrap().host,
            "a.example.com"
        );
    }
}
