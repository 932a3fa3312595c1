//! `POST /oidc/token` (SPEC §9): client authentication (`client_secret_basic`,
//! `client_secret_post`, none for public clients), the code exchange (single use, 60 s, bound
//! to client, redirect URI, PKCE challenge, nonce and account; a second use revokes what the
//! first issued) and rotating refresh tokens (reuse revokes the family), each re-checking the
//! client's rule and the account's grant.

use std::net::IpAddr;

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::clients;
use crate::access::AccessError;
use crate::access::model::EventKind;
use crate::access::oidc::{ACCESS_TTL_SECS, Client, Grant, Redeemed};
use crate::crypto::random_token;
use crate::web::AppState;
use crate::web::client_ip::ClientIp;
use crate::web::error::with_retry_after;
use crate::web::ratelimit::retry_after_secs;
use crate::web::sso::account;

/// The token request's form.
#[derive(Debug, Default, Deserialize)]
pub struct TokenForm {
    grant_type: Option<String>,
    code: Option<String>,
    redirect_uri: Option<String>,
    code_verifier: Option<String>,
    refresh_token: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

/// Tokens, or the OAuth error answer that refused them.
type Answer = Result<Response, Response>;

/// An OAuth error answer.
fn error(status: StatusCode, code: &str, description: &str) -> Response {
    let body = axum::Json(json!({"error": code, "error_description": description}));
    let challenge = [(header::WWW_AUTHENTICATE, "Basic realm=\"plexgate\"")];
    let challenge = (status == StatusCode::UNAUTHORIZED).then_some(challenge);
    (status, NO_STORE, challenge, body).into_response()
}

/// Token answers are never cached (RFC 6749 §5.1).
const NO_STORE: [(HeaderName, &str); 2] = [
    (header::CACHE_CONTROL, "no-store"),
    (header::PRAGMA, "no-cache"),
];

fn invalid_grant(why: &str) -> Response {
    error(StatusCode::BAD_REQUEST, "invalid_grant", why)
}

fn internal(e: &dyn std::fmt::Display) -> Response {
    tracing::warn!(error = %e, "the OIDC token endpoint failed");
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "server_error",
        "plexgate could not answer",
    )
}

/// `(client_id, secret)` from `Authorization: Basic` (RFC 6749 §2.3.1: form-encoded parts).
fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let raw = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let b64 = raw
        .strip_prefix("Basic ")
        .or_else(|| raw.strip_prefix("basic "))?;
    let text = String::from_utf8(STANDARD.decode(b64.trim()).ok()?).ok()?;
    let (id, secret) = text.split_once(':')?;
    let dec = |s: &str| {
        url::form_urlencoded::parse(format!("x={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    Some((dec(id)?, dec(secret)?))
}

/// The authenticated client, or the 401 answer (counted against the IP).
async fn authenticate(
    state: &AppState,
    ip: IpAddr,
    headers: &HeaderMap,
    form: &TokenForm,
) -> Result<Client, Response> {
    if let Some(wait) = state.oidc.failures.blocked(ip) {
        let resp = error(
            StatusCode::TOO_MANY_REQUESTS,
            "invalid_client",
            "too many failed client authentications",
        );
        return Err(with_retry_after(resp, Some(retry_after_secs(wait))));
    }
    let (id, secret) = match basic(headers) {
        Some((id, secret)) => (Some(id), Some(secret)),
        None => (form.client_id.clone(), form.client_secret.clone()),
    };
    let client = clients::find(state, id.as_deref())
        .await
        .map_err(|e| internal(&e))?;
    let ok = match (&client, secret.as_deref()) {
        (Some(c), None) => c.config.public,
        (Some(c), Some(s)) => !c.config.public && c.secret_ok(s),
        (None, _) => false,
    };
    match client {
        Some(c) if ok => Ok(c),
        _ => {
            state.oidc.failures.record(ip);
            Err(error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "client authentication failed",
            ))
        }
    }
}

/// `POST /oidc/token`.
pub async fn token(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<TokenForm>,
) -> Response {
    if !state.config.oidc.enabled {
        return error(
            StatusCode::NOT_FOUND,
            "invalid_request",
            "OIDC is turned off",
        );
    }
    let client = match authenticate(&state, ip, &headers, &form).await {
        Ok(c) => c,
        Err(resp) => return resp,
    };
    let resp = match form.grant_type.as_deref() {
        Some("authorization_code") => exchange_code(&state, &client, &form).await,
        Some("refresh_token") => refresh(&state, &client, &form).await,
        _ => Err(error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "grant_type must be authorization_code or refresh_token",
        )),
    }
    .unwrap_or_else(|refused| refused);
    let outcome = if resp.status().is_success() {
        "issued"
    } else {
        "refused"
    };
    state.metrics.oidc_token(client.id(), outcome);
    resp
}

