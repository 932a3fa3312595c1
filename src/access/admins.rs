//! Co-admins (SPEC §1): Plex accounts the owner made admin, by account id, username or email,
//! pinned to the id at their first sign-in. Only the owner manages them (every API key acts for
//! the owner). Removing one ends their admin sessions at once.

use super::users::{already_on, parse_account};
use super::{Access, AccessError};
use crate::store::{AdminEntry, EventKind, IdTable, SessionKind};

impl Access {
    /// Every co-admin, oldest first.
    pub async fn co_admins(&self) -> Result<Vec<AdminEntry>, AccessError> {
        self.read(|tx| tx.list_admins()).await
    }

    /// Adds a co-admin. The same account twice (ignoring case, or the same id) is a `Conflict`;
    /// the owner's own account is refused.
    pub async fn add_co_admin(
        &self,
        actor: &str,
        account: &str,
    ) -> Result<AdminEntry, AccessError> {
        let (account, plex_id) = parse_account(account)?;
        if let Some(owner) = self.owner()
            && (plex_id == Some(owner.plex_id) || account.eq_ignore_ascii_case(&owner.username))
        {
            return Err(AccessError::Invalid(
                "the owner is always an admin".to_owned(),
            ));
        }
        let mut entry = AdminEntry {
            id: 0,
            account,
            plex_id,
            created_at: self.now(),
        };
        let ev = self.event(EventKind::AdminAdd, actor, plex_id, "ok", "");
        self.write(move |tx| {
            let lower = entry.account.to_lowercase();
            let dup = tx.list_admins()?.into_iter().find(|a| {
                a.account.trim().to_lowercase() == lower
                    || (entry.plex_id.is_some() && a.plex_id == entry.plex_id)
            });
            if let Some(dup) = dup {
                return Ok(Err(already_on("a co-admin", &entry.account, &dup.account)));
            }
            entry.id = tx.next_id(IdTable::Admins)?;
            tx.put_admin(&entry)?;
            let mut ev = ev;
            ev.detail = format!("added co-admin {} (id {})", entry.account, entry.id);
            tx.append_event(ev)?;
            Ok(Ok(entry))
        })
        .await?
    }

    /// Removes a co-admin and ends their admin sessions; an unknown id is `NotFound`.
    pub async fn remove_co_admin(&self, actor: &str, id: u64) -> Result<(), AccessError> {
        let ev = self.event(EventKind::AdminRemove, actor, None, "ok", "");
        self.write(move |tx| {
            let Some(old) = tx.get_admin(id)? else {
                return Ok(Err(AccessError::NotFound(format!("co-admin {id}"))));
            };
            tx.delete_admin(id)?;
            if let Some(plex_id) = old.plex_id {
                for (hash, s) in tx.sessions_for(plex_id)? {
                    if s.kind == SessionKind::Admin {
                        tx.delete_session(&hash)?;
                    }
                }
            }
            let mut ev = ev;
            ev.plex_id = old.plex_id;
            ev.detail = format!("removed co-admin {} (id {id})", old.account);
            tx.append_event(ev)?;
            Ok(Ok(()))
        })
        .await?
    }
}
