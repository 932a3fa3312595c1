//! Small crypto helpers shared by every layer: random tokens from the OS RNG, SHA-256 in hex (how
//! session ids, invite codes and API keys are stored) and constant-time comparison.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::TryRngCore as _;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// `N` random bytes straight from the operating system.
///
/// Panics only if the OS RNG fails, which leaves no safe way to mint secrets anyway.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    fill_random(&mut buf);
    buf
}

/// Fills `buf` from the operating system's RNG (panics only if the OS RNG fails).
pub fn fill_random(buf: &mut [u8]) {
    use rand::RngCore as _;
    OsRng.unwrap_err().fill_bytes(buf);
}

/// `bytes` random bytes from the OS RNG as base64url without padding: session ids (32 bytes),
/// invite codes, API keys, CSRF tokens.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    fill_random(&mut buf);
    URL_SAFE_NO_PAD.encode(&buf)
}

/// Lowercase hex SHA-256 of `s`: the stored form of every bearer secret.
pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// Constant-time equality (a length difference returns early: lengths are not secret here).
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_urlsafe_and_distinct() {
        let a = random_token(32);
        let b = random_token(32);
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_ne!(random_bytes::<16>(), [0u8; 16]);
    }

    #[test]
    fn sha256_and_ct_eq() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(ct_eq(b"same", b"same"));
        assert!(!ct_eq(b"same", b"sam"));
        assert!(!ct_eq(b"same", b"Same"));
    }
}
