//! Tables of who may get in and who may manage: allowlist, co-admins, invites (with their code
//! index), access requests and API keys, plus the id counters they share.

use std::ops::Bound;

use super::error::StoreError;
use super::model::{
    AccessRequest, AdminEntry, AllowEntry, ApiKeyRecord, IdTable, Invite, RequestStatus,
};
use super::schema::{
    ADMINS, ALLOWLIST, API_KEYS, EVENTS, INVITE_CODES, INVITES, META, REQUESTS, U64Table,
};
use super::tx::{ReadTx, WriteTx, decode};

type Result<T> = std::result::Result<T, StoreError>;

fn id_table(t: IdTable) -> (U64Table, &'static str) {
    match t {
        IdTable::Allowlist => (ALLOWLIST, "next_id.allowlist"),
        IdTable::Admins => (ADMINS, "next_id.admins"),
        IdTable::Invites => (INVITES, "next_id.invites"),
        IdTable::Requests => (REQUESTS, "next_id.requests"),
        IdTable::ApiKeys => (API_KEYS, "next_id.api_keys"),
    }
}

impl WriteTx {
    /// A fresh id for `table`. Ids are never reused, even after the newest row is deleted, so an
    /// old reference (a grant's `invite_id`, an event) never points at a different record.
    pub fn next_id(&mut self, table: IdTable) -> Result<u64> {
        let (def, counter) = id_table(table);
        self.bump_counter(def, counter)
    }

    /// Next value of the `meta` counter `counter`, never below the table's highest key + 1.
    pub(crate) fn bump_counter(&mut self, def: U64Table, counter: &str) -> Result<u64> {
        let last: u64 = self.get(META, counter)?.unwrap_or(0);
        let last = last.max(self.last_key(def)?.unwrap_or(0));
        let next = last.saturating_add(1);
        self.put(META, counter, &next)?;
        Ok(next)
    }
}

impl ReadTx {
    /// One allowlist entry.
    pub fn get_allow(&self, id: u64) -> Result<Option<AllowEntry>> {
        self.get(ALLOWLIST, id)
    }

    /// The whole allowlist, oldest first.
    pub fn list_allow(&self) -> Result<Vec<AllowEntry>> {
        self.all_u64(ALLOWLIST)
    }

    /// One co-admin.
    pub fn get_admin(&self, id: u64) -> Result<Option<AdminEntry>> {
        self.get(ADMINS, id)
    }

    /// Every co-admin, oldest first.
    pub fn list_admins(&self) -> Result<Vec<AdminEntry>> {
        self.all_u64(ADMINS)
    }

    /// One invite by id.
    pub fn get_invite(&self, id: u64) -> Result<Option<Invite>> {
        self.get(INVITES, id)
    }

    /// The invite whose code hashes to `code_hash` (SHA-256 hex; see `crypto::sha256_hex`).
    pub fn invite_by_hash(&self, code_hash: &str) -> Result<Option<Invite>> {
        match self.get::<_, u64>(INVITE_CODES, code_hash)? {
            Some(id) => self.get_invite(id),
            None => Ok(None),
        }
    }

    /// Every invite, oldest first.
    pub fn list_invites(&self) -> Result<Vec<Invite>> {
        self.all_u64(INVITES)
    }

    /// One access request.
    pub fn get_request(&self, id: u64) -> Result<Option<AccessRequest>> {
        self.get(REQUESTS, id)
    }

    /// Every access request, oldest first.
    pub fn list_requests(&self) -> Result<Vec<AccessRequest>> {
        self.all_u64(REQUESTS)
    }

    /// The newest still-open request of an account.
    pub fn open_request_for(&self, plex_id: u64) -> Result<Option<AccessRequest>> {
        let mut found = None;
        let all = (Bound::Unbounded, Bound::Unbounded);
        self.scan_u64(REQUESTS, all, true, &mut |_, v| {
            let r: AccessRequest = decode("requests", v)?;
            if r.plex_id == plex_id && r.status == RequestStatus::Open {
                found = Some(r);
                return Ok(false);
            }
            Ok(true)
        })?;
        Ok(found)
    }

    /// One API key record.
    pub fn get_api_key(&self, id: u64) -> Result<Option<ApiKeyRecord>> {
        self.get(API_KEYS, id)
    }

    /// Every API key record, oldest first.
    pub fn list_api_keys(&self) -> Result<Vec<ApiKeyRecord>> {
        self.all_u64(API_KEYS)
    }

    /// The API key whose SHA-256 hex is `hash`. A scan: an install has a handful of keys.
    pub fn api_key_by_hash(&self, hash: &str) -> Result<Option<ApiKeyRecord>> {
        Ok(self
            .list_api_keys()?
            .into_iter()
            .find(|k| crate::crypto::ct_eq(k.hash.as_bytes(), hash.as_bytes())))
    }
}

impl WriteTx {
    /// Inserts or replaces an allowlist entry (by `entry.id`).
    pub fn put_allow(&mut self, entry: &AllowEntry) -> Result<()> {
        self.put(ALLOWLIST, entry.id, entry)
    }

    /// Deletes an allowlist entry; says whether it existed.
    pub fn delete_allow(&mut self, id: u64) -> Result<bool> {
        self.del(ALLOWLIST, id)
    }

    /// Inserts or replaces a co-admin.
    pub fn put_admin(&mut self, entry: &AdminEntry) -> Result<()> {
        self.put(ADMINS, entry.id, entry)
    }

    /// Deletes a co-admin; says whether it existed.
    pub fn delete_admin(&mut self, id: u64) -> Result<bool> {
        self.del(ADMINS, id)
    }

    /// Inserts or replaces an invite and keeps the code index in step. Two invites can never share
    /// a code hash: that is a [`StoreError::Conflict`].
    pub fn put_invite(&mut self, invite: &Invite) -> Result<()> {
        if let Some(owner) = self.get::<_, u64>(INVITE_CODES, &invite.code_hash)?
            && owner != invite.id
        {
            return Err(StoreError::Conflict(format!(
                "invite code already belongs to invite {owner}"
            )));
        }
        if let Some(old) = self.get_invite(invite.id)?
            && old.code_hash != invite.code_hash
        {
            self.del(INVITE_CODES, &old.code_hash)?;
        }
        self.put(INVITE_CODES, &invite.code_hash, &invite.id)?;
        self.put(INVITES, invite.id, invite)
    }

    /// Deletes an invite and its code index entry; says whether it existed.
    pub fn delete_invite(&mut self, id: u64) -> Result<bool> {
        match self.get_invite(id)? {
            Some(old) => {
                self.del(INVITE_CODES, &old.code_hash)?;
                self.del(INVITES, id)
            }
            None => Ok(false),
        }
    }

    /// Inserts or replaces an access request.
    pub fn put_request(&mut self, request: &AccessRequest) -> Result<()> {
        self.put(REQUESTS, request.id, request)
    }

    /// Deletes an access request; says whether it existed.
    pub fn delete_request(&mut self, id: u64) -> Result<bool> {
        self.del(REQUESTS, id)
    }

    /// Inserts or replaces an API key record.
    pub fn put_api_key(&mut self, key: &ApiKeyRecord) -> Result<()> {
        self.put(API_KEYS, key.id, key)
    }

    /// Deletes an API key; says whether it existed.
    pub fn delete_api_key(&mut self, id: u64) -> Result<bool> {
        self.del(API_KEYS, id)
    }

    /// Sequence number for the next event (never reused, even after pruning everything).
    pub(crate) fn next_event_seq(&mut self) -> Result<u64> {
        self.bump_counter(EVENTS, "next_id.events")
    }
}
