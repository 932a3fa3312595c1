//! The records plexgate keeps, one type per table. Stored as JSON, so adding an `Option` field (with
//! `#[serde(default)]`) needs no migration; renaming or retyping one does.

use serde::{Deserialize, Serialize};

use crate::clock::UnixTime;

/// An allowlist entry: a Plex account the owner allows, as entered, pinned to the id on first match.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AllowEntry {
    pub id: u64,
    /// Account id, username or email exactly as the owner typed it.
    pub account: String,
    /// Set at the first sign-in that matches.
    #[serde(default)]
    pub plex_id: Option<u64>,
    /// `None`: the default library set.
    #[serde(default)]
    pub libraries: Option<Vec<u64>>,
    #[serde(default)]
    pub access_days: Option<u32>,
    #[serde(default)]
    pub note: String,
    /// Sharing flags for shares made from it.
    #[serde(default)]
    pub sharing: SharingOverrides,
    pub created_at: UnixTime,
}

/// A co-admin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminEntry {
    pub id: u64,
    pub account: String,
    #[serde(default)]
    pub plex_id: Option<u64>,
    pub created_at: UnixTime,
}

/// The sharing flags an invite or allowlist entry sets on the shares made from it; `None` = the
/// owner's setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharingOverrides {
    /// Downloads (`allowSync`).
    #[serde(default)]
    pub allow_downloads: Option<bool>,
    /// Live TV (`allowChannels`).
    #[serde(default)]
    pub allow_live_tv: Option<bool>,
    /// Camera upload (`allowCameraUpload`).
    #[serde(default)]
    pub allow_camera_upload: Option<bool>,
}

/// An invite link; only the SHA-256 hex of its code is kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Invite {
    pub id: u64,
    pub code_hash: String,
    #[serde(default)]
    pub max_uses: Option<u32>,
    #[serde(default)]
    pub uses: u32,
    /// Plex account ids that consumed a use (a second use by the same account consumes nothing).
    #[serde(default)]
    pub used_by: Vec<u64>,
    #[serde(default)]
    pub expires_at: Option<UnixTime>,
    #[serde(default)]
    pub libraries: Option<Vec<u64>>,
    #[serde(default)]
    pub access_days: Option<u32>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub revoked: bool,
    /// Sharing flags for shares made through it.
    #[serde(default)]
    pub sharing: SharingOverrides,
    pub created_at: UnixTime,
}

/// Where a grant stands (SPEC §1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GrantStatus {
    #[default]
    Sharing,
    Pending,
    Accepted,
    Failed,
    Removed,
}

/// What led to a grant; stored as its lowercase name, the strings earlier versions wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GrantSource {
    /// A matching allowlist entry.
    Allowlist,
    /// An invite link.
    Invite,
    /// The open policy.
    Open,
    /// An approved access request.
    Request,
    /// An admin's direct invite (the default of a record literal that names no source).
    #[default]
    Admin,
    /// A share plexgate did not create, found on plex.tv.
    External,
}

impl GrantSource {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Allowlist => "allowlist",
            Self::Invite => "invite",
            Self::Open => "open",
            Self::Request => "request",
            Self::Admin => "admin",
            Self::External => "external",
        }
    }

    /// Whether the grant follows an allowlist entry (an approved request makes one too).
    pub fn from_entry(self) -> bool {
        matches!(self, Self::Allowlist | Self::Request)
    }
}

/// plexgate's intent that a Plex account has a library set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Grant {
    pub plex_id: u64,
    pub username: String,
    #[serde(default)]
    pub email: Option<String>,
    pub libraries: Vec<u64>,
    pub status: GrantStatus,
    /// A share plexgate did not create (never removed unless adopted).
    #[serde(default)]
    pub external: bool,
    #[serde(default)]
    pub share_id: Option<u64>,
    #[serde(default)]
    pub expires_at: Option<UnixTime>,
    /// What led to it.
    pub source: GrantSource,
    #[serde(default)]
    pub invite_id: Option<u64>,
    #[serde(default)]
    pub attempts: u32,
    #[serde(default)]
    pub next_attempt_at: Option<UnixTime>,
    /// A share write for this grant was sent to plex.tv (recorded durably before sending), so an
    /// "already sharing" answer later is plexgate's own share whose answer was lost (a crash,
    /// a timeout), not someone else's.
    #[serde(default)]
    pub share_attempted: bool,
    #[serde(default)]
    pub last_error: Option<String>,
    /// Set while a removal plexgate decided (`remove`, `expired`) has not been confirmed by
    /// plex.tv: the grant is `failed` and the reconciler retries the removal with backoff.
    #[serde(default)]
    pub removal: Option<String>,
    pub created_at: UnixTime,
    pub updated_at: UnixTime,
}

/// Why a sign-in flow was started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowPurpose {
    Join,
    Admin,
    Setup,
}

/// One PIN sign-in in progress, keyed by the SHA-256 hex of its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    pub purpose: FlowPurpose,
    pub pin_id: u64,
    pub pin_code: String,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    #[serde(default)]
    pub invite_code_hash: Option<String>,
    #[serde(default)]
    pub next: Option<String>,
    #[serde(default)]
    pub rd: Option<String>,
    #[serde(default)]
    pub checks: u32,
    #[serde(default)]
    pub last_check_at: Option<UnixTime>,
    #[serde(default)]
    pub used: bool,
}

/// Which cookie a session belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionKind {
    Account,
    Admin,
}

