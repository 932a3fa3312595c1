//! The owner's avatar (`thumb` of `GET /api/v2/user`, §2: `https://plex.tv/users/<uuid>/avatar`),
//! read so the welcome page can serve it from plexgate's own address: the pages' CSP allows no
//! other image host, and a friend's browser never calls plex.tv for it. The path and query are
//! asked of the configured plex.tv base (the fake in tests); redirects are followed only to
//! `plex.tv` hosts over https, and only a small PNG, JPEG, GIF or WebP is accepted.

use reqwest::Url;
use reqwest::header::{ACCEPT, CONTENT_TYPE, LOCATION};

use super::http::{header_str, read_capped};
use super::{PlexClient, PlexError};

/// The largest avatar accepted.
pub const MAX_AVATAR_BYTES: usize = 256 * 1024;
/// Redirects followed at most.
const MAX_REDIRECTS: usize = 3;
/// The image types served back (never SVG, which can carry script).
const IMAGE_TYPES: [&str; 4] = ["image/png", "image/jpeg", "image/gif", "image/webp"];

/// An avatar image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Avatar {
    /// One of [`IMAGE_TYPES`].
    pub content_type: &'static str,
    /// The image, at most [`MAX_AVATAR_BYTES`].
    pub bytes: Vec<u8>,
}

/// The URL an avatar is read from: `thumb`'s path and query on the plex.tv base, when `thumb`
/// is an https `plex.tv` avatar address; `None` for anything else.
pub fn avatar_source(api_url: &Url, thumb: &str) -> Option<Url> {
    let t = Url::parse(thumb).ok()?;
    let avatar = t.scheme() == "https"
        && t.host_str() == Some("plex.tv")
        && t.path().starts_with("/users/")
        && t.path().ends_with("/avatar");
    if !avatar {
        return None;
    }
    let mut u = api_url.clone();
    u.set_path(t.path());
    u.set_query(t.query());
    u.set_fragment(None);
    Some(u)
}

/// Whether a redirect may be followed to `to`: https on `plex.tv` or one of its hosts.
fn may_follow(to: &Url) -> bool {
    to.scheme() == "https"
        && to
            .host_str()
            .is_some_and(|h| h == "plex.tv" || h.ends_with(".plex.tv"))
}

impl PlexClient {
    /// Reads the avatar at `thumb` (see the module). No token is sent: the address is public.
    pub async fn avatar(&self, thumb: &str) -> Result<Avatar, PlexError> {
        let settings = &self.inner.settings;
        let mut url = avatar_source(&settings.api_url, thumb)
            .ok_or_else(|| PlexError::Protocol("not a plex.tv avatar address".into()))?;
        for _ in 0..=MAX_REDIRECTS {
            let resp = self
                .http()?
                .get(url.clone())
                .header(ACCEPT, "image/*")
                .send()
                .await
                .map_err(PlexError::from_reqwest)?;
            let status = resp.status();
            if status.is_redirection() {
                let to = resp
                    .headers()
                    .get(LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|l| url.join(l).ok())
                    .filter(may_follow)
                    .ok_or_else(|| PlexError::Protocol("avatar redirect not followed".into()))?;
                url = to;
                continue;
            }
            if !status.is_success() {
                return Err(super::http::map_status(status.as_u16(), "", "", None));
            }
            let declared = header_str(&resp, CONTENT_TYPE)
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            let content_type = IMAGE_TYPES
                .into_iter()
                .find(|t| *t == declared)
                .ok_or_else(|| PlexError::Protocol("the avatar is not an image".into()))?;
            let bytes = read_capped(resp, MAX_AVATAR_BYTES, || {
                PlexError::Protocol("the avatar is too large".into())
            })
            .await?;
            return Ok(Avatar {
                content_type,
                bytes,
            });
        }
        Err(PlexError::Protocol("too many avatar redirects".into()))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn only_plex_tv_avatar_addresses_are_read_and_from_the_configured_base() {
        let base = Url::parse("http://127.0.0.1:9/").unwrap();
        let u = avatar_source(&base, "https://plex.tv/users/abc123/avatar?c=17").unwrap();
        assert_eq!(u.as_str(), "http://127.0.0.1:9/users/abc123/avatar?c=17");
        for bad in [
            "http://plex.tv/users/abc/avatar",
            "https://evil.example/users/abc/avatar",
            "https://plex.tv.evil.example/users/abc/avatar",
            "https://plex.tv/api/v2/user",
            "not a url",
        ] {
            assert_eq!(avatar_source(&base, bad), None, "{bad}");
        }
        assert!(may_follow(
            &Url::parse("https://assets.plex.tv/a.png").unwrap()
        ));
        assert!(!may_follow(
            &Url::parse("http://assets.plex.tv/a.png").unwrap()
        ));
        assert!(!may_follow(
            &Url::parse("https://gravatar.com/a.png").unwrap()
        ));
        assert!(!may_follow(
            &Url::parse("https://evilplex.tv/a.png").unwrap()
        ));
    }
}
