//! The one layer every page and API answer passes through: security headers (style.md #8),
//! request logging that never prints a secret-bearing path, and the rendering of
//! [`PageError`]s into full pages. One middleware rather than three keeps the per-request cost
//! close to a bare axum page.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use super::error::PageError;
use super::views;
use crate::web::AppState;

/// The Content-Security-Policy for this install. Forms may post to this site and to Plex's
/// sign-in page (the "Sign in with Plex" form redirects there, and browsers check `form-action`
/// on redirects too): `https:` covers app.plex.tv; a plain-http `plex.auth_url` (the demo's
/// simulated plex.tv) is added by its origin, never a wildcard.
pub fn content_security_policy(auth_url: &url::Url) -> HeaderValue {
    const BASE: &str =
        "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self' https:";
    let origin = auth_url.origin();
    let csp = match auth_url.scheme() {
        "http" if origin.is_tuple() => format!("{BASE} {}", origin.ascii_serialization()),
        _ => BASE.to_owned(),
    };
    HeaderValue::from_str(&csp).unwrap_or(HeaderValue::from_static(BASE))
}

/// Paths whose answers must never be cached: sign-in, admin, setup, the API and a friend's own page.
fn is_private(path: &str) -> bool {
    [
        "/auth", "/admin", "/setup", "/me", "/api", "/i/", "/healthz", "/sso", "/request",
    ]
    .iter()
    .any(|p| path.starts_with(p))
}

/// Adds the security headers (keeping any a handler set itself).
pub fn add_security_headers(h: &mut HeaderMap, csp: &HeaderValue, private: bool) {
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert_with(|| csp.clone());
    h.entry(header::X_CONTENT_TYPE_OPTIONS)
        .or_insert(HeaderValue::from_static("nosniff"));
    h.entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("no-referrer"));
    h.entry(header::X_FRAME_OPTIONS)
        .or_insert(HeaderValue::from_static("DENY"));
    if private {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

/// Security headers, error pages and one log line per request. The path logged is the route
/// *template* (`/i/{code}`), never the raw path or query, so invite codes, setup codes and
/// admin links cannot reach the log.
pub async fn frame(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let private = is_private(req.uri().path());
    let method = req.method().clone();
    let route = req.extensions().get::<MatchedPath>().cloned();
    let chosen = super::lang::chosen(&state, &req);
    let mut resp = super::lang::within(chosen, async {
        let mut resp = next.run(req).await;
        if let Some(err) = resp.extensions_mut().remove::<PageError>() {
            resp = render_error(&state, &err, &resp);
        }
        resp
    })
    .await;
    add_security_headers(resp.headers_mut(), &state.csp, private);
    // Pages follow the visitor's language: a shared cache must keep one copy per language.
    resp.headers_mut().append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    let status = resp.status().as_u16();
    let route = route.as_ref().map_or("(unmatched)", MatchedPath::as_str);
    let ms = round_ms(started.elapsed());
    if status >= 500 {
        tracing::warn!(%method, route, status, ms, "request");
    } else {
        tracing::info!(%method, route, status, ms, "request");
    }
    resp
}

/// A duration in milliseconds with two decimals, as log lines show it (`ms=0.05`, not
/// `ms=0.054741000000000005`).
fn round_ms(d: std::time::Duration) -> f64 {
    (d.as_secs_f64() * 100_000.0).round() / 100.0
}

/// The full HTML page for `err` (rendered by the one error-page renderer), keeping the other
/// headers of `resp`. Appended, not inserted, so several `Set-Cookie` headers all survive.
fn render_error(state: &AppState, err: &PageError, resp: &Response) -> Response {
    let mut out = views::error_response(state, err);
    for (k, v) in resp.headers() {
        if k != header::CONTENT_TYPE && k != header::CONTENT_LENGTH && k != header::RETRY_AFTER {
            out.headers_mut().append(k.clone(), v.clone());
        }
    }
    out
}

/// A full error page outside the framed router (the path-prefix fallback).
pub fn error_page(state: &AppState, err: PageError) -> Response {
    let mut resp = views::error_response(state, &err);
    add_security_headers(resp.headers_mut(), &state.csp, false);
    resp
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn csp_allows_forms_to_reach_the_configured_sign_in_page_only() {
        for (auth_url, end) in [
            ("https://app.plex.tv/auth", "form-action 'self' https:"),
            (
                "http://127.0.0.1:4567/auth",
                "form-action 'self' https: http://127.0.0.1:4567",
            ),
        ] {
            let csp = content_security_policy(&auth_url.parse().unwrap());
            assert!(csp.to_str().unwrap().ends_with(end), "{auth_url}");
        }
    }

    #[test]
    fn private_paths_are_the_sign_in_admin_setup_api_and_friend_pages() {
        for p in [
            "/auth/plex",
            "/admin",
            "/admin/people",
            "/setup",
            "/me",
            "/api/v1/status",
            "/i/abc123",
            "/healthz",
            "/sso/auth",
            "/request",
        ] {
            assert!(is_private(p), "{p}");
        }
        for p in ["/", "/assets/style.css", "/join", "/favicon.ico"] {
            assert!(!is_private(p), "{p}");
        }
    }

    #[test]
    fn security_headers_are_added_without_replacing_a_handlers_own() {
        let csp = HeaderValue::from_static("default-src 'self'");
        let mut h = HeaderMap::new();
        add_security_headers(&mut h, &csp, false);
        assert_eq!(h[header::CONTENT_SECURITY_POLICY], "default-src 'self'");
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(h[header::REFERRER_POLICY], "no-referrer");
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
        assert!(
            !h.contains_key(header::CACHE_CONTROL),
            "public pages may be cached"
        );

        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("sandbox"),
        );
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("max-age=60"),
        );
        add_security_headers(&mut h, &csp, true);
        assert_eq!(h[header::CONTENT_SECURITY_POLICY], "sandbox");
        assert_eq!(h.get_all(header::CONTENT_SECURITY_POLICY).iter().count(), 1);
        assert_eq!(
            h[header::CACHE_CONTROL],
            "no-store",
            "private answers never cached"
        );
        assert_eq!(h.get_all(header::CACHE_CONTROL).iter().count(), 1);
    }

    #[test]
    fn request_durations_are_logged_with_two_decimals() {
        use std::time::Duration;
        assert_eq!(round_ms(Duration::from_nanos(54_741)).to_string(), "0.05");
        assert_eq!(round_ms(Duration::from_micros(12_346)).to_string(), "12.35");
        assert_eq!(round_ms(Duration::from_millis(3)).to_string(), "3");
    }
}
