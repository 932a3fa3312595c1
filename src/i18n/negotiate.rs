//! Which shipped language answers a request: the picker's cookie first, then
//! `Accept-Language` by q-value, each tag exactly (`pt-BR`) and then by its language alone
//! (`pt-PT` → `pt` → the shipped `pt-BR`), then English.

use super::Lang;

/// At most this many `Accept-Language` entries are read (the header is the client's).
const MAX_ENTRIES: usize = 32;

/// The language for a request with this language cookie and `Accept-Language` header.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
    among(cookie, accept_language, |_| true)
}

/// The same for an admin page: only languages the admin pages are shipped in
/// ([`Lang::has_admin`]) count, so a Japanese reader gets them in English.
pub fn negotiate_admin(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
    among(cookie, accept_language, Lang::has_admin)
}

fn among(cookie: Option<&str>, accept_language: Option<&str>, ok: impl Fn(Lang) -> bool) -> Lang {
    if let Some(l) = cookie.and_then(Lang::from_tag).filter(|l| ok(*l)) {
        return l;
    }
    let Some(header) = accept_language else {
        return Lang::EN;
    };
    let mut prefs: Vec<(u16, &str)> = header
        .split(',')
        .take(MAX_ENTRIES)
        .filter_map(|entry| {
            let mut parts = entry.split(';');
            let tag = parts.next()?.trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), quality)?;
            (q > 0 && !tag.is_empty() && tag != "*").then_some((q, tag))
        })
        .collect();
    // Stable: among equal q-values the header's order stands.
    prefs.sort_by_key(|p| std::cmp::Reverse(p.0));
    prefs
        .iter()
        .find_map(|(_, tag)| {
            Lang::from_tag(tag)
                .filter(|l| ok(*l))
                .or_else(|| by_language(tag, &ok))
        })
        .unwrap_or(Lang::EN)
}

/// A q-value in thousandths; `None` for a malformed one (the entry is skipped).
fn quality(raw: &str) -> Option<u16> {
    let q: f32 = raw.trim().parse().ok()?;
    if !(0.0..=1.0).contains(&q) {
        return None;
    }
    // In 0..=1000 after the range check, so the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Some((q * 1000.0).round() as u16)
}

/// The shipped language whose primary subtag is `tag`'s (`pt-PT` → `pt-BR`).
fn by_language(tag: &str, ok: impl Fn(Lang) -> bool) -> Option<Lang> {
    let primary = tag.split(['-', '_']).next()?;
    Lang::all().filter(|l| ok(*l)).find(|l| {
        l.tag()
            .split('-')
            .next()
            .is_some_and(|p| p.eq_ignore_ascii_case(primary))
    })
}
