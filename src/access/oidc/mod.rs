//! The OpenID Connect provider's decisions (SPEC §9) without HTTP: which client a request names,
//! the authorize checks in their order, PKCE, scopes, the claims of an account, and the signing
//! keys (`jws`). A client's rule is judged exactly like a forward-auth app's (`access::sso`).

mod grants;
pub mod jws;

pub use grants::{Grant, Redeemed};

#[cfg(test)]
mod tests;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use sha2::{Digest as _, Sha256};

use super::sso::{AppSource, Who};
use super::{Access, AccessError, name_or};
use crate::config::OidcClientConfig;
pub use crate::config::oidc_client::{check_client_shape, client_id_ok, redirect_uri_ok};
use crate::crypto::{ct_eq, sha256_hex};

/// A code lives this long (seconds).
pub const CODE_TTL_SECS: i64 = 60;
/// Access and ID tokens live this long (seconds).
pub const ACCESS_TTL_SECS: i64 = 600;
/// A refresh token unused this long expires (seconds).
pub const REFRESH_IDLE_SECS: i64 = 30 * 24 * 3600;
/// A replaced signing key stays in JWKS this long (seconds).
pub const KEY_GRACE_SECS: i64 = 7 * 24 * 3600;
/// Scopes plexgate knows; others are ignored.
pub const SCOPES: [&str; 5] = ["openid", "profile", "email", "groups", "offline_access"];
/// Claims plexgate issues.
pub const CLAIMS: [&str; 16] = [
    "iss",
    "sub",
    "aud",
    "azp",
    "exp",
    "iat",
    "auth_time",
    "nonce",
    "preferred_username",
    "name",
    "email",
    "email_verified",
    "picture",
    "groups",
    "at_hash",
    "sid",
];

/// One registered client, from config or the admin page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    /// Its settings.
    pub config: OidcClientConfig,
    /// SHA-256 hex of the secret (confidential clients).
    pub secret_hash: Option<String>,
    /// Config (read-only) or admin.
    pub source: AppSource,
}

impl Client {
    /// The id.
    pub fn id(&self) -> &str {
        &self.config.client_id
    }

    /// The name shown to people: the configured name, else the id.
    pub fn display_name(&self) -> &str {
        name_or(self.config.name.as_deref(), &self.config.client_id)
    }

    /// Whether `uri` is one of the registered redirect URIs, byte for byte.
    pub fn redirect_ok(&self, uri: &str) -> bool {
        self.config.redirect_uris.iter().any(|r| r == uri)
    }

    /// Whether `secret` is this confidential client's secret (constant time on the hashes).
    pub fn secret_ok(&self, secret: &str) -> bool {
        self.secret_hash
            .as_deref()
            .is_some_and(|h| ct_eq(h.as_bytes(), sha256_hex(secret).as_bytes()))
    }

    /// An admin-managed client as stored.
    pub fn admin(r: crate::store::OidcClientRecord) -> Self {
        Self {
            config: r.client,
            secret_hash: r.secret_hash,
            source: AppSource::Admin,
        }
    }
}

impl Access {
    /// The admin-managed clients as stored (config clients are not stored).
    pub async fn oidc_clients(&self) -> Result<Vec<Client>, AccessError> {
        let stored = self.read(|tx| tx.oidc_clients()).await?;
        Ok(stored.into_iter().map(Client::admin).collect())
    }
}

/// The query of an authorize request, as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, Serialize)]
pub struct AuthorizeParams {
    /// `client_id`.
    pub client_id: Option<String>,
    /// `redirect_uri`.
    pub redirect_uri: Option<String>,
    /// `response_type`.
    pub response_type: Option<String>,
    /// `response_mode`.
    pub response_mode: Option<String>,
    /// `scope`.
    pub scope: Option<String>,
    /// `state`.
    pub state: Option<String>,
    /// `nonce`.
    pub nonce: Option<String>,
    /// `code_challenge`.
    pub code_challenge: Option<String>,
    /// `code_challenge_method`.
    pub code_challenge_method: Option<String>,
    /// `prompt`.
    pub prompt: Option<String>,
}

/// A request that passed every check: what the code will be bound to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorize {
    /// The client's id.
    pub client_id: String,
    /// The exact redirect URI.
    pub redirect_uri: String,
    /// `form_post` instead of `query`.
    pub form_post: bool,
    /// The scopes granted (known ones only, `openid` first).
    pub scopes: Vec<String>,
    /// Carried back verbatim.
    pub state: Option<String>,
    /// Put into the ID token.
    pub nonce: Option<String>,
    /// The S256 challenge.
    pub challenge: Option<String>,
    /// `prompt=none`.
    pub prompt_none: bool,
    /// `prompt=login`.
    pub prompt_login: bool,
}

/// Why an authorize request gets an error page (the web layer words it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageProblem {
    /// No registered client has this `client_id`.
    UnknownClient,
    /// The app (by name) sent a `redirect_uri` it is not registered with.
    BadRedirect(String),
}

/// Why an authorize request is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorizeError {
    /// Unknown client or redirect URI: an error page, never a redirect.
    Page(PageProblem),
    /// Sent back to the (checked) redirect URI as `error=…`.
    Redirect {
        /// The OAuth error code.
        error: &'static str,
        /// A human explanation.
        description: String,
        /// The checked redirect URI.
        redirect_uri: String,
        /// `state`, echoed.
        state: Option<String>,
        /// Answer by form post.
        form_post: bool,
    },
}

fn nonempty(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.is_empty())
}

