//! The decision (SPEC §2.3) as one write transaction: admin, allowlist (pinned to the account
//! id), invite (its use reserved here), policy `open`, an active grant, or a refusal. The grant,
//! the invite use and the event are written together, before any plex.tv write.

use crate::clock::UnixTime;
use crate::config::Policy;
use crate::plex::PlexUser;
use crate::store::{
    AllowEntry, EventKind, FlowPurpose, Grant, GrantSource, GrantStatus, Invite, NewEvent,
    StoreError, WriteTx,
};

use super::{GrantChange, InviteProblem, Role};
use crate::access::DEFAULT_LIBRARIES_KEY;
use crate::access::users::DAY_SECS;

/// Everything the decision reads from outside the store.
#[derive(Debug, Clone)]
pub(super) struct DecideInput {
    pub user: PlexUser,
    pub purpose: FlowPurpose,
    pub invite_hash: Option<String>,
    /// The owner's account id; `None` while the owner is not resolved.
    pub owner_id: Option<u64>,
    pub policy: Policy,
    pub now: UnixTime,
    pub ip: Option<String>,
}

/// What the transaction decided (and recorded).
#[derive(Debug)]
pub(super) enum Decision {
    Admin(Role),
    NotAdmin,
    NotConfigured,
    /// A grant was recorded (new or kept) with what it changed; the share and the accept
    /// follow (a grant already `accepted` and unchanged needs neither).
    Grant(Grant, GrantChange),
    AlreadyIn(Grant),
    InviteRefused(InviteProblem),
    /// `open_request`: the account already has an open request (no new token).
    NotAllowed {
        open_request: bool,
    },
}

/// Why the account may join.
struct Basis {
    libraries: Vec<u64>,
    access_days: Option<u32>,
    source: GrantSource,
    invite: Option<Invite>,
}

impl DecideInput {
    fn event(&self, kind: EventKind, outcome: &str, detail: impl Into<String>) -> NewEvent {
        let (actor, id) = (&self.user.username, Some(self.user.id));
        NewEvent {
            ip: self.ip.clone(),
            ..NewEvent::new(self.now, kind, actor, id, outcome, detail)
        }
    }

    fn record(&self, tx: &mut WriteTx, outcome: &str, detail: &str) -> Result<(), StoreError> {
        let purpose = match self.purpose {
            FlowPurpose::Join => "join",
            FlowPurpose::Admin => "admin",
            FlowPurpose::Setup => "setup",
        };
        let detail = if detail.is_empty() {
            format!("{purpose} sign-in")
        } else {
            format!("{purpose} sign-in: {detail}")
        };
        tx.append_event(self.event(EventKind::Signin, outcome, detail))
            .map(drop)
    }
}

/// Whether an entry typed as `account` (id, username or email) and maybe pinned names `user`.
/// A pinned entry matches only its account id: a username can change hands.
fn names(account: &str, pinned: Option<u64>, user: &PlexUser) -> bool {
    if let Some(id) = pinned {
        return id == user.id;
    }
    let a = account.trim();
    a == user.id.to_string()
        || a.eq_ignore_ascii_case(&user.username)
        || user
            .email
            .as_deref()
            .is_some_and(|e| a.eq_ignore_ascii_case(e))
}

/// The whole decision; every path appends its `signin` event.
pub(super) fn decide(tx: &mut WriteTx, inp: &DecideInput) -> Result<Decision, StoreError> {
    let Some(owner_id) = inp.owner_id else {
        inp.record(tx, "not_configured", "no owner yet")?;
        return Ok(Decision::NotConfigured);
    };
    if inp.user.id == owner_id {
        inp.record(tx, "admin", "owner")?;
        return Ok(Decision::Admin(Role::Owner));
    }
    if co_admin(tx, &inp.user)? {
        inp.record(tx, "admin", "co-admin")?;
        return Ok(Decision::Admin(Role::CoAdmin));
    }
    if inp.purpose != FlowPurpose::Join {
        // Only a join flow can ever lead to a share.
        inp.record(tx, "not_admin", "")?;
        return Ok(Decision::NotAdmin);
    }
    decide_join(tx, inp)
}

