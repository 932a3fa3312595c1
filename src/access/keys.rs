//! Stored API keys (SPEC §7): created by the owner, shown once, kept as SHA-256 only; each acts
//! for the owner and its name is the actor of the events it causes.

use super::{Access, AccessError};
use crate::crypto::{random_token, sha256_hex};
use crate::secret::Secret;
use crate::store::{ApiKeyRecord, EventKind, IdTable};

/// Random bytes in a key.
const KEY_BYTES: usize = 32;
/// Every key starts with this, so a leaked one is recognisable in a scan.
const KEY_PREFIX: &str = "pgk_";
/// Longest key name.
const MAX_NAME_CHARS: usize = 64;
/// `last_used_at` is written at most this often (seconds), so a busy script does not turn
/// every read into a write.
const LAST_USED_EVERY: i64 = 60;
/// Actors plexgate itself writes into events; a key may not pose as them.
const RESERVED_NAMES: [&str; 5] = ["api.key", "plexgate", "reconciler", "listing", "external"];

/// A fresh key: the only time it exists outside the caller's hands.
#[derive(Debug, Clone)]
pub struct CreatedKey {
    /// The stored record (hash only).
    pub record: ApiKeyRecord,
    pub key: Secret,
}

fn check_name(raw: &str) -> Result<String, AccessError> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(AccessError::Invalid(format!(
            "name must be 1 to {MAX_NAME_CHARS} characters"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(AccessError::Invalid(
            "name contains control characters".to_owned(),
        ));
    }
    if RESERVED_NAMES.iter().any(|r| r.eq_ignore_ascii_case(name)) {
        return Err(AccessError::Invalid(format!(
            "\"{name}\" is reserved; choose another name"
        )));
    }
    Ok(name.to_owned())
}

impl Access {
    /// Every stored key (never the key itself), oldest first.
    pub async fn api_keys(&self) -> Result<Vec<ApiKeyRecord>, AccessError> {
        self.read(|tx| tx.list_api_keys()).await
    }

    /// Creates a key; a name already in use (ignoring case) is a `Conflict`.
    pub async fn create_api_key(&self, actor: &str, name: &str) -> Result<CreatedKey, AccessError> {
        let name = check_name(name)?;
        let key = Secret::new(format!("{KEY_PREFIX}{}", random_token(KEY_BYTES)));
        let mut record = ApiKeyRecord {
            id: 0,
            name,
            hash: sha256_hex(key.expose()),
            created_at: self.now(),
            last_used_at: None,
        };
        let ev = self.event(EventKind::KeyCreate, actor, None, "ok", "");
        let record = self
            .write(move |tx| {
                let taken = tx
                    .list_api_keys()?
                    .into_iter()
                    .any(|k| k.name.eq_ignore_ascii_case(&record.name));
                if taken {
                    return Ok(Err(AccessError::Conflict(format!(
                        "a key named \"{}\" exists already",
                        record.name
                    ))));
                }
                record.id = tx.next_id(IdTable::ApiKeys)?;
                tx.put_api_key(&record)?;
                let mut ev = ev;
                ev.detail = format!("created key {} (\"{}\")", record.id, record.name);
                tx.append_event(ev)?;
                Ok(Ok(record))
            })
            .await??;
        Ok(CreatedKey { record, key })
    }

    /// Revokes (deletes) a key; it stops working at once. An unknown id is `NotFound`.
    pub async fn revoke_api_key(&self, actor: &str, id: u64) -> Result<(), AccessError> {
        let ev = self.event(EventKind::KeyRevoke, actor, None, "ok", "");
        self.write(move |tx| {
            let Some(old) = tx.get_api_key(id)? else {
                return Ok(Err(AccessError::NotFound(format!("API key {id}"))));
            };
            tx.delete_api_key(id)?;
            let mut ev = ev;
            ev.detail = format!("revoked key {id} (\"{}\")", old.name);
            tx.append_event(ev)?;
            Ok(Ok(()))
        })
        .await?
    }

    /// The stored key `presented` hashes to, if any; notes its use (at most once a minute).
    pub async fn check_api_key(
        &self,
        presented: &str,
    ) -> Result<Option<ApiKeyRecord>, AccessError> {
        let hash = sha256_hex(presented);
        let found = self.read(move |tx| tx.api_key_by_hash(&hash)).await?;
        let Some(mut rec) = found else {
            return Ok(None);
        };
        let now = self.now();
        if rec
            .last_used_at
            .is_none_or(|t| now.saturating_sub(t) >= LAST_USED_EVERY)
        {
            rec.last_used_at = Some(now);
            let id = rec.id;
            self.write(move |tx| {
                // Revoked meanwhile: nothing to note.
                if let Some(mut k) = tx.get_api_key(id)? {
                    k.last_used_at = Some(now);
                    tx.put_api_key(&k)?;
                }
                Ok(())
            })
            .await?;
        }
        Ok(Some(rec))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        assert!(check_name(" deploy ").is_ok_and(|n| n == "deploy"));
        for bad in ["", "  ", "API.KEY", "a\nb", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }
}
