//! Allowlist entries (SPEC §1): a Plex account id, username or email the owner allows, with an
//! optional library set, access duration and note. Matching and pinning happen at sign-in.

use super::{check_note, describe_libraries};
use crate::access::users::UserChange;
use crate::access::users::{already_on, check_access_days, parse_account};
use crate::access::{Access, AccessError};
use crate::config::LibraryRef;
use crate::store::{AllowEntry, EventKind, GrantStatus, IdTable, SharingOverrides};

/// What the owner asks to add.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewAllowEntry {
    /// Plex account id (all digits), username or email.
    pub account: String,
    /// Titles or plex.tv section ids; `None` means the default set at grant time.
    pub libraries: Option<Vec<LibraryRef>>,
    /// How long a grant made from this entry lasts (1..=3650 days); `None` is forever.
    pub access_days: Option<u32>,
    /// A note for the owner (at most 500 characters).
    pub note: Option<String>,
    /// Sharing flags for shares made from it (each `None`: the owner's setting).
    pub sharing: SharingOverrides,
}

/// What the owner changes on an entry: `None` leaves a field as it is. The account and a pinned
/// Plex account id are not editable (remove the entry and add another instead).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowChange {
    /// `Some(None)` goes back to the default set; `Some(Some(refs))` is a new set.
    pub libraries: Option<Option<Vec<LibraryRef>>>,
    /// `Some(None)` is forever; `Some(Some(days))` is 1..=3650 days.
    pub access_days: Option<Option<u32>>,
    /// A new note (trimmed; empty clears it).
    pub note: Option<String>,
    /// New sharing flags (replacing all three).
    pub sharing: Option<SharingOverrides>,
}

/// The entry already standing for `account` / `plex_id`, if any: the same text ignoring case,
/// or the same Plex account id (typed or pinned).
fn duplicate_of<'a>(
    entries: &'a [AllowEntry],
    account: &str,
    plex_id: Option<u64>,
) -> Option<&'a AllowEntry> {
    let lower = account.to_lowercase();
    entries.iter().find(|e| {
        e.account.trim().to_lowercase() == lower || (plex_id.is_some() && e.plex_id == plex_id)
    })
}

/// An entry's libraries and access days, for an event's detail.
fn terms(e: &AllowEntry) -> String {
    let days = e
        .access_days
        .map_or("unlimited".to_owned(), |d| d.to_string());
    let libraries = describe_libraries(e.libraries.as_deref());
    format!("libraries: {libraries}, access days: {days}")
}

impl Access {
    /// The allowlist, oldest first.
    pub async fn allowlist(&self) -> Result<Vec<AllowEntry>, AccessError> {
        self.read(|tx| tx.list_allow()).await
    }

    /// Adds an entry. A second entry for the same account (ignoring case) is a `Conflict`;
    /// libraries are resolved against the server's sections and stored as plex.tv ids.
    pub async fn add_allow_entry(
        &self,
        actor: &str,
        new: NewAllowEntry,
    ) -> Result<AllowEntry, AccessError> {
        let (account, plex_id) = parse_account(&new.account)?;
        let access_days = check_access_days(new.access_days)?;
        let note = check_note(new.note)?;
        let libraries = self
            .resolve_optional_libraries(new.libraries.as_deref())
            .await?;
        let mut entry = AllowEntry {
            account,
            plex_id,
            libraries,
            access_days,
            note,
            sharing: new.sharing,
            created_at: self.now(),
            ..AllowEntry::default()
        };
        let event = self.event(
            EventKind::AllowlistAdd,
            actor,
            plex_id,
            "ok",
            format!("added {} ({})", entry.account, terms(&entry)),
        );
        self.write(move |tx| {
            let entries = tx.list_allow()?;
            // Checked inside the write so two concurrent adds cannot both pass.
            if let Some(dup) = duplicate_of(&entries, &entry.account, entry.plex_id) {
                return Ok(Err(already_on(
                    "on your list",
                    &entry.account,
                    &dup.account,
                )));
            }
            entry.id = tx.next_id(IdTable::Allowlist)?;
            tx.put_allow(&entry)?;
            tx.append_event(event)?;
            Ok(Ok(entry))
        })
        .await?
    }

