//! The decision after a verified sign-in (SPEC §2.3) and the grant it leads to: one write
//! transaction records the decision, the invite use, the grant and the event before any
//! plex.tv write; then the share and the accept (plex-api.md §5.2a, §6.2).

mod accept;
mod decide;
mod welcome;

pub use welcome::WelcomeInfo;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use super::flows::FlowInfo;
use super::{Access, AccessError, GrantView, Owner};
use crate::config::Policy;
use crate::crypto::sha256_hex;
use crate::plex::PlexUser;
use crate::secret::Secret;
use crate::store::{Grant, GrantStatus, Invite};
pub(crate) use accept::AcceptTry;
use decide::{DecideInput, Decision, decide, invite_problem_of};

pub(crate) use decide::{is_active, retarget, same_set, union};

/// "Try again in a minute" (`Retry-After: 60`).
const UNAVAILABLE: SignInOutcome = SignInOutcome::Unavailable {
    retry_after: Duration::from_secs(60),
};
/// How long a page waits for the section titles (cached after owner resolution).
const VIEW_SECTIONS_WAIT: Duration = Duration::from_secs(2);

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

/// What an allowed sign-in did to the account's grant: the `signin` event's outcome, and
/// whether it is announced as a join.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantChange {
    /// A first grant, or one that was removed or failed before: a join.
    Joined,
    /// The grant's library set changed.
    Changed,
    /// The grant already matched the decision: nothing new (no join, no share write).
    AlreadyIn,
}

