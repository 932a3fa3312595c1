//! Public pages: the welcome page, the setup entry and the stylesheet.

use axum::extract::{Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::client_ip::ClientIp;
use super::error::PageError;
use super::templates::{Chrome, STYLE_CSS};
use crate::app::AppState;

#[derive(Serialize)]
struct IndexPage<'a> {
    welcome: &'a str,
    ready: bool,
    /// Set on an invite link's welcome page (`web::public`).
    invite: Option<&'a str>,
}

/// `GET /`: the owner's welcome page with one big button.
pub async fn index(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let chrome = Chrome {
        prefix: state.prefix(),
        title: "Welcome",
    };
    let page = IndexPage {
        welcome: "Sign in with your Plex account to get access to this Plex server.",
        ready: state.owner_configured(),
        invite: None,
    };
    state.templates.render("index.html", &chrome, &page)
}

/// A page with nothing but the chrome.
#[derive(Serialize)]
struct Empty {}

/// The setup link's query.
#[derive(Deserialize)]
pub struct SetupQuery {
    code: Option<String>,
}

/// `GET /setup?code=…`: only the holder of the printed one-time code gets past this page.
pub async fn setup(
    State(state): State<AppState>,
    Query(q): Query<SetupQuery>,
) -> Result<Html<String>, PageError> {
    let Some(expected) = state.setup_code.as_ref() else {
        return Err(PageError::new(
            StatusCode::NOT_FOUND,
            "Already set up",
            "This plexgate already has an owner. Sign in from the admin page instead.",
        ));
    };
    if !q.code.as_deref().is_some_and(|c| expected.ct_eq(c)) {
        return Err(PageError::new(
            StatusCode::FORBIDDEN,
            "Setup code needed",
            "This page needs the one-time setup link that plexgate printed when it started.",
        ));
    }
    let chrome = Chrome {
        prefix: state.prefix(),
        title: "Set up plexgate",
    };
    state.templates.render("setup.html", &chrome, &Empty {})
}

/// `GET /assets/style.css`.
pub async fn style_css() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/css")),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            ),
        ],
        STYLE_CSS,
    )
        .into_response()
}

/// Unknown page.
pub async fn not_found() -> PageError {
    PageError::not_found()
}

/// Rate-limits sign-in starts per client IP (SPEC §4), answering the 429 page.
pub async fn limit_signins(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    req: Request,
    next: Next,
) -> Response {
    match state.signin_limiter.check(ip) {
        Ok(()) => next.run(req).await,
        Err(wait) => PageError::rate_limited(wait).into_response(),
    }
}
