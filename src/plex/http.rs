//! Request building and answer reading: X-Plex-* identity, the token header, URLs, the body cap,
//! and the one mapping from HTTP status and body to [`PlexError`].

use std::time::Duration;

use reqwest::header::{
    ACCEPT, CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, RETRY_AFTER,
};
use reqwest::{Method, Response};
use url::Url;

use super::observe::{endpoint_template, method_name};
use super::{PlexClient, PlexError, PlexSettings, assumptions, json, lock, xml};
use crate::secret::Secret;

/// Which plex.tv host a call goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Host {
    /// `api_url` (plex.tv).
    Api,
    /// `clients_url` (clients.plex.tv).
    Clients,
}

/// The format asked for with `Accept`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Xml,
}

/// One request to plex.tv.
pub(crate) struct Call<'a> {
    method: Method,
    host: Host,
    segments: Vec<String>,
    query: Vec<(&'static str, String)>,
    token: Option<&'a Secret>,
    accept: Format,
    body: Option<serde_json::Value>,
}

impl<'a> Call<'a> {
    /// A call to `path` (segments are percent-encoded one by one) asking for JSON.
    pub(crate) fn new(method: Method, host: Host, segments: &[&str]) -> Self {
        Self {
            method,
            host,
            segments: segments.iter().map(|s| (*s).to_owned()).collect(),
            query: Vec::new(),
            token: None,
            accept: Format::Json,
            body: None,
        }
    }

    pub(crate) fn query(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.query.push((key, value.into()));
        self
    }

    pub(crate) fn token(mut self, token: &'a Secret) -> Self {
        self.token = Some(token);
        self
    }

    pub(crate) fn xml(mut self) -> Self {
        self.accept = Format::Xml;
        self
    }

    pub(crate) fn json_body(mut self, body: serde_json::Value) -> Self {
        self.body = Some(body);
        self
    }
}

/// A 2xx answer, body read in full.
#[derive(Debug)]
pub(crate) struct Reply {
    content_type: String,
    pub(crate) text: String,
}

impl Reply {
    /// True when the body is JSON (by content type, or by its first character when that is missing).
    pub(crate) fn is_json(&self) -> bool {
        looks_json(&self.content_type, &self.text)
    }

    /// A v2 answer as JSON, read from XML when plex.tv sent XML (§0: v2 answers XML unless it
    /// honours `Accept`).
    pub(crate) fn value(&self) -> Result<serde_json::Value, PlexError> {
        if self.is_json() {
            json::parse(&self.text)
        } else {
            xml::to_value(&self.text)
        }
    }
}

fn looks_json(content_type: &str, text: &str) -> bool {
    if content_type.contains("json") {
        return true;
    }
    if content_type.contains("xml") || content_type.contains("html") {
        return false;
    }
    matches!(text.trim_start().chars().next(), Some('{' | '['))
}

