//! The localhost / 127.0.0.1 trap (issue 20, SPEC §2.2): the sign-in flow's cookie is set on the
//! host the browser used, and Plex sends the friend back to the public URL's host. While
//! `server.public_url` is not set, a browser that reached plexgate by another host name or
//! address (`127.0.0.1` for `localhost`, a LAN address) is therefore sent to the public URL's
//! host before a sign-in starts, so both are the same host. A configured public URL is the
//! operator's word: nothing is redirected then.

use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::Response;

use super::sessions::see_other;
use crate::web::AppState;

/// The pages a sign-in starts from (or leads to), where the host matters.
fn starts_sign_in(path: &str) -> bool {
    matches!(
        path,
        "/" | "/auth/plex" | "/setup" | "/setup/connect" | "/me" | "/admin/signin"
    ) || path.starts_with("/i/")
        || path == "/admin"
        || path.starts_with("/admin/")
}

/// `host[:port]` of the public URL, as a browser sends it in `Host`.
fn public_authority(state: &AppState) -> String {
    let url = state.config.server.public_url.as_url();
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

/// Middleware: 303 to the same path on the public URL's host when the browser used another.
pub async fn same_host(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let applies = !state.config.is_set("server.public_url")
        && matches!(*req.method(), Method::GET | Method::HEAD)
        && starts_sign_in(req.uri().path());
    if !applies {
        return next.run(req).await;
    }
    let want = public_authority(&state);
    let got = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    if got.is_empty() || got.eq_ignore_ascii_case(&want) {
        return next.run(req).await;
    }
    let url = state.config.server.public_url.as_url();
    let path = req.uri().path_and_query().map_or("/", |p| p.as_str());
    see_other(&format!("{}://{want}{path}", url.scheme()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_that_lead_to_a_sign_in() {
        for p in [
            "/",
            "/i/abc",
            "/auth/plex",
            "/setup",
            "/admin",
            "/admin/users",
            "/me",
        ] {
            assert!(starts_sign_in(p), "{p}");
        }
        for p in [
            "/healthz",
            "/api/v1/users",
            "/assets/style.css",
            "/auth/plex/callback",
        ] {
            assert!(!starts_sign_in(p), "{p}");
        }
    }
}