/// A signed-in browser, keyed by the SHA-256 hex of its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub kind: SessionKind,
    pub plex_id: u64,
    pub username: String,
    pub created_at: UnixTime,
    pub last_seen_at: UnixTime,
    pub csrf: String,
}

/// The state of an access request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RequestStatus {
    Open,
    Approved,
    Declined,
}

/// A refused friend's request for access.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessRequest {
    pub id: u64,
    pub plex_id: u64,
    pub username: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub note: String,
    pub created_at: UnixTime,
    pub status: RequestStatus,
    #[serde(default)]
    pub decided_at: Option<UnixTime>,
    #[serde(default)]
    pub decided_by: Option<String>,
}

/// An API key; only the SHA-256 hex of the key is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiKeyRecord {
    pub id: u64,
    pub name: String,
    pub hash: String,
    pub created_at: UnixTime,
    #[serde(default)]
    pub last_used_at: Option<UnixTime>,
}

/// Declares [`EventKind`] from `Variant => "stored_name"` pairs, so each name is written once.
macro_rules! event_kinds {
    ($($(#[$doc:meta])* $v:ident => $name:literal,)*) => {
        /// What an event records: every kind plexgate writes, stored as its snake_case name
        /// (the strings earlier versions wrote). Read back, [`Event::kind`] stays a string, so
        /// an old database's rows read back unchanged.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum EventKind {
            $($(#[$doc])* $v,)*
        }

        impl EventKind {
            /// Every kind, in declaration order.
            pub const ALL: &[EventKind] = &[$(Self::$v,)*];

            /// The stored name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$v => $name,)*
                }
            }

            /// The kind stored as `name`, if plexgate writes one.
            pub fn named(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.as_str() == name)
            }
        }
    };
}

event_kinds! {
    /// A sign-in's decision (its outcome says which).
    Signin => "signin",
    Share => "share",
    /// Plex's invite accepted on the friend's behalf.
    Accept => "accept",
    /// A share made in Plex's UI taken over.
    Adopt => "adopt",
    Request => "request",
    RequestApprove => "request_approve",
    RequestDecline => "request_decline",
    AllowlistAdd => "allowlist_add",
    AllowlistEdit => "allowlist_edit",
    AllowlistRemove => "allowlist_remove",
    InviteCreate => "invite_create",
    InviteRevoke => "invite_revoke",
    UserUpdate => "user_update",
    Remove => "remove",
    /// An ended grant's share removed from plex.tv.
    Expired => "expired",
    GrantFailed => "grant_failed",
    AdminAdd => "admin_add",
    AdminRemove => "admin_remove",
    AdminLink => "admin_link",
    PolicySet => "policy_set",
    LibrariesSet => "libraries_set",
    SettingsSet => "settings_set",
    KeyCreate => "key_create",
    KeyRevoke => "key_revoke",
    SessionsEnded => "sessions_ended",
    /// The admin-managed forward-auth apps replaced through the API.
    SsoApps => "sso_apps",
    Signout => "signout",
    Notify => "notify",
    OwnerToken => "owner_token",
    ShareFamily => "share_family",
    Reconcile => "reconcile",
    ReconcileConfirm => "reconcile_confirm",
    ReconcileDiscard => "reconcile_discard",
    SetupClaim => "setup_claim",
    SetupServer => "setup_server",
    PlexReconnect => "plex_reconnect",
    Backup => "backup",
    Prune => "prune",
    SsoSignin => "sso_signin",
    SsoDenied => "sso_denied",
    SsoLogout => "sso_logout",
    SsoUntrustedPeer => "sso_untrusted_peer",
    OidcSignin => "oidc_signin",
    OidcDenied => "oidc_denied",
    OidcLogout => "oidc_logout",
    OidcTokenReuse => "oidc_token_reuse",
    OidcClientChanged => "oidc_client_changed",
}

impl Serialize for EventKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One line of the audit log. Never holds a token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The sequence number (the table key).
    pub id: u64,
    pub at: UnixTime,
    pub kind: String,
    pub actor: String,
    #[serde(default)]
    pub plex_id: Option<u64>,
    #[serde(default)]
    pub ip: Option<String>,
    pub outcome: String,
    #[serde(default)]
    pub detail: String,
}

/// An event to append; the store assigns its id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewEvent {
    pub at: UnixTime,
    pub kind: EventKind,
    pub actor: String,
    pub plex_id: Option<u64>,
    pub ip: Option<String>,
    pub outcome: String,
    pub detail: String,
}

impl NewEvent {
    /// An event without a client address.
    pub fn new(
        at: UnixTime,
        kind: EventKind,
        actor: &str,
        plex_id: Option<u64>,
        outcome: &str,
        detail: impl Into<String>,
    ) -> Self {
        Self {
            at,
            kind,
            actor: actor.to_owned(),
            plex_id,
            ip: None,
            outcome: outcome.to_owned(),
            detail: detail.into(),
        }
    }
}

/// Narrows an events page; `None` fields match everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    pub plex_id: Option<u64>,
    pub kind: Option<String>,
}

impl EventFilter {
    /// Whether `e` passes the filter.
    pub fn matches(&self, e: &Event) -> bool {
        self.plex_id.is_none_or(|p| e.plex_id == Some(p))
            && self.kind.as_deref().is_none_or(|k| e.kind == k)
    }
}

/// The tables whose ids the store hands out with [`super::WriteTx::next_id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdTable {
    Allowlist,
    Admins,
    Invites,
    Requests,
    ApiKeys,
}