/// A co-admin entry for `user` (pinning it to the account id at the first match).
fn co_admin(tx: &mut WriteTx, user: &PlexUser) -> Result<bool, StoreError> {
    let admins = tx.list_admins()?;
    let by_id = admins.iter().find(|a| a.plex_id == Some(user.id));
    let found = by_id.or_else(|| admins.iter().find(|a| names(&a.account, a.plex_id, user)));
    let Some(entry) = found.cloned() else {
        return Ok(false);
    };
    if entry.plex_id.is_none() {
        tx.put_admin(&crate::store::AdminEntry {
            plex_id: Some(user.id),
            ..entry
        })?;
    }
    Ok(true)
}

/// The allowlist entry for `user`, pinned to the account id at the first match.
fn allow_entry(tx: &mut WriteTx, user: &PlexUser) -> Result<Option<AllowEntry>, StoreError> {
    let list = tx.list_allow()?;
    let by_id = list.iter().find(|a| a.plex_id == Some(user.id));
    let found = by_id.or_else(|| list.iter().find(|a| names(&a.account, a.plex_id, user)));
    let Some(mut entry) = found.cloned() else {
        return Ok(None);
    };
    if entry.plex_id.is_none() {
        entry.plex_id = Some(user.id);
        tx.put_allow(&entry)?;
    }
    Ok(Some(entry))
}

/// What is wrong with an invite for `account` at `now`, if anything.
pub(super) fn invite_problem_of(
    invite: &Invite,
    account: Option<u64>,
    now: UnixTime,
) -> Option<InviteProblem> {
    let reused = account.is_some_and(|a| invite.used_by.contains(&a));
    if invite.revoked {
        Some(InviteProblem::Revoked)
    } else if invite.expires_at.is_some_and(|t| t <= now) {
        Some(InviteProblem::Expired)
    } else if !reused && invite.max_uses.is_some_and(|m| invite.uses >= m) {
        Some(InviteProblem::UsedUp)
    } else {
        None
    }
}

fn decide_join(tx: &mut WriteTx, inp: &DecideInput) -> Result<Decision, StoreError> {
    let user = &inp.user;
    let defaults = tx
        .get_setting::<Vec<u64>>(DEFAULT_LIBRARIES_KEY)?
        .unwrap_or_default();
    let mut problem = None;
    let mut basis = match allow_entry(tx, user)? {
        Some(e) => Some(Basis {
            libraries: e.libraries.unwrap_or_else(|| defaults.clone()),
            access_days: e.access_days,
            source: GrantSource::Allowlist,
            invite: None,
        }),
        None => None,
    };
    if basis.is_none()
        && let Some(hash) = &inp.invite_hash
    {
        let found = tx.invite_by_hash(hash)?;
        problem = match &found {
            _ if inp.policy == Policy::Allowlist => Some(InviteProblem::TurnedOff),
            None => Some(InviteProblem::Unknown),
            Some(inv) => invite_problem_of(inv, Some(user.id), inp.now),
        };
        if let (None, Some(inv)) = (problem, found) {
            basis = Some(Basis {
                libraries: inv.libraries.clone().unwrap_or_else(|| defaults.clone()),
                access_days: inv.access_days,
                source: GrantSource::Invite,
                invite: Some(inv),
            });
        }
    }
    if basis.is_none() && inp.policy == Policy::Open {
        basis = Some(Basis {
            libraries: defaults,
            access_days: None,
            source: GrantSource::Open,
            invite: None,
        });
    }
    match basis {
        Some(b) => record_grant(tx, inp, b),
        None => refuse(tx, inp, problem),
    }
}

