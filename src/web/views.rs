//! What the friend-facing pages share: the one-message page with an optional button, the
//! mapping of access errors to pages, the grant summary and the owner's onboarding Markdown
//! (rendered with pulldown-cmark, raw HTML left out and links only to http(s), mailto or this
//! site: `<script>`, event handlers and `javascript:` links never reach a page).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::error::{PageError, with_retry_after};
use crate::access::model::GrantStatus;
use crate::access::{AccessError, GrantView};
use crate::i18n::tr;
use crate::web::AppState;
use crate::web::human::When;

/// The settings key of the owner's onboarding text (Markdown) shown on "You're in".
pub const ONBOARDING_KEY: &str = "onboarding_markdown";

/// Shown until the owner writes their own (in the page's language).
pub fn default_onboarding() -> String {
    tr("onboarding-default")
}

/// `Retry-After` on "try again in a minute" pages.
pub const RETRY_SECS: u64 = 60;

/// A button under a message.
#[derive(Debug, Serialize)]
pub struct Action {
    /// Full href (already carrying the prefix).
    pub href: String,
    /// The button's text.
    pub label: String,
}

impl Action {
    /// A button to `path` under the public URL, labelled with the message `label`.
    pub fn to(state: &AppState, path: &str, label: &str) -> Option<Self> {
        Some(Self {
            href: format!("{}{path}", state.prefix()),
            label: tr(label),
        })
    }
}

#[derive(Serialize)]
struct MessagePage<'a> {
    lines: &'a [String],
    action: Option<Action>,
}

/// Renders `message.html`: a title, a few sentences, an optional button.
pub fn message(
    state: &AppState,
    status: StatusCode,
    title: &str,
    lines: &[String],
    action: Option<Action>,
) -> Response {
    match state.render("message.html", title, &MessagePage { lines, action }) {
        Ok(html) => (status, html).into_response(),
        Err(e) => e.into_response(),
    }
}

#[derive(Serialize)]
struct ErrorPage<'a> {
    message: &'a str,
    /// The way on: href (with the prefix) and label.
    back: Option<(String, String)>,
}

/// The one renderer of error pages: the `frame` layer uses it for returned [`PageError`]s, and
/// handlers call it directly when they attach cookies to the answer.
pub fn error_response(state: &AppState, e: &PageError) -> Response {
    let page = ErrorPage {
        message: &e.message,
        back: e
            .back
            .as_ref()
            .map(|(path, label)| (format!("{}{path}", state.prefix()), label.clone())),
    };
    match state.render("error.html", &e.title, &page) {
        Ok(html) => with_retry_after((e.status, html).into_response(), e.retry_after),
        Err(err) => err.into_response(),
    }
}

/// A 503 page with `Retry-After: secs` (at least 1).
fn unavailable(title: &str, text: &str, secs: u64) -> PageError {
    let mut e = PageError::new(StatusCode::SERVICE_UNAVAILABLE, tr(title), tr(text));
    e.retry_after = Some(secs.max(1));
    e
}

/// The 503 "try again in a minute" page.
pub fn try_again_in_a_minute(secs: u64) -> PageError {
    unavailable("err-retry-title", "err-plex-slow", secs)
}

/// The 503 page when nothing could be recorded because the store cannot write (a full disk):
/// the real cause, in plain words, and `Retry-After`.
pub fn nothing_recorded(secs: u64) -> PageError {
    unavailable("err-retry-title", "err-disk", secs)
}

/// The 503 page while the owner's setup is incomplete.
pub fn not_ready() -> PageError {
    unavailable("err-not-ready-title", "err-not-ready", RETRY_SECS)
}

/// Maps an access failure to the page a person sees; server faults are logged, never shown.
pub fn access_error_page(e: &AccessError) -> PageError {
    match e {
        AccessError::Busy => unavailable("err-busy-title", "err-busy", RETRY_SECS),
        AccessError::FlowNotFound => PageError::new(
            StatusCode::BAD_REQUEST,
            tr("flow-gone-title"),
            tr("flow-expired"),
        ),
        AccessError::NotConfigured => not_ready(),
        AccessError::Plex(err) => {
            tracing::warn!(error = %err, "plex.tv failed during a sign-in page");
            try_again_in_a_minute(RETRY_SECS)
        }
        AccessError::Invalid(msg) => {
            PageError::new(StatusCode::BAD_REQUEST, tr("err-not-accepted-title"), msg)
        }
        AccessError::NotFound(what) => PageError::new(
            StatusCode::NOT_FOUND,
            tr("err-not-found-thing-title"),
            format!("{what} was not found."),
        ),
        AccessError::Conflict(msg) => {
            PageError::new(StatusCode::CONFLICT, tr("err-not-possible-title"), msg)
        }
        // A store failure: 503 "cannot save" while the disk refuses writes, else a 500.
        AccessError::Store(err) if err.is_unwritable() => {
            tracing::warn!(error = %err, "the store cannot write during a page");
            nothing_recorded(RETRY_SECS)
        }
        AccessError::Store(err) => PageError::internal(err),
    }
}

