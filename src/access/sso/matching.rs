//! Which app a request is for (host ignoring case and port, `*.` one label, longest whole-segment
//! path prefix) and whether its path is bypassed.

use super::AppEntry;

/// Whether app `pattern` (`a.example.com` or `*.example.com`) covers normalised `host`.
pub fn host_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim().trim_end_matches('.').to_ascii_lowercase();
    match pattern.strip_prefix("*.") {
        Some(parent) => host
            .strip_suffix(parent)
            .and_then(|rest| rest.strip_suffix('.'))
            .is_some_and(|label| !label.is_empty() && !label.contains('.')),
        None => pattern == host,
    }
}

/// Whether `path` lies under `prefix` in whole segments (`/app` covers `/app` and `/app/x`,
/// not `/apps`); an empty or `/` prefix covers everything.
fn under(prefix: &str, path: &str) -> bool {
    let prefix = prefix.trim_end_matches('/');
    prefix.is_empty()
        || path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The app for `host` (lowercase, no port) and normalised `path`: among the entries whose host
/// covers it, an exact host beats a wildcard, then the longest path prefix wins.
pub fn find_app<'a>(apps: &'a [AppEntry], host: &str, path: &str) -> Option<&'a AppEntry> {
    apps.iter()
        .filter(|a| host_matches(&a.app.host, host))
        .filter(|a| under(a.app.path.as_deref().unwrap_or(""), path))
        .max_by_key(|a| {
            let exact = !a.app.host.trim().starts_with("*.");
            let len = a
                .app
                .path
                .as_deref()
                .unwrap_or("")
                .trim_end_matches('/')
                .len();
            (exact, len)
        })
}

/// Decodes `%XX` escapes once; `None` for a malformed escape (two hex digits, no sign) or bytes
/// that are not UTF-8. The one decoder of forward-auth paths and sign-in `next` paths.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The path an upstream would most likely serve, for choosing the app: decoded once, `\` read
/// as `/`, empty and `.` segments dropped, `..` resolved. Matching on this (never the raw text)
/// stops `/public/../admin` from being judged by a looser app's rule.
pub fn normalize_path(raw: &str) -> String {
    let decoded = percent_decode(raw).unwrap_or_else(|| raw.to_owned());
    let mut segs: Vec<&str> = Vec::new();
    for seg in decoded.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    format!("/{}", segs.join("/"))
}

/// Whether every `%XX` escape in raw `path` stands for an unreserved character
/// (`A-Z a-z 0-9 - . _ ~`). An encoded `/` or `\` (`%2F`, `%5C`) above all is not: apps disagree
/// on whether it separates segments, so the app might route it outside the bypassed prefix.
fn escapes_only_unreserved(path: &str) -> bool {
    let bytes = path.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'%')
        .all(|(i, _)| {
            bytes
                .get(i + 1..i + 3)
                .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .is_some_and(|c| {
                    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~')
                })
        })
}

/// Whether raw `path` (no query) starts with one of `prefixes` after one percent-decode. A path
/// whose raw form has a `%` escape of anything but an unreserved character (`%2F`, `%5C`,
/// `%25`, ...), or that after decoding has `.`/`..` segments, `//`, a backslash, `;`, NUL, a
/// control character or a `%`, is never bypassed (SPEC §8).
pub fn bypassed(prefixes: &[String], path: &str) -> bool {
    if prefixes.is_empty() || !escapes_only_unreserved(path) {
        return false;
    }
    let Some(p) = percent_decode(path) else {
        return false;
    };
    let tricky = !p.starts_with('/')
        || p.contains("//")
        || p.contains(['\\', ';', '\0', '%'])
        || p.chars().any(char::is_control)
        || p.split('/').any(|s| s == "." || s == "..");
    !tricky
        && prefixes
            .iter()
            .any(|pre| !pre.is_empty() && p.starts_with(pre.as_str()))
}
