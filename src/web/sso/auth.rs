//! `GET /sso/auth/nginx` and `GET /sso/auth/forward` (SPEC §8): the proxy asks, plexgate
//! answers from memory and one read transaction, never from plex.tv, never with a write
//! (events at most once per peer, or per account and app, per hour, in the background).
//! Answers never set a cookie, and are `no-store` (the `frame` layer marks every /sso answer).

use std::net::IpAddr;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::account::{self, passes_app};
use super::forwarded::{self, BadHeaders, Original};
use crate::access::sso::{AppEntry, bypassed, find_app, header_value, normalize_path};
use crate::config::SsoRule;
use crate::web::AppState;
// Only the socket peer (never a header) decides whether the proxy is trusted.
use crate::access::model::EventKind;
use crate::web::client_ip::{is_trusted, peer};

/// Which proxy is asking: they differ only in how a sign-in is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Proxy {
    Nginx,
    Forward,
}

/// `GET /sso/auth/nginx`.
pub async fn nginx(State(state): State<AppState>, req: Request) -> Response {
    check(&state, peer(req.extensions()), req.headers(), Proxy::Nginx).await
}

/// `GET /sso/auth/forward`.
pub async fn forward(State(state): State<AppState>, req: Request) -> Response {
    check(
        &state,
        peer(req.extensions()),
        req.headers(),
        Proxy::Forward,
    )
    .await
}

async fn check(state: &AppState, peer: IpAddr, headers: &HeaderMap, proxy: Proxy) -> Response {
    if !is_trusted(peer, &state.config.server.trusted_proxies) {
        untrusted(state, peer);
        return plain(
            StatusCode::FORBIDDEN,
            "forward auth answers only trusted proxies",
        );
    }
    if !state.config.sso.enabled {
        return plain(
            StatusCode::NOT_FOUND,
            "forward auth is turned off (sso.enabled)",
        );
    }
    let original = match proxy {
        Proxy::Nginx => forwarded::nginx(headers),
        Proxy::Forward => forwarded::forward(headers),
    };
    let original = match original {
        Ok(o) => o,
        Err(BadHeaders(why)) => return plain(StatusCode::BAD_REQUEST, &why),
    };
    match decide(state, headers, &original).await {
        Ok(v) => v.respond(state, headers, &original, proxy),
        Err(e) => {
            tracing::warn!(error = %e, "forward auth check failed");
            plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "plexgate could not check this request",
            )
        }
    }
}

/// The answer, before it is shaped for the proxy.
enum Verdict {
    Bypass,
    Deny { who: Option<String>, app: String },
    SignIn,
    Allow(Box<Identity>),
}

struct Identity {
    username: String,
    email: String,
    name: String,
    groups: &'static str,
    plex_id: u64,
}

async fn decide(
    state: &AppState,
    headers: &HeaderMap,
    o: &Original,
) -> Result<Verdict, crate::access::AccessError> {
    let apps = account::apps(state).await?;
    let app: Option<&AppEntry> = find_app(&apps, &o.host, &normalize_path(&o.path));
    let app_name = app.map_or_else(|| o.host.clone(), |a| a.display_name().to_owned());
    if app.is_some_and(|a| a.app.allow == SsoRule::Deny) {
        return Ok(Verdict::Deny {
            who: None,
            app: app_name,
        });
    }
    if app.is_some_and(|a| bypassed(&a.app.bypass, &o.path)) {
        return Ok(Verdict::Bypass);
    }
    let Some(cached) = account::account(state, headers).await? else {
        return Ok(Verdict::SignIn);
    };
    let who = state
        .access
        .who(cached.session.plex_id, &cached.profile)
        .await?;
    let pins = account::pins(state).await?;
    if !passes_app(state, app, &who, &pins) {
        denied_event(state, &who.username, who.plex_id, &app_name);
        return Ok(Verdict::Deny {
            who: Some(who.username),
            app: app_name,
        });
    }
    let p = &cached.profile;
    let name = if p.title.trim().is_empty() {
        &p.username
    } else {
        &p.title
    };
    Ok(Verdict::Allow(Box::new(Identity {
        username: header_value(&p.username),
        email: header_value(p.email.as_deref().unwrap_or_default()),
        name: header_value(name),
        groups: who.groups(),
        plex_id: who.plex_id,
    })))
}