/// No rule lets the account in: an active grant stands as it is, else the invite's problem, else
/// "not on the list".
fn refuse(
    tx: &mut WriteTx,
    inp: &DecideInput,
    problem: Option<InviteProblem>,
) -> Result<Decision, StoreError> {
    if let Some(g) = tx.get_grant(inp.user.id)?
        && is_active(&g, inp.now)
    {
        inp.record(tx, "already_in", "")?;
        return Ok(Decision::AlreadyIn(g));
    }
    if let Some(p) = problem {
        inp.record(tx, "invite_refused", &format!("{p:?}").to_lowercase())?;
        return Ok(Decision::InviteRefused(p));
    }
    let open_request = tx.open_request_for(inp.user.id)?.is_some();
    inp.record(tx, "not_allowed", "")?;
    Ok(Decision::NotAllowed { open_request })
}

/// Active: `pending` or `accepted` and not expired (external grants included).
pub(crate) fn is_active(g: &Grant, now: UnixTime) -> bool {
    matches!(g.status, GrantStatus::Pending | GrantStatus::Accepted)
        && g.expires_at.is_none_or(|t| t > now)
}

fn record_grant(tx: &mut WriteTx, inp: &DecideInput, b: Basis) -> Result<Decision, StoreError> {
    if b.libraries.is_empty() {
        // Never "share everything" because a list came back empty.
        inp.record(tx, "not_configured", "no library set")?;
        return Ok(Decision::NotConfigured);
    }
    let existing = tx.get_grant(inp.user.id)?;
    let grant = merge_grant(existing.clone(), &b, inp);
    let change = match &existing {
        Some(g) if !matches!(g.status, GrantStatus::Removed | GrantStatus::Failed) => {
            if same_set(&g.libraries, &grant.libraries) {
                GrantChange::AlreadyIn
            } else {
                GrantChange::Changed
            }
        }
        _ => GrantChange::Joined,
    };
    // A returning account consumes nothing more: no new grant is recorded for it.
    if change != GrantChange::AlreadyIn
        && let Some(mut inv) = b.invite.clone()
        && !inv.used_by.contains(&inp.user.id)
    {
        inv.uses = inv.uses.saturating_add(1);
        inv.used_by.push(inp.user.id);
        tx.put_invite(&inv)?;
    }
    tx.put_grant(&grant)?;
    inp.record(tx, change.as_str(), b.source.as_str())?;
    Ok(Decision::Grant(grant, change))
}

/// The grant to record: a fresh one, or the existing one brought up to the decision.
fn merge_grant(existing: Option<Grant>, b: &Basis, inp: &DecideInput) -> Grant {
    let user = &inp.user;
    let now = inp.now;
    match existing {
        Some(mut g) if g.status != GrantStatus::Removed => {
            g.username.clone_from(&user.username);
            g.email.clone_from(&user.email);
            retarget(&mut g, &b.libraries, now);
            g
        }
        _ => Grant {
            plex_id: user.id,
            username: user.username.clone(),
            email: user.email.clone(),
            libraries: b.libraries.clone(),
            expires_at: b
                .access_days
                .map(|d| now.saturating_add(i64::from(d) * DAY_SECS)),
            source: b.source,
            invite_id: b.invite.as_ref().map(|i| i.id),
            created_at: now,
            updated_at: now,
            ..Grant::default()
        },
    }
}

/// Brings a live grant to `libraries`: an external grant only gains libraries, plexgate's own
/// follows the set exactly; a failed grant or a changed set is shared again.
pub(crate) fn retarget(g: &mut Grant, libraries: &[u64], now: UnixTime) {
    let wanted = if g.external {
        union(&g.libraries, libraries)
    } else {
        libraries.to_vec()
    };
    if g.status == GrantStatus::Failed || !same_set(&wanted, &g.libraries) {
        g.status = GrantStatus::Sharing;
        g.attempts = 0;
        g.next_attempt_at = None;
        g.removal = None;
    }
    g.libraries = wanted;
    g.updated_at = now;
}

