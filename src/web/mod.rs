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

/// The admin pages and the setup steps after the sign-in (all behind an admin session; every
/// POST behind the CSRF check).
fn admin_routes() -> Router<AppState> {
    use admin::{access, activity, backups, dashboard, invites, libraries, settings, setup, users};
    Router::new()
        .route("/admin", get(dashboard::page))
        .route("/admin/reconnect", post(dashboard::reconnect))
        .route("/admin/held/confirm", post(dashboard::held_confirm))
        .route("/admin/held/discard", post(dashboard::held_discard))
        .route("/admin/access", get(access::page))
        .route("/admin/access/policy", post(access::set_policy))
        .route("/admin/access/allow", post(access::add_allow))
        .route("/admin/access/allow/{id}/edit", post(access::edit_allow))
        .route(
            "/admin/access/allow/{id}/remove",
            post(access::remove_allow),
        )
        .route("/admin/access/admins", post(access::add_admin))
        .route(
            "/admin/access/admins/{id}/remove",
            post(access::remove_admin),
        )
        .route("/admin/access/requests/{id}/approve", post(access::approve))
        .route("/admin/access/requests/{id}/decline", post(access::decline))
        .route("/admin/invites", get(invites::page).post(invites::create))
        .route("/admin/invites/{id}/revoke", post(invites::revoke))
        .route(
            "/admin/libraries",
            get(libraries::page).post(libraries::save),
        )
        .route("/admin/libraries/refresh", post(libraries::refresh))
        .route("/admin/users", get(users::page))
        .route("/admin/users/invite", post(users::invite))
        .route("/admin/users/remove", post(users::remove))
        .route("/admin/users/{plex_id}/libraries", post(users::libraries))
        .route("/admin/users/{plex_id}/expiry", post(users::expiry))
        .route("/admin/users/{plex_id}/sessions", post(users::end_sessions))
        .route("/admin/activity", get(activity::page))
        .route("/admin/settings", get(settings::page))
        .route("/admin/settings/welcome", post(settings::welcome))
        .route("/admin/settings/onboarding", post(settings::onboarding))
        .route("/admin/settings/translation", post(settings::translation))
        .route("/admin/settings/keys", post(settings::create_key))
        .route("/admin/settings/notify-test", post(settings::notify_test))
        .route(
            "/admin/settings/keys/{id}/revoke",
            post(settings::revoke_key),
        )
        .route("/admin/settings/backups", post(backups::take))
        .route("/admin/settings/backups/{name}", get(backups::download))
        .route(
            "/setup/server",
            get(setup::server_page).post(setup::server_post),
        )
        .route(
            "/setup/libraries",
            get(setup::libraries_page).post(setup::libraries_post),
        )
}

/// The whole app, mounted under the public URL's path prefix.
pub fn router(state: AppState) -> Router {
    let signin_starts = Router::new()
        .route("/setup", get(pages::setup))
        .route("/setup/connect", get(admin::setup::connect))
        .route("/setup/reconnect", get(admin::setup::reconnect_start))
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
        .route("/admin/signin", get(admin::sign_in))
        .route("/admin/link", get(admin_link::admin_link))
        .merge(admin_routes())
        .merge(signin_starts)
        .merge(sso::routes())
        .merge(oidc::routes())
        .merge(admin::apps::routes())
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
