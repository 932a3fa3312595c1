//! The default library set (SPEC §3 libraries page, §7 `GET/PUT /libraries`): what a grant gets
//! when its allowlist entry, invite or request names none. A set in config wins and is read-only.

use crate::access::{Access, AccessError, DEFAULT_LIBRARIES_KEY, resolve_libraries};
use crate::config::LibraryRef;
use crate::plex::Section;
use crate::store::EventKind;

/// One of the server's sections and whether it is in the default set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryChoice {
    /// The section (plex.tv global id, local key, title, kind).
    pub section: Section,
    /// In the default set.
    pub selected: bool,
}

fn choices(sections: Vec<Section>, selected: &[u64]) -> Vec<LibraryChoice> {
    sections
        .into_iter()
        .map(|section| LibraryChoice {
            selected: selected.contains(&section.id),
            section,
        })
        .collect()
}

impl Access {
    /// Whether `access.libraries` is set in config (then the default set cannot be changed here).
    pub fn libraries_from_config(&self) -> bool {
        self.settings().libraries.is_some()
    }

    /// Which owner settings config sets (then the admin pages show them read-only).
    pub fn from_config(&self) -> crate::access::FromConfig {
        self.settings().from_config
    }

    /// The server's sections, each marked when it is in the default set.
    pub async fn library_choices(&self) -> Result<Vec<LibraryChoice>, AccessError> {
        let sections = self.sections().await?;
        let selected = self.default_libraries().await?;
        Ok(choices(sections.sections, &selected))
    }

    /// Replaces the default set (titles or plex.tv section ids). Refused with `Conflict` while
    /// `access.libraries` is set in config; an empty or unknown set is `Invalid`, so an empty set
    /// is never written (plexgate never shares "everything" by accident).
    pub async fn set_default_libraries(
        &self,
        actor: &str,
        refs: &[LibraryRef],
    ) -> Result<Vec<LibraryChoice>, AccessError> {
        if self.libraries_from_config() {
            return Err(AccessError::Conflict(
                "the default libraries are set in config (access.libraries / \
                 PLEXGATE_ACCESS_LIBRARIES), which wins: change them there"
                    .to_owned(),
            ));
        }
        if refs.is_empty() {
            return Err(AccessError::Invalid(
                "libraries is empty: choose at least one library".to_owned(),
            ));
        }
        let sections = self.sections().await?;
        let ids = resolve_libraries(refs, &sections.sections)?;
        let titles: Vec<&str> = sections
            .sections
            .iter()
            .filter(|s| ids.contains(&s.id))
            .map(|s| s.title.as_str())
            .collect();
        let event = self.event(
            EventKind::LibrariesSet,
            actor,
            None,
            "ok",
            format!("default libraries: {}", titles.join(", ")),
        );
        self.save_setting(DEFAULT_LIBRARIES_KEY, ids.clone(), Some(event))
            .await?;
        self.note_default_libraries(&ids);
        Ok(choices(sections.sections, &ids))
    }
}
