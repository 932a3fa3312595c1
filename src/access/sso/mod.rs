//! Forward-auth rules (SPEC §8) as pure functions: which app a request is for, whether its
//! path is bypassed, whether an account passes the app's rule, the groups it is in, and the
//! identity header values. No HTTP types, no store: the web layer gathers the facts.

mod accounts;
mod matching;
mod rd;

#[cfg(test)]
mod tests;

pub use accounts::{APPS_KEY, PINS_KEY, PROFILE_PREFIX, Profile};
pub use matching::{bypassed, find_app, host_matches, normalize_path, percent_decode};
pub use rd::{MAX_RD_BYTES, rd_target};

use serde::{Deserialize, Serialize};

use crate::config::{LibraryRef, SsoApp, SsoRule};

/// Where an app entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AppSource {
    /// `[[sso.apps]]` in `config.toml`: read-only.
    Config,
    /// The admin Apps page or `PUT /api/v1/apps`.
    Admin,
}

/// One guarded app with its origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppEntry {
    /// The entry as configured.
    pub app: SsoApp,
    /// Config or admin.
    pub source: AppSource,
}

impl AppEntry {
    /// The name shown to people: the configured name, else the host.
    pub fn display_name(&self) -> &str {
        crate::access::name_or(self.app.name.as_deref(), &self.app.host)
    }
}

/// What plexgate knows about an account at check time (gathered from memory and the store).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Who {
    /// plex.tv account id.
    pub plex_id: u64,
    pub username: String,
    /// Email, if known.
    pub email: Option<String>,
    /// The owner of the server.
    pub owner: bool,
    /// A co-admin (pinned to this id).
    pub co_admin: bool,
    /// Library ids of an active grant (§1); `None` without one.
    pub active_grant: Option<Vec<u64>>,
}

impl Who {
    /// Owner or co-admin.
    pub fn admin(&self) -> bool {
        self.owner || self.co_admin
    }

    /// The `Remote-Groups` value (SPEC §8).
    pub fn groups(&self) -> &'static str {
        if self.owner {
            "plexgate-owner,plexgate-admins,plexgate-friends"
        } else if self.co_admin {
            "plexgate-admins,plexgate-friends"
        } else if self.active_grant.is_some() {
            "plexgate-friends"
        } else {
            ""
        }
    }
}

/// Whether an entry in `users` (typed as id, username or email; maybe pinned) names `who`.
/// A pinned entry matches only its id: usernames change hands.
pub fn user_entry_names(entry: &str, pinned: Option<u64>, who: &Who) -> bool {
    if let Some(id) = pinned {
        return id == who.plex_id;
    }
    let e = entry.trim();
    !e.is_empty()
        && (e == who.plex_id.to_string()
            || e.eq_ignore_ascii_case(&who.username)
            || who
                .email
                .as_deref()
                .is_some_and(|m| e.eq_ignore_ascii_case(m)))
}

/// Whether `who` passes `rule` with the app's `users` and `libraries` (the latter resolved to
/// section ids by `title_id`; an unknown title matches nothing, failing closed).
pub fn passes(
    rule: SsoRule,
    users: &[String],
    libraries: &[LibraryRef],
    who: &Who,
    pin_of: &dyn Fn(&str) -> Option<u64>,
    title_id: &dyn Fn(&str) -> Option<u64>,
) -> bool {
    if rule == SsoRule::Deny {
        return false;
    }
    if users.iter().any(|u| user_entry_names(u, pin_of(u), who)) {
        return true;
    }
    match rule {
        SsoRule::Deny => false,
        SsoRule::Owner => who.owner,
        SsoRule::Admins => who.admin(),
        SsoRule::Friends if who.admin() => true,
        SsoRule::Friends => match &who.active_grant {
            None => false,
            Some(_) if libraries.is_empty() => true,
            Some(held) => libraries.iter().any(|l| {
                let id = match l {
                    LibraryRef::Id(id) => Some(*id),
                    LibraryRef::Title(t) => title_id(t),
                };
                id.is_some_and(|id| held.contains(&id))
            }),
        },
    }
}

/// An identity header value: ASCII, control characters removed, anything else
/// percent-encoded as UTF-8 (SPEC §8).
pub fn header_value(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_control() {
            continue;
        }
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}
