//! The HTTP layer: routes, layers, extractors and pages. It talks to `access`, `store` and
//! `plex` through `AppState`, and nothing below it knows HTTP.

pub mod admin;
pub mod admin_link;
pub mod api;
pub mod client_ip;
pub mod cookies;
pub mod error;
pub mod health;
pub mod layers;
pub mod me;
pub mod metrics;
pub mod next;
pub mod outcome;
pub mod pages;
pub mod public;
pub mod ratelimit;
pub mod sessions;
pub mod signin;
pub mod sso;
pub mod templates;
pub mod views;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};

use crate::app::AppState;

/// Request bodies above this are refused (413): forms and API bodies are small.
const BODY_LIMIT: usize = 64 * 1024;

/// The whole app, mounted under the public URL's path prefix.
pub fn router(state: AppState) -> Router {
    let signin_starts = Router::new()
        .route("/setup", get(pages::setup))
        .route("/auth/plex", get(signin::start))
        .route("/i/{code}", get(public::invite))
        .route_layer(from_fn_with_state(state.clone(), pages::limit_signins));
    let app = Router::new()
        .route("/", get(pages::index))
        .route("/healthz", get(health::healthz))
        .route("/metrics", get(metrics::metrics))
        .route("/assets/style.css", get(pages::style_css))
        .route("/auth/plex/callback", get(signin::callback))
        .route("/auth/signout", post(me::sign_out))
        .route("/request", post(public::request))
        .route("/me", get(me::me))
        .route("/admin", get(admin::landing))
        .route("/admin/signin", get(admin::sign_in))
        .route("/admin/link", get(admin_link::admin_link))
        .merge(signin_starts)
        .merge(sso::routes())
        .nest("/api", api::router())
        .fallback(pages::not_found)
        .layer(from_fn_with_state(state.clone(), layers::frame))
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