impl Verdict {
    fn respond(
        self,
        state: &AppState,
        headers: &HeaderMap,
        o: &Original,
        proxy: Proxy,
    ) -> Response {
        match self {
            Verdict::Bypass => plain(StatusCode::OK, ""),
            Verdict::Allow(id) => {
                let mut resp = plain(StatusCode::OK, "");
                let h = resp.headers_mut();
                for (k, v) in [
                    ("remote-user", id.username.as_str()),
                    ("remote-email", id.email.as_str()),
                    ("remote-name", id.name.as_str()),
                    ("remote-groups", id.groups),
                    ("remote-plex-id", &id.plex_id.to_string()),
                ] {
                    if let Ok(v) = HeaderValue::from_str(v) {
                        h.insert(HeaderName::from_static(k), v);
                    }
                }
                resp
            }
            Verdict::Deny { who, app } => refused(headers, who.as_deref(), &app),
            Verdict::SignIn => sign_in(state, headers, o, proxy),
        }
    }
}

fn is_browser(h: &HeaderMap) -> bool {
    let accepts_html = h
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("text/html"));
    accepts_html && !h.contains_key("x-requested-with") && !h.contains_key(header::UPGRADE)
}

/// Not signed in: nginx gets 401 with the sign-in URL (it cannot pass a 3xx on); browsers
/// behind Traefik/Caddy a 302 (GET, HEAD) or 303; other clients 401.
fn sign_in(state: &AppState, h: &HeaderMap, o: &Original, proxy: Proxy) -> Response {
    let rd: String = url::form_urlencoded::byte_serialize(o.url.as_bytes()).collect();
    let login = state
        .config
        .server
        .public_url
        .join(&format!("/sso/login?rd={rd}"));
    let status = match proxy {
        Proxy::Nginx => StatusCode::UNAUTHORIZED,
        Proxy::Forward if !is_browser(h) => StatusCode::UNAUTHORIZED,
        Proxy::Forward if matches!(o.method.as_str(), "GET" | "HEAD") => StatusCode::FOUND,
        Proxy::Forward => StatusCode::SEE_OTHER,
    };
    let mut resp = plain(status, "sign in with Plex first");
    if let Ok(v) = HeaderValue::from_str(&login) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

/// 403: a page for browsers, JSON for the rest.
fn refused(h: &HeaderMap, who: Option<&str>, app: &str) -> Response {
    let message = match who {
        Some(u) => format!("The Plex account {u} may not open {app}."),
        None => format!("{app} is closed to everyone."),
    };
    if is_browser(h) {
        use crate::i18n::{arg, current, tr, tr_args};
        let said = match who {
            Some(u) => tr_args("no-access-named", &[("name", arg(u)), ("app", arg(app))]),
            None => tr_args("no-access-closed", &[("app", arg(app))]),
        };
        let title = crate::web::error::escape_html(&tr("no-access-title"));
        let html = format!(
            "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
             <body><h1>{title}</h1><p>{}</p></body></html>",
            current().tag(),
            crate::web::error::escape_html(&said)
        );
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response()
    } else {
        let body = serde_json::json!({"error": {"code": "forbidden", "message": message}});
        (StatusCode::FORBIDDEN, axum::Json(body)).into_response()
    }
}

fn plain(status: StatusCode, text: &str) -> Response {
    (status, text.to_owned()).into_response()
}

fn untrusted(state: &AppState, peer: IpAddr) {
    let now = state.access.clock().unix();
    if !state.sso.untrusted_due(peer, now) {
        return;
    }
    tracing::warn!(%peer, "forward auth asked by a peer outside server.trusted_proxies");
    let state = state.clone();
    tokio::spawn(async move {
        account::record(
            &state,
            EventKind::SsoUntrustedPeer,
            None,
            Some(peer.to_string()),
            "refused",
            String::new(),
        )
        .await;
    });
}

fn denied_event(state: &AppState, username: &str, plex_id: u64, app: &str) {
    if !state
        .sso
        .denied_due(plex_id, app, state.access.clock().unix())
    {
        return;
    }
    let (state, username, app) = (state.clone(), username.to_owned(), app.to_owned());
    tokio::spawn(async move {
        account::record(
            &state,
            EventKind::SsoDenied,
            Some((&username, plex_id)),
            None,
            "refused",
            app,
        )
        .await;
    });
}
