//! The scripting API under `/api/v1` (SPEC §7). Routes join one utoipa-axum table, so the
//! OpenAPI document is generated from the handlers and the tests walk the same table.

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

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::routing::{any, get};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use crate::app::AppState;

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

/// The route table: every `/api/v1` route, with its OpenAPI description.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(status::status))
        .routes(routes!(allowlist::list, allowlist::add))
        .routes(routes!(allowlist::remove))
        .routes(routes!(libraries::get, libraries::put))
        .routes(routes!(invites::list, invites::create))
        .routes(routes!(invites::revoke))
        .routes(routes!(users::list, users::invite))
        .routes(routes!(users::update, users::remove))
        .routes(routes!(events::list))
        .routes(routes!(requests::list))
        .routes(routes!(requests::approve))
        .routes(routes!(requests::decline))
        .routes(routes!(admins::list, admins::add))
        .routes(routes!(admins::remove))
        .routes(routes!(reconcile::get))
        .routes(routes!(reconcile::confirm))
        .routes(routes!(reconcile::discard))
        .routes(routes!(keys::list, keys::create))
        .routes(routes!(keys::revoke))
        .routes(routes!(backups::create))
        .routes(routes!(apps::list, apps::put))
        .routes(routes!(oidc_clients::list, oidc_clients::put))
        .routes(routes!(sessions::end))
}

/// The `/api` router: `/api/v1/...`, `/api/v1/openapi.json`, and JSON errors for everything else.
pub fn router() -> Router<AppState> {
    let (v1, openapi) = routes().split_for_parts();
    let openapi = Arc::new(openapi);
    let v1 = v1
        .route(
            "/openapi.json",
            get(move || {
                let doc = Arc::clone(&openapi);
                async move { Json(doc.as_ref().clone()) }
            }),
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
