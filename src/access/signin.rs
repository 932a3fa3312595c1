//! The decision after a verified sign-in (SPEC §2.3) and the grant it leads to: one write
//! transaction records the decision, the invite use, the grant and the event before any
//! plex.tv write; then the share and the accept (plex-api.md §5.2a, §6.2).
//! OWNER: access-core helper.

use std::net::IpAddr;
use std::time::Duration;

use super::flows::FlowInfo;
use super::{Access, AccessError, GrantView};
use crate::plex::PlexUser;
use crate::secret::Secret;

/// An admin's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The owner.
    Owner,
    /// A co-admin.
    CoAdmin,
}

/// Why an invite link could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteProblem {
    /// No such code.
    Unknown,
    /// Past its expiry.
    Expired,
    /// No uses left.
    UsedUp,
    /// Revoked by the owner.
    Revoked,
    /// The policy is `allowlist`: invite links are turned off.
    TurnedOff,
}

/// What the sign-in led to; the web layer turns it into sessions and a page.
#[derive(Debug)]
pub enum SignInOutcome {
    /// Owner or co-admin: an admin session (and an account session).
    Admin {
        /// Who.
        user: PlexUser,
        /// Which role.
        role: Role,
    },
    /// A share exists and was accepted (or is pending acceptance): "You're in".
    Joined {
        /// Who.
        user: PlexUser,
        /// What they have.
        grant: GrantView,
    },
    /// Recorded, but plex.tv failed part-way; the reconciler finishes it: an honest
    /// "access is being set up, you will get an email from Plex" page with status 200.
    SettingUp {
        /// Who.
        user: PlexUser,
        /// What they will have.
        grant: GrantView,
    },
    /// Already has an active grant (e.g. external) and is not on the list: "You're in", nothing changed.
    AlreadyIn {
        /// Who.
        user: PlexUser,
        /// What they have.
        grant: GrantView,
    },
    /// Not allowed: nothing shared. `request_token` is the one-use "Ask for access" token (10 min).
    NotAllowed {
        /// Who (named on the page).
        user: PlexUser,
        /// For the request form; `None` when an open request already exists.
        request_token: Option<String>,
    },
    /// An `admin`/`setup` flow by someone who is not an admin: a polite 403, never a share.
    NotAdmin {
        /// Who.
        user: PlexUser,
    },
    /// The invite link cannot be used (and nothing else allows the account).
    InviteRefused {
        /// Who.
        user: PlexUser,
        /// Why.
        problem: InviteProblem,
    },
    /// The owner's setup is incomplete (no owner/server, or an empty library set): a
    /// configuration error shown to the owner, never "share everything".
    NotConfigured {
        /// Who.
        user: PlexUser,
    },
    /// Nothing could be recorded: "try again in a minute", 503 with `Retry-After`.
    Unavailable {
        /// Suggested wait.
        retry_after: Duration,
    },
}

impl Access {
    /// Decides and grants for a verified account, within `deadline` (the page must answer in
    /// time; whatever is recorded is finished by the reconciler). `token` is the friend's
    /// token: used for the accept, held in memory for retries, then signed out; never stored.
    pub async fn sign_in(
        &self,
        user: PlexUser,
        token: Secret,
        flow: &FlowInfo,
        ip: Option<IpAddr>,
        deadline: Duration,
    ) -> Result<SignInOutcome, AccessError> {
        let _ = (user, token, flow, ip, deadline);
        Err(AccessError::NotReady)
    }

    /// The friend-facing view of an account's grant (for `/me`), if any.
    pub async fn grant_view(&self, plex_id: u64) -> Result<Option<GrantView>, AccessError> {
        let _ = plex_id;
        Err(AccessError::NotReady)
    }

    /// The state of an invite code before any sign-in (for `/i/{code}`).
    pub async fn invite_problem(&self, code: &str) -> Result<Option<InviteProblem>, AccessError> {
        let _ = code;
        Err(AccessError::NotReady)
    }
}