/// A grant as the friend reads it.
#[derive(Debug, Serialize)]
pub struct GrantSummary {
    /// The server's name.
    pub server_name: String,
    /// Library titles.
    pub libraries: Vec<String>,
    /// When access ends, if it does.
    pub expires: Option<When>,
    /// A short status sentence.
    pub status: String,
    /// Whether plexgate gave up and the owner must look.
    pub failed: bool,
}

/// Summarises a grant for "You're in" and `/me`, as seen at `now`.
pub fn grant_summary(g: &GrantView, now: i64) -> GrantSummary {
    let status = tr(match g.status {
        GrantStatus::Sharing => "status-sharing",
        GrantStatus::Pending => "status-pending",
        GrantStatus::Accepted => "status-accepted",
        GrantStatus::Failed => "status-failed",
        GrantStatus::Removed => "status-removed",
    });
    GrantSummary {
        server_name: g.server_name.clone(),
        libraries: g.libraries.clone(),
        expires: g.expires_at.map(|t| When::at(t, now)),
        status,
        failed: g.status == GrantStatus::Failed,
    }
}

/// Markdown → safe HTML: raw HTML is left out (the text between inline tags stays), and a link or image
/// whose address names a scheme other than http, https or mailto loses its address, so no
/// script, event handler or `javascript:` link reaches a page. (A whole HTML sanitiser would
/// cost more binary than everything else on the friend's pages: issue 23.)
pub fn render_markdown(md: &str) -> String {
    use pulldown_cmark::{CowStr, Event, Tag};
    let events = pulldown_cmark::Parser::new(md).filter_map(|mut event| {
        match &mut event {
            Event::Html(_) | Event::InlineHtml(_) => return None,
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                *dest_url = safe_url(std::mem::replace(dest_url, CowStr::Borrowed("")));
            }
            _ => {}
        }
        Some(event)
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    return html;

    /// The address itself when relative or http(s)/mailto; empty otherwise. Browsers ignore
    /// whitespace and control characters inside a scheme (`java\tscript:`), so they are dropped
    /// before looking for one.
    fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
        let squeezed: String = url
            .chars()
            .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
            .collect();
        let scheme_end = squeezed.find(':');
        let path_start = squeezed.find(['/', '?', '#']);
        let scheme = match (scheme_end, path_start) {
            (Some(c), Some(p)) if c < p => Some(&squeezed[..c]),
            (Some(c), None) => Some(&squeezed[..c]),
            _ => None,
        };
        match scheme.map(str::to_ascii_lowercase).as_deref() {
            None | Some("http" | "https" | "mailto") => url,
            Some(_) => CowStr::Borrowed(""),
        }
    }
}

/// The owner's onboarding text as sanitised HTML (the default text when unset or unreadable).
pub async fn onboarding_html(state: &AppState) -> String {
    let md = super::pages::state_text(state, ONBOARDING_KEY)
        .await
        .unwrap_or_else(default_onboarding);
    render_markdown(&md)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_sanitised() {
        let html = render_markdown(
            "# Hi\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(2)) \
             <img src=x onerror=alert(3)> [good](https://example.com) **bold**",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
        assert!(html.contains("<h1>Hi</h1>"), "{html}");
    }

    #[test]
    fn only_web_and_mail_links_keep_their_address() {
        for bad in [
            "[a](javascript:alert(1))",
            "[a](JavaScript:alert(1))",
            "[a](java\tscript:alert(1))",
            "[a](javascript&#58;alert(1))",
            "<javascript:alert(1)>",
            "[a](data:text/html,x)",
            "[a](vbscript:x)",
            "![i](javascript:alert(1))",
            "[a][r]\n\n[r]: javascript:alert(1)",
        ] {
            let html = render_markdown(bad);
            // Every address left is empty (a line that is no link stays text, which is harmless).
            for attr in ["href=\"", "src=\""] {
                for (i, _) in html.match_indices(attr) {
                    assert!(html[i + attr.len()..].starts_with('"'), "{bad} -> {html}");
                }
            }
        }
        for good in [
            (
                "[a](https://example.com/x?y=1#z)",
                "href=\"https://example.com/x?y=1#z\"",
            ),
            ("[a](/me)", "href=\"/me\""),
            (
                "[a](mailto:me@example.com)",
                "href=\"mailto:me@example.com\"",
            ),
            ("[a](page:1)", "href=\"\""),
            ("[a](./a:b)", "href=\"./a:b\""),
        ] {
            let html = render_markdown(good.0);
            assert!(html.contains(good.1), "{} -> {html}", good.0);
        }
    }

    #[test]
    fn raw_html_is_left_out() {
        let html =
            render_markdown("<div onclick=x()>hi</div>\n\nand <b onmouseover=y()>inline</b>");
        assert!(!html.contains("<div"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("onmouseover"), "{html}");
        assert!(html.contains("<p>and inline</p>"), "{html}");
    }

    #[test]
    fn grant_summary_shows_a_date() {
        let g = GrantView {
            server_name: "S".into(),
            libraries: vec!["Movies".into()],
            expires_at: Some(1_790_000_000),
            status: GrantStatus::Pending,
        };
        let s = grant_summary(&g, 1_790_000_000);
        assert_eq!(s.expires.map(|w| w.date).as_deref(), Some("21 Sep 2026"));
        assert!(!s.failed);
    }
}
