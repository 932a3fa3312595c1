//! The install's key file (`plexgate.key`, 32 random bytes kept beside, not inside, the database) and
//! the two keys derived from it: one encrypts secrets at rest (XChaCha20-Poly1305), one signs
//! (HMAC-SHA256). Separate labels keep a signature from ever doubling as an encryption key.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{Read as _, Write as _};
use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::Path;

use chacha20poly1305::aead::{Aead as _, KeyInit as _};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac as _};
use sha2::Sha256;

use super::error::StoreError;
use crate::crypto;

type HmacSha256 = Hmac<Sha256>;

const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;
const ENC_LABEL: &[u8] = b"plexgate v1 encrypt secrets at rest";
const MAC_LABEL: &[u8] = b"plexgate v1 sign";

/// Keys derived from the key file. `Debug` never shows them.
#[derive(Clone)]
pub struct Keys {
    enc: [u8; KEY_LEN],
    mac: [u8; KEY_LEN],
}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Keys([redacted])")
    }
}

/// HMAC-SHA256 of `msg` under `key`. With the key file as key and a label as message it is a
/// PRF: one independent key per label.
fn hmac_sha256(key: &[u8; KEY_LEN], msg: &[u8]) -> [u8; KEY_LEN] {
    let mut mac = <HmacSha256 as hmac::Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

impl Keys {
    /// Derives the keys from the key file's 32 bytes.
    pub fn from_master(master: &[u8; KEY_LEN]) -> Self {
        Self {
            enc: hmac_sha256(master, ENC_LABEL),
            mac: hmac_sha256(master, MAC_LABEL),
        }
    }

    /// Reads `path`, or creates it (32 random bytes, mode 0600) when it does not exist.
    ///
    /// A key file readable by group or others is used anyway, with a warning in the log: refusing
    /// to start would lock the owner out over a permission a `chmod 600` fixes.
    pub fn load_or_create(path: &Path) -> Result<Self, StoreError> {
        match fs::File::open(path) {
            Ok(mut file) => {
                let mode = file
                    .metadata()
                    .map_err(|e| StoreError::io(path, e))?
                    .permissions()
                    .mode();
                if mode & 0o077 != 0 {
                    tracing::warn!(
                        path = %path.display(),
                        mode = format!("{:o}", mode & 0o777),
                        "the key file is readable by other users; run chmod 600 on it"
                    );
                }
                let mut buf = Vec::with_capacity(KEY_LEN);
                file.read_to_end(&mut buf)
                    .map_err(|e| StoreError::io(path, e))?;
                let master: [u8; KEY_LEN] =
                    buf.as_slice().try_into().map_err(|_| StoreError::KeyFile {
                        path: path.to_owned(),
                        reason: format!("expected {KEY_LEN} bytes, found {}", buf.len()),
                    })?;
                Ok(Self::from_master(&master))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let master = crypto::random_bytes::<KEY_LEN>();
                write_new_key_file(path, &master)?;
                Ok(Self::from_master(&master))
            }
            Err(e) => Err(StoreError::io(path, e)),
        }
    }

    /// Encrypts `plain`; the output is the random 24-byte nonce followed by the ciphertext and tag.
    pub fn encrypt(&self, plain: &[u8]) -> Vec<u8> {
        let nonce = crypto::random_bytes::<NONCE_LEN>();
        let cipher = XChaCha20Poly1305::new((&self.enc).into());
        // Encryption only fails for inputs beyond ~256 GiB, which nothing here stores.
        let sealed = cipher
            .encrypt(XNonce::from_slice(&nonce), plain)
            .unwrap_or_default();
        let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Decrypts what [`Keys::encrypt`] produced; fails on another install's key or on tampering.
    pub fn decrypt(&self, data: &[u8]) -> Result<Vec<u8>, StoreError> {
        if data.len() < NONCE_LEN {
            return Err(StoreError::Crypto);
        }
        let (nonce, sealed) = data.split_at(NONCE_LEN);
        let cipher = XChaCha20Poly1305::new((&self.enc).into());
        cipher
            .decrypt(XNonce::from_slice(nonce), sealed)
            .map_err(|_| StoreError::Crypto)
    }

    /// HMAC-SHA256 of `msg` under the signing key.
    pub fn sign(&self, msg: &[u8]) -> [u8; 32] {
        hmac_sha256(&self.mac, msg)
    }

    /// Checks a signature from [`Keys::sign`] in constant time.
    pub fn verify(&self, msg: &[u8], sig: &[u8]) -> bool {
        crypto::ct_eq(&self.sign(msg), sig)
    }
}

/// Writes the key to a 0600 temporary file, syncs it and renames it into place, so a crash never
/// leaves a short key file behind.
fn write_new_key_file(path: &Path, master: &[u8; KEY_LEN]) -> Result<(), StoreError> {
    let tmp = path.with_extension("key.tmp");
    // A leftover from a crash may have other permissions; `mode` applies only on creation.
    match fs::remove_file(&tmp) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(StoreError::io(&tmp, e)),
        _ => {}
    }
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(|e| StoreError::io(&tmp, e))?;
    file.write_all(master)
        .and_then(|()| file.sync_all())
        .map_err(|e| StoreError::io(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| StoreError::io(path, e))?;
    super::backup::sync_parent(path)
}
