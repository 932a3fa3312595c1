//! Forward auth over HTTP (SPEC §8): the proxy endpoints, the sign-in and sign-out pages, and
//! the in-memory state that keeps a check free of disk writes. The rules themselves are pure
//! functions in `access::sso`.

pub mod account;
pub mod auth;
pub mod forwarded;
pub mod login;
pub mod outcome;
pub mod state;
pub mod titles;

pub use state::SsoState;

use axum::Router;
use axum::routing::get;

use crate::web::AppState;

/// The `/sso` routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sso/auth/nginx", get(auth::nginx))
        .route("/sso/auth/forward", get(auth::forward))
        .route("/sso/login", get(login::login))
        .route("/sso/logout", get(login::logout_page).post(login::logout))
}