impl GrantChange {
    /// The `signin` event's outcome.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Joined => "joined",
            Self::Changed => "changed",
            Self::AlreadyIn => "already_in",
        }
    }
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
    /// The share is made and accepted, new or changed by this sign-in: "You're in".
    Joined {
        /// Who.
        user: PlexUser,
        /// What they have.
        grant: GrantView,
        /// A first grant or a change of libraries.
        change: GrantChange,
    },
    /// Recorded or shared but not accepted yet (plex.tv failed part-way, or the invite is not
    /// visible yet); the reconciler or the next sign-in finishes it: an honest "access is being
    /// set up, you will get an email from Plex" page with status 200.
    SettingUp {
        /// Who.
        user: PlexUser,
        /// What they will have.
        grant: GrantView,
        /// What this sign-in changed.
        change: GrantChange,
    },
    /// Already has an accepted grant that this sign-in left as it was (a returning friend, or
    /// an active grant such as an external one while not on the list): nothing written.
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
    /// [`Access::sign_in`] before its outcome is counted and announced.
    pub(super) async fn decide_and_grant(
        &self,
        user: PlexUser,
        token: Secret,
        flow: &FlowInfo,
        ip: Option<IpAddr>,
        deadline: Duration,
    ) -> Result<SignInOutcome, AccessError> {
        let started = tokio::time::Instant::now();
        let owner = self.owner();
        let ip = ip.map(|i| i.to_string());
        let input = DecideInput {
            user: user.clone(),
            purpose: flow.purpose,
            invite_hash: flow.invite_code_hash.clone(),
            owner_id: owner.as_ref().map(|o| o.plex_id),
            policy: self.effective_policy(),
            now: self.now(),
            ip: ip.clone(),
        };
        let decision = match self.0.store.write(move |tx| decide(tx, &input)).await {
            Ok(d) => d,
            Err(e) => {
                tracing::warn!(error = %e, "recording a sign-in decision failed");
                self.sign_out_later(token);
                return Ok(UNAVAILABLE);
            }
        };
        let outcome = match decision {
            Decision::Admin(role) => return Ok(SignInOutcome::Admin { user, role }),
            Decision::Grant(grant, change) => {
                let remaining = deadline.saturating_sub(started.elapsed());
                return self
                    .carry_out(owner, user, (grant, change), token, ip, remaining)
                    .await;
            }
            Decision::NotAdmin => SignInOutcome::NotAdmin { user },
            Decision::NotConfigured => SignInOutcome::NotConfigured { user },
            Decision::AlreadyIn(g) => self.grant_outcome(user, &g, GrantChange::AlreadyIn).await,
            Decision::InviteRefused(problem) => SignInOutcome::InviteRefused { user, problem },
            Decision::NotAllowed { open_request } => SignInOutcome::NotAllowed {
                request_token: (!open_request).then(|| self.issue_request_token(&user)),
                user,
            },
        };
        self.sign_out_later(token);
        Ok(outcome)
    }

    /// Runs the share and the accept in a task of their own, so the answer respects the
    /// deadline while the work goes on; what is recorded by then decides the page.
    async fn carry_out(
        &self,
        owner: Option<Arc<Owner>>,
        user: PlexUser,
        (grant, change): (Grant, GrantChange),
        token: Secret,
        ip: Option<String>,
        remaining: Duration,
    ) -> Result<SignInOutcome, AccessError> {
        let Some(owner) = owner else {
            return Ok(SignInOutcome::NotConfigured { user });
        };
        let this = self.clone();
        let plex_id = grant.plex_id;
        let task =
            tokio::spawn(async move { this.share_and_accept(&owner, grant, token, ip).await });
        let finished = match tokio::time::timeout(remaining, task).await {
            Ok(Ok(g)) => Some(g),
            Ok(Err(e)) => {
                tracing::warn!(plex_id, error = %e, "the grant task failed");
                None
            }
            Err(_) => {
                tracing::info!(
                    plex_id,
                    "sign-in deadline passed; the grant finishes in the background"
                );
                None
            }
        };
        let grant = match finished {
            Some(g) => g,
            None => match self.0.store.read(move |tx| tx.get_grant(plex_id)).await {
                Ok(Some(g)) => g,
                _ => return Ok(UNAVAILABLE),
            },
        };
        Ok(self.grant_outcome(user, &grant, change).await)
    }

    /// The outcome for a recorded grant: only an accepted share is "You're in" (SPEC §2.3).
    async fn grant_outcome(&self, user: PlexUser, g: &Grant, change: GrantChange) -> SignInOutcome {
        let grant = self.view(g).await;
        match (g.status, change) {
            (GrantStatus::Accepted, GrantChange::AlreadyIn) => {
                SignInOutcome::AlreadyIn { user, grant }
            }
            (GrantStatus::Accepted, _) => SignInOutcome::Joined {
                user,
                grant,
                change,
            },
            _ => SignInOutcome::SettingUp {
                user,
                grant,
                change,
            },
        }
    }

    /// Share (if still `sharing`), then accept (if `pending`); the token is then signed out, or
    /// held in memory when the reconciler may still need it.
    async fn share_and_accept(
        &self,
        owner: &Owner,
        mut grant: Grant,
        token: Secret,
        ip: Option<String>,
    ) -> Grant {
        if grant.status == GrantStatus::Sharing {
            match self.push_share(owner, &grant, ip.clone()).await {
                Ok(g) => grant = g,
                Err(e) => tracing::warn!(plex_id = grant.plex_id, error = %e, "recording a share"),
            }
        }
        let keep = match grant.status {
            GrantStatus::Sharing => true,
            GrantStatus::Pending => {
                let listings = 1 + self.0.timing.invite_listing_attempts;
                match self
                    .try_accept(owner, grant.plex_id, &token, listings, ip)
                    .await
                {
                    AcceptTry::Accepted => {
                        grant.status = GrantStatus::Accepted;
                        false
                    }
                    AcceptTry::NotYet => true,
                    AcceptTry::GiveUp => false,
                }
            }
            _ => false,
        };
        if keep {
            self.hold_token(grant.plex_id, token);
        } else {
            self.sign_out_later(token);
        }
        grant
    }

    /// The friend-facing view of a grant: library titles from the cached sections.
    pub(crate) async fn view(&self, g: &Grant) -> GrantView {
        let server_name = self
            .owner()
            .map(|o| o.server_name.clone())
            .unwrap_or_default();
        let sections = match tokio::time::timeout(VIEW_SECTIONS_WAIT, self.sections()).await {
            Ok(Ok(s)) => s.sections,
            _ => Vec::new(),
        };
        let libraries = g
            .libraries
            .iter()
            .map(|id| {
                sections
                    .iter()
                    .find(|s| s.id == *id)
                    .map_or_else(|| id.to_string(), |s| s.title.clone())
            })
            .collect();
        GrantView {
            server_name,
            libraries,
            expires_at: g.expires_at,
            status: g.status,
        }
    }

    /// The friend-facing view of an account's grant (for `/me`), if any.
    pub async fn grant_view(&self, plex_id: u64) -> Result<Option<GrantView>, AccessError> {
        let grant = self.read(move |tx| tx.get_grant(plex_id)).await?;
        Ok(match grant {
            Some(g) => Some(self.view(&g).await),
            None => None,
        })
    }

    /// The state of an invite code before any sign-in (for `/i/{code}`).
    pub async fn invite_problem(&self, code: &str) -> Result<Option<InviteProblem>, AccessError> {
        if self.effective_policy() == Policy::Allowlist {
            return Ok(Some(InviteProblem::TurnedOff));
        }
        Ok(match self.invite_by_code(code).await? {
            None => Some(InviteProblem::Unknown),
            Some(inv) => invite_problem_of(&inv, None, self.now()),
        })
    }

    /// Whether the invite link `code` was used by `plex_id` (a friend opening their own used
    /// link again is shown their access, not "used up").
    pub async fn invite_used_by(&self, code: &str, plex_id: u64) -> Result<bool, AccessError> {
        let invite = self.invite_by_code(code).await?;
        Ok(invite.is_some_and(|inv| inv.used_by.contains(&plex_id)))
    }

    async fn invite_by_code(&self, code: &str) -> Result<Option<Invite>, AccessError> {
        let hash = sha256_hex(code.trim());
        Ok(self.0.store.invite_by_hash(&hash).await?)
    }
}
