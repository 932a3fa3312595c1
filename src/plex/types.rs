//! The typed values the adapter hands out: PINs, accounts, servers, sections, shares, invites.

use crate::secret::Secret;

/// A PIN just created at plex.tv (§1.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// The PIN id, kept server-side and checked later.
    pub id: u64,
    /// The long ("strong") code that goes into the sign-in URL.
    pub code: String,
    /// Seconds until plex.tv forgets the PIN, when it said.
    pub expires_in: Option<u64>,
}

/// What a PIN check found (§1.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinState {
    /// Not approved yet.
    Waiting,
    /// Approved: the account's token.
    Authorized(Secret),
    /// Expired or unknown (plex.tv answered 404).
    Expired,
}

/// The signed-in account (§2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlexUser {
    /// The account id used as `userID` / `invitedId` everywhere.
    pub id: u64,
    pub uuid: String,
    pub username: String,
    pub title: String,
    /// The email; managed Home users have none.
    pub email: Option<String>,
    /// True for a managed Home user.
    pub restricted: bool,
    pub thumb: Option<String>,
    /// plex.tv says the email is confirmed (v2 `confirmed`; unknown counts as not).
    pub email_confirmed: bool,
}

/// One resource of the account (§3); a shareable server is `owned && is_server`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlexServer {
    pub name: String,
    /// `clientIdentifier`, the server's machineIdentifier.
    pub machine_id: String,
    /// The account owns it.
    pub owned: bool,
    /// `provides` contains "server".
    pub is_server: bool,
}

impl PlexServer {
    /// True for a server this account can share (`owned && provides ∋ server`).
    pub fn is_shareable(&self) -> bool {
        self.owned && self.is_server
    }
}

/// One library section (§4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The plex.tv global section id: what every share call takes.
    pub id: u64,
    /// The server-local key ("1", "2"…); never sent to share calls.
    pub key: String,
    pub title: String,
    /// movie, show, artist, photo…
    pub kind: String,
}

/// The server's sections with whatever looked wrong while reading them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sections {
    /// The union of what v1 and v2 listed, by global id.
    pub sections: Vec<Section>,
    /// For the owner, e.g. "v2 listed fewer sections than v1"; never a reason to clear a saved set.
    pub warnings: Vec<String>,
}

/// Whom a share is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invitee {
    /// A plex.tv account as `/api/v2/user` described it. With no email (a managed Home user) the
    /// share is made by account id.
    Account {
        /// The account id; the created share must carry it.
        id: u64,
        /// The email, if any.
        email: Option<String>,
        /// The username.
        username: String,
    },
}

impl Invitee {
    /// The account id.
    pub fn id(&self) -> u64 {
        let Self::Account { id, .. } = self;
        *id
    }
}

/// One share of the owner's server with one account (§5, §7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// The shared_server id that update, delete and accept take.
    pub share_id: u64,
    /// The account id of the person it is shared with.
    pub user_id: u64,
    /// Their username (may be empty when plex.tv omits it).
    pub username: String,
    /// Their email, if plex.tv showed it.
    pub email: Option<String>,
    /// Global section ids shared.
    pub section_ids: Vec<u64>,
    pub accepted: bool,
    /// Downloads ("sync") allowed.
    pub allow_sync: bool,
}

/// The owner's shares of one server, with the entries that could not be read (§12: a listing
/// may hold odd entries; each is skipped with a warning naming the field, never failing the list).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShareList {
    /// Every share that could be read.
    pub shares: Vec<Share>,
    /// One line per skipped entry, naming the field that could not be read.
    pub skipped: Vec<String>,
}

/// The sharing flags plexgate sets on a new share (§5.1, §12; Wizarr sets all three).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SharingFlags {
    /// Downloads (`allowSync`).
    pub allow_sync: bool,
    /// Live TV (`allowChannels`).
    pub allow_channels: bool,
    /// Camera upload (`allowCameraUpload`).
    pub allow_camera_upload: bool,
}

/// What a confirmed removal found (§7, §12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    /// plex.tv answered 2xx to the DELETE.
    Removed,
    /// plex.tv answered "not found" and a fresh listing shows no share for that account on that
    /// server: it was already gone.
    AlreadyGone,
}

/// An invite waiting for the invitee (§6.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingInvite {
    /// The inviting owner's username (v2 gives no email).
    pub owner_username: String,
    /// (share id, machineIdentifier when plex.tv gave it).
    pub shares: Vec<(u64, Option<String>)>,
}

/// What `accept_invite` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptOutcome {
    /// The invite for this server was accepted.
    Accepted,
    /// No invite for this server is pending (already accepted, or not visible yet).
    NothingPending,
    /// Several invites could be ours and none names the server: nothing was accepted.
    Ambiguous,
}

/// Which family of share endpoints works for this install (§5.2a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShareFamily {
    /// v1 `/api/servers/{mid}/shared_servers` (the default, ✔).
    #[default]
    V1,
    /// v2 `/api/v2/shared_servers`, used once v1 answered "gone".
    V2,
}
