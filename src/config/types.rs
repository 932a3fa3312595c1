//! Value types of the config: the public URL, library references, the choice enums, and the
//! deserializers for durations, http(s) URLs and CIDR lists.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;
use std::time::Duration;

use ipnet::IpNet;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use url::Url;

/// The external URL friends reach plexgate at; may carry a path prefix (`https://ex.com/plex`).
#[derive(Clone, PartialEq, Eq)]
pub struct PublicUrl(Url);

impl PublicUrl {
    /// Checks and normalises `raw`: http or https, a host, no query, fragment or userinfo;
    /// trailing slashes of the path are dropped so `base()` and `path_prefix()` never end in `/`.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let mut url = Url::parse(raw).map_err(|e| format!("`{raw}` is not a URL: {e}"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!("`{raw}` must start with http:// or https://"));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(format!("`{raw}` has no host"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!("`{raw}` must not contain a user name or password"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "`{raw}` must not contain a query (?) or fragment (#)"
            ));
        }
        let trimmed = url.path().trim_end_matches('/').to_owned();
        url.set_path(if trimmed.is_empty() { "/" } else { &trimmed });
        Ok(Self(url))
    }

    /// The parsed URL.
    pub fn as_url(&self) -> &Url {
        &self.0
    }

    /// Scheme, host, port and prefix without a trailing slash: `https://ex.com/plex`.
    pub fn base(&self) -> &str {
        let s = self.0.as_str();
        // Without query and fragment the serialisation ends with the path; a bare host's path is "/".
        if self.0.path() == "/" {
            s.strip_suffix('/').unwrap_or(s)
        } else {
            s
        }
    }

    /// The path prefix: `""` or `/plex`, never with a trailing slash.
    pub fn path_prefix(&self) -> &str {
        match self.0.path() {
            "/" => "",
            p => p,
        }
    }

    /// Whether the scheme is https (decides `Secure` cookies).
    pub fn is_https(&self) -> bool {
        self.0.scheme() == "https"
    }

    /// The host, without port.
    pub fn host(&self) -> &str {
        self.0.host_str().unwrap_or_default()
    }

    /// `base()` followed by `path`, which starts with `/`: `join("/auth/plex/callback")`.
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.base(), path)
    }

    /// Whether this is still the shipped default `http://localhost:8080`.
    pub fn is_default(&self) -> bool {
        self.0.as_str() == "http://localhost:8080/"
    }
}

impl fmt::Debug for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicUrl({:?})", self.base())
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.base())
    }
}

impl<'de> Deserialize<'de> for PublicUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Self::parse(&raw).map_err(de::Error::custom)
    }
}

/// `log.format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// `access.policy`: who may join (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    /// Allowlist or a valid invite link (default).
    Invite,
    /// Allowlist only.
    Allowlist,
    /// Anyone who signs in.
    Open,
}

impl Policy {
    /// The lowercase word used in config, forms and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invite => "invite",
            Self::Allowlist => "allowlist",
            Self::Open => "open",
        }
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Policy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        [Self::Invite, Self::Allowlist, Self::Open]
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| format!("unknown policy `{s}`, expected invite, allowlist or open"))
    }
}

/// A forward-auth rule (SPEC §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SsoRule {
    /// Only the owner.
    Owner,
    /// Owner and co-admins.
    Admins,
    /// Admins and accounts with an active grant.
    Friends,
    /// Nobody (403).
    Deny,
}

impl SsoRule {
    /// The lowercase word used in config and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Admins => "admins",
            Self::Friends => "friends",
            Self::Deny => "deny",
        }
    }
}

impl fmt::Display for SsoRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A library named by plex.tv section id (a number) or by title (a string).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LibraryRef {
    /// plex.tv section id.
    Id(u64),
    /// Section title.
    Title(String),
}

impl LibraryRef {
    /// Reads one env list item: all digits is an id, anything else a title.
    pub fn from_env_item(item: &str) -> Self {
        match item.parse::<u64>() {
            Ok(id) if item.bytes().all(|b| b.is_ascii_digit()) => Self::Id(id),
            _ => Self::Title(item.to_owned()),
        }
    }
}

impl fmt::Display for LibraryRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Id(id) => write!(f, "{id}"),
            Self::Title(t) => f.write_str(t),
        }
    }
}

impl Serialize for LibraryRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Id(id) => s.serialize_u64(*id),
            Self::Title(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for LibraryRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = LibraryRef;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a library title (string) or plex.tv section id (number)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<LibraryRef, E> {
                Ok(LibraryRef::Id(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<LibraryRef, E> {
                u64::try_from(v)
                    .map(LibraryRef::Id)
                    .map_err(|_| E::custom(format!("section id {v} is negative")))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LibraryRef, E> {
                if v.trim().is_empty() {
                    return Err(E::custom("a library title must not be empty"));
                }
                Ok(LibraryRef::Title(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses a humantime duration (`90s`, `30m`, `12h`, `30d`); zero is refused because every
/// duration here is an interval or a lifetime, and a zero interval would spin.
pub fn parse_duration(raw: &str) -> Result<Duration, String> {
    let d = humantime::parse_duration(raw.trim())
        .map_err(|e| format!("`{raw}` is not a duration like 90s, 30m, 12h or 30d ({e})"))?;
    if d.is_zero() {
        return Err(format!("`{raw}` must be longer than zero"));
    }
    Ok(d)
}

/// Parses an http(s) URL.
pub fn parse_http_url(raw: &str) -> Result<Url, String> {
    let url = Url::parse(raw).map_err(|e| format!("`{raw}` is not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(format!(
            "`{raw}` must be an http:// or https:// URL with a host"
        ));
    }
    Ok(url)
}

/// Parses a CIDR; a bare address means that single host (/32 or /128).
pub fn parse_cidr(raw: &str) -> Result<IpNet, String> {
    let raw = raw.trim();
    if let Ok(net) = raw.parse::<IpNet>() {
        return Ok(net.trunc());
    }
    raw.parse::<IpAddr>()
        .map(IpNet::from)
        .map_err(|_| format!("`{raw}` is not an IP address or CIDR (like 10.0.0.0/8)"))
}

/// serde adapters for fields whose types do not implement `Deserialize` the way we want.
pub mod de_with {
    use super::*;

    /// A humantime duration.
    pub fn duration<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        parse_duration(&String::deserialize(d)?).map_err(de::Error::custom)
    }

    /// An http(s) URL.
    pub fn http_url<'de, D: Deserializer<'de>>(d: D) -> Result<Url, D::Error> {
        parse_http_url(&String::deserialize(d)?).map_err(de::Error::custom)
    }

    /// A list of CIDRs or bare addresses.
    pub fn cidr_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<IpNet>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|s| parse_cidr(s).map_err(de::Error::custom))
            .collect()
    }
}
