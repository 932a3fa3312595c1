//! The scripting API under `/api/v1` (SPEC §7). Routes join one table, so the OpenAPI document
//! is generated from the handlers and the tests walk the same table.

mod admins;
mod allowlist;
mod apps;
mod auth;
mod backups;
mod events;
mod invites;
pub mod json;
mod keys;
mod libraries;
pub mod oidc_clients;
mod params;
mod reconcile;
mod requests;
mod sessions;
mod status;
mod users;

pub use auth::ApiKey;

use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::http::{StatusCode, header};
use axum::routing::{MethodRouter, any, get};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::{PathItemExt as _, routes};

use super::error::ApiError;
use crate::web::AppState;

/// The error body every `/api` failure uses.
#[derive(serde::Serialize, ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

/// Inside [`ErrorBody`].
#[derive(serde::Serialize, ToSchema)]
pub struct ErrorDetail {
    code: String,
    message: String,
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "plexgate API", description = "Scripting API: every key acts for the owner."),
    servers((url = "/api/v1")),
    modifiers(&BearerAuth),
    components(schemas(ErrorBody, ErrorDetail)),
    security(("bearer" = []))
)]
struct ApiDoc;

/// Calls `$then!` with the route table: every `/api/v1` route, as groups of handlers that share
/// a path (each handler's `#[utoipa::path]` names its method and path).
macro_rules! with_route_table {
    ($then:ident) => {
        $then![
            [status::status],
            [allowlist::list, allowlist::add],
            [allowlist::remove],
            [libraries::get, libraries::put],
            [invites::list, invites::create],
            [invites::revoke],
            [users::list, users::invite],
            [users::update, users::remove],
            [events::list],
            [requests::list],
            [requests::approve],
            [requests::decline],
            [admins::list, admins::add],
            [admins::remove],
            [reconcile::get],
            [reconcile::confirm],
            [reconcile::discard],
            [keys::list, keys::create],
            [keys::revoke],
            [backups::create],
            [apps::list, apps::put],
            [oidc_clients::list, oidc_clients::put],
            [sessions::end],
        ]
    };
}

macro_rules! openapi_router {
    ($([$($handler:path),+]),* $(,)?) => {
        OpenApiRouter::with_openapi(ApiDoc::openapi())$(.routes(routes!($($handler),+)))*
    };
}

/// The same table as plain axum routes: only each handler's method and path are read, so the
/// OpenAPI builder stays out of the binary.
macro_rules! served_router {
    ($([$first:ident :: $first_handler:ident $(, $module:ident :: $handler:ident)*]),* $(,)?) => {{
        let router = Router::new();
        $(
            let router = utoipa_axum::paste! {{
                // Handlers in a group share their path.
                let path = <$first::[<__path_ $first_handler>] as utoipa::Path>::path();
                let methods = MethodRouter::new();
                let methods = served_router!(@on methods, $first::$first_handler);
                $( let methods = served_router!(@on methods, $module::$handler); )*
                router.route(&path, methods)
            }};
        )*
        router
    }};
    (@on $methods:ident, $module:ident :: $handler:ident) => {
        utoipa_axum::paste! {
            <$module::[<__path_ $handler>] as utoipa::Path>::methods()
                .into_iter()
                .fold($methods, |m, method| m.on(method.to_method_filter(), $module::$handler))
        }
    };
}

/// The route table with its OpenAPI description (what `/api/v1/openapi.json` serves).
pub fn routes() -> OpenApiRouter<AppState> {
    with_route_table!(openapi_router)
}

/// The OpenAPI document of [`routes`], generated ahead of time: building it at start would carry
/// the schema builder in the binary and in memory. A test checks it is exactly what [`routes`]
/// builds and rewrites it when `PLEXGATE_WRITE_OPENAPI=1` is set.
pub const OPENAPI_JSON: &str = include_str!("openapi.json");

/// The `/api` router: `/api/v1/...`, `/api/v1/openapi.json`, and JSON errors for everything else.
pub fn router() -> Router<AppState> {
    let v1: Router<AppState> = with_route_table!(served_router);
    let v1 = v1
        .route(
            "/openapi.json",
            get(|| async { ([(header::CONTENT_TYPE, "application/json")], OPENAPI_JSON) }),
        )
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed);
    Router::new()
        .nest("/v1", v1)
        .route("/", any(not_found))
        .route("/{*rest}", any(not_found))
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such API route; see /api/v1/openapi.json")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this route does not take that method",
    )
}

/// Maps a rejected JSON body to the API error shape (400 unreadable, 413 too big, 422 wrong shape).
pub fn json_rejection(r: &JsonRejection) -> ApiError {
    match r {
        JsonRejection::JsonDataError(e) => ApiError::unprocessable(e.body_text()),
        JsonRejection::JsonSyntaxError(e) => ApiError::bad_request(e.body_text()),
        JsonRejection::MissingJsonContentType(_) => {
            ApiError::bad_request("send the body as JSON with `Content-Type: application/json`")
        }
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            "the request body is too large",
        ),
        other => ApiError::bad_request(other.body_text()),
    }
}

#[cfg(test)]
mod tests {
    /// The served document is the one the route table builds (byte for byte); with
    /// `PLEXGATE_WRITE_OPENAPI=1` the test writes it instead (after an API change).
    #[test]
    fn the_served_openapi_document_is_the_route_tables() {
        let (_, doc) = super::routes().split_for_parts();
        let built = serde_json::to_string(&doc).unwrap_or_default();
        assert!(built.len() > 1000, "{built}");
        if std::env::var_os("PLEXGATE_WRITE_OPENAPI").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/web/api/openapi.json");
            std::fs::write(path, &built).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else {
            assert!(
                built == super::OPENAPI_JSON,
                "src/web/api/openapi.json is stale: rerun with PLEXGATE_WRITE_OPENAPI=1"
            );
        }
    }
}
