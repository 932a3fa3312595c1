//! `GET/POST /api/v1/keys`, `DELETE /api/v1/keys/{id}` (SPEC §7): stored API keys. The key is
//! in the creation answer only; the store keeps its SHA-256.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::{ApiJson, ApiPath};
use super::{ApiKey, ErrorBody};
use crate::access::model::ApiKeyRecord;
use crate::clock::rfc3339;
use crate::web::AppState;
use crate::web::error::ApiError;

/// A stored key, without the key.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeyView {
    pub id: u64,
    /// The actor its changes are recorded under.
    pub name: String,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339, to the minute; `null` never used.
    pub last_used_at: Option<String>,
}

impl From<ApiKeyRecord> for KeyView {
    fn from(k: ApiKeyRecord) -> Self {
        Self {
            id: k.id,
            name: k.name,
            created_at: rfc3339(k.created_at),
            last_used_at: k.last_used_at.map(rfc3339),
        }
    }
}

/// The answer of `GET /keys`.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeysResponse {
    pub keys: Vec<KeyView>,
}

/// The answer of `POST /keys`: the only time the key is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedKeyView {
    pub id: u64,
    pub name: String,
    /// Send as `Authorization: Bearer <key>`.
    pub key: String,
    /// RFC 3339.
    pub created_at: String,
}

/// The body of `POST /keys`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateKeyRequest {
    /// 1 to 64 characters, unique; recorded as the actor of the key's changes.
    pub name: String,
}

/// Every stored key (never the key itself).
#[utoipa::path(get, path = "/keys", operation_id = "list_keys", tag = "keys",
    responses((status = 200, body = KeysResponse), (status = 401, body = ErrorBody)))]
pub async fn list(
    _key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<KeysResponse>, ApiError> {
    let keys = state.access.api_keys().await?;
    Ok(Json(KeysResponse {
        keys: keys.into_iter().map(Into::into).collect(),
    }))
}

/// Creates a key; the answer is the only time it is shown.
#[utoipa::path(post, path = "/keys", operation_id = "create_key", tag = "keys",
    request_body = CreateKeyRequest,
    responses((status = 201, body = CreatedKeyView), (status = 401, body = ErrorBody),
        (status = 409, description = "name in use", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create(
    key: ApiKey,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<CreateKeyRequest>,
) -> Result<(StatusCode, Json<CreatedKeyView>), ApiError> {
    let created = state.access.create_api_key(&key.name, &body.name).await?;
    let view = CreatedKeyView {
        id: created.record.id,
        name: created.record.name,
        key: created.key.expose().to_owned(),
        created_at: rfc3339(created.record.created_at),
    };
    Ok((StatusCode::CREATED, Json(view)))
}

/// Revokes a key; it stops working at once.
#[utoipa::path(delete, path = "/keys/{id}", operation_id = "revoke_key", tag = "keys",
    params(("id" = u64, Path, description = "key id")),
    responses((status = 204, description = "revoked"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke(
    key: ApiKey,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<u64>,
) -> Result<StatusCode, ApiError> {
    state.access.revoke_api_key(&key.name, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
