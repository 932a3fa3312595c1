//! The owner's tools for the friend journey (SPEC §1, §7): allowlist, default libraries and
//! invite links. The API (and later the admin pages) call these with typed inputs; every change
//! appends an event naming the actor in the same write transaction. No HTTP knowledge here.

mod allowlist;
mod invites;
mod libraries;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_libraries;

pub use allowlist::{AllowChange, NewAllowEntry};
pub use invites::{CreatedInvite, NewInvite};
pub use libraries::LibraryChoice;

use super::{Access, AccessError, resolve_libraries};
use crate::config::LibraryRef;

/// Longest note on an allowlist entry or invite.
const MAX_NOTE_CHARS: usize = 500;

/// Checks an optional day count against `1..=max`, naming the field in the sentence.
pub(crate) fn check_days(
    field: &str,
    days: Option<u32>,
    max: u32,
) -> Result<Option<u32>, AccessError> {
    match days {
        Some(d) if d == 0 || d > max => Err(AccessError::Invalid(format!(
            "{field} must be between 1 and {max} days"
        ))),
        other => Ok(other),
    }
}

/// Trims a note and checks its length; none is the empty note.
fn check_note(note: Option<String>) -> Result<String, AccessError> {
    let note = note.unwrap_or_default().trim().to_owned();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(AccessError::Invalid(format!(
            "the note is longer than {MAX_NOTE_CHARS} characters"
        )));
    }
    Ok(note)
}

/// Writes a library set for an event's detail: `default` when none was chosen.
fn describe_libraries(ids: Option<&[u64]>) -> String {
    match ids {
        None => "default".to_owned(),
        Some(ids) => ids.iter().map(u64::to_string).collect::<Vec<_>>().join(","),
    }
}

impl Access {
    /// Resolves an optional library set against the server's sections. `None` stays `None` (the
    /// default set applies at grant time) and needs no plex.tv call; an empty list is refused.
    async fn resolve_optional_libraries(
        &self,
        refs: Option<&[LibraryRef]>,
    ) -> Result<Option<Vec<u64>>, AccessError> {
        let Some(refs) = refs else {
            return Ok(None);
        };
        if refs.is_empty() {
            return Err(AccessError::Invalid(
                "libraries is empty: leave it out for the default set, or name at least one"
                    .to_owned(),
            ));
        }
        let sections = self.sections().await?;
        resolve_libraries(refs, &sections.sections).map(Some)
    }
}
