//! Small request helpers the newer handlers share: the `ApiQuery` extractor (a bad query string
//! is a JSON 400), a field that tells "absent" from `null`, and RFC 3339 input.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::{Deserialize, Deserializer};

use crate::clock::UnixTime;
use crate::web::error::ApiError;

/// Query parameters; one that does not parse, or an unknown one, is a JSON 400.
#[derive(Debug, Clone)]
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(Self(value)),
            Err(rejection) => Err(ApiError::bad_request(format!(
                "bad query string: {}",
                rejection.body_text()
            ))),
        }
    }
}

/// For `#[serde(default, deserialize_with = "double_option")]`: absent is `None`, `null` is
/// `Some(None)`, a value is `Some(Some(v))`.
pub fn double_option<'de, T, D>(de: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(de).map(Some)
}

/// Parses RFC 3339 with `Z` or a `±HH:MM` offset (fractions of a second are dropped).
pub fn parse_rfc3339(s: &str) -> Option<UnixTime> {
    let s = s.trim();
    let (base, offset_secs) = if let Some(b) = s.strip_suffix(['Z', 'z']) {
        (b, 0)
    } else {
        let split = s.len().checked_sub(6)?;
        let (b, off) = (s.get(..split)?, s.get(split..)?);
        let sign = match off.as_bytes().first()? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let (h, m) = off.get(1..)?.split_once(':')?;
        let (h, m) = (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?);
        if h > 23 || m > 59 {
            return None;
        }
        (b, sign * (h * 3600 + m * 60))
    };
    let t = humantime::parse_rfc3339(&format!("{base}Z")).ok()?;
    Some(crate::clock::to_unix(t).saturating_sub(offset_secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_with_zone_or_offset() {
        assert_eq!(parse_rfc3339("1970-01-02T00:00:00Z"), Some(86_400));
        assert_eq!(parse_rfc3339("1970-01-02T02:00:00+02:00"), Some(86_400));
        assert_eq!(parse_rfc3339("1970-01-01T23:30:00-00:30"), Some(86_400));
        assert_eq!(parse_rfc3339("1970-01-02T00:00:00.5Z"), Some(86_400));
        for bad in [
            "",
            "tomorrow",
            "1970-01-02T00:00:00",
            "1970-01-02T00:00:00+2",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }
}
