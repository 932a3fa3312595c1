//! The HTTP layer: routes, layers, extractors and pages. It talks to `access`, `store` and
//! `plex` through `AppState`, and nothing below it knows HTTP.

pub mod admin;
pub mod admin_link;
pub mod api;
pub mod avatar;
pub mod client_ip;
pub mod cookies;
pub mod csrf;
pub mod error;
pub mod health;
pub mod host_trap;
pub mod human;
pub mod lang;
pub mod layers;
pub mod me;
pub mod metrics;
pub mod next;
pub mod oidc;
pub mod outcome;
pub mod pages;
pub mod public;
pub mod ratelimit;
pub mod sessions;
pub mod signin;
pub mod sso;
mod state;
pub mod templates;
pub mod views;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};

pub use state::AppState;

/// Request bodies above this are refused (413): forms and API bodies are small.
const BODY_LIMIT: usize = 64 * 1024;

/// The whole app, mounted under the public URL's path prefix.
pub fn router(state: AppState) -> Router {
    let signin_starts = Router::new()
        .route("/auth/plex", get(signin::start))
        .route("/i/{code}", get(public::invite))
        .route_layer(from_fn_with_state(state.clone(), pages::limit_signins));
    let app = Router::new()
        .route("/", get(pages::index))
        .route("/healthz", get(health::healthz))
        .route("/metrics", get(metrics::metrics))
        .route("/assets/style.css", get(pages::style_css))
        .route("/auth/plex/callback", get(signin::callback))
        .route("/auth/plex/result", get(public::refusal))
        .route("/auth/signout", post(me::sign_out))
        .route("/signed-out", get(me::signed_out))
        .route("/request", get(public::refusal).post(public::request))
        .route("/request/sent", get(public::request_sent))
        .route("/me", get(me::me))
        .route("/lang", post(lang::choose))
        .route("/assets/admin.js", get(pages::admin_js))
        .route("/assets/owner-avatar", get(avatar::serve))
        .merge(signin_starts)
        .merge(sso::routes())
        .merge(oidc::routes())
        .nest("/admin", admin::router())
        .nest("/setup", admin::setup::router(&state))
        .nest("/api", api::router())
        .fallback(pages::not_found)
        .layer(from_fn_with_state(state.clone(), layers::frame))
        .layer(from_fn_with_state(state.clone(), host_trap::same_host))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state.clone());
    match state.prefix() {
        "" => app,
        // Links point at "{prefix}/" (the public URL itself), which `nest` alone does not match.
        prefix => Router::new()
            .route(
                &format!("{prefix}/"),
                get(pages::index).with_state(state.clone()),
            )
            .route_layer(from_fn_with_state(state.clone(), layers::frame))
            .nest(prefix, app)
            .fallback(move || {
                let state = state.clone();
                async move { layers::error_page(&state, error::PageError::not_found()) }
            }),
    }
}
