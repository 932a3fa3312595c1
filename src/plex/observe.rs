//! A hook told about every plex.tv request (endpoint template, status, latency), so the app can
//! count them without the adapter knowing what it feeds (metrics live above this layer).

use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;

use super::PlexClient;

/// One request as the observer sees it: no URL, no token, no id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlexRequestSeen {
    /// `GET`, `POST`, ...
    pub method: &'static str,
    /// The route template, e.g. `/api/v2/pins/{id}` (never the raw path: ids would make every
    /// request a label of its own).
    pub endpoint: &'static str,
    /// The HTTP status; 0 when no answer came (connect error, timeout).
    pub status: u16,
    /// From sending to the answer's head (or the failure).
    pub elapsed: Duration,
}

/// Called once per request sent to plex.tv; must be cheap and never block.
pub type PlexObserver = Arc<dyn Fn(PlexRequestSeen) + Send + Sync>;

pub(crate) fn method_name(m: &Method) -> &'static str {
    match *m {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        _ => "OTHER",
    }
}

/// The route template of a path, from the calls the adapter makes; anything else is "other".
pub(crate) fn endpoint_template(segments: &[String]) -> &'static str {
    let s: Vec<&str> = segments.iter().map(String::as_str).collect();
    match s.as_slice() {
        ["api", "v2", "pins"] => "/api/v2/pins",
        ["api", "v2", "pins", _] => "/api/v2/pins/{id}",
        ["api", "v2", "user"] => "/api/v2/user",
        ["api", "v2", "resources"] => "/api/v2/resources",
        ["api", "v2", "users", "signout"] => "/api/v2/users/signout",
        ["api", "v2", "ping"] => "/api/v2/ping",
        ["api", "servers", _] => "/api/servers/{machine}",
        ["api", "servers", _, "shared_servers"] => "/api/servers/{machine}/shared_servers",
        ["api", "servers", _, "shared_servers", _] => "/api/servers/{machine}/shared_servers/{id}",
        ["api", "v2", "servers", _] => "/api/v2/servers/{machine}",
        ["api", "v2", "shared_servers"] => "/api/v2/shared_servers",
        ["api", "v2", "shared_servers", "owned", "accepted"] => {
            "/api/v2/shared_servers/owned/accepted"
        }
        ["api", "v2", "shared_servers", "invites", "owned", "pending"] => {
            "/api/v2/shared_servers/invites/owned/pending"
        }
        [
            "api",
            "v2",
            "shared_servers",
            "invites",
            "received",
            "pending",
        ] => "/api/v2/shared_servers/invites/received/pending",
        ["api", "v2", "shared_servers", _, "accept"] => "/api/v2/shared_servers/{id}/accept",
        ["api", "v2", "shared_servers", _] => "/api/v2/shared_servers/{id}",
        _ => "other",
    }
}

impl PlexClient {
    /// Tells the observer (if any) about one request.
    pub(crate) fn observe(
        &self,
        method: &Method,
        segments: &[String],
        status: u16,
        elapsed: Duration,
    ) {
        if let Some(observer) = &self.inner.observer {
            observer(PlexRequestSeen {
                method: method_name(method),
                endpoint: endpoint_template(segments),
                status,
                elapsed,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(path: &str) -> &'static str {
        let segs: Vec<String> = path.split('/').map(str::to_owned).collect();
        endpoint_template(&segs)
    }

    #[test]
    fn ids_never_reach_the_template() {
        assert_eq!(t("api/v2/pins/12345"), "/api/v2/pins/{id}");
        assert_eq!(
            t("api/servers/abc123/shared_servers/77"),
            "/api/servers/{machine}/shared_servers/{id}"
        );
        assert_eq!(
            t("api/v2/shared_servers/9/accept"),
            "/api/v2/shared_servers/{id}/accept"
        );
        assert_eq!(
            t("api/v2/shared_servers/owned/accepted"),
            "/api/v2/shared_servers/owned/accepted"
        );
        assert_eq!(t("something/else"), "other");
    }
}
