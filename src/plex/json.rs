//! Lenient readers for plex.tv JSON: ids may come as numbers or strings, booleans as
//! `true`/`1`/`"1"`, and unknown fields are ignored.

use serde_json::Value;

use super::PlexError;

/// Parses a JSON body.
pub(crate) fn parse(text: &str) -> Result<Value, PlexError> {
    serde_json::from_str(text).map_err(|e| PlexError::Protocol(format!("bad JSON: {e}")))
}

/// A non-negative integer field (number or numeric string).
pub(crate) fn u64_of(v: &Value, key: &str) -> Option<u64> {
    match v.get(key)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A non-empty string field (numbers are written out).
pub(crate) fn str_of(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A boolean field in any of plex.tv's spellings.
pub(crate) fn bool_of(v: &Value, key: &str) -> Option<bool> {
    match v.get(key)? {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => Some(n.as_u64().is_some_and(|n| n != 0)),
        Value::String(s) => Some(matches!(s.as_str(), "1" | "true" | "True")),
        _ => None,
    }
}

/// A list field; a missing or null field is an empty list.
pub(crate) fn list_of<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// A required integer field.
pub(crate) fn need_u64(v: &Value, key: &str, what: &str) -> Result<u64, PlexError> {
    u64_of(v, key).ok_or_else(|| PlexError::Protocol(format!("{what} without {key}")))
}

/// The message of a v2 error body `{"errors":[{"code","message","status"}]}`.
pub(crate) fn error_message(text: &str) -> Option<String> {
    let v: Value = serde_json::from_str(text).ok()?;
    let first = v.get("errors")?.as_array()?.first()?;
    str_of(first, "message").or_else(|| first.as_str().map(str::to_owned))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn lenient_fields() {
        let v = parse(r#"{"id":"42","n":7,"b":1,"s":"1","t":true,"e":"","l":null}"#).unwrap();
        assert_eq!(u64_of(&v, "id"), Some(42));
        assert_eq!(u64_of(&v, "n"), Some(7));
        assert_eq!(bool_of(&v, "b"), Some(true));
        assert_eq!(bool_of(&v, "s"), Some(true));
        assert_eq!(bool_of(&v, "t"), Some(true));
        assert_eq!(str_of(&v, "e"), None);
        assert!(list_of(&v, "l").is_empty());
        let err =
            r#"{"errors":[{"code":1020,"message":"Code not found or expired","status":404}]}"#;
        assert_eq!(
            error_message(err).as_deref(),
            Some("Code not found or expired")
        );
    }
}
