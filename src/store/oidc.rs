//! The OpenID Connect provider's tables (SPEC §9): signing keys (the private half sealed with the
//! key file), authorization codes and tokens (keyed by the SHA-256 hex of the secret, so a leaked
//! database signs nobody in), and the admin-managed clients (their secrets stored hashed).

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::schema::{OIDC_CLIENTS, OIDC_CODES, OIDC_KEYS, OIDC_TOKENS};
use super::tx::{ReadTx, WriteTx};
use crate::clock::UnixTime;
use crate::config::OidcClientConfig;

type Result<T> = std::result::Result<T, StoreError>;

/// One RS256 signing key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OidcKey {
    /// The JWK `kid`.
    pub kid: String,
    pub created_at: UnixTime,
    /// When a newer key replaced it (it stays in JWKS for 7 days after).
    pub retired_at: Option<UnixTime>,
    /// The PKCS#8 private key, encrypted with the key file (base64).
    pub sealed: String,
}

/// An authorization code (SPEC §9 "Codes").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OidcCode {
    /// The client it was issued to.
    pub client_id: String,
    /// The exact redirect URI of the authorize request.
    pub redirect_uri: String,
    /// The PKCE S256 challenge, when one was sent.
    pub challenge: Option<String>,
    /// The `nonce` to put in the ID token.
    pub nonce: Option<String>,
    /// The Plex account signed in.
    pub plex_id: u64,
    pub scopes: Vec<String>,
    /// When the account signed in (the session's start).
    pub auth_time: UnixTime,
    /// 60 seconds after issue.
    pub expires_at: UnixTime,
    /// Set at the first redemption; a second one revokes the family.
    pub used: bool,
    /// The token family the redemption issues into.
    pub family: String,
}

/// Access or refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OidcTokenKind {
    /// Bearer token for userinfo (10 minutes).
    Access,
    /// Rotating refresh token.
    Refresh,
}

/// An issued token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OidcToken {
    /// Access or refresh.
    pub kind: OidcTokenKind,
    /// Every token from one code shares a family: reuse revokes it whole.
    pub family: String,
    pub client_id: String,
    pub plex_id: u64,
    pub scopes: Vec<String>,
    /// When the account signed in.
    pub auth_time: UnixTime,
    /// The ID token's nonce (kept for refreshed ID tokens).
    pub nonce: Option<String>,
    /// Access: 10 minutes after issue; refresh: 30 days idle.
    pub expires_at: UnixTime,
    /// Refresh: the family's absolute end (`session.lifetime` after the code).
    pub family_expires_at: UnixTime,
    /// Refresh: already exchanged (kept to detect reuse).
    pub rotated: bool,
}

/// An admin-managed client: the config shape plus the hash of its generated secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OidcClientRecord {
    /// What the owner entered (`client_secret_file` unused here).
    pub client: OidcClientConfig,
    /// SHA-256 hex of the secret (confidential clients).
    pub secret_hash: Option<String>,
}

fn token(v: &[u8]) -> Option<OidcToken> {
    serde_json::from_slice(v).ok()
}

impl ReadTx {
    /// Every signing key, oldest first.
    pub fn oidc_keys(&self) -> Result<Vec<OidcKey>> {
        let mut keys: Vec<OidcKey> = self
            .all_str::<OidcKey>(OIDC_KEYS)?
            .into_iter()
            .map(|(_, k)| k)
            .collect();
        keys.sort_by_key(|k| k.created_at);
        Ok(keys)
    }

    /// The code whose secret hashes to `hash`.
    pub fn oidc_code(&self, hash: &str) -> Result<Option<OidcCode>> {
        self.get(OIDC_CODES, hash)
    }

    /// The token whose secret hashes to `hash`.
    pub fn oidc_token(&self, hash: &str) -> Result<Option<OidcToken>> {
        self.get(OIDC_TOKENS, hash)
    }

    /// The admin-managed clients, by id.
    pub fn oidc_clients(&self) -> Result<Vec<OidcClientRecord>> {
        Ok(self
            .all_str::<OidcClientRecord>(OIDC_CLIENTS)?
            .into_iter()
            .map(|(_, c)| c)
            .collect())
    }
}

impl WriteTx {
    /// Stores a signing key.
    pub fn put_oidc_key(&mut self, key: &OidcKey) -> Result<()> {
        self.put(OIDC_KEYS, &key.kid, key)
    }

    /// Deletes a signing key.
    pub fn delete_oidc_key(&mut self, kid: &str) -> Result<bool> {
        self.del(OIDC_KEYS, kid)
    }

    /// Stores a code.
    pub fn put_oidc_code(&mut self, hash: &str, code: &OidcCode) -> Result<()> {
        self.put(OIDC_CODES, hash, code)
    }

    /// Stores a token.
    pub fn put_oidc_token(&mut self, hash: &str, token: &OidcToken) -> Result<()> {
        self.put(OIDC_TOKENS, hash, token)
    }

    /// Revokes every token of one family; returns how many went.
    pub fn revoke_oidc_family(&mut self, family: &str) -> Result<usize> {
        self.retain(OIDC_TOKENS, |_, v| {
            token(v).is_none_or(|t| t.family != family)
        })
    }

    /// Revokes every token of an account (all clients, or one).
    pub fn revoke_oidc_account(&mut self, plex_id: u64, client: Option<&str>) -> Result<usize> {
        self.retain(OIDC_TOKENS, |_, v| {
            token(v)
                .is_none_or(|t| t.plex_id != plex_id || client.is_some_and(|c| c != t.client_id))
        })
    }

    /// Drops expired codes and tokens.
    pub fn sweep_oidc(&mut self, now: UnixTime) -> Result<usize> {
        let codes = self.retain(OIDC_CODES, |_, v| {
            // A code is kept a while past its life, so a late replay still revokes its tokens.
            serde_json::from_slice::<OidcCode>(v).is_ok_and(|c| c.expires_at + 3600 > now)
        })?;
        let tokens = self.retain(OIDC_TOKENS, |_, v| {
            token(v).is_some_and(|t| {
                t.expires_at > now && (t.kind == OidcTokenKind::Access || t.family_expires_at > now)
            })
        })?;
        Ok(codes + tokens)
    }

    /// Replaces the admin-managed clients.
    pub fn put_oidc_clients(&mut self, clients: &[OidcClientRecord]) -> Result<()> {
        self.retain(OIDC_CLIENTS, |_, _| false)?;
        for c in clients {
            self.put(OIDC_CLIENTS, &c.client.client_id, c)?;
        }
        Ok(())
    }
}
