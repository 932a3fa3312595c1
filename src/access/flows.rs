//! Sign-in flows (SPEC §2.2-2.3): a strong PIN at plex.tv, kept server-side and bound to a
//! short-lived flow cookie; checked on return at most `pin_extra_checks` more times.
//! OWNER: access-core helper.

use super::{Access, AccessError};
use crate::plex::PlexUser;
use crate::secret::Secret;
use crate::store::FlowPurpose;

/// At most this many sign-in flows are open at once (SPEC §4).
pub const MAX_OPEN_FLOWS: u64 = 1000;

/// A started flow: the cookie value (≥ 256 random bits; only its SHA-256 is stored) and where
/// to send the browser.
#[derive(Debug, Clone)]
pub struct StartedFlow {
    /// The flow cookie's value.
    pub flow_id: String,
    /// `{plex.auth_url}#?clientID=…&code=…&forwardUrl={public_url}/auth/plex/callback&…`.
    pub sign_in_url: String,
}

/// What a started flow carries to the decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowInfo {
    /// join, admin or setup.
    pub purpose: FlowPurpose,
    /// SHA-256 of the invite code the friend came with.
    pub invite_code_hash: Option<String>,
    /// A local path to return to (already validated).
    pub next: Option<String>,
    /// A forward-auth return URL (SPEC §8; validated by the web layer).
    pub rd: Option<String>,
}

/// The result of checking a flow's PIN.
#[allow(clippy::large_enum_variant)] // short-lived, one per callback
#[derive(Debug)]
pub enum FlowCheck {
    /// Not approved yet: show "Almost there" (the flow stays usable).
    Waiting,
    /// The PIN expired: the flow is used up.
    Expired,
    /// Approved: the flow is used up; here is who signed in.
    Authorized {
        /// The verified account (`GET /api/v2/user`).
        user: PlexUser,
        /// The friend's token: memory only, never stored.
        token: Secret,
        /// What the flow was for.
        flow: FlowInfo,
    },
}

impl Access {
    /// Creates a PIN and a flow. `invite_code` is the raw code from `/auth/plex?invite=`;
    /// `next` must already be a validated local path. Busy beyond [`MAX_OPEN_FLOWS`].
    pub async fn start_flow(
        &self,
        purpose: FlowPurpose,
        invite_code: Option<&str>,
        next: Option<String>,
        rd: Option<String>,
    ) -> Result<StartedFlow, AccessError> {
        let _ = (purpose, invite_code, next, rd);
        Err(AccessError::NotReady)
    }

    /// Checks the flow's PIN (spacing checks `pin_check_spacing` apart, at most
    /// `1 + pin_extra_checks` per call), reads the account once a token arrives, and uses the
    /// flow up when a token arrives or the PIN expired. Unknown/used/expired flow → FlowNotFound.
    pub async fn check_flow(&self, flow_id: &str) -> Result<FlowCheck, AccessError> {
        let _ = flow_id;
        Err(AccessError::NotReady)
    }
}
