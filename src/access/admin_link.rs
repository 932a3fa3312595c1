//! One-time admin sign-in links (SPEC §6 `admin-link`): `{public_url}/admin/link?t=TOKEN` with
//! TOKEN = base64url(expiry ‖ nonce ‖ HMAC), signed with the key file alone, so the CLI can mint
//! one while a server holds the database. Using a link records its nonce (until it expires) so
//! it works once, and records an `admin_link` event.

use std::collections::BTreeMap;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::clock::{UnixTime, secs};
use crate::config::PublicUrl;
use crate::store::{EventKind, Keys, NewEvent, Store, StoreError, WriteTx};

/// How long a link works.
pub const ADMIN_LINK_TTL: Duration = Duration::from_secs(10 * 60);
/// The settings key of the used nonces (`{hex nonce: expiry}`), pruned once past their expiry.
pub const USED_ADMIN_LINKS_KEY: &str = "used_admin_links";
/// Signed together with the payload, so no other signature of the key file passes as a link.
const LABEL: &[u8] = b"plexgate admin link v1";
const NONCE_LEN: usize = 16;
const MAC_LEN: usize = 32;
const TOKEN_LEN: usize = 8 + NONCE_LEN + MAC_LEN;

/// A verified link's one-use identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nonce {
    /// The link's random part.
    pub bytes: [u8; NONCE_LEN],
    /// When the link stops working.
    pub expires_at: UnixTime,
}

/// Why a link was refused. Every case reads the same to the visitor; the log tells them apart.
#[derive(Debug, thiserror::Error)]
pub enum AdminLinkError {
    /// Not a token this install could have made (mangled, truncated, another key file).
    #[error("this admin link is not valid")]
    Invalid,
    /// Older than 10 minutes.
    #[error("this admin link has expired")]
    Expired,
    /// Used before.
    #[error("this admin link was already used")]
    Used,
    /// The store failed while consuming it.
    #[error("store: {0}")]
    Store(#[from] StoreError),
}

fn signed_part(expires_at: u64, nonce: &[u8]) -> Vec<u8> {
    let mut msg = Vec::with_capacity(LABEL.len() + 8 + NONCE_LEN);
    msg.extend_from_slice(LABEL);
    msg.extend_from_slice(&expires_at.to_be_bytes());
    msg.extend_from_slice(nonce);
    msg
}

/// A fresh token valid [`ADMIN_LINK_TTL`] from `now`.
pub fn make_admin_link_token(keys: &Keys, now: UnixTime) -> String {
    let expires_at = u64::try_from(now.saturating_add(secs(ADMIN_LINK_TTL))).unwrap_or(0);
    let nonce = crate::crypto::random_bytes::<NONCE_LEN>();
    let mac = keys.sign(&signed_part(expires_at, &nonce));
    let mut raw = Vec::with_capacity(TOKEN_LEN);
    raw.extend_from_slice(&expires_at.to_be_bytes());
    raw.extend_from_slice(&nonce);
    raw.extend_from_slice(&mac);
    URL_SAFE_NO_PAD.encode(raw)
}

/// The link the CLI prints.
pub fn admin_link_url(public_url: &PublicUrl, token: &str) -> String {
    format!("{}?t={token}", public_url.join("/admin/link"))
}

/// Checks the signature and the expiry (not whether it was used: see [`consume_admin_link`]).
pub fn verify_admin_link(keys: &Keys, token: &str, now: UnixTime) -> Result<Nonce, AdminLinkError> {
    let raw = URL_SAFE_NO_PAD
        .decode(token.trim())
        .map_err(|_| AdminLinkError::Invalid)?;
    if raw.len() != TOKEN_LEN {
        return Err(AdminLinkError::Invalid);
    }
    let (head, mac) = raw.split_at(8 + NONCE_LEN);
    let (expiry, nonce) = head.split_at(8);
    let expires_at = u64::from_be_bytes(expiry.try_into().map_err(|_| AdminLinkError::Invalid)?);
    if !keys.verify(&signed_part(expires_at, nonce), mac) {
        return Err(AdminLinkError::Invalid);
    }
    let expires_at = i64::try_from(expires_at).map_err(|_| AdminLinkError::Invalid)?;
    if now >= expires_at {
        return Err(AdminLinkError::Expired);
    }
    Ok(Nonce {
        bytes: nonce.try_into().map_err(|_| AdminLinkError::Invalid)?,
        expires_at,
    })
}

/// Marks `nonce` used inside `tx` (dropping entries past their expiry); `Used` if it was already.
pub fn mark_used(tx: &mut WriteTx, nonce: &Nonce, now: UnixTime) -> Result<(), AdminLinkError> {
    let mut used: BTreeMap<String, UnixTime> =
        tx.get_setting(USED_ADMIN_LINKS_KEY)?.unwrap_or_default();
    used.retain(|_, expires_at| *expires_at > now);
    let key = hex::encode(nonce.bytes);
    if used.contains_key(&key) {
        return Err(AdminLinkError::Used);
    }
    used.insert(key, nonce.expires_at);
    Ok(tx.put_setting(USED_ADMIN_LINKS_KEY, &used)?)
}

/// Verifies `token`, marks it used and records an `admin_link` event, in one transaction; a
/// refused link is recorded too (as `refused`, with the reason).
impl crate::access::Access {
    /// Uses a one-time admin link now (see [`consume_admin_link`]).
    pub async fn use_admin_link(
        &self,
        token: &str,
        ip: Option<String>,
    ) -> Result<(), AdminLinkError> {
        consume_admin_link(&self.0.store, token, self.now(), ip).await
    }
}

/// Checks a link and records its use in one write transaction.
pub async fn consume_admin_link(
    store: &Store,
    token: &str,
    now: UnixTime,
    ip: Option<String>,
) -> Result<(), AdminLinkError> {
    let verified = verify_admin_link(store.keys(), token, now);
    store
        .write(move |tx| {
            let outcome = match verified.and_then(|nonce| mark_used(tx, &nonce, now)) {
                // A store failure aborts the transaction; the caller sees it as such.
                Err(AdminLinkError::Store(e)) => return Err(e),
                other => other,
            };
            let (word, detail) = match &outcome {
                Ok(()) => ("ok", "admin sign-in link used".to_owned()),
                Err(e) => ("refused", e.to_string()),
            };
            tx.append_event(NewEvent {
                ip,
                ..NewEvent::new(now, EventKind::AdminLink, "owner", None, word, detail)
            })?;
            Ok(outcome)
        })
        .await?
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_token_verifies_until_it_expires_and_only_under_its_key() {
        let keys = Keys::from_master(&[7; 32]);
        let token = make_admin_link_token(&keys, 1_000);
        let nonce = verify_admin_link(&keys, &token, 1_000 + 599).unwrap();
        assert_eq!(nonce.expires_at, 1_600);
        assert!(matches!(
            verify_admin_link(&keys, &token, 1_600),
            Err(AdminLinkError::Expired)
        ));
        let other = Keys::from_master(&[8; 32]);
        assert!(matches!(
            verify_admin_link(&other, &token, 1_000),
            Err(AdminLinkError::Invalid)
        ));
        let mut tampered = token.into_bytes();
        tampered[3] ^= 1;
        let tampered = String::from_utf8(tampered).unwrap();
        assert!(verify_admin_link(&keys, &tampered, 1_000).is_err());
        assert!(verify_admin_link(&keys, "short", 1_000).is_err());
    }
}
