//! Sign-in flows (SPEC §2.2-2.3): a strong PIN at plex.tv, kept server-side and bound to a
//! short-lived flow cookie; checked on return at most `pin_extra_checks` more times.

use std::time::Duration;

use super::{Access, AccessError};
use crate::clock::secs;
use crate::crypto::{random_token, sha256_hex};
use crate::plex::{PinState, PlexError, PlexUser};
use crate::secret::Secret;
use crate::store::{Flow, FlowPurpose};

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

/// What a started flow carries to the decision: the flow as stored (its purpose, the invite
/// code's hash, the validated `next` and forward-auth `rd`).
pub type FlowInfo = Flow;

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
        // Checked before the PIN too, so a flood does not mint PINs at plex.tv.
        if self.read(|tx| tx.count_flows()).await? >= MAX_OPEN_FLOWS {
            return Err(AccessError::Busy);
        }
        let pin = self.0.plex.create_pin().await?;
        let now = self.now();
        let flow_id = random_token(32);
        let flow = Flow {
            purpose,
            pin_id: pin.id,
            pin_code: pin.code.clone(),
            created_at: now,
            expires_at: now.saturating_add(secs(self.0.timing.flow_ttl)),
            invite_code_hash: invite_code.map(|c| sha256_hex(c.trim())),
            next,
            rd,
            checks: 0,
            last_check_at: None,
            used: false,
        };
        let key = sha256_hex(&flow_id);
        let stored = self
            .write(move |tx| {
                if tx.count_flows()? >= MAX_OPEN_FLOWS {
                    return Ok(false);
                }
                tx.put_flow(&key, &flow)?;
                Ok(true)
            })
            .await?;
        if !stored {
            return Err(AccessError::Busy);
        }
        // forwardUrl comes from the configured public URL only, never from request headers.
        let forward = self.0.settings.public_url.join("/auth/plex/callback");
        let sign_in_url = self.0.plex.sign_in_url(&pin.code, &forward);
        Ok(StartedFlow {
            flow_id,
            sign_in_url,
        })
    }

    /// Checks the flow's PIN (spacing checks `pin_check_spacing` apart, at most
    /// `1 + pin_extra_checks` per call), reads the account once a token arrives, and uses the
    /// flow up when a token arrives or the PIN expired. Unknown/used/expired flow → FlowNotFound.
    pub async fn check_flow(&self, flow_id: &str) -> Result<FlowCheck, AccessError> {
        let key = sha256_hex(flow_id);
        let k = key.clone();
        let flow = self.read(move |tx| tx.get_flow(&k)).await?;
        let now = self.now();
        let flow = match flow {
            Some(f) if !f.used && f.expires_at > now => f,
            _ => return Err(AccessError::FlowNotFound),
        };
        let spacing = self.0.timing.pin_check_spacing;
        // Never sooner than `spacing` after the last check, even one made by an earlier request.
        if let Some(last) = flow.last_check_at {
            let since = Duration::from_secs(u64::try_from(now - last).unwrap_or(0));
            if since < spacing {
                tokio::time::sleep(spacing - since).await;
            }
        }
        let tries = 1 + self.0.timing.pin_extra_checks;
        let mut checks = 0;
        let mut state = PinState::Waiting;
        for i in 0..tries {
            if i > 0 {
                tokio::time::sleep(spacing).await;
            }
            checks += 1;
            state = match self.0.plex.check_pin(flow.pin_id).await {
                // Polled too fast: plex.tv still holds the PIN; count it as "not yet".
                Err(PlexError::RateLimited { .. }) => PinState::Waiting,
                other => other?,
            };
            if state != PinState::Waiting {
                break;
            }
        }
        self.finish_check(key, flow, checks, state).await
    }

    async fn finish_check(
        &self,
        key: String,
        flow: Flow,
        checks: u32,
        state: PinState,
    ) -> Result<FlowCheck, AccessError> {
        let now = self.now();
        let used = !matches!(state, PinState::Waiting);
        // The flow is used up in the store before the account is read: a second callback racing
        // this one finds it used and stops.
        let won = self
            .write(move |tx| {
                let Some(mut f) = tx.get_flow(&key)?.filter(|f| !f.used) else {
                    return Ok(false);
                };
                f.checks = f.checks.saturating_add(checks);
                f.last_check_at = Some(now);
                f.used = used;
                tx.put_flow(&key, &f)?;
                Ok(true)
            })
            .await?;
        if !won {
            return Err(AccessError::FlowNotFound);
        }
        match state {
            PinState::Waiting => Ok(FlowCheck::Waiting),
            PinState::Expired => Ok(FlowCheck::Expired),
            PinState::Authorized(token) => {
                let user = self.0.plex.user(&token).await?;
                Ok(FlowCheck::Authorized { user, token, flow })
            }
        }
    }
}