/// SPEC §9's order: client and exact redirect URI first (a page otherwise), then
/// `response_type`, `scope` with `openid`, PKCE (`S256` only; required for public clients).
pub fn check_authorize(
    client: Option<&Client>,
    p: &AuthorizeParams,
) -> Result<Authorize, AuthorizeError> {
    let Some(client) = client else {
        return Err(AuthorizeError::Page(PageProblem::UnknownClient));
    };
    let Some(redirect_uri) = nonempty(&p.redirect_uri).filter(|u| client.redirect_ok(u)) else {
        return Err(AuthorizeError::Page(PageProblem::BadRedirect(
            client.display_name().to_owned(),
        )));
    };
    let form_post = p.response_mode.as_deref() == Some("form_post");
    let fail = |error: &'static str, description: &str| AuthorizeError::Redirect {
        error,
        description: description.to_owned(),
        redirect_uri: redirect_uri.to_owned(),
        state: p.state.clone(),
        form_post,
    };
    if !matches!(
        p.response_mode.as_deref(),
        None | Some("query" | "form_post")
    ) {
        return Err(fail(
            "invalid_request",
            "response_mode must be query or form_post",
        ));
    }
    if p.response_type.as_deref() != Some("code") {
        return Err(fail(
            "unsupported_response_type",
            "response_type must be code",
        ));
    }
    let asked: Vec<&str> = p.scope.as_deref().unwrap_or("").split(' ').collect();
    if !asked.contains(&"openid") {
        return Err(fail("invalid_scope", "scope must contain openid"));
    }
    let scopes: Vec<String> = SCOPES
        .iter()
        .filter(|s| asked.contains(s))
        .map(|s| (*s).to_owned())
        .collect();
    let challenge = nonempty(&p.code_challenge);
    let method = p.code_challenge_method.as_deref();
    if challenge.is_some() && method != Some("S256") {
        return Err(fail(
            "invalid_request",
            "code_challenge_method must be S256",
        ));
    }
    if challenge.is_none() && method.is_some() {
        return Err(fail("invalid_request", "code_challenge is missing"));
    }
    if let Some(c) = challenge
        && (c.len() != 43 || !c.chars().all(is_b64url))
    {
        return Err(fail(
            "invalid_request",
            "code_challenge is not a S256 challenge",
        ));
    }
    if client.config.public && challenge.is_none() {
        return Err(fail(
            "invalid_request",
            "PKCE (S256) is required for this client",
        ));
    }
    let prompts: Vec<&str> = p.prompt.as_deref().unwrap_or("").split(' ').collect();
    Ok(Authorize {
        client_id: client.id().to_owned(),
        redirect_uri: redirect_uri.to_owned(),
        form_post,
        scopes,
        state: p.state.clone(),
        nonce: p.nonce.clone(),
        challenge: challenge.map(str::to_owned),
        prompt_none: prompts.contains(&"none"),
        prompt_login: prompts.contains(&"login"),
    })
}

fn is_b64url(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Whether `verifier` (RFC 7636: 43-128 unreserved characters) hashes to `challenge`.
pub fn pkce_ok(challenge: &str, verifier: &str) -> bool {
    let shape = (43..=128).contains(&verifier.len())
        && verifier
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~'));
    shape && ct_eq(s256(verifier).as_bytes(), challenge.as_bytes())
}

/// `BASE64URL(SHA256(text))`.
pub fn s256(text: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(text.as_bytes()))
}

/// Whether `who` passes the client's rule (same judgement as a forward-auth app).
pub fn client_passes(
    client: &Client,
    who: &Who,
    pin_of: &dyn Fn(&str) -> Option<u64>,
    title_id: &dyn Fn(&str) -> Option<u64>,
) -> bool {
    super::sso::passes(
        client.config.allow,
        &client.config.users,
        &client.config.libraries,
        who,
        pin_of,
        title_id,
    )
}

/// What plexgate knows of an account for its claims.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// Plex username.
    pub username: String,
    /// Plex title (display name).
    pub title: String,
    /// Email, if any.
    pub email: Option<String>,
    /// plex.tv said the email is confirmed.
    pub email_verified: bool,
    /// Avatar URL.
    pub picture: Option<String>,
}

/// The identity claims (ID token and userinfo alike), by scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    /// The Plex account id, decimal.
    pub sub: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    preferred_username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    picture: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email_verified: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<Vec<String>>,
}

/// The §8 groups plus `library:<title>` for each library of the active grant.
pub fn groups(who: &Who, library_titles: &[String]) -> Vec<String> {
    let mut out: Vec<String> = who
        .groups()
        .split(',')
        .filter(|g| !g.is_empty())
        .map(str::to_owned)
        .collect();
    if who.active_grant.is_some() {
        out.extend(library_titles.iter().map(|t| format!("library:{t}")));
    }
    out
}

/// The claims for `scopes`.
pub fn identity(who: &Who, person: &Person, groups: Vec<String>, scopes: &[String]) -> Identity {
    let has = |s: &str| scopes.iter().any(|x| x == s);
    let profile = has("profile");
    let email = has("email") && person.email.is_some();
    let name = name_or(Some(&person.title), &person.username).to_owned();
    Identity {
        sub: who.plex_id.to_string(),
        preferred_username: profile.then(|| person.username.clone()),
        name: profile.then_some(name),
        picture: person.picture.clone().filter(|_| profile),
        email: if email { person.email.clone() } else { None },
        email_verified: email.then_some(person.email_verified),
        groups: has("groups").then_some(groups),
    }
}
