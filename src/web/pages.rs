//! Public pages: the welcome page, the setup entry and the stylesheet.

use std::sync::Mutex;

use axum::body::Bytes;
use axum::extract::{Query, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::client_ip::ClientIp;
use super::error::PageError;
use super::templates::STYLE_CSS;
use crate::i18n::tr;
use crate::sync::lock;
use crate::web::AppState;

#[derive(Serialize)]
struct IndexPage<'a> {
    welcome: &'a str,
    ready: bool,
    /// Set on an invite link's welcome page (`web::public`).
    invite: Option<&'a str>,
    /// The server, its owner and the libraries a friend gets.
    site: Option<Site>,
}

/// Whose server this is, as the welcome and invite pages say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Site {
    pub server: String,
    pub owner: String,
    /// The owner's initial, for the avatar badge.
    pub initial: String,
    /// The owner's avatar is served at `/assets/owner-avatar` (else the initial is shown).
    pub avatar: bool,
    pub libraries: Vec<String>,
}

impl Site {
    /// The facts for a welcome page (`code`: an invite link's), if the server is known.
    pub async fn load(state: &AppState, code: Option<&str>) -> Option<Self> {
        let info = match state.access.welcome_info(code).await {
            Ok(i) => i?,
            Err(e) => {
                tracing::warn!(error = %e, "reading the welcome page's facts failed");
                return None;
            }
        };
        Some(Self {
            initial: info
                .owner
                .chars()
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default(),
            avatar: state.access.owner_avatar().is_some(),
            server: info.server,
            owner: info.owner,
            libraries: info.libraries,
        })
    }
}

/// The welcome page as last rendered, with what it was rendered from. The page is the same for
/// every visitor, so it is rendered once per change of its inputs rather than per request.
#[derive(Debug, Default)]
pub struct PageCache {
    index: Mutex<Option<CachedIndex>>,
    /// Usable invite links' pages (`web::public`).
    pub(super) invites: super::public::InvitePages,
}

#[derive(Debug)]
struct CachedIndex {
    lang: crate::i18n::Lang,
    ready: bool,
    site: Option<Site>,
    title: Option<String>,
    text: Option<String>,
    html: Bytes,
}

/// `GET /`: the owner's welcome page with one big button.
pub async fn index(State(state): State<AppState>) -> Result<Response, PageError> {
    use crate::access::setup::{WELCOME_TEXT_KEY, WELCOME_TITLE_KEY};
    let lang = crate::i18n::current();
    let title = state_text(&state, WELCOME_TITLE_KEY).await;
    let text = state_text(&state, WELCOME_TEXT_KEY).await;
    // Friends see "not ready yet" until setup has chosen the server and the default
    // libraries (not merely claimed the install, nor stopped at the libraries step).
    let ready = state.access.owner_configured() && state.access.ready_for_friends();
    let site = Site::load(&state, None).await;
    let cache = &state.page_cache.index;
    if let Some(c) = lock(cache).as_ref()
        && c.lang == lang
        && c.ready == ready
        && c.site == site
        && c.title == title
        && c.text == text
    {
        return Ok(Html(c.html.clone()).into_response());
    }
    let page_title = title.clone().unwrap_or_else(|| tr("welcome-default-title"));
    let page = IndexPage {
        welcome: &text.clone().unwrap_or_else(|| tr("welcome-default-text")),
        ready,
        invite: None,
        site: site.clone(),
    };
    let html = Bytes::from(state.render("index.html", &page_title, &page)?.0);
    *lock(cache) = Some(CachedIndex {
        lang,
        ready,
        site,
        title,
        text,
        html: html.clone(),
    });
    Ok(Html(html).into_response())
}

/// The owner's text for `key`, if set (a store failure shows the default): their version for
/// the page's language when they wrote one, else the text as they wrote it.
pub(crate) async fn state_text(state: &AppState, key: &'static str) -> Option<String> {
    let localized = format!("{key}.{}", crate::i18n::current().tag());
    if let Ok(Some(text)) = state.access.page_text(&localized).await {
        return Some(text);
    }
    state.access.page_text(key).await.ok().flatten()
}

/// The setup page: the link that starts the `setup` flow carries the code once more.
#[derive(Serialize)]
struct SetupPage<'a> {
    code: &'a str,
}

/// The setup link's query.
#[derive(Deserialize)]
pub struct SetupQuery {
    code: Option<String>,
}

/// `GET /setup?code=…`: only the holder of the printed one-time code gets past this page.
pub async fn setup(
    State(state): State<AppState>,
    Query(q): Query<SetupQuery>,
) -> Result<Html<String>, PageError> {
    super::admin::setup::code_ok(&state, q.code.as_deref())?;
    let code = q.code.as_deref().unwrap_or_default();
    let title = crate::i18n::tr("adm-setup-title");
    state.render("setup.html", &title, &SetupPage { code })
}

/// `GET /assets/style.css`.
pub async fn style_css() -> Response {
    asset("text/css", STYLE_CSS)
}

/// `GET /assets/admin.js`.
pub async fn admin_js() -> Response {
    asset("text/javascript", super::templates::ADMIN_JS)
}

/// A file built into the binary, cached by browsers for a day.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    let day = "public, max-age=86400";
    let headers = [
        (header::CONTENT_TYPE, content_type),
        (header::CACHE_CONTROL, day),
    ];
    (headers, body).into_response()
}

/// Unknown page.
pub async fn not_found() -> PageError {
    PageError::not_found()
}

/// Rate-limits sign-in starts per client IP (SPEC §4), answering the 429 page.
pub async fn limit_signins(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    req: Request,
    next: Next,
) -> Response {
    match state.signin_limiter.check(ip) {
        Ok(()) => next.run(req).await,
        Err(wait) => PageError::rate_limited(wait).into_response(),
    }
}
