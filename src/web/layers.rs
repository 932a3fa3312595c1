//! Layers applied once at the root: security headers (style.md #8), request logging that never
//! prints a secret-bearing path, and the rendering of [`PageError`]s into full pages.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::error::PageError;
use super::templates::Chrome;
use crate::app::AppState;

const CSP: &str =
    "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self' https:";

/// Paths whose answers must never be cached: sign-in, admin, setup, the API and a friend's own page.
fn is_private(path: &str) -> bool {
    [
        "/auth", "/admin", "/setup", "/me", "/api", "/i/", "/healthz", "/sso",
    ]
    .iter()
    .any(|p| path.starts_with(p))
}

/// Adds the security headers to every answer.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let private = is_private(req.uri().path());
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: HeaderName, v: &'static str| {
        h.entry(k).or_insert(HeaderValue::from_static(v));
    };
    set(h, header::CONTENT_SECURITY_POLICY, CSP);
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    if private {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

/// Logs one line per request. The path logged is the route *template* (`/i/{code}`), never the
/// raw path or query, so invite codes, setup codes and admin links cannot reach the log.
pub async fn log_requests(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(unmatched)".to_owned(), |m| m.as_str().to_owned());
    let resp = next.run(req).await;
    let status = resp.status().as_u16();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::warn!(%method, %route, status, ms, "request");
    } else {
        tracing::info!(%method, %route, status, ms, "request");
    }
    resp
}

#[derive(Serialize)]
struct ErrorPage<'a> {
    message: &'a str,
}

/// Turns a [`PageError`] carried in a response into the full HTML page.
pub async fn render_page_errors(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let mut resp = next.run(req).await;
    let Some(err) = resp.extensions_mut().remove::<PageError>() else {
        return resp;
    };
    let chrome = Chrome {
        prefix: state.prefix(),
        title: &err.title,
    };
    let page = ErrorPage {
        message: &err.message,
    };
    match state.templates.render("error.html", &chrome, &page) {
        Ok(html) => {
            let mut out = (err.status, html).into_response();
            for (k, v) in resp.headers() {
                if k != header::CONTENT_TYPE && k != header::CONTENT_LENGTH {
                    out.headers_mut().insert(k.clone(), v.clone());
                }
            }
            out
        }
        Err(_) => resp,
    }
}
