//! The `ApiKey` extractor: a handler that takes it cannot run for an anonymous caller
//! (style.md #6). A key is the bootstrap `api.key` or a stored key (looked up by SHA-256; its
//! name is the actor). Failed keys are rate-limited per client IP before any comparison.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

use crate::web::AppState;
use crate::web::client_ip::client_ip;
use crate::web::error::ApiError;

/// Proof that the request carried a valid API key; `name` is the actor recorded in events.
#[derive(Debug, Clone)]
pub struct ApiKey {
    /// `api.key` for the bootstrap key, else the stored key's name.
    pub name: String,
}

fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, key) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| key.trim())
}

impl FromRequestParts<AppState> for ApiKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let ip = client_ip(parts, &state.config.server.trusted_proxies).0;
        // A blocked IP is refused before its key is compared, so guessing stops paying off.
        if let Some(wait) = state.key_failures.blocked(ip) {
            return Err(ApiError::rate_limited(wait));
        }
        // No key at all is not a guess: it is refused without counting against the address
        // (scripts and route walks that forget the header must not lock out the real key).
        let Some(key) = bearer(parts).filter(|k| !k.is_empty()) else {
            return Err(ApiError::unauthorized());
        };
        if let Some(boot) = &state.config.api.key
            && boot.ct_eq(key)
        {
            return Ok(ApiKey {
                name: "api.key".to_owned(),
            });
        }
        let stored = state.access.check_api_key(key).await;
        if let Some(record) = stored.map_err(|e| ApiError::internal(&e))? {
            return Ok(ApiKey { name: record.name });
        }
        let over = state.key_failures.record(ip);
        Err(over.map_or_else(ApiError::unauthorized, ApiError::rate_limited))
    }
}
