//! The adapter's one error type: each variant says what plex.tv did, and whether a retry makes
//! sense (style.md #13). Messages never carry tokens or URLs.

use std::time::Duration;

/// Why a plex.tv call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlexError {
    /// No answer within the connect or overall timeout.
    #[error("plex.tv did not answer in time")]
    Timeout,
    /// plex.tv answered 5xx.
    #[error("plex.tv is unavailable (status {status})")]
    Unavailable {
        /// The HTTP status.
        status: u16,
    },
    /// plex.tv answered 429.
    #[error("plex.tv rate limit reached")]
    RateLimited {
        /// `Retry-After`, when plex.tv sent one in seconds.
        retry_after: Option<Duration>,
    },
    /// The token is not (or no longer) valid: 401, or a 422 whose body says "Invalid token".
    #[error("plex.tv refused the token")]
    Unauthorized,
    /// The route itself is gone (HTML 404, 405 or 410): the endpoint moved or was removed.
    #[error("plex.tv no longer serves this endpoint")]
    Gone,
    /// The owner already shares this server with that account (the body said so).
    #[error("the server is already shared with this account")]
    AlreadySharing,
    /// Any other 4xx: plex.tv refused the request; `message` is plex.tv's own text.
    #[error("plex.tv refused the request (status {status}): {message}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// plex.tv's message, shortened.
        message: String,
    },
    /// plex.tv acted on a different account or object than asked (the share was undone).
    #[error("plex.tv answered for the wrong account: {0}")]
    Mismatch(String),
    /// The object does not exist (a JSON or XML "not found", not an unknown route).
    #[error("plex.tv found no such object")]
    NotFound,
    /// plex.tv answered "not found" to a removal, but its fresh listing still shows the share
    /// (plex-api.md §12: error 1002 also means "no such endpoint"). The share is still there.
    #[error("plex.tv answered 'not found' but still lists the share")]
    StillListed,
    /// A call answered an error page (HTML 404, 405, 410) but a second, read-only call to the same
    /// family still works: a stray error (an edge proxy), not a moved endpoint. Worth retrying.
    #[error("plex.tv answered an error page, but the endpoint family still answers")]
    ErrorPage,
    /// The answer could not be understood (bad JSON/XML, missing field, body too large, a redirect).
    #[error("unexpected answer from plex.tv: {0}")]
    Protocol(String),
    /// The request did not get through (DNS, connect, TLS, reset).
    #[error("could not reach plex.tv: {0}")]
    Transport(String),
}

impl PlexError {
    /// True when the same call may succeed later without anyone changing anything.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Timeout
                | Self::Unavailable { .. }
                | Self::RateLimited { .. }
                | Self::Transport(_)
                | Self::StillListed
                | Self::ErrorPage
        )
    }

    /// True when the token must be renewed (the owner reconnects, the friend signs in again).
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, Self::Unauthorized)
    }

    /// Maps a transport error, dropping the URL reqwest would print (it may name a share id).
    pub(crate) fn from_reqwest(err: reqwest::Error) -> Self {
        if err.is_timeout() {
            return Self::Timeout;
        }
        let err = err.without_url();
        let mut text = err.to_string();
        let mut source = std::error::Error::source(&err);
        while let Some(cause) = source {
            text.push_str(": ");
            text.push_str(&cause.to_string());
            source = cause.source();
        }
        Self::Transport(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_classes() {
        assert!(PlexError::Timeout.is_retryable());
        assert!(PlexError::Unavailable { status: 503 }.is_retryable());
        assert!(PlexError::RateLimited { retry_after: None }.is_retryable());
        assert!(!PlexError::Unauthorized.is_retryable());
        assert!(PlexError::Unauthorized.is_unauthorized());
        assert!(!PlexError::Gone.is_retryable());
        assert!(!PlexError::AlreadySharing.is_retryable());
        assert!(PlexError::StillListed.is_retryable());
        assert!(PlexError::ErrorPage.is_retryable());
    }
}
