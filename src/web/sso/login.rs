//! The browser side of forward auth (SPEC §8): `GET /sso/login?rd=` (the welcome page naming
//! the app, or straight back to `rd` when already signed in and allowed), and sign-out as a
//! confirmation page plus a CSRF-protected POST that ends the session server-side.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use url::Url;

use super::account;
use crate::access::model::EventKind;
use crate::access::sso::{AppEntry, find_app, normalize_path};
use crate::crypto::ct_eq;
use crate::i18n::{arg, tr, tr_args};
use crate::web::AppState;
use crate::web::client_ip::ClientIp;
use crate::web::cookies::{self, Which};
use crate::web::error::PageError;
use crate::web::next::sso_return;
use crate::web::sessions::{self, see_other};
use crate::web::views::{self, Action};

/// `?rd=`.
#[derive(Debug, Deserialize)]
pub struct RdQuery {
    rd: Option<String>,
}

/// A valid `rd` under this config, byte for byte, or `None`.
pub fn valid_rd(state: &AppState, raw: Option<&str>) -> Option<String> {
    let domain = state.config.sso.cookie_domain.as_deref()?.trim();
    if !state.config.sso.enabled {
        return None;
    }
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    sso_return(raw?, &state.config.server.public_url, &domain)
}

/// The app `rd` points at (`None`: a host judged by `sso.default_allow`), and its name.
pub async fn app_of_rd(state: &AppState, rd: &str) -> (Option<AppEntry>, String) {
    let Ok(url) = Url::parse(rd) else {
        return (None, String::new());
    };
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let host = host.strip_suffix('.').unwrap_or(&host).to_owned();
    let apps = account::apps(state).await.unwrap_or_default();
    let app = find_app(&apps, &host, &normalize_path(url.path())).cloned();
    let name = app.as_ref().map_or(host, |a| a.display_name().to_owned());
    (app, name)
}

/// Whether the account passes the app of `rd` right now.
pub async fn account_passes_rd(state: &AppState, who: &crate::access::sso::Who, rd: &str) -> bool {
    let (app, _) = app_of_rd(state, rd).await;
    let Ok(pins) = account::pins(state).await else {
        return false;
    };
    account::passes_app(state, app.as_ref(), who, &pins)
}

/// `GET /sso/login?rd=…`.
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<RdQuery>,
) -> Response {
    let rd = valid_rd(&state, q.rd.as_deref());
    let name = match &rd {
        Some(rd) => app_of_rd(&state, rd).await.1,
        None => String::new(),
    };
    if let Some(rd) = &rd
        && let Ok(Some(c)) = account::account(&state, &headers).await
        && let Ok(who) = state.access.who(c.session.plex_id, &c.profile).await
        && account_passes_rd(&state, &who, rd).await
    {
        return see_other(rd);
    }
    let path = match &rd {
        Some(rd) => {
            let enc: String = url::form_urlencoded::byte_serialize(rd.as_bytes()).collect();
            crate::web::lang::return_here(format!("/sso/login?rd={enc}"));
            format!("/auth/plex?rd={enc}")
        }
        None => "/auth/plex?next=/me".to_owned(),
    };
    let title = if name.is_empty() {
        tr("app-sign-in-title")
    } else {
        tr_args("app-sign-in-to", &[("app", arg(name.as_str()))])
    };
    views::message(
        &state,
        StatusCode::OK,
        &title,
        &[tr("app-shared")],
        Action::to(&state, &path, "sign-in-with-plex"),
    )
}

#[derive(Serialize)]
struct LogoutPage<'a> {
    username: Option<&'a str>,
    csrf: &'a str,
    rd: &'a str,
}

/// `GET /sso/logout?rd=…`: a confirmation page; changes nothing.
pub async fn logout_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<RdQuery>,
) -> Response {
    let rd = valid_rd(&state, q.rd.as_deref()).unwrap_or_default();
    let current = account::account(&state, &headers).await.ok().flatten();
    let page = LogoutPage {
        username: current.as_ref().map(|c| c.profile.username.as_str()),
        csrf: current.as_ref().map_or("", |c| c.session.csrf.as_str()),
        rd: &rd,
    };
    state
        .render("sso_logout.html", &tr("sign-out"), &page)
        .into_response()
}

/// The sign-out form.
#[derive(Debug, Deserialize)]
pub struct LogoutForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    rd: Option<String>,
}

/// `POST /sso/logout`: with the session's CSRF token, ends it server-side (and an admin session
/// of the same browser), expires the cookies and answers 303 to a valid `rd` or `/`.
pub async fn logout(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<LogoutForm>,
) -> Response {
    let Some(id) = cookies::get(&headers, &state.config, Which::Account) else {
        return forbidden();
    };
    let current = match account::account(&state, &headers).await {
        Ok(Some(c)) => c,
        Ok(None) => return forbidden(),
        Err(e) => return PageError::internal(&e).into_response(),
    };
    if form.csrf.is_empty() || !ct_eq(current.session.csrf.as_bytes(), form.csrf.as_bytes()) {
        return forbidden();
    }
    let admin = cookies::get(&headers, &state.config, Which::Admin);
    for id in std::iter::once(&id).chain(admin.as_ref()) {
        if let Err(e) = sessions::destroy(&state, id).await {
            return PageError::internal(&e).into_response();
        }
    }
    let who = (current.profile.username.as_str(), current.session.plex_id);
    account::record(
        &state,
        EventKind::SsoLogout,
        Some(who),
        Some(ip.to_string()),
        "ok",
        String::new(),
    )
    .await;
    let target =
        valid_rd(&state, form.rd.as_deref()).unwrap_or_else(|| format!("{}/", state.prefix()));
    let expired = [Which::Account, Which::Admin].map(|w| cookies::expire(&state.config, w));
    cookies::with(see_other(&target), &expired)
}

fn forbidden() -> Response {
    PageError::new(
        StatusCode::FORBIDDEN,
        tr("stale-form-title"),
        tr("stale-form"),
    )
    .into_response()
}
