//! OIDC codes and tokens (SPEC §9): a code stored for a checked authorize request, its one-time
//! redemption (a second use revokes everything issued from it), refresh-token rotation (a
//! rotated token used again does the same), the tokens issued, and their revocation.

use super::{ACCESS_TTL_SECS, Authorize, CODE_TTL_SECS, REFRESH_IDLE_SECS, pkce_ok};
use crate::access::{Access, AccessError};
use crate::clock::{UnixTime, secs};
use crate::crypto::{random_token, sha256_hex};
use crate::store::{OidcCode, OidcToken, OidcTokenKind};

/// What a redeemed code or refresh token carries into new tokens.
#[derive(Debug, Clone)]
pub struct Grant {
    /// The account.
    pub plex_id: u64,
    /// The granted scopes.
    pub scopes: Vec<String>,
    /// When the account signed in.
    pub auth_time: UnixTime,
    /// The authorize request's nonce.
    pub nonce: Option<String>,
    /// Everything issued from one authorize request.
    pub family: String,
    /// When the family ends (the session lifetime after the code was redeemed).
    pub family_expires_at: UnixTime,
}

/// How a redemption came out.
#[derive(Debug)]
pub enum Redeemed {
    /// New tokens may be issued.
    Ok(Grant),
    /// Refused, with why (for the client's `error_description`).
    Refused(&'static str),
    /// Used a second time: the family was revoked.
    Reused {
        /// The account.
        plex_id: u64,
        /// How many tokens were revoked.
        revoked: usize,
    },
}

impl Access {
    /// Stores a code for a checked request and returns it (256 random bits).
    pub async fn issue_oidc_code(
        &self,
        r: &Authorize,
        plex_id: u64,
        auth_time: UnixTime,
    ) -> Result<String, AccessError> {
        let code = random_token(32);
        let record = OidcCode {
            client_id: r.client_id.clone(),
            redirect_uri: r.redirect_uri.clone(),
            challenge: r.challenge.clone(),
            nonce: r.nonce.clone(),
            plex_id,
            scopes: r.scopes.clone(),
            auth_time,
            expires_at: self.now() + CODE_TTL_SECS,
            used: false,
            family: random_token(16),
        };
        let hash = sha256_hex(&code);
        self.write(move |tx| tx.put_oidc_code(&hash, &record))
            .await?;
        Ok(code)
    }

    /// Redeems a code for `client_id` once; the checks of the token request in their order.
    pub async fn redeem_oidc_code(
        &self,
        code: &str,
        client_id: &str,
        redirect: Option<String>,
        verifier: Option<String>,
    ) -> Result<Redeemed, AccessError> {
        let hash = sha256_hex(code);
        let now = self.now();
        let client_id = client_id.to_owned();
        let lifetime = secs(self.0.timing.session_lifetime);
        self.write(move |tx| {
            let Some(mut c) = tx.oidc_code(&hash)? else {
                return Ok(Redeemed::Refused("unknown code"));
            };
            if c.used {
                // A second use: whoever holds the code is not (only) the client; revoke it all.
                let revoked = tx.revoke_oidc_family(&c.family)?;
                return Ok(Redeemed::Reused {
                    plex_id: c.plex_id,
                    revoked,
                });
            }
            c.used = true;
            tx.put_oidc_code(&hash, &c)?;
            let why = if c.expires_at <= now {
                Some("the code expired")
            } else if c.client_id != client_id {
                Some("the code belongs to another client")
            } else if redirect.as_deref() != Some(c.redirect_uri.as_str()) {
                Some("redirect_uri differs from the authorize request")
            } else {
                match (&c.challenge, verifier.as_deref()) {
                    (Some(ch), Some(v)) if pkce_ok(ch, v) => None,
                    (Some(_), _) => Some("code_verifier does not match"),
                    (None, Some(_)) => Some("no code_challenge was sent"),
                    (None, None) => None,
                }
            };
            Ok(match why {
                Some(why) => Redeemed::Refused(why),
                None => Redeemed::Ok(Grant {
                    plex_id: c.plex_id,
                    scopes: c.scopes,
                    auth_time: c.auth_time,
                    nonce: c.nonce,
                    family: c.family,
                    family_expires_at: now.saturating_add(lifetime),
                }),
            })
        })
        .await
    }

