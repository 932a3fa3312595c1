//! The one place where failures become HTTP answers (style.md #4): a friendly HTML page for
//! people, `{"error":{"code","message"}}` under `/api`. Server faults are logged with detail and
//! shown without it.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::time::Duration;

use super::ratelimit::retry_after_secs;
use crate::i18n::tr;

/// An error answered as JSON (everything under `/api`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// A stable machine-readable code.
    pub code: &'static str,
    /// A sentence for a person.
    pub message: String,
    /// Seconds for `Retry-After`, on 429/503.
    pub retry_after: Option<u64>,
}

#[derive(Serialize)]
struct ApiErrorBody<'a> {
    error: ApiErrorInner<'a>,
}

#[derive(Serialize)]
struct ApiErrorInner<'a> {
    code: &'a str,
    message: &'a str,
}

impl ApiError {
    /// An error with the given status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 400.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// 401: no valid API key.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "a valid API key is required: send `Authorization: Bearer <key>`",
        )
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 409.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", message)
    }

    /// 422.
    pub fn unprocessable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body", message)
    }

    /// 429 with `Retry-After`.
    pub fn rate_limited(wait: Duration) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "too many attempts; try again later",
        );
        e.retry_after = Some(retry_after_secs(wait));
        e
    }

    /// 500, after logging the detail server-side only.
    pub fn internal(detail: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %detail, "internal error answering an API call");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "something went wrong on the server; it has been logged",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ApiErrorBody {
            error: ApiErrorInner {
                code: self.code,
                message: &self.message,
            },
        };
        with_retry_after((self.status, Json(body)).into_response(), self.retry_after)
    }
}

/// Adds `Retry-After: secs`, when set.
pub fn with_retry_after(mut resp: Response, secs: Option<u64>) -> Response {
    if let Some(secs) = secs {
        resp.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    resp
}

/// An error answered as a small HTML page (everything outside `/api`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    /// HTTP status.
    pub status: StatusCode,
    /// Page title.
    pub title: String,
    /// A sentence for a person.
    pub message: String,
    /// Seconds for `Retry-After`, on 429/503.
    pub retry_after: Option<u64>,
    /// The way on (a path under the public URL, and its label); the start page when `None`.
    pub back: Option<(&'static str, String)>,
}

impl PageError {
    /// A page with the given status, title and message.
    pub fn new(status: StatusCode, title: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            status,
            title: title.into(),
            message: message.into(),
            retry_after: None,
            back: None,
        }
    }

    /// 404.
    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            tr("err-not-found-title"),
            tr("err-not-found"),
        )
    }

    /// 429 with `Retry-After`.
    pub fn rate_limited(wait: Duration) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            tr("err-rate-title"),
            tr("err-rate"),
        );
        e.retry_after = Some(retry_after_secs(wait));
        e
    }

    /// 500, after logging the detail server-side only.
    pub fn internal(detail: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %detail, "internal error rendering a page");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            tr("err-internal-title"),
            tr("err-internal"),
        )
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl IntoResponse for PageError {
    /// The page itself is rendered by the `render_page_errors` layer, which has the templates
    /// and the public URL; here the error only travels in the response's extensions.
    fn into_response(self) -> Response {
        let mut resp = with_retry_after(self.status.into_response(), self.retry_after);
        resp.extensions_mut().insert(self);
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_html("<script>\"x\"&'"),
            "&lt;script&gt;&quot;x&quot;&amp;&#39;"
        );
    }
}
