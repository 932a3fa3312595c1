//! The `next` checker (SPEC §2.3): where a sign-in may send the browser afterwards. Only local
//! paths of this app pass; anything that a browser could read as another origin is dropped.
//! A pure function so the forward-auth `rd` check (SPEC §8) can build on it.

use crate::access::sso::{MAX_RD_BYTES, percent_decode, rd_target};
use crate::config::PublicUrl;

/// The longest `next` kept.
pub const MAX_NEXT_BYTES: usize = 1024;

/// How many rounds of percent-decoding are inspected: `%252F` hides `%2F`, which hides `/`.
const DECODE_ROUNDS: usize = 3;

/// Returns `raw` if it is a safe local path (app-relative, starting with a single `/`), else
/// `None`. Rejects `//host`, `/\host`, any backslash, schemes, whitespace and control
/// characters, in the raw text and in every percent-decoded form of it.
pub fn local_path(raw: &str) -> Option<String> {
    if raw.len() > MAX_NEXT_BYTES || !raw.starts_with('/') {
        return None;
    }
    let mut current = raw.to_owned();
    for _ in 0..DECODE_ROUNDS {
        if !looks_local(&current) {
            return None;
        }
        let decoded = percent_decode(&current)?;
        if decoded == current {
            return Some(raw.to_owned());
        }
        current = decoded;
    }
    // Still changing after several rounds: nobody needs that much encoding.
    None
}

/// A forward-auth return URL (SPEC §8): at most [`MAX_RD_BYTES`], no backslash, whitespace or
/// control character anywhere in the raw text (URL parsers drop tabs and newlines silently),
/// then a parsed URL whose host lies inside `cookie_domain`. Kept byte for byte.
pub fn sso_return(raw: &str, public_url: &PublicUrl, cookie_domain: &str) -> Option<String> {
    if raw.is_empty() || raw.len() > MAX_RD_BYTES || has_unsafe_char(raw) {
        return None;
    }
    rd_target(raw, !public_url.is_https(), cookie_domain).map(|_| raw.to_owned())
}

/// A backslash, whitespace or control character: never part of a link we follow.
fn has_unsafe_char(s: &str) -> bool {
    s.chars()
        .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

/// The checks on one (decoded) form: a single leading slash, no backslash, no whitespace or
/// control character. Browsers treat `/\` like `//` and drop tabs and newlines inside URLs.
fn looks_local(s: &str) -> bool {
    let mut chars = s.chars();
    if chars.next() != Some('/') {
        return false;
    }
    if matches!(chars.next(), Some('/' | '\\')) {
        return false;
    }
    !has_unsafe_char(s)
}

/// Whether a checked local path lies under `/admin` (whole segment: `/administrator` does not).
pub fn is_admin_path(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/") || path.starts_with("/admin?")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn accepts_local_paths() {
        for ok in ["/me", "/admin", "/admin/users?page=2", "/", "/caf%C3%A9"] {
            assert_eq!(local_path(ok).as_deref(), Some(ok), "{ok}");
        }
    }

    #[test]
    fn rejects_other_origins_and_tricks() {
        for bad in [
            "//evil",
            "/\\evil",
            "https://evil",
            "javascript:alert(1)",
            "/%2F%2Fevil",
            "/%2Fevil",
            "/%5Cevil",
            "/%255Cevil",
            "/%252F%252Fevil",
            "/ok\\..",
            "/me%0a",
            "/me%0d%0aSet-Cookie:x",
            "/me\n",
            "/me me",
            "/a%20b",
            "/me\t",
            "/%09/evil",
            "/%",
            "/%zz",
            "/%ff",
            "",
            "me",
            "\\\\evil",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
        assert_eq!(
            local_path(&format!("/{}", "a".repeat(MAX_NEXT_BYTES))),
            None
        );
        assert!(local_path(&format!("/{}", "a".repeat(MAX_NEXT_BYTES - 1))).is_some());
    }

    #[test]
    fn rd_corpus_never_leaves_the_cookie_domain() {
        let url = PublicUrl::parse("https://auth.example.com").unwrap();
        let ok = |r: &str| sso_return(r, &url, "example.com");
        assert_eq!(
            ok("https://a.example.com/x?a=%20b").as_deref(),
            Some("https://a.example.com/x?a=%20b")
        );
        for bad in [
            "https://a.example.com/\\evil",
            "https://a.example.com\\@evil.test/",
            "https://a.example.com/\tx",
            "https://a.exa\nmple.com/",
            "https://a.example.com/ x",
            "https://a.example.com.evil.test/",
            "http://a.example.com/",
            "//evil.test/",
            "/\\evil.test",
            "javascript://a.example.com/%0aalert(1)",
            "data:text/html,x",
            "https://evil.test@a.example.com/",
            "https://a.example.com@evil.test/",
        ] {
            assert_eq!(ok(bad), None, "{bad:?}");
        }
        let long = format!("https://a.example.com/{}", "a".repeat(MAX_RD_BYTES));
        assert_eq!(ok(&long), None);
    }

    #[test]
    fn admin_paths_are_whole_segments() {
        assert!(is_admin_path("/admin"));
        assert!(is_admin_path("/admin/users"));
        assert!(!is_admin_path("/administrator"));
        assert!(!is_admin_path("/me"));
    }
}
