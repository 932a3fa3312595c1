//! Invite links looked up by code (`GET /i/{code}`, every sign-in with an invite) are answered
//! from memory while nothing was written since they were read (issue 23): every committed write
//! moves the store's generation on, and an entry read at an older generation is read again. A
//! revoked, used-up or changed invite is therefore seen by the very next request, as from the
//! database.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::Ordering;

use super::{Invite, Store, StoreError};
use crate::sync::lock;

/// More entries than this and the cache starts over (only found invites are kept).
const MAX_ENTRIES: usize = 1024;

/// Invites by code hash, each with the generation it was read at.
#[derive(Default)]
pub(super) struct InviteCache(Mutex<HashMap<String, (u64, Invite)>>);

impl Store {
    /// Called after every committed write, before its caller is answered.
    pub(super) fn written(&self) {
        self.inner.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// [`ReadTx::invite_by_hash`](super::ReadTx::invite_by_hash), from memory when nothing was
    /// written since it was last read.
    pub async fn invite_by_hash(&self, code_hash: &str) -> Result<Option<Invite>, StoreError> {
        let generation = self.inner.generation.load(Ordering::Acquire);
        if let Some((at, invite)) = lock(&self.inner.invites.0).get(code_hash)
            && *at == generation
        {
            return Ok(Some(invite.clone()));
        }
        let hash = code_hash.to_owned();
        let found = self.read(move |tx| tx.invite_by_hash(&hash)).await?;
        if let Some(invite) = &found {
            let mut cache = lock(&self.inner.invites.0);
            if cache.len() >= MAX_ENTRIES {
                cache.clear();
            }
            cache.insert(code_hash.to_owned(), (generation, invite.clone()));
        }
        Ok(found)
    }
}