fn looks_html(content_type: &str, text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_lowercase();
    content_type.contains("html") || head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The non-secret X-Plex-* identity, in the order Wizarr sends it.
pub(crate) fn identity(s: &PlexSettings) -> Vec<(&'static str, String)> {
    vec![
        ("X-Plex-Product", s.product.clone()),
        ("X-Plex-Version", s.version.clone()),
        ("X-Plex-Client-Identifier", s.client_id.clone()),
        ("X-Plex-Platform", assumptions::PLATFORM.to_owned()),
        ("X-Plex-Platform-Version", s.version.clone()),
        ("X-Plex-Device", assumptions::DEVICE.to_owned()),
        ("X-Plex-Device-Name", s.product.clone()),
        ("X-Plex-Model", assumptions::DEVICE.to_owned()),
        ("X-Plex-Features", assumptions::FEATURES.to_owned()),
        ("X-Plex-Language", assumptions::LANGUAGE.to_owned()),
    ]
}

/// The identity as default headers of the shared client; refuses values a header cannot carry.
pub(crate) fn identity_headers(
    identity: &[(&'static str, String)],
) -> Result<HeaderMap, PlexError> {
    let mut map = HeaderMap::new();
    for (name, value) in identity {
        let value = HeaderValue::from_str(value)
            .map_err(|_| PlexError::Protocol(format!("{name} is not a valid header value")))?;
        // from_bytes lower-cases the name; the query keeps Plex's own spelling.
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| PlexError::Protocol(format!("{name} is not a header name")))?;
        map.insert(name, value);
    }
    Ok(map)
}

impl PlexClient {
    /// Sends a call and returns its 2xx answer; anything else becomes a [`PlexError`]. An answer
    /// to the owner's token is judged (accepted or refused) whoever made the call.
    pub(crate) async fn send(&self, call: Call<'_>) -> Result<Reply, PlexError> {
        let token = call.token;
        let result = self.send_unjudged(call).await;
        self.judge_owner_token(token, &result);
        result
    }

    async fn send_unjudged(&self, call: Call<'_>) -> Result<Reply, PlexError> {
        let kind = (method_name(&call.method), endpoint_template(&call.segments));
        // A 429's Retry-After holds back the next call of the same kind (§12), unsent.
        if let Some(until) = lock(&self.inner.held_until).get(&kind).copied() {
            let now = tokio::time::Instant::now();
            if now < until {
                return Err(PlexError::RateLimited {
                    retry_after: Some(until - now),
                });
            }
        }
        let url = self.url(&call)?;
        let mut req = self.http()?.request(call.method.clone(), url);
        req = req.header(
            ACCEPT,
            match call.accept {
                Format::Json => "application/json",
                Format::Xml => "application/xml",
            },
        );
        if let Some(token) = call.token {
            // The token travels only here, never in a URL (URLs end up in logs).
            let mut value =
                HeaderValue::from_str(token.expose()).map_err(|_| PlexError::Unauthorized)?;
            value.set_sensitive(true);
            req = req.header("x-plex-token", value);
        }
        if let Some(body) = &call.body {
            let bytes = serde_json::to_vec(body).map_err(|e| PlexError::Protocol(e.to_string()))?;
            req = req.header(CONTENT_TYPE, "application/json").body(bytes);
        } else if call.method == Method::POST || call.method == Method::PUT {
            // Body-less POSTs (PIN create, accept) say so, as python-requests and fetch do (§12).
            req = req.header(CONTENT_LENGTH, "0").body(Vec::new());
        }
        let started = std::time::Instant::now();
        let sent = req.send().await;
        let seen = sent.as_ref().map_or(0, |r| r.status().as_u16());
        self.observe(&call.method, &call.segments, seen, started.elapsed());
        let resp = sent.map_err(PlexError::from_reqwest)?;
        let status = resp.status().as_u16();
        let content_type = header_str(&resp, CONTENT_TYPE).to_lowercase();
        let retry_after = header_str(&resp, RETRY_AFTER)
            .trim()
            .parse()
            .ok()
            .map(Duration::from_secs);
        let max = self.inner.settings.max_body_bytes;
        let body = read_capped(resp, max, || {
            PlexError::Protocol(format!("answer larger than {max} bytes"))
        })
        .await?;
        let text = String::from_utf8_lossy(&body).into_owned();
        tracing::debug!(method = %call.method, host = ?call.host, path = %call.segments.join("/"), status, "plex.tv");
        if (200..300).contains(&status) {
            return Ok(Reply { content_type, text });
        }
        if status == 429 {
            let wait = retry_after.unwrap_or(assumptions::RATE_LIMIT_DEFAULT_WAIT);
            lock(&self.inner.held_until).insert(kind, tokio::time::Instant::now() + wait);
        }
        Err(map_status(status, &content_type, &text, retry_after))
    }

    fn url(&self, call: &Call<'_>) -> Result<Url, PlexError> {
        let settings = &self.inner.settings;
        let mut url = match call.host {
            Host::Api => settings.api_url.clone(),
            Host::Clients => settings.clients_url.clone(),
        };
        url.set_query(None);
        url.set_fragment(None);
        url.path_segments_mut()
            .map_err(|()| PlexError::Protocol("plex.tv base URL cannot take a path".into()))?
            .pop_if_empty()
            .extend(&call.segments);
        let with_identity = assumptions::identity_in_query(&url, &settings.clients_url);
        if !call.query.is_empty() || with_identity {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in &call.query {
                pairs.append_pair(k, v);
            }
            if with_identity {
                for (k, v) in &self.inner.identity {
                    pairs.append_pair(k, v);
                }
            }
        }
        Ok(url)
    }
}

/// Reads the body with `chunk()`, refusing more than `max` bytes with `too_big()`, so a huge or
/// endless answer cannot exhaust memory.
pub(crate) async fn read_capped(
    mut resp: Response,
    max: usize,
    too_big: impl Fn() -> PlexError,
) -> Result<Vec<u8>, PlexError> {
    if resp.content_length().is_some_and(|n| n > max as u64) {
        return Err(too_big());
    }
    let mut buf = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(PlexError::from_reqwest)? {
        if buf.len() + chunk.len() > max {
            return Err(too_big());
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}

pub(crate) fn header_str(resp: &Response, name: HeaderName) -> String {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The one place a non-2xx answer becomes an error (plex-api.md §0, §5.2a, §9).
pub(crate) fn map_status(
    status: u16,
    content_type: &str,
    text: &str,
    retry_after: Option<Duration>,
) -> PlexError {
    let lower = text.to_lowercase();
    match status {
        300..=399 => PlexError::Protocol(format!("redirect (status {status}) not followed")),
        401 => PlexError::Unauthorized,
        429 => PlexError::RateLimited { retry_after },
        500..=599 => PlexError::Unavailable { status },
        405 | 410 => PlexError::Gone,
        404 if looks_html(content_type, text) => PlexError::Gone,
        404 => PlexError::NotFound,
        422 if lower.contains(assumptions::INVALID_TOKEN_MARKER) => PlexError::Unauthorized,
        400 | 422 if lower.contains(assumptions::ALREADY_SHARING_MARKER) => {
            PlexError::AlreadySharing
        }
        _ => PlexError::Refused {
            status,
            message: error_message(content_type, text),
        },
    }
}

/// plex.tv's own words from an error body, shortened, for the owner to read.
fn error_message(content_type: &str, text: &str) -> String {
    let found = if looks_html(content_type, text) {
        Some("an HTML page".to_owned())
    } else if looks_json(content_type, text) {
        json::error_message(text)
    } else {
        xml::error_message(text)
    };
    let raw = found.unwrap_or_else(|| text.trim().to_owned());
    raw.chars().filter(|c| !c.is_control()).take(200).collect()
}

#[cfg(test)]
impl Reply {
    /// A 200 answer whose format is sniffed from the body, for parser tests.
    pub(crate) fn for_test(text: &str) -> Self {
        Self {
            content_type: String::new(),
            text: text.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn statuses_map_to_classes() {
        let m = |s, ct, t| map_status(s, ct, t, None);
        assert_eq!(
            m(
                401,
                "text/xml",
                "<errors><error>Invalid authentication token.</error></errors>"
            ),
            PlexError::Unauthorized
        );
        assert_eq!(
            m(
                422,
                "text/xml",
                "<errors><error>Invalid token</error></errors>"
            ),
            PlexError::Unauthorized
        );
        assert_eq!(
            m(
                410,
                "text/xml",
                r#"<Response code="410" status="This endpoint was deprecated and removed"/>"#
            ),
            PlexError::Gone
        );
        assert_eq!(m(405, "", ""), PlexError::Gone);
        assert_eq!(
            m(404, "text/html", "<html><body>404</body></html>"),
            PlexError::Gone
        );
        assert_eq!(m(404, "", "<!DOCTYPE html><html>"), PlexError::Gone);
        let j1002 = r#"{"errors":[{"code":1002,"message":"The requested resource or endpoint could not be found.","status":404}]}"#;
        assert_eq!(m(404, "application/json", j1002), PlexError::NotFound);
        assert_eq!(
            m(404, "text/xml", "<errors><error>Not found</error></errors>"),
            PlexError::NotFound
        );
        assert_eq!(m(503, "", ""), PlexError::Unavailable { status: 503 });
        assert_eq!(
            m(302, "", ""),
            PlexError::Protocol("redirect (status 302) not followed".into())
        );
    }

    #[test]
    fn duplicates_refusals_and_rate_limits() {
        let m = |s, ct, t| map_status(s, ct, t, None);
        let dup = r#"<Response code="400" status="You're already sharing this server with bob. Please edit your existing share."/>"#;
        assert_eq!(m(400, "text/xml", dup), PlexError::AlreadySharing);
        assert_eq!(
            m(
                422,
                "application/json",
                r#"{"errors":[{"code":1999,"message":"You're already sharing with bob"}]}"#
            ),
            PlexError::AlreadySharing
        );
        let refused = m(
            400,
            "text/xml",
            r#"<Response code="400" status="Invalid library section"/>"#,
        );
        assert_eq!(
            refused,
            PlexError::Refused {
                status: 400,
                message: "Invalid library section".into()
            }
        );
        let r = map_status(429, "application/json", "{}", Some(Duration::from_secs(7)));
        assert_eq!(
            r,
            PlexError::RateLimited {
                retry_after: Some(Duration::from_secs(7))
            }
        );
    }

    #[test]
    fn formats_are_read_from_the_content_type_else_the_first_character() {
        assert!(looks_json("application/json; charset=utf-8", "<x/>"));
        assert!(!looks_json("text/xml", "{}"));
        assert!(!looks_json("text/html", "[1]"));
        assert!(looks_json("", "  {\"a\":1}"));
        assert!(looks_json("", "[1]"));
        assert!(!looks_json("", "<MediaContainer/>"));
        assert!(!looks_json("", ""));
        assert!(Reply::for_test("{}").is_json());
        assert!(!Reply::for_test("<a/>").is_json());
        assert_eq!(
            Reply::for_test(r#"{"a":1}"#).value().unwrap(),
            serde_json::json!({"a": 1})
        );
        assert!(looks_html("text/html; charset=utf-8", ""));
        assert!(looks_html("", "  <!DOCTYPE HTML><html>"));
        assert!(looks_html("", "<HTML><body>"));
        assert!(!looks_html("text/xml", "<Response/>"));
        assert!(!looks_html("", r#"{"html":1}"#));
    }

    #[test]
    fn error_messages_are_plex_words_without_control_characters_and_short() {
        assert_eq!(error_message("text/html", "<p>Oops</p>"), "an HTML page");
        assert_eq!(
            error_message("", r#"{"errors":[{"message":"Bad\nthing"}]}"#),
            "Badthing"
        );
        assert_eq!(
            error_message("text/xml", r#"<Response status="No&#10;way"/>"#),
            "Noway"
        );
        assert_eq!(
            error_message("text/plain", "  just\ttext\u{7} "),
            "justtext"
        );
        assert_eq!(error_message("", &"x".repeat(300)).len(), 200);
    }

    #[test]
    fn identity_headers_are_valid() {
        let s = PlexSettings::new("abc-123").unwrap();
        let map = identity_headers(&identity(&s)).unwrap();
        assert_eq!(map.get("x-plex-product").unwrap(), "plexgate");
        assert_eq!(map.get("x-plex-client-identifier").unwrap(), "abc-123");
        assert_eq!(map.get("x-plex-features").unwrap(), assumptions::FEATURES);
        assert_eq!(map.len(), 10);
    }

    /// A 429's hold refuses the next call of its kind unsent, up to the instant it ends and not
    /// at it (paused clock: `advance` lands exactly on that instant).
    #[tokio::test(start_paused = true)]
    async fn a_held_kind_of_call_is_refused_until_the_hold_ends() {
        let client = PlexClient::new(PlexSettings::new("abc-123").unwrap()).unwrap();
        // Not a header value: a call past the hold fails on it, before anything is sent.
        let token = Secret::new("bad\ntoken");
        let call = || Call::new(Method::GET, Host::Api, &["api", "v2", "user"]).token(&token);
        let kind = (
            method_name(&Method::GET),
            endpoint_template(&call().segments),
        );
        let until = tokio::time::Instant::now() + Duration::from_secs(5);
        lock(&client.inner.held_until).insert(kind, until);
        let held = PlexError::RateLimited {
            retry_after: Some(Duration::from_secs(5)),
        };
        assert_eq!(client.send_unjudged(call()).await.unwrap_err(), held);
        tokio::time::advance(Duration::from_secs(5)).await;
        let sent = client.send_unjudged(call()).await.unwrap_err();
        assert_eq!(sent, PlexError::Unauthorized);
    }

    #[test]
    fn a_url_has_a_query_only_for_the_call_s_pairs_or_the_identity() {
        let client = PlexClient::new(PlexSettings::new("abc-123").unwrap()).unwrap();
        let url = |call: Call<'_>| client.url(&call).unwrap().to_string();
        let bare = Call::new(Method::GET, Host::Api, &["api", "v2", "user"]);
        assert_eq!(url(bare), "https://plex.tv/api/v2/user");
        let pin =
            Call::new(Method::GET, Host::Api, &["api", "v2", "pins", "7"]).query("code", "a b");
        assert_eq!(url(pin), "https://plex.tv/api/v2/pins/7?code=a+b");
        let clients = url(Call::new(
            Method::GET,
            Host::Clients,
            &["api", "v2", "home"],
        ));
        assert!(
            clients.starts_with("https://clients.plex.tv/api/v2/home?X-Plex-Product=plexgate&"),
            "{clients}"
        );
        assert!(
            clients.contains("&X-Plex-Client-Identifier=abc-123&"),
            "{clients}"
        );
    }
}