    /// Changes an entry's libraries, access duration or note, with the checks of
    /// [`Access::add_allow_entry`]; an unknown id is `NotFound`. Grants already made stay as
    /// they are here; [`Access::apply_allow_entry`] carries the change over to them.
    pub async fn update_allow_entry(
        &self,
        actor: &str,
        id: u64,
        change: AllowChange,
    ) -> Result<AllowEntry, AccessError> {
        let access_days = change.access_days.map(check_access_days).transpose()?;
        let note = change.note.map(|n| check_note(Some(n))).transpose()?;
        let libraries = match change.libraries {
            None => None,
            Some(refs) => Some(self.resolve_optional_libraries(refs.as_deref()).await?),
        };
        let mut event = self.event(EventKind::AllowlistEdit, actor, None, "ok", String::new());
        self.write(move |tx| {
            let Some(mut entry) = tx.get_allow(id)? else {
                return Ok(Err(AccessError::NotFound(format!("allowlist entry {id}"))));
            };
            if let Some(l) = libraries {
                entry.libraries = l;
            }
            if let Some(d) = access_days {
                entry.access_days = d;
            }
            if let Some(n) = note {
                entry.note = n;
            }
            if let Some(f) = change.sharing {
                entry.sharing = f;
            }
            tx.put_allow(&entry)?;
            event.plex_id = entry.plex_id;
            event.detail = format!("edited {} (entry {id}; {})", entry.account, terms(&entry));
            tx.append_event(event)?;
            Ok(Ok(entry))
        })
        .await?
    }

    /// Carries an edited entry over to the live grant made from it (issue 20): a pinned
    /// entry's account whose grant came from the allowlist (or an approved request) and is
    /// live gets the entry's libraries (the default set when it has none) and an end date of
    /// its first grant plus the entry's days, through [`Access::update_user`], so plex.tv's
    /// share changes at once. Returns whether a grant was changed; an external share, or an
    /// account that has not joined yet, is left alone (the entry applies at its sign-in).
    pub async fn apply_allow_entry(
        &self,
        actor: &str,
        entry: &AllowEntry,
    ) -> Result<bool, AccessError> {
        let Some(plex_id) = entry.plex_id else {
            return Ok(false);
        };
        let grant = self.read(move |tx| tx.get_grant(plex_id)).await?;
        let Some(g) = grant else {
            return Ok(false);
        };
        let live = matches!(
            g.status,
            GrantStatus::Sharing | GrantStatus::Pending | GrantStatus::Accepted
        );
        if g.external || !live || !g.source.from_entry() {
            return Ok(false);
        }
        let refs: Option<Vec<LibraryRef>> = entry
            .libraries
            .as_ref()
            .map(|ids| ids.iter().copied().map(LibraryRef::Id).collect());
        let ids = self.library_set(refs.as_deref()).await?;
        let change = UserChange {
            libraries: Some(ids.into_iter().map(LibraryRef::Id).collect()),
            expires_at: Some(
                entry
                    .access_days
                    .map(|d| g.created_at.saturating_add(i64::from(d) * 86_400)),
            ),
        };
        self.update_user(actor, plex_id, change).await?;
        Ok(true)
    }

    /// Removes an entry; an unknown id is `NotFound`. Grants already made stay as they are.
    pub async fn remove_allow_entry(&self, actor: &str, id: u64) -> Result<(), AccessError> {
        let mut event = self.event(EventKind::AllowlistRemove, actor, None, "ok", String::new());
        self.write(move |tx| {
            let Some(old) = tx.get_allow(id)? else {
                return Ok(Err(AccessError::NotFound(format!("allowlist entry {id}"))));
            };
            tx.delete_allow(id)?;
            event.plex_id = old.plex_id;
            event.detail = format!("removed {} (entry {id})", old.account);
            tx.append_event(event)?;
            Ok(Ok(()))
        })
        .await?
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn accounts_are_trimmed_and_digits_are_ids() {
        assert_eq!(
            parse_account("  alice@example.com ").unwrap(),
            ("alice@example.com".to_owned(), None)
        );
        assert_eq!(
            parse_account("12345").unwrap(),
            ("12345".to_owned(), Some(12345))
        );
        assert_eq!(parse_account("bob1").unwrap().1, None);
        for bad in ["", "   ", "a\u{0}b", "99999999999999999999999"] {
            assert!(
                matches!(parse_account(bad), Err(AccessError::Invalid(_))),
                "{bad:?}"
            );
        }
        assert!(parse_account(&"a".repeat(254)).is_ok());
        assert!(parse_account(&"a".repeat(255)).is_err());
    }

    #[test]
    fn duplicates_ignore_case_and_match_ids() {
        let entry = |id, account: &str, plex_id| AllowEntry {
            id,
            account: account.to_owned(),
            plex_id,
            ..AllowEntry::default()
        };
        let list = vec![entry(1, "Alice", None), entry(2, "bob", Some(77))];
        assert_eq!(duplicate_of(&list, "ALICE", None).unwrap().id, 1);
        assert_eq!(duplicate_of(&list, "77", Some(77)).unwrap().id, 2);
        assert!(duplicate_of(&list, "carol", None).is_none());
        assert!(duplicate_of(&list, "78", Some(78)).is_none());
    }
}
