//! Fault injection: a test names a path prefix (and optionally a method) and what should go wrong
//! there: a delay, a canned status, a redirect to another host, or a dropped connection.

use std::time::Duration;

use super::render::{GONE_MESSAGE, html_404_body};

/// What an injected fault does to a matching request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaultKind {
    /// Wait this long, then answer normally. Other requests are not held up.
    Delay(Duration),
    /// Answer with this status, body and content type instead of the real handler.
    Status {
        /// HTTP status.
        status: u16,
        /// Response body.
        body: String,
        /// `Content-Type` header value.
        content_type: String,
    },
    /// 302 to this absolute URL (on another host): the adapter must not follow it.
    Redirect(String),
    /// Close the connection without answering.
    Drop,
    /// Carry the request out, then never answer: plex.tv did the work but the caller never
    /// learns it (it gives up, or dies first).
    Swallow,
}

/// One injected fault. The first matching fault applies; `times` counts down and the fault is
/// removed when it reaches zero (`None` = forever).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// Only this method (any case); `None` = every method.
    pub method: Option<String>,
    /// Requests whose path starts with this.
    pub path_prefix: String,
    /// What happens.
    pub kind: FaultKind,
    /// How many requests it applies to.
    pub times: Option<u32>,
}

impl Fault {
    /// A fault of any kind on a path prefix, applying forever to every method.
    pub fn new(path_prefix: impl Into<String>, kind: FaultKind) -> Fault {
        Fault {
            method: None,
            path_prefix: path_prefix.into(),
            kind,
            times: None,
        }
    }

    /// A canned answer: `status` with `body` as `content_type`.
    fn canned(path_prefix: impl Into<String>, status: u16, body: String, ct: &str) -> Fault {
        let kind = FaultKind::Status {
            status,
            body,
            content_type: ct.to_owned(),
        };
        Fault::new(path_prefix, kind)
    }

    /// A bare status with a short plain-text body (a transient 5xx, a 429, ...).
    pub fn status(path_prefix: impl Into<String>, status: u16) -> Fault {
        let body = format!("fault: status {status}");
        Fault::canned(path_prefix, status, body, "text/plain; charset=utf-8")
    }

    /// The HTML 404 page of an unknown route (what a removed endpoint looks like).
    pub fn html_404(path_prefix: impl Into<String>) -> Fault {
        let body = html_404_body();
        Fault::canned(path_prefix, 404, body, "text/html; charset=utf-8")
    }

    /// The v1 410 "deprecated and removed" answer.
    pub fn gone_410(path_prefix: impl Into<String>) -> Fault {
        let body = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response code=\"410\" status=\"{GONE_MESSAGE}\"/>\n"
        );
        Fault::canned(path_prefix, 410, body, "application/xml; charset=utf-8")
    }

    /// A v2 JSON 404 with error 1002 ("requested resource or endpoint could not be found"),
    /// whatever the state: with `.method("DELETE")` a removal is refused while the share stays.
    pub fn not_found_1002(path_prefix: impl Into<String>) -> Fault {
        let body = r#"{"errors":[{"code":1002,"message":"The requested resource or endpoint could not be found","status":404}]}"#.to_owned();
        Fault::canned(path_prefix, 404, body, "application/json; charset=utf-8")
    }

    /// Answer late.
    pub fn delay(path_prefix: impl Into<String>, by: Duration) -> Fault {
        Fault::new(path_prefix, FaultKind::Delay(by))
    }

    /// A 302 to `location` on another host.
    pub fn redirect(path_prefix: impl Into<String>, location: impl Into<String>) -> Fault {
        Fault::new(path_prefix, FaultKind::Redirect(location.into()))
    }

    /// Close the connection without an answer.
    pub fn drop_connection(path_prefix: impl Into<String>) -> Fault {
        Fault::new(path_prefix, FaultKind::Drop)
    }

    /// Do the work, never answer.
    pub fn swallow(path_prefix: impl Into<String>) -> Fault {
        Fault::new(path_prefix, FaultKind::Swallow)
    }

    /// Apply to the next `n` matching requests only.
    pub fn times(mut self, n: u32) -> Fault {
        self.times = Some(n);
        self
    }

    /// Apply to this method only.
    pub fn method(mut self, method: &str) -> Fault {
        self.method = Some(method.to_owned());
        self
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && path.starts_with(&self.path_prefix)
            && self.times != Some(0)
    }
}

/// Finds the first fault matching the request, counts it down, and returns what to do.
pub(crate) fn take(faults: &mut Vec<Fault>, method: &str, path: &str) -> Option<FaultKind> {
    let idx = faults.iter().position(|f| f.matches(method, path))?;
    let kind = faults.get(idx)?.kind.clone();
    if let Some(f) = faults.get_mut(idx)
        && let Some(n) = f.times.as_mut()
    {
        *n = n.saturating_sub(1);
        if *n == 0 {
            faults.remove(idx);
        }
    }
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_match_applies_and_times_count_down() {
        let mut fs = vec![
            Fault::status("/api/v2/user", 503).times(1).method("get"),
            Fault::html_404("/api"),
        ];
        assert!(matches!(
            take(&mut fs, "GET", "/api/v2/user"),
            Some(FaultKind::Status { status: 503, .. })
        ));
        assert_eq!(fs.len(), 1);
        assert!(matches!(
            take(&mut fs, "GET", "/api/v2/user"),
            Some(FaultKind::Status { status: 404, .. })
        ));
        assert!(take(&mut fs, "GET", "/auth").is_none());
    }
}
