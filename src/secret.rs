//! A string that never prints: `Debug` and `Display` show `[redacted]` (style.md #9).

use std::fmt;

use serde::Deserialize;

/// A secret value (token, API key, webhook URL). Read it with [`Secret::expose`].
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The clear value; call only where it is sent or compared.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Compares with `other` in constant time (for the length of the shorter value).
    pub fn ct_eq(&self, other: &str) -> bool {
        crate::crypto::ct_eq(self.0.as_bytes(), other.as_bytes())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn never_prints() {
        let s = Secret::new("hunter2-token");
        assert!(!format!("{s:?}").contains("hunter2"));
        assert!(!format!("{s}").contains("hunter2"));
        assert!(!format!("{:#?}", Some(&s)).contains("hunter2"));
        assert!(s.ct_eq("hunter2-token"));
        assert!(!s.ct_eq("hunter2-toke"));
        assert!(!s.ct_eq("hunter2-tokeN"), "same length, one byte off");
    }

    #[test]
    fn says_redacted_and_keeps_the_value() {
        let s = Secret::new("hunter2-token");
        assert_eq!(format!("{s:?}"), "Secret([redacted])");
        assert_eq!(s.to_string(), "[redacted]");
        assert_eq!(s.expose(), "hunter2-token");
        let read: Secret = serde_json::from_str("\"from-a-file\"").unwrap();
        assert_eq!(read.expose(), "from-a-file");
    }
}
