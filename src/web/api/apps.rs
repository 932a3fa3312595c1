//! `GET|PUT /api/v1/apps` (SPEC §8): the apps forward auth guards. Config-defined apps are
//! listed read-only; a PUT replaces the admin-managed ones and answers 409 for a host that
//! `config.toml` already defines.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::{ApiJson, LibraryRefSchema};
use super::{ApiKey, ErrorBody};
use crate::access::apps::check_apps;
use crate::access::model::EventKind;
use crate::access::sso::{AppEntry, AppSource};
use crate::config::{LibraryRef, SsoApp, SsoRule};
use crate::web::AppState;
use crate::web::error::ApiError;
use crate::web::sso::account;

/// One app.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppBody {
    /// `app.example.com` or `*.example.com`, inside `sso.cookie_domain`.
    pub host: String,
    /// Optional path prefix (whole segments), starting with `/`.
    #[serde(default)]
    pub path: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// `owner`, `admins`, `friends` or `deny`.
    #[schema(value_type = String)]
    pub allow: SsoRule,
    /// Accounts (id, username or email) who may open the app even without a grant.
    #[serde(default)]
    pub users: Vec<String>,
    /// Narrows a `friends` app to grants holding one of these (titles or section ids).
    #[serde(default)]
    #[schema(value_type = Vec<LibraryRefSchema>)]
    pub libraries: Vec<LibraryRef>,
    /// Path prefixes the app protects itself (e.g. `/api/`).
    #[serde(default)]
    pub bypass: Vec<String>,
    /// `config` or `admin` (ignored in a PUT).
    #[serde(default, skip_deserializing)]
    pub source: Option<String>,
}

/// `{"apps": [...]}`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppsBody {
    pub apps: Vec<AppBody>,
}

fn view(e: AppEntry) -> AppBody {
    AppBody {
        host: e.app.host,
        path: e.app.path,
        name: e.app.name,
        allow: e.app.allow,
        users: e.app.users,
        libraries: e.app.libraries,
        bypass: e.app.bypass,
        source: Some(match e.source {
            AppSource::Config => "config".to_owned(),
            AppSource::Admin => "admin".to_owned(),
        }),
    }
}

/// Every guarded app.
#[utoipa::path(get, path = "/apps", operation_id = "list_apps", tag = "apps",
    responses((status = 200, body = AppsBody), (status = 401, body = ErrorBody)))]
pub async fn list(_key: ApiKey, State(state): State<AppState>) -> Result<Json<AppsBody>, ApiError> {
    let apps = account::apps(&state)
        .await
        .map_err(|e| ApiError::internal(&e))?;
    Ok(Json(AppsBody {
        apps: apps.into_iter().map(view).collect(),
    }))
}

/// Replaces the admin-managed apps.
#[utoipa::path(put, path = "/apps", operation_id = "replace_apps", tag = "apps",
    request_body = AppsBody,
    responses((status = 200, body = AppsBody), (status = 401, body = ErrorBody),
        (status = 409, description = "a host defined in config.toml", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn put(
    key: ApiKey,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<AppsBody>,
) -> Result<Json<AppsBody>, ApiError> {
    let apps = validate(&state, body.apps)?;
    let count = apps.len();
    let saved = state.access.save_admin_apps(apps.clone()).await;
    saved.map_err(|e| ApiError::internal(&e))?;
    state
        .sso
        .admin_apps
        .set(account::entries(apps, AppSource::Admin));
    account::record(
        &state,
        EventKind::SsoApps,
        None,
        None,
        "ok",
        format!("{count} admin apps by {}", key.name),
    )
    .await;
    list(key, State(state)).await
}

/// The body's apps through access's rules.
fn validate(state: &AppState, input: Vec<AppBody>) -> Result<Vec<SsoApp>, ApiError> {
    let input = input
        .into_iter()
        .map(|a| SsoApp {
            host: a.host,
            path: a.path,
            name: a.name,
            allow: a.allow,
            users: a.users,
            libraries: a.libraries,
            bypass: a.bypass,
        })
        .collect();
    let sso = &state.config.sso;
    Ok(check_apps(input, sso.cookie_domain.as_deref(), &sso.apps)?)
}
