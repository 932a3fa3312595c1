//! The OIDC pages (one template, `oidc.html`): errors that must never redirect, the welcome
//! page naming the app, the 403 page with "Back to {app}", the form-post answer and the
//! signed-out page.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::i18n::tr;
use crate::web::AppState;
use crate::web::views::{self, Action};

/// An auto-answer form (response_mode=form_post) the browser submits with one press.
#[derive(Serialize)]
pub struct PostForm {
    /// The redirect URI.
    pub action: String,
    /// Name/value pairs.
    pub fields: Vec<(String, String)>,
    /// Button text.
    pub label: String,
}

#[derive(Serialize)]
struct Page<'a> {
    lines: &'a [String],
    link: Option<Action>,
    form: Option<PostForm>,
}

/// Renders `oidc.html`.
pub fn page(
    state: &AppState,
    status: StatusCode,
    title: &str,
    lines: &[String],
    link: Option<Action>,
    form: Option<PostForm>,
) -> Response {
    match state.render("oidc.html", title, &Page { lines, link, form }) {
        Ok(html) => (status, html).into_response(),
        Err(e) => views::error_response(state, &e),
    }
}

/// An authorize request that names no registered app or return address: a page, never a
/// redirect (it could send the browser anywhere).
pub fn bad_request(state: &AppState, why: &str) -> Response {
    page(
        state,
        StatusCode::BAD_REQUEST,
        &tr("oidc-bad-link-title"),
        &[why.to_owned(), tr("oidc-bad-link")],
        None,
        None,
    )
}
