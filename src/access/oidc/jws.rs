//! The ID token signing keys (SPEC §9): RSA-2048 for RS256, generated at first start and by
//! `plexgate oidc rotate-key`, stored sealed with the key file, published in JWKS with their
//! `kid` (a replaced key for 7 more days).
//!
//! Crates: `ring` (already linked for rustls) does every signature and verification; it cannot
//! generate RSA keys, so the `rsa` crate generates them and nothing else. RUSTSEC-2023-0071
//! (Marvin) is a timing leak of the `rsa` crate's private-key *operations* observed over the
//! network; generation runs once, offline, and its key is then only used by `ring`.

use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::rand::SystemRandom;
use ring::signature::{self, RsaKeyPair, RsaPublicKeyComponents};
use serde::Serialize;
use serde_json::{Value, json};

use super::{KEY_GRACE_SECS, s256};
use crate::clock::UnixTime;
use crate::store::{Keys, OidcKey, Store, StoreError};

/// Why keys could not be made or used.
#[derive(Debug, thiserror::Error)]
pub enum JwsError {
    /// RSA key generation failed.
    #[error("generating an RSA key failed: {0}")]
    Generate(String),
    /// A stored key did not load (another install's key file, or damage).
    #[error("a stored OIDC signing key does not load: {0}")]
    Load(String),
    /// Signing failed.
    #[error("signing failed")]
    Sign,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

struct Loaded {
    kid: String,
    pair: RsaKeyPair,
    n: Vec<u8>,
    e: Vec<u8>,
}

/// The keys in use: the newest signs, every published one verifies.
pub struct KeySet {
    keys: Vec<Loaded>,
}

impl std::fmt::Debug for KeySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kids: Vec<&str> = self.keys.iter().map(|k| k.kid.as_str()).collect();
        f.debug_struct("KeySet").field("kids", &kids).finish()
    }
}

/// A new RSA-2048 key as PKCS#8 DER.
fn generate() -> Result<Vec<u8>, JwsError> {
    use rsa::pkcs8::EncodePrivateKey as _;
    let key = rsa::RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048)
        .map_err(|e| JwsError::Generate(e.to_string()))?;
    let der = key
        .to_pkcs8_der()
        .map_err(|e| JwsError::Generate(e.to_string()))?;
    Ok(der.as_bytes().to_vec())
}

fn load(record: &OidcKey, keys: &Keys) -> Result<Loaded, JwsError> {
    let sealed = STANDARD
        .decode(&record.sealed)
        .map_err(|e| JwsError::Load(e.to_string()))?;
    let der = keys.decrypt(&sealed)?;
    let pair = RsaKeyPair::from_pkcs8(&der).map_err(|e| JwsError::Load(e.to_string()))?;
    let public: RsaPublicKeyComponents<Vec<u8>> = pair.public().into();
    Ok(Loaded {
        kid: record.kid.clone(),
        pair,
        n: public.n,
        e: public.e,
    })
}

fn new_record(keys: &Keys, now: UnixTime) -> Result<OidcKey, JwsError> {
    let der = generate()?;
    let pair = RsaKeyPair::from_pkcs8(&der).map_err(|e| JwsError::Generate(e.to_string()))?;
    let public: RsaPublicKeyComponents<Vec<u8>> = pair.public().into();
    let kid = s256(&hex::encode(&public.n)).chars().take(16).collect();
    Ok(OidcKey {
        kid,
        created_at: now,
        retired_at: None,
        sealed: STANDARD.encode(keys.encrypt(&der)),
    })
}

fn published(records: Vec<OidcKey>, now: UnixTime) -> Vec<OidcKey> {
    records
        .into_iter()
        .filter(|r| r.retired_at.is_none_or(|t| now - t < KEY_GRACE_SECS))
        .collect()
}

fn key_set(records: &[OidcKey], keys: &Keys) -> Result<KeySet, JwsError> {
    let mut ordered: Vec<&OidcKey> = records.iter().collect();
    // The key not retired signs; the others follow, most recently retired first.
    ordered.sort_by_key(|r| {
        (
            r.retired_at.is_some(),
            std::cmp::Reverse(r.retired_at),
            std::cmp::Reverse(r.created_at),
        )
    });
    let loaded = ordered
        .into_iter()
        .map(|r| load(r, keys))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(KeySet { keys: loaded })
}