async fn exchange_code(state: &AppState, client: &Client, form: &TokenForm) -> Answer {
    let Some(code) = form.code.as_deref() else {
        return Err(invalid_grant("code is missing"));
    };
    let redeemed = state
        .access
        .redeem_oidc_code(
            code,
            client.id(),
            form.redirect_uri.clone(),
            form.code_verifier.clone(),
        )
        .await;
    finish(state, client, redeemed, true).await
}

async fn refresh(state: &AppState, client: &Client, form: &TokenForm) -> Answer {
    let Some(token) = form.refresh_token.as_deref() else {
        return Err(invalid_grant("refresh_token is missing"));
    };
    let redeemed = state.access.redeem_refresh_token(token, client.id()).await;
    finish(state, client, redeemed, false).await
}

async fn finish(
    state: &AppState,
    client: &Client,
    redeemed: Result<Redeemed, AccessError>,
    from_code: bool,
) -> Answer {
    let grant = match redeemed.map_err(|e| internal(&e))? {
        Redeemed::Refused(why) => return Err(invalid_grant(why)),
        Redeemed::Reused { plex_id, revoked } => {
            let what = if from_code { "code" } else { "refresh token" };
            let detail = format!("{} reused a {what}; {revoked} tokens revoked", client.id());
            account::record(
                state,
                EventKind::OidcTokenReuse,
                Some(("", plex_id)),
                None,
                "revoked",
                detail,
            )
            .await;
            return Err(invalid_grant(
                "this grant was already used; its tokens are revoked",
            ));
        }
        Redeemed::Ok(g) => g,
    };
    let facts = clients::facts(state, grant.plex_id).await;
    let facts = facts.map_err(|e| internal(&e))?;
    let passes = clients::passes(state, client, &facts.who).await;
    if !passes.map_err(|e| internal(&e))? {
        let revoked = state.access.revoke_oidc_family(&grant.family).await;
        revoked.map_err(|e| internal(&e))?;
        return Err(invalid_grant("this account may no longer open this app"));
    }
    let body = axum::Json(issue(state, client, &grant, &facts).await?);
    Ok((NO_STORE, body).into_response())
}

/// The token response.
#[derive(Serialize)]
struct TokenBody {
    access_token: String,
    token_type: &'static str,
    expires_in: i64,
    id_token: String,
    scope: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
}

async fn issue(
    state: &AppState,
    client: &Client,
    g: &Grant,
    facts: &clients::Facts,
) -> Result<TokenBody, Response> {
    let now = state.access.clock().unix();
    let Some(keys) = state.oidc.keys() else {
        return Err(internal(&"no signing key"));
    };
    let access = random_token(32);
    let refresh = g
        .scopes
        .iter()
        .any(|s| s == "offline_access")
        .then(|| random_token(32));
    let stored = (state.access)
        .store_oidc_tokens(client.id(), g, now, &access, refresh.as_deref())
        .await;
    stored.map_err(|e| internal(&e))?;
    let identity = clients::identity(state, facts, &g.scopes);
    let mut claims = serde_json::to_value(&identity).map_err(|e| internal(&e))?;
    if let Some(obj) = claims.as_object_mut() {
        obj.insert("iss".into(), json!(clients::issuer(state)));
        obj.insert("aud".into(), json!(client.id()));
        obj.insert("azp".into(), json!(client.id()));
        obj.insert("iat".into(), json!(now));
        obj.insert("exp".into(), json!(now + ACCESS_TTL_SECS));
        obj.insert("auth_time".into(), json!(g.auth_time));
        obj.insert("at_hash".into(), json!(at_hash(&access)));
        if let Some(n) = &g.nonce {
            obj.insert("nonce".into(), json!(n));
        }
    }
    let id_token = keys.sign(&claims).map_err(|e| internal(&e))?;
    Ok(TokenBody {
        access_token: access,
        token_type: "Bearer",
        expires_in: ACCESS_TTL_SECS,
        id_token,
        scope: g.scopes.join(" "),
        refresh_token: refresh,
    })
}

/// OIDC Core §3.1.3.6: the left half of SHA-256 of the access token, base64url.
fn at_hash(access: &str) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(access.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
}
