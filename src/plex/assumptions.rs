//! Every choice plexgate makes where plex-api.md marks a fact `?` or `~` (unverified), in one place,
//! so a plex.tv change touches this file only. The README's "Plex assumptions" section lists the same choices.

use std::time::Duration;

use url::Url;

use super::types::Invitee;

/// How the sign-in page URL joins its parameters (plex-api.md §1.2: `#?` and `#!?` are both in use).
pub const SIGN_IN_FRAGMENT: &str = "#?";

/// The query parameter name that asks for a long PIN code (the only kind app.plex.tv/auth accepts).
pub const STRONG_PIN_QUERY: (&str, &str) = ("strong", "true");

/// The X-Plex-Platform sent as part of plexgate's identity (shown under Authorized Devices).
pub const PLATFORM: &str = std::env::consts::OS;

/// The X-Plex-Model / X-Plex-Device sent as part of plexgate's identity.
pub const DEVICE: &str = "plexgate";

/// The X-Plex-Language sent as part of plexgate's identity.
pub const LANGUAGE: &str = "en";

/// The X-Plex-Features sent as part of plexgate's identity (the value Plex Web sends; Wizarr found
/// clients.plex.tv share calls answer 400 without the full X-Plex-* set, Features included).
pub const FEATURES: &str = "external-media,indirect-media,hub-style-list";

/// Whether the non-secret X-Plex-* set also goes into the query string of a request to `url`.
///
/// clients.plex.tv answered 400 to Wizarr unless the full set was in the query (§0); plex.tv takes
/// headers. The token is never put in a URL, whatever this returns (whether clients.plex.tv insists on
/// it in the query is `?`).
pub fn identity_in_query(url: &Url, clients_url: &Url) -> bool {
    url.scheme() == clients_url.scheme()
        && url.host_str() == clients_url.host_str()
        && url.port_or_known_default() == clients_url.port_or_known_default()
}

/// Whether v2 share calls (create, update, delete, owner listings, invites, accept) go to
/// clients.plex.tv (what Plex Web and Wizarr use) rather than plex.tv (what go-plex-client uses).
pub const V2_SHARES_ON_CLIENTS_HOST: bool = true;

/// How a share invite names the person (§5.1, §5.2a): by email when the account has one, else by
/// account id. plex.tv accounts always have an email; only managed Home users have none, and those
/// are reached by id (v1 `invited_id`; v2 `invitedId` is `?`).
pub enum InviteTarget<'a> {
    /// v1 `invited_email` / v2 `invitedEmail`.
    Email(&'a str),
    /// v1 `invited_id` / v2 `invitedId`.
    Id(u64),
}

/// Picks the invite target for an invitee (see [`InviteTarget`]).
pub fn invite_target(invitee: &Invitee) -> InviteTarget<'_> {
    let Invitee::Account { id, email, .. } = invitee;
    match email.as_deref().map(str::trim) {
        Some(e) if !e.is_empty() => InviteTarget::Email(e),
        _ => InviteTarget::Id(*id),
    }
}

/// v2 create sends `skipFriendship: true` as Plex Web does, so a share does not also add a friend.
pub const V2_SKIP_FRIENDSHIP: bool = true;

/// v1 update (`PUT …/shared_servers/{id}`) sends only `library_section_ids` (as python-plexapi and
/// Cantinarr do). Only when `allowSync` must change does it also send `sharing_settings`, and then
/// every current setting of that share read back from plex.tv (filters included) with only
/// `allowSync` changed: whether plex.tv resets settings left out is `?` (§12), so none is left out.
/// v2 update always reads the share and sends its current `sharingSettings` back.
pub const UPDATE_WRITES_BACK_CURRENT_SETTINGS: bool = true;

/// After a 429 without a usable `Retry-After`, calls of the same kind wait this long (§9, §12).
pub const RATE_LIMIT_DEFAULT_WAIT: Duration = Duration::from_secs(1);

/// A removal answered 404 (v1 "Not found" or v2 error 1002) counts as "already gone" only when a fresh
/// owner listing shows no share for that account on that server (§12); otherwise it failed.
pub const NOT_FOUND_NEEDS_LISTING_PROOF: bool = true;

/// One "gone" answer (HTML 404, 405, 410) on a v1 share call does not move the install to v2: a second,
/// read-only v1 call (the owner's share listing) must answer "gone" too (§12). While on v2, the
/// access layer probes v1 once per [`V1_PROBE_INTERVAL`] and moves back when it answers.
pub const FAMILY_SWITCH_NEEDS_CONFIRMATION: bool = true;

/// How often a v2 install checks whether the v1 share routes answer again.
pub const V1_PROBE_INTERVAL: Duration = Duration::from_secs(24 * 60 * 60);

/// v2 share and invite answers are read as JSON, or as XML when plex.tv ignores `Accept` (the XML
/// shape is `~`: attributes for scalars, child elements for objects, wrapper elements for lists, as
/// for `/api/v2/user` and pins).
pub const V2_SHARES_ACCEPT_XML: bool = true;

/// A body that marks "already sharing" (a 400 from v1, a 422 from v2). Matched case-insensitively.
pub const ALREADY_SHARING_MARKER: &str = "already shar";

/// A body that marks a bad token on a 422 (python-plexapi maps it to Unauthorized).
pub const INVALID_TOKEN_MARKER: &str = "invalid token";

/// Pending invites are listed with plexgate's own install client id; Wizarr sends the invitee's uuid
/// (`~`: unverified either way).
pub const INVITES_USE_INSTALL_CLIENT_ID: bool = true;

/// The owner's share listing reads v1 `/api/servers/{mid}/shared_servers` (✔ in Tautulli and
/// python-plexapi; "pending" is an empty `acceptedAt`). Only once v1 share routes are gone does it
/// read v2 `owned/accepted` plus `invites/owned/pending` (the latter `~`).
pub const LIST_SHARES_PREFERS_V1: bool = true;

/// Section ids: both v1 `/api/servers/{mid}` and v2 `/api/v2/servers/{mid}` are read on every refresh
/// and joined by global id, because v2 is known to return partial lists (§4).
pub const SECTIONS_READ_BOTH: bool = true;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn clients_host_is_compared_by_origin() {
        let clients = Url::parse("https://clients.plex.tv").unwrap();
        let same = Url::parse("https://clients.plex.tv:443/api/v2/x").unwrap();
        let other = Url::parse("https://plex.tv/api/v2/x").unwrap();
        assert!(identity_in_query(&same, &clients));
        assert!(!identity_in_query(&other, &clients));
    }

    #[test]
    fn managed_users_are_invited_by_id() {
        let kid = Invitee::Account {
            id: 7,
            email: None,
            username: "kid".into(),
        };
        assert!(matches!(invite_target(&kid), InviteTarget::Id(7)));
        let alice = Invitee::Account {
            id: 8,
            email: Some("a@x".into()),
            username: "alice".into(),
        };
        assert!(matches!(invite_target(&alice), InviteTarget::Email("a@x")));
    }
}
