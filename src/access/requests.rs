//! Access requests (SPEC §2.3 "Ask for access"): one open request per account, tied to the
//! verified account by a one-use token held in memory for 10 minutes.

use std::net::IpAddr;

use super::{Access, AccessError, RequestIdentity, lock};
use crate::crypto::{random_token, sha256_hex};
use crate::plex::PlexUser;
use crate::store::{AccessRequest, IdTable, RequestStatus};

/// How long an "Ask for access" token works.
const REQUEST_TOKEN_SECS: i64 = 10 * 60;
/// Notes longer than this are cut (they are shown to the owner, not a document store).
const MAX_NOTE_CHARS: usize = 1000;

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
        let mut ev = self.event("request", &who.username, Some(who.plex_id), "open", "");
        ev.ip = ip.map(|i| i.to_string());
        let req = self
            .0
            .store
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
}
