//! The OpenID Connect provider over HTTP (SPEC §9): discovery, authorize (and its resume after
//! the Plex sign-in), token, userinfo, JWKS and end-session. The decisions are in
//! `access::oidc`; clients' rules are judged exactly like forward-auth apps'.

pub mod authorize;
pub mod clients;
pub mod endpoints;
pub mod outcome;
pub mod pages;
pub mod state;
pub mod tokens;

pub use state::OidcState;

use axum::Router;
use axum::routing::get;

use crate::web::AppState;

/// The OIDC routes (they answer 404 while `oidc.enabled` is false).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(endpoints::discovery),
        )
        .route(
            "/.well-known/oauth-authorization-server",
            get(endpoints::discovery),
        )
        .route(
            "/oidc/authorize",
            get(authorize::authorize).post(authorize::authorize_post),
        )
        .route("/oidc/resume", get(authorize::resume))
        .route("/oidc/token", axum::routing::post(tokens::token))
        .route(
            "/oidc/userinfo",
            get(endpoints::userinfo).post(endpoints::userinfo),
        )
        .route("/oidc/jwks", get(endpoints::jwks))
        .route("/oidc/logout", get(endpoints::logout))
}
