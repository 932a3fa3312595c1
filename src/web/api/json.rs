//! What the API's handlers share: the `ApiJson` body and `ApiPath` extractors, which answer every
//! rejection in the JSON error shape (axum's are plain text), the one mapping from
//! [`AccessError`] to [`ApiError`], and the schema of a library reference.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

use super::json_rejection;
use crate::access::AccessError;
use crate::web::error::ApiError;

/// A JSON request body; bad JSON is 400, a wrong shape 422, too large 413, not JSON 400.
#[derive(Debug, Clone)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

/// Path parameters; one that does not parse (`/allowlist/abc`) is a JSON 400.
#[derive(Debug, Clone)]
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Self(value)),
            Err(rejection) => Err(ApiError::bad_request(format!(
                "bad path parameter: {}",
                rejection.body_text()
            ))),
        }
    }
}

/// A library reference in a request: a plex.tv section id (number) or a section title (string).
/// Documentation only: bodies deserialize into [`crate::config::LibraryRef`].
#[derive(serde::Deserialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum LibraryRefSchema {
    /// plex.tv section id.
    Id(u64),
    /// Section title (case-insensitive).
    Title(String),
}

/// The one place access failures become API answers.
pub fn access_error(e: AccessError) -> ApiError {
    match e {
        AccessError::Invalid(msg) => ApiError::unprocessable(msg),
        AccessError::Conflict(msg) => ApiError::conflict(msg),
        e @ AccessError::NotFound(_) => ApiError::not_found(e.to_string()),
        AccessError::NotConfigured => ApiError::new(
            StatusCode::CONFLICT,
            "not_connected",
            "plexgate is not connected to Plex yet: finish the setup (or wait for the configured \
             owner token to be checked), then try again",
        ),
        AccessError::Plex(e) => {
            tracing::warn!(error = %e, "plex.tv failed during an API call");
            ApiError::new(
                StatusCode::BAD_GATEWAY,
                "plex_unavailable",
                format!("plex.tv did not answer as expected ({e}); try again in a minute"),
            )
        }
        AccessError::Store(e) if e.is_unwritable() => {
            tracing::warn!(error = %e, "the store cannot write during an API call");
            let mut err = ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "store_unavailable",
                "plexgate cannot write to its data dir (is the disk full?); nothing was changed",
            );
            err.retry_after = Some(60);
            err
        }
        e @ AccessError::Store(_) => ApiError::internal(&e),
        AccessError::Busy => {
            let mut err = ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "plexgate is busy; try again in a minute",
            );
            err.retry_after = Some(60);
            err
        }
        e @ AccessError::FlowNotFound => ApiError::not_found(e.to_string()),
    }
}

impl From<AccessError> for ApiError {
    fn from(e: AccessError) -> Self {
        access_error(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plex::PlexError;
    use crate::store::StoreError;

    #[test]
    fn access_errors_map_to_fitting_statuses_and_codes() {
        let cases = [
            (AccessError::Invalid("bad".into()), 422, "invalid_body"),
            (AccessError::Conflict("taken".into()), 409, "conflict"),
            (AccessError::NotFound("invite 9".into()), 404, "not_found"),
            (AccessError::NotConfigured, 409, "not_connected"),
            (
                AccessError::Plex(PlexError::Timeout),
                502,
                "plex_unavailable",
            ),
            (
                AccessError::Store(StoreError::Db("disk on fire".into())),
                500,
                "internal",
            ),
        ];
        for (err, status, code) in cases {
            let api = access_error(err);
            assert_eq!((api.status.as_u16(), api.code), (status, code));
            // Store detail stays in the server log.
            assert!(!api.message.contains("disk on fire"));
        }
        let invalid = access_error(AccessError::Invalid("unknown libraries: \"Anime\"".into()));
        assert_eq!(invalid.message, "unknown libraries: \"Anime\"");
    }
}