/// `a` followed by the ids of `b` it lacks.
pub(crate) fn union(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = a.to_vec();
    out.extend(b.iter().filter(|id| !a.contains(id)));
    out
}

/// Whether two id lists hold the same ids (order and repeats aside).
pub(crate) fn same_set(a: &[u64], b: &[u64]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn user() -> PlexUser {
        PlexUser {
            id: 7,
            uuid: "u7".into(),
            username: "alice".into(),
            title: "Alice".into(),
            email: Some("a@x.test".into()),
            restricted: false,
            thumb: None,
            email_confirmed: true,
        }
    }

    fn invite(extra: serde_json::Value) -> Invite {
        let mut v = serde_json::json!({"id": 1, "code_hash": "h", "created_at": 0});
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        serde_json::from_value(v).unwrap()
    }

    fn grant(status: &str, expires_at: Option<i64>) -> Grant {
        serde_json::from_value(serde_json::json!({
            "plex_id": 7, "username": "alice", "libraries": [1], "status": status,
            "expires_at": expires_at, "source": "invite", "created_at": 0, "updated_at": 0,
        }))
        .unwrap()
    }

    #[test]
    fn entries_name_an_account_by_id_username_or_email_and_pins_only_by_id() {
        let u = user();
        assert!(names("7", None, &u));
        assert!(names(" ALICE ", None, &u));
        assert!(names("A@x.TEST", None, &u));
        for other in ["8", "bob", "b@x.test", "alice2"] {
            assert!(!names(other, None, &u), "{other}");
        }
        let no_mail = PlexUser {
            email: None,
            ..u.clone()
        };
        assert!(!names("a@x.test", None, &no_mail));
        assert!(names("whoever", Some(7), &u));
        assert!(!names("alice", Some(8), &u), "a username can change hands");
    }

    #[test]
    fn invite_problems_in_order_revoked_expired_used_up() {
        let now = 1_000;
        let at = |t: i64| invite(serde_json::json!({ "expires_at": t }));
        let full = invite(serde_json::json!({"max_uses": 2, "uses": 2, "used_by": [7, 8]}));
        let one_left = invite(serde_json::json!({"max_uses": 2, "uses": 1, "used_by": [8]}));
        let cases = [
            (invite(serde_json::json!({})), Some(7), None),
            (
                invite(serde_json::json!({"revoked": true, "expires_at": 10})),
                Some(7),
                Some(InviteProblem::Revoked),
            ),
            (at(now), Some(7), Some(InviteProblem::Expired)),
            (at(now + 1), Some(7), None),
            (full.clone(), Some(9), Some(InviteProblem::UsedUp)),
            (full.clone(), None, Some(InviteProblem::UsedUp)),
            // Its own use again.
            (full, Some(7), None),
            (one_left, Some(9), None),
        ];
        for (i, (inv, account, want)) in cases.into_iter().enumerate() {
            assert_eq!(invite_problem_of(&inv, account, now), want, "case {i}");
        }
    }

    #[test]
    fn a_grant_is_active_while_pending_or_accepted_and_unexpired() {
        let now = 1_000;
        assert!(is_active(&grant("accepted", None), now));
        assert!(is_active(&grant("pending", Some(now + 1)), now));
        assert!(!is_active(&grant("accepted", Some(now)), now));
        assert!(!is_active(&grant("accepted", Some(now - 1)), now));
        for s in ["sharing", "failed", "removed"] {
            assert!(!is_active(&grant(s, None), now), "{s}");
        }
    }

    #[test]
    fn library_sets() {
        assert_eq!(union(&[3, 1], &[1, 2, 3, 4]), vec![3, 1, 2, 4]);
        assert_eq!(union(&[], &[5]), vec![5]);
        assert!(same_set(&[1, 2, 2], &[2, 1]));
        assert!(!same_set(&[1, 2], &[1]));
        assert!(!same_set(&[1], &[1, 2]));
        assert!(same_set(&[], &[]));
    }
}
