//! What the friend-facing welcome and invite pages may say about the server before anyone signs
//! in (issue 20): its name, the owner's Plex username, and the titles of the libraries a friend
//! would get. Titles come from the sections plexgate last read; a stranger's visit never makes a
//! plex.tv call.

use super::super::{Access, AccessError, name_or};

/// The server as a welcome page names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WelcomeInfo {
    /// The shared server's name.
    pub server: String,
    /// The owner's Plex display name (the username when plex.tv gave none).
    pub owner: String,
    /// Titles of the libraries a friend would get (empty when not known yet).
    pub libraries: Vec<String>,
}

impl Access {
    /// The welcome page's facts, for the invite link `code` when given (its own library set,
    /// else the default set); `None` until the owner and server are known.
    pub async fn welcome_info(
        &self,
        code: Option<&str>,
    ) -> Result<Option<WelcomeInfo>, AccessError> {
        let Some(owner) = self.owner() else {
            return Ok(None);
        };
        let invite = match code {
            Some(c) => self.invite_by_code(c).await?,
            None => None,
        };
        let ids = match invite.and_then(|i| i.libraries) {
            Some(ids) => ids,
            None => self.default_libraries().await?,
        };
        let libraries = match self.0.plex.cached_sections(&owner.machine_id) {
            Some(s) => ids
                .iter()
                .filter_map(|id| s.sections.iter().find(|x| x.id == *id))
                .map(|x| x.title.clone())
                .collect(),
            None => Vec::new(),
        };
        Ok(Some(WelcomeInfo {
            server: owner.server_name.clone(),
            owner: name_or(Some(&owner.title), &owner.username).to_owned(),
            libraries,
        }))
    }
}
