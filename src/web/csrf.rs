//! CSRF protection for every admin POST (SPEC §3): the [`AdminPost`] extractor needs a live
//! admin session, an `Origin` (or, without one, a `Referer`) that is the public URL's origin
//! when the browser sends one, and the session's CSRF token in the form's `csrf` field
//! (compared in constant time). Anything else is a 403 page and changes nothing.

use axum::body::to_bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{HeaderMap, StatusCode, header};
use subtle::ConstantTimeEq;

use super::error::PageError;
use super::sessions::{AdminRejection, AdminSession};
use crate::access::model::Session;
use crate::config::PublicUrl;
use crate::web::AppState;

/// Admin forms are small; a bigger body is refused.
const FORM_LIMIT: usize = 64 * 1024;

/// A checked admin form: the session and the form's fields (repeated names kept, in order).
#[derive(Debug)]
pub struct AdminPost {
    /// The admin who posted.
    pub session: Session,
    /// Every `name=value` pair of the body.
    pub fields: Vec<(String, String)>,
}

impl AdminPost {
    /// The first value of `name`, trimmed; `None` when absent or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Every non-empty value of `name` (checkbox groups).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    }

    /// `name` as a number; a value that is not one is an error naming the field.
    pub fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, String> {
        self.get(name)
            .map(|v| {
                v.parse::<T>()
                    .map_err(|_| format!("{name} must be a whole number"))
            })
            .transpose()
    }
}

/// The 403 page for a forged or stale form.
pub fn refused() -> PageError {
    PageError::new(
        StatusCode::FORBIDDEN,
        crate::i18n::tr("err-form-refused-title"),
        crate::i18n::tr("err-form-refused"),
    )
}

/// Whether the request's `Origin` (else `Referer`) is the public URL's origin. A request with
/// neither passes this check; the CSRF token still has to match.
pub fn origin_ok(headers: &HeaderMap, public_url: &PublicUrl) -> bool {
    let expected = public_url.as_url().origin().ascii_serialization();
    let claimed = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER));
    let Some(value) = claimed else {
        return true;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    // "null" (sandboxed or privacy-redirected) and anything unparsable never match.
    url::Url::parse(value).is_ok_and(|u| u.origin().ascii_serialization() == expected)
}

/// Whether `given` is the session's token.
pub fn token_ok(session: &Session, given: Option<&str>) -> bool {
    given.is_some_and(|g| bool::from(session.csrf.as_bytes().ct_eq(g.as_bytes())))
}

impl FromRequest<AppState> for AdminPost {
    type Rejection = AdminRejection;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, AdminRejection> {
        let (mut parts, body) = req.into_parts();
        let AdminSession(session) = AdminSession::from_request_parts(&mut parts, state).await?;
        if !origin_ok(&parts.headers, &state.config.server.public_url) {
            return Err(AdminRejection::Page(refused()));
        }
        let bytes = to_bytes(body, FORM_LIMIT).await.map_err(|_| {
            AdminRejection::Page(PageError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                crate::i18n::tr("err-too-large-title"),
                crate::i18n::tr("err-too-large"),
            ))
        })?;
        let fields: Vec<(String, String)> = url::form_urlencoded::parse(&bytes)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let post = AdminPost { session, fields };
        if !token_ok(&post.session, post.get("csrf")) {
            return Err(AdminRejection::Page(refused()));
        }
        Ok(post)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use axum::http::HeaderValue;

    fn url() -> PublicUrl {
        PublicUrl::parse("https://plex.example.com/gate").unwrap()
    }

    fn with(name: header::HeaderName, v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_str(v).unwrap());
        h
    }

    fn post(fields: &[(&str, &str)]) -> AdminPost {
        let session = Session {
            kind: crate::access::model::SessionKind::Admin,
            plex_id: 1,
            username: "owner".into(),
            created_at: 0,
            last_seen_at: 0,
            csrf: "s3cr3t-token".into(),
        };
        let fields = fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        AdminPost { session, fields }
    }

    #[test]
    fn fields_are_read_by_name_trimmed_and_empty_is_absent() {
        let p = post(&[
            ("other", "x"),
            ("name", "  carol "),
            ("name", "dave"),
            ("blank", "   "),
            ("lib", "1"),
            ("lib", " "),
            ("other", "y"),
            ("lib", " 3 "),
            ("days", " 30 "),
            ("bad", "3.5"),
        ]);
        assert_eq!(p.get("name"), Some("carol"), "the first value, trimmed");
        assert_eq!(p.get("other"), Some("x"));
        assert_eq!(p.get("blank"), None);
        assert_eq!(p.get("missing"), None);
        assert_eq!(p.all("lib"), vec!["1".to_owned(), "3".to_owned()]);
        assert_eq!(p.all("other"), vec!["x".to_owned(), "y".to_owned()]);
        assert!(p.all("blank").is_empty());
        assert!(p.all("missing").is_empty());
        assert_eq!(p.number::<u32>("days"), Ok(Some(30)));
        assert_eq!(p.number::<u32>("missing"), Ok(None));
        assert_eq!(
            p.number::<u32>("bad"),
            Err("bad must be a whole number".to_owned())
        );
    }

    #[test]
    fn the_token_must_be_the_sessions_exactly() {
        let s = post(&[]).session;
        assert!(token_ok(&s, Some("s3cr3t-token")));
        assert!(!token_ok(&s, None));
        assert!(!token_ok(&s, Some("")));
        assert!(
            !token_ok(&s, Some("s3cr3t-tokeN")),
            "same length, one byte off"
        );
        assert!(!token_ok(&s, Some("s3cr3t-token ")));
        assert!(!token_ok(&s, Some("s3cr3t")));
    }

    #[test]
    fn origin_must_be_the_public_urls() {
        assert!(origin_ok(&HeaderMap::new(), &url()));
        for (name, value, ok) in [
            (header::ORIGIN, "https://plex.example.com", true),
            (header::ORIGIN, "https://evil.example", false),
            (header::ORIGIN, "null", false),
            (header::ORIGIN, "http://plex.example.com", false),
            (header::REFERER, "https://plex.example.com/gate/admin", true),
            (
                header::REFERER,
                "https://plex.example.com.evil.example/",
                false,
            ),
        ] {
            assert_eq!(origin_ok(&with(name, value), &url()), ok, "{value}");
        }
    }
}
