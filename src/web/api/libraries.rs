//! `GET/PUT /api/v1/libraries` (SPEC §7): the server's sections and the default set.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::{ApiJson, LibraryRefSchema};
use super::{ApiKey, ErrorBody};
use crate::access::tools::LibraryChoice;
use crate::config::LibraryRef;
use crate::web::AppState;
use crate::web::error::ApiError;

/// One of the server's sections.
#[derive(Debug, Serialize, ToSchema)]
pub struct LibraryView {
    /// The plex.tv section id: what library references and shares use.
    pub id: u64,
    /// The server-local key ("1", "2"…), for display only.
    pub key: String,
    pub title: String,
    /// movie, show, artist, photo…
    #[serde(rename = "type")]
    pub kind: String,
    /// In the default set.
    pub selected: bool,
}

/// The answer of `GET` and `PUT /libraries`.
#[derive(Debug, Serialize, ToSchema)]
pub struct LibrariesResponse {
    pub libraries: Vec<LibraryView>,
}

impl From<Vec<LibraryChoice>> for LibrariesResponse {
    fn from(choices: Vec<LibraryChoice>) -> Self {
        let libraries = choices
            .into_iter()
            .map(|c| LibraryView {
                id: c.section.id,
                key: c.section.key,
                title: c.section.title,
                kind: c.section.kind,
                selected: c.selected,
            })
            .collect();
        Self { libraries }
    }
}

/// The body of `PUT /libraries`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetLibrariesRequest {
    /// Section titles or plex.tv section ids; at least one.
    #[schema(value_type = Vec<LibraryRefSchema>)]
    pub libraries: Vec<LibraryRef>,
}

/// The server's sections, each marked when it is in the default set.
#[utoipa::path(get, path = "/libraries", operation_id = "get_libraries",
    tag = "libraries",
    responses((status = 200, body = LibrariesResponse), (status = 401, body = ErrorBody),
        (status = 409, description = "not connected to Plex", body = ErrorBody),
        (status = 502, body = ErrorBody)))]
pub async fn get(
    _key: ApiKey,
    State(state): State<AppState>,
) -> Result<Json<LibrariesResponse>, ApiError> {
    Ok(Json(state.access.library_choices().await?.into()))
}

/// Sets the default library set (refused while `access.libraries` is set in config).
#[utoipa::path(put, path = "/libraries", operation_id = "set_libraries",
    tag = "libraries", request_body = SetLibrariesRequest,
    responses((status = 200, body = LibrariesResponse), (status = 401, body = ErrorBody),
        (status = 409, description = "set in config, or not connected to Plex", body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 502, body = ErrorBody)))]
pub async fn put(
    key: ApiKey,
    State(state): State<AppState>,
    ApiJson(body): ApiJson<SetLibrariesRequest>,
) -> Result<Json<LibrariesResponse>, ApiError> {
    let choices = state
        .access
        .set_default_libraries(&key.name, &body.libraries)
        .await?;
    Ok(Json(choices.into()))
}
