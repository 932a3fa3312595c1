//! The admin entry (SPEC §3): `GET /admin`, the landing page for owner and co-admins (the
//! [`AdminSession`] extractor sends anonymous visitors to the sign-in page and answers 403 to
//! other accounts), and `GET /admin/signin`, whose button starts an `admin` flow.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::next::{is_admin_path, local_path};
use super::sessions::AdminSession;
use super::templates::Chrome;
use super::views::{self, Action};
use crate::app::AppState;

#[derive(Serialize)]
struct AdminPage<'a> {
    username: &'a str,
    role: &'static str,
    csrf: &'a str,
}

/// `GET /admin`: "Signed in as owner" (or co-admin), with sign-out.
pub async fn landing(
    State(state): State<AppState>,
    AdminSession(session): AdminSession,
) -> Response {
    let is_owner = state
        .access
        .owner()
        .is_some_and(|o| o.plex_id == session.plex_id);
    let chrome = Chrome {
        prefix: state.prefix(),
        title: "Admin",
    };
    let page = AdminPage {
        username: &session.username,
        role: if is_owner { "owner" } else { "co-admin" },
        csrf: &session.csrf,
    };
    state
        .templates
        .render("admin.html", &chrome, &page)
        .into_response()
}

/// `GET /admin/signin`'s query.
#[derive(Debug, Deserialize)]
pub struct SignInQuery {
    next: Option<String>,
}

/// `GET /admin/signin?next=…`: a button that starts an admin sign-in returning to `next`.
pub async fn sign_in(State(state): State<AppState>, Query(q): Query<SignInQuery>) -> Response {
    let next = q
        .next
        .as_deref()
        .and_then(local_path)
        .filter(|n| is_admin_path(n))
        .unwrap_or_else(|| "/admin".to_owned());
    let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
    views::message(
        &state,
        StatusCode::OK,
        "Admin sign-in",
        &["The admin pages are for the server's owner and co-admins. Sign in with your Plex account."
            .to_owned()],
        Some(Action {
            href: format!("{}/auth/plex?next={next}", state.prefix()),
            label: "Sign in with Plex",
        }),
    )
}
