//! Access requests (SPEC §2.3 "Ask for access"): one open request per account, tied to the
//! verified account by a one-use token held in memory for 10 minutes; the owner lists them and
//! approves (an allowlist entry pinned to the account, a grant and the share at once) or declines.

use std::net::IpAddr;

use super::signin::retarget;
use super::users::DAY_SECS;
use super::{Access, AccessError, Refusal, RefusalKind, RequestIdentity, lock};
use crate::clock::UnixTime;
use crate::crypto::{random_token, sha256_hex};
use crate::plex::PlexUser;
use crate::store::{
    AccessRequest, AllowEntry, EventKind, Grant, GrantSource, GrantStatus, IdTable, NewEvent,
    RequestStatus, StoreError, WriteTx,
};

/// How long an "Ask for access" token works.
const REQUEST_TOKEN_SECS: i64 = 10 * 60;
/// Notes longer than this are cut (they are shown to the owner, not a document store).
const MAX_NOTE_CHARS: usize = 1000;

/// What the owner grants when approving a request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Approval {
    /// Titles or plex.tv section ids; `None` is the default set.
    pub libraries: Option<Vec<crate::config::LibraryRef>>,
    /// Days of access (1..=3650); `None` is forever.
    pub access_days: Option<u32>,
}

impl Access {
    /// Records a request for the account the token was issued to; the token is used up.
    /// A second request while one is open returns the open one.
    pub async fn request_access(
        &self,
        request_token: &str,
        note: &str,
        ip: Option<IpAddr>,
    ) -> Result<AccessRequest, AccessError> {
        let now = self.now();
        let identity = lock(&self.0.request_tokens).remove(&sha256_hex(request_token));
        let who = match identity {
            Some(i) if i.until > now => i,
            _ => {
                return Err(AccessError::Invalid(
                    "this request form has expired; sign in again to ask for access".to_owned(),
                ));
            }
        };
        let note: String = note.trim().chars().take(MAX_NOTE_CHARS).collect();
        let mut ev = self.event(
            EventKind::Request,
            &who.username,
            Some(who.plex_id),
            "open",
            "",
        );
        ev.ip = ip.map(|i| i.to_string());
        let req = self
            .write(move |tx| {
                if let Some(open) = tx.open_request_for(who.plex_id)? {
                    return Ok(open);
                }
                let req = AccessRequest {
                    id: tx.next_id(IdTable::Requests)?,
                    plex_id: who.plex_id,
                    username: who.username,
                    email: who.email,
                    note,
                    created_at: now,
                    status: RequestStatus::Open,
                    decided_at: None,
                    decided_by: None,
                };
                tx.put_request(&req)?;
                ev.detail = format!("request {}", req.id);
                tx.append_event(ev)?;
                Ok(req)
            })
            .await?;
        // An open request returned again is not news.
        if req.created_at == now {
            self.after_request(req.plex_id, &req.username, &req.note);
        }
        Ok(req)
    }

    /// A new one-use "Ask for access" token for a verified account (kept hashed, in memory).
    pub(crate) fn issue_request_token(&self, user: &PlexUser) -> String {
        let token = random_token(32);
        let identity = RequestIdentity {
            plex_id: user.id,
            username: user.username.clone(),
            email: user.email.clone(),
            until: self.now().saturating_add(REQUEST_TOKEN_SECS),
        };
        lock(&self.0.request_tokens).insert(sha256_hex(&token), identity);
        token
    }

    /// Keeps a refused sign-in for [`REQUEST_TOKEN_SECS`] and returns the random id that finds
    /// it again (kept hashed; the id lives only in the browser's cookie).
    pub fn keep_refusal(&self, user: &PlexUser, kind: RefusalKind, rd: Option<&str>) -> String {
        let id = random_token(32);
        let refusal = Refusal {
            username: user.username.clone(),
            kind,
            rd: rd.map(str::to_owned),
            request_sent: false,
            until: self.now().saturating_add(REQUEST_TOKEN_SECS),
        };
        lock(&self.0.refusals).insert(sha256_hex(&id), refusal);
        id
    }

    /// Notes that "Ask for access" was recorded from the refusal kept under `id`, so "Request
    /// sent" shows again for another [`REQUEST_TOKEN_SECS`]; without a live record (its cookie
    /// lost or too old) a new one is kept for `username`. Returns the id that finds it.
    pub fn keep_request_sent(&self, id: Option<&str>, username: &str) -> String {
        let now = self.now();
        let until = now.saturating_add(REQUEST_TOKEN_SECS);
        let mut refusals = lock(&self.0.refusals);
        if let Some(id) = id
            && let Some(r) = refusals.get_mut(&sha256_hex(id)).filter(|r| r.until > now)
        {
            r.request_sent = true;
            r.until = until;
            return id.to_owned();
        }
        let id = random_token(32);
        let refusal = Refusal {
            username: username.to_owned(),
            kind: RefusalKind::NotAllowed {
                request_token: None,
            },
            rd: None,
            request_sent: true,
            until,
        };
        refusals.insert(sha256_hex(&id), refusal);
        id
    }

    /// The refusal kept under `id`, while it lasts; its request token only while unused.
    pub fn refusal(&self, id: &str) -> Option<Refusal> {
        let now = self.now();
        let mut r = lock(&self.0.refusals)
            .get(&sha256_hex(id))
            .filter(|r| r.until > now)
            .cloned()?;
        if let RefusalKind::NotAllowed { request_token } = &mut r.kind
            && let Some(t) = request_token
            && lock(&self.0.request_tokens)
                .get(&sha256_hex(t))
                .is_none_or(|i| i.until <= now)
        {
            *request_token = None;
        }
        Some(r)
    }