/// The published keys, generating the first one when there is none (blocking: call at start).
pub fn ensure(store: &Store, now: UnixTime) -> Result<KeySet, JwsError> {
    let keys = store.keys().clone();
    let records = store.read_blocking(|tx| tx.oidc_keys())?;
    let records = published(records, now);
    if records.iter().any(|r| r.retired_at.is_none()) {
        return key_set(&records, &keys);
    }
    let record = new_record(&keys, now)?;
    let stored = record.clone();
    store.write_blocking(move |tx| tx.put_oidc_key(&stored))?;
    tracing::info!(kid = %record.kid, "generated the OIDC signing key");
    let mut all = records;
    all.push(record);
    key_set(&all, &keys)
}

/// `plexgate oidc rotate-key`: a new signing key; the current one is retired (in JWKS for
/// 7 more days) and keys retired longer ago are deleted. Returns the new `kid`.
pub fn rotate(store: &Store, now: UnixTime) -> Result<String, JwsError> {
    let record = new_record(store.keys(), now)?;
    let kid = record.kid.clone();
    store.write_blocking(move |tx| {
        for mut old in tx.oidc_keys()? {
            if old.retired_at.is_some_and(|t| now - t >= KEY_GRACE_SECS) {
                tx.delete_oidc_key(&old.kid)?;
            } else if old.retired_at.is_none() {
                old.retired_at = Some(now);
                tx.put_oidc_key(&old)?;
            }
        }
        tx.put_oidc_key(&record)
    })?;
    Ok(kid)
}

impl KeySet {
    /// A compact JWS (RS256) of `claims`, signed by the newest key.
    pub fn sign(&self, claims: &impl Serialize) -> Result<String, JwsError> {
        let key = self.keys.first().ok_or(JwsError::Sign)?;
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": key.kid});
        let payload = serde_json::to_vec(claims).map_err(|_| JwsError::Sign)?;
        let mut input = URL_SAFE_NO_PAD.encode(header.to_string());
        input.push('.');
        input.push_str(&URL_SAFE_NO_PAD.encode(payload));
        let mut sig = vec![0u8; key.pair.public().modulus_len()];
        key.pair
            .sign(
                &signature::RSA_PKCS1_SHA256,
                &SystemRandom::new(),
                input.as_bytes(),
                &mut sig,
            )
            .map_err(|_| JwsError::Sign)?;
        input.push('.');
        input.push_str(&URL_SAFE_NO_PAD.encode(sig));
        Ok(input)
    }

    /// The claims of a token one of the published keys signed (expiry is not judged here:
    /// an `id_token_hint` may be old).
    pub fn verify(&self, token: &str) -> Option<Value> {
        let mut parts = token.split('.');
        let (h, p, s) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(h).ok()?).ok()?;
        if header.get("alg")?.as_str()? != "RS256" {
            return None;
        }
        let kid = header.get("kid")?.as_str()?;
        let key = self.keys.iter().find(|k| k.kid == kid)?;
        let sig = URL_SAFE_NO_PAD.decode(s).ok()?;
        let message = format!("{h}.{p}");
        RsaPublicKeyComponents {
            n: &key.n,
            e: &key.e,
        }
        .verify(
            &signature::RSA_PKCS1_2048_8192_SHA256,
            message.as_bytes(),
            &sig,
        )
        .ok()?;
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).ok()?).ok()
    }

    /// The JWKS document.
    pub fn jwks(&self) -> Value {
        let keys: Vec<Value> = self
            .keys
            .iter()
            .map(|k| {
                json!({
                    "kty": "RSA", "use": "sig", "alg": "RS256", "kid": k.kid,
                    "n": URL_SAFE_NO_PAD.encode(&k.n), "e": URL_SAFE_NO_PAD.encode(&k.e),
                })
            })
            .collect();
        json!({ "keys": keys })
    }

    /// The signing key's id.
    pub fn current_kid(&self) -> Option<&str> {
        self.keys.first().map(|k| k.kid.as_str())
    }
}

/// Shared handle.
pub type SharedKeys = Arc<KeySet>;
