//! Discovery, JWKS, userinfo and end-session (SPEC §9).

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::authorize::with_query;
use super::clients;
use super::pages;
use crate::access::model::{EventKind, OidcTokenKind};
use crate::access::oidc::{CLAIMS, SCOPES};
use crate::i18n::tr;
use crate::web::AppState;
use crate::web::cookies::{self, Which};
use crate::web::sessions;
use crate::web::sso::account;
use crate::web::views::Action;

fn json_no_store(body: Value) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], axum::Json(body)).into_response()
}

fn off() -> Response {
    (StatusCode::NOT_FOUND, "OIDC is turned off (oidc.enabled)").into_response()
}

/// `GET /.well-known/openid-configuration` (and `/.well-known/oauth-authorization-server`).
pub async fn discovery(State(state): State<AppState>) -> Response {
    if !state.config.oidc.enabled {
        return off();
    }
    let iss = clients::issuer(&state);
    axum::Json(json!({
        "issuer": iss,
        "authorization_endpoint": format!("{iss}/oidc/authorize"),
        "token_endpoint": format!("{iss}/oidc/token"),
        "userinfo_endpoint": format!("{iss}/oidc/userinfo"),
        "jwks_uri": format!("{iss}/oidc/jwks"),
        "end_session_endpoint": format!("{iss}/oidc/logout"),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "form_post"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "subject_types_supported": ["public"],
        "scopes_supported": SCOPES,
        "claims_supported": CLAIMS,
    }))
    .into_response()
}

/// `GET /oidc/jwks`.
pub async fn jwks(State(state): State<AppState>) -> Response {
    match state.oidc.keys().filter(|_| state.config.oidc.enabled) {
        Some(keys) => axum::Json(keys.jwks()).into_response(),
        None => off(),
    }
}

fn unauthorized(why: &'static str) -> Response {
    let challenge = [(header::WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")];
    let body = axum::Json(json!({"error": "invalid_token", "error_description": why}));
    (StatusCode::UNAUTHORIZED, challenge, body).into_response()
}

/// `GET|POST /oidc/userinfo`: the claims of a live access token whose account still passes
/// the client's rule; 401 otherwise.
pub async fn userinfo(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if !state.config.oidc.enabled {
        return off();
    }
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").map(str::trim).map(str::to_owned));
    let Some(token) = bearer else {
        return unauthorized("no access token");
    };
    let found = match state.access.oidc_token(&token).await {
        Ok(t) => t,
        Err(e) => {
            tracing::warn!(error = %e, "userinfo failed");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "plexgate could not answer",
            )
                .into_response();
        }
    };
    let now = state.access.clock().unix();
    let Some(t) = found.filter(|t| t.kind == OidcTokenKind::Access && t.expires_at > now) else {
        return unauthorized("unknown, expired or revoked access token");
    };
    let client = clients::find(&state, Some(&t.client_id))
        .await
        .ok()
        .flatten();
    let facts = clients::facts(&state, t.plex_id).await;
    let (Some(client), Ok(facts)) = (client, facts) else {
        return unauthorized("this app or account is no longer known");
    };
    if !clients::passes(&state, &client, &facts.who)
        .await
        .unwrap_or(false)
    {
        return unauthorized("this account may no longer open this app");
    }
    let identity = clients::identity(&state, &facts, &t.scopes);
    json_no_store(serde_json::to_value(identity).unwrap_or_default())
}

/// `/oidc/logout`'s query.
#[derive(Debug, Deserialize)]
pub struct LogoutQuery {
    id_token_hint: Option<String>,
    client_id: Option<String>,
    post_logout_redirect_uri: Option<String>,
    state: Option<String>,
}

/// `GET /oidc/logout` (RP-initiated logout): with an `id_token_hint` plexgate signed (and a
/// matching `client_id`, if sent), ends this browser's session of that account, revokes the
/// client's tokens for it, and returns only to a registered `post_logout_redirect_uri`.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<LogoutQuery>,
) -> Response {
    if !state.config.oidc.enabled {
        return off();
    }
    let claims = state
        .oidc
        .keys()
        .and_then(|k| k.verify(q.id_token_hint.as_deref().unwrap_or("")));
    let hint = claims.as_ref().and_then(|c| {
        let sub = c.get("sub")?.as_str()?.parse::<u64>().ok()?;
        let aud = c.get("aud")?.as_str()?.to_owned();
        Some((sub, aud))
    });
    let Some((plex_id, aud)) =
        hint.filter(|(_, aud)| q.client_id.as_deref().is_none_or(|c| c == aud))
    else {
        return signed_out(&state, false);
    };
    let client = clients::find(&state, Some(&aud)).await.ok().flatten();
    let mut resp = match (&client, q.post_logout_redirect_uri.as_deref()) {
        (Some(c), Some(uri)) if c.config.post_logout_redirect_uris.iter().any(|u| u == uri) => {
            let target = match q.state.as_deref() {
                Some(s) => with_query(uri, &[("state", s)]),
                None => uri.to_owned(),
            };
            sessions::see_other(&target)
        }
        _ => signed_out(&state, true),
    };
    if let Err(e) = state.access.revoke_oidc_tokens(plex_id, &aud).await {
        tracing::warn!(error = %e, "revoking OIDC tokens at logout failed");
    }
    let current = account::account(&state, &headers).await.ok().flatten();
    if let Some(c) = current.filter(|c| c.session.plex_id == plex_id) {
        for which in [Which::Account, Which::Admin] {
            if let Some(id) = cookies::get(&headers, &state.config, which)
                && let Err(e) = sessions::destroy(&state, &id).await
            {
                tracing::warn!(error = %e, "ending a session at OIDC logout failed");
            }
            resp = cookies::with(resp, &[cookies::expire(&state.config, which)]);
        }
        let who = Some((c.profile.username.as_str(), plex_id));
        account::record(&state, EventKind::OidcLogout, who, None, "ok", aud).await;
    }
    resp
}

fn signed_out(state: &AppState, done: bool) -> Response {
    let line = tr(if done {
        "oidc-signed-out"
    } else {
        "oidc-logout-unknown"
    });
    pages::page(
        state,
        StatusCode::OK,
        &tr("oidc-signed-out-title"),
        &[line],
        Action::to(state, "/", "home"),
        None,
    )
}