    /// Every access request, newest first.
    pub async fn access_requests(&self) -> Result<Vec<AccessRequest>, AccessError> {
        let mut all = self.read(|tx| tx.list_requests()).await?;
        all.reverse();
        Ok(all)
    }

    /// Approves an open request as an allowlist entry would (SPEC §2.3): an entry pinned to the
    /// account, a grant, and the share at once; the friend accepts from Plex's email or by
    /// signing in again. A request already decided is a `Conflict`.
    pub async fn approve_request(
        &self,
        actor: &str,
        id: u64,
        approval: Approval,
    ) -> Result<AccessRequest, AccessError> {
        let access_days = super::users::check_access_days(approval.access_days)?;
        let owner = self.owner().ok_or(AccessError::NotConfigured)?;
        let libraries = self.library_set(approval.libraries.as_deref()).await?;
        let entry_libraries = approval.libraries.is_some().then(|| libraries.clone());
        let now = self.now();
        let ev = self.event(EventKind::RequestApprove, actor, None, "approved", "");
        let (req, grant) = self
            .write(move |tx| {
                let req = match close_request(tx, id, RequestStatus::Approved, &ev.actor, now)? {
                    Ok(r) => r,
                    Err(e) => return Ok(Err(e)),
                };
                pin_allow_entry(tx, &req, entry_libraries, access_days, now)?;
                let grant = approved_grant(
                    tx.get_grant(req.plex_id)?,
                    &req,
                    libraries,
                    access_days,
                    now,
                );
                tx.put_grant(&grant)?;
                let mut ev = ev;
                ev.plex_id = Some(req.plex_id);
                ev.detail = format!("request {id}: libraries {:?}", grant.libraries);
                tx.append_event(ev)?;
                Ok(Ok((req, grant)))
            })
            .await??;
        if grant.status == GrantStatus::Sharing {
            self.push_share(&owner, &grant, None).await?;
        }
        Ok(req)
    }

    /// Declines an open request; a request already decided is a `Conflict`.
    pub async fn decline_request(
        &self,
        actor: &str,
        id: u64,
    ) -> Result<AccessRequest, AccessError> {
        let now = self.now();
        let ev = self.event(
            EventKind::RequestDecline,
            actor,
            None,
            "declined",
            format!("request {id}"),
        );
        self.write(move |tx| {
            let req = match close_request(tx, id, RequestStatus::Declined, &ev.actor, now)? {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            tx.append_event(NewEvent {
                plex_id: Some(req.plex_id),
                ..ev
            })?;
            Ok(Ok(req))
        })
        .await?
    }
}

/// Records the request `id` decided, if it is still open; else the error to answer.
fn close_request(
    tx: &mut WriteTx,
    id: u64,
    status: RequestStatus,
    actor: &str,
    now: UnixTime,
) -> Result<Result<AccessRequest, AccessError>, StoreError> {
    let req = match tx.get_request(id)? {
        None => return Ok(Err(AccessError::NotFound(format!("request {id}")))),
        Some(r) if r.status != RequestStatus::Open => {
            let decided = format!("{:?}", r.status).to_lowercase();
            return Ok(Err(AccessError::Conflict(format!(
                "request {id} was already {decided}"
            ))));
        }
        Some(r) => r,
    };
    let req = AccessRequest {
        status,
        decided_at: Some(now),
        decided_by: Some(actor.to_owned()),
        ..req
    };
    tx.put_request(&req)?;
    Ok(Ok(req))
}

/// Adds an allowlist entry pinned to the account, unless one already names it.
fn pin_allow_entry(
    tx: &mut WriteTx,
    req: &AccessRequest,
    libraries: Option<Vec<u64>>,
    access_days: Option<u32>,
    now: UnixTime,
) -> Result<(), StoreError> {
    let exists = tx.list_allow()?.iter().any(|e| {
        e.plex_id == Some(req.plex_id) || e.account.trim().eq_ignore_ascii_case(&req.username)
    });
    if exists {
        return Ok(());
    }
    let entry = AllowEntry {
        id: tx.next_id(IdTable::Allowlist)?,
        account: req.username.clone(),
        plex_id: Some(req.plex_id),
        libraries,
        access_days,
        note: format!("approved request {}", req.id),
        created_at: now,
        ..AllowEntry::default()
    };
    tx.put_allow(&entry)
}

/// The grant an approval records: a fresh one, or the live one brought to the approved set (an
/// external grant only gains libraries).
fn approved_grant(
    existing: Option<Grant>,
    req: &AccessRequest,
    libraries: Vec<u64>,
    access_days: Option<u32>,
    now: UnixTime,
) -> Grant {
    let expires_at = access_days.map(|d| now.saturating_add(i64::from(d) * DAY_SECS));
    match existing {
        Some(mut g) if g.status != GrantStatus::Removed => {
            retarget(&mut g, &libraries, now);
            if expires_at.is_some() {
                g.expires_at = expires_at;
                g.external = false;
            }
            g
        }
        _ => Grant {
            plex_id: req.plex_id,
            username: req.username.clone(),
            email: req.email.clone(),
            libraries,
            expires_at,
            source: GrantSource::Request,
            created_at: now,
            updated_at: now,
            ..Grant::default()
        },
    }
}