    /// Rotates a refresh token of `client_id`: it is marked used; a rotated one used again
    /// revokes its family.
    pub async fn redeem_refresh_token(
        &self,
        token: &str,
        client_id: &str,
    ) -> Result<Redeemed, AccessError> {
        let hash = sha256_hex(token);
        let now = self.now();
        let client_id = client_id.to_owned();
        self.write(move |tx| {
            let Some(mut t) = tx.oidc_token(&hash)? else {
                return Ok(Redeemed::Refused("unknown or revoked refresh token"));
            };
            if t.kind != OidcTokenKind::Refresh || t.client_id != client_id {
                return Ok(Redeemed::Refused("not a refresh token of this client"));
            }
            if t.rotated {
                let revoked = tx.revoke_oidc_family(&t.family)?;
                return Ok(Redeemed::Reused {
                    plex_id: t.plex_id,
                    revoked,
                });
            }
            if t.expires_at <= now || t.family_expires_at <= now {
                return Ok(Redeemed::Refused("the refresh token expired"));
            }
            t.rotated = true;
            tx.put_oidc_token(&hash, &t)?;
            Ok(Redeemed::Ok(Grant {
                plex_id: t.plex_id,
                scopes: t.scopes,
                auth_time: t.auth_time,
                nonce: t.nonce,
                family: t.family,
                family_expires_at: t.family_expires_at,
            }))
        })
        .await
    }

    /// Revokes everything issued from one authorize request.
    pub async fn revoke_oidc_family(&self, family: &str) -> Result<usize, AccessError> {
        let family = family.to_owned();
        self.write(move |tx| tx.revoke_oidc_family(&family)).await
    }

    /// Stores the tokens issued at `now` for `g`: the access token, and the refresh token if any.
    pub async fn store_oidc_tokens(
        &self,
        client_id: &str,
        g: &Grant,
        now: UnixTime,
        access: &str,
        refresh: Option<&str>,
    ) -> Result<(), AccessError> {
        let base = OidcToken {
            kind: OidcTokenKind::Access,
            family: g.family.clone(),
            client_id: client_id.to_owned(),
            plex_id: g.plex_id,
            scopes: g.scopes.clone(),
            auth_time: g.auth_time,
            nonce: g.nonce.clone(),
            expires_at: now + ACCESS_TTL_SECS,
            family_expires_at: g.family_expires_at,
            rotated: false,
        };
        let mut rows = vec![(sha256_hex(access), base.clone())];
        if let Some(r) = refresh {
            let t = OidcToken {
                kind: OidcTokenKind::Refresh,
                expires_at: (now + REFRESH_IDLE_SECS).min(g.family_expires_at),
                ..base
            };
            rows.push((sha256_hex(r), t));
        }
        self.write(move |tx| {
            for (h, t) in &rows {
                tx.put_oidc_token(h, t)?;
            }
            Ok(())
        })
        .await
    }

    /// The stored token behind a bearer value, if any.
    pub async fn oidc_token(&self, token: &str) -> Result<Option<OidcToken>, AccessError> {
        let hash = sha256_hex(token);
        self.read(move |tx| tx.oidc_token(&hash)).await
    }

    /// Revokes an account's tokens for one client (RP-initiated logout).
    pub async fn revoke_oidc_tokens(
        &self,
        plex_id: u64,
        client: &str,
    ) -> Result<usize, AccessError> {
        let client = client.to_owned();
        self.write(move |tx| tx.revoke_oidc_account(plex_id, Some(&client)))
            .await
    }
}
