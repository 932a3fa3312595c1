//! Share state changes shared by the v1 and v2 routes: create (with plex.tv's validation and
//! duplicate rule), accept, update, delete, and the invitee's pending listing.

use serde_json::Value;

use super::Account;
use super::world::{Server, Settings, Share, Via, World, server};

/// Why a share call was refused; v1 and v2 each map this to their own status and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ShareError {
    /// The machine does not exist or the caller does not own it.
    UnknownMachine,
    /// A section id is not a global id of that server (local keys land here too).
    UnknownSection,
    /// No account matches the invitee, or it is the owner.
    UnknownUser,
    /// The body could not be read.
    BadBody,
    /// The owner already shares this server with that account; carries its name.
    Duplicate(String),
}

/// A share request after parsing.
#[derive(Debug, Clone)]
pub(crate) struct NewShare {
    pub machine_id: String,
    pub invitee: &'static Account,
    pub section_ids: Option<Vec<u64>>,
    pub settings: Settings,
    pub via: Via,
    /// v1 invites also add a friendship; v2 with `skipFriendship` does not.
    pub befriend: bool,
}

/// Truthiness as plex.tv's bodies use it: "1"/"0", "true"/"false", numbers, booleans.
pub(crate) fn truthy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => matches!(s.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on"),
        _ => false,
    }
}

/// Truthiness of a query parameter value (`strong=True`, `strong=1`, ...).
pub(crate) fn truthy_str(s: &str) -> bool {
    truthy(&Value::String(s.to_owned()))
}

/// Reads the settings keys shared by v1 `sharing_settings` and v2 `settings`; missing = off/empty.
pub(crate) fn settings_from(v: Option<&Value>) -> Settings {
    let flag = |k: &str| v.and_then(|s| s.get(k)).is_some_and(truthy);
    let text = |k: &str| {
        v.and_then(|s| s.get(k))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    Settings {
        allow_sync: flag("allowSync"),
        allow_camera_upload: flag("allowCameraUpload"),
        allow_channels: flag("allowChannels"),
        allow_subtitle_admin: flag("allowSubtitleAdmin"),
        filter_movies: text("filterMovies"),
        filter_television: text("filterTelevision"),
        filter_music: text("filterMusic"),
        filter_photos: text("filterPhotos"),
    }
}

/// Reads a list of section ids (numbers or numeric strings). `Err` when an entry is neither,
/// e.g. a library name, which plex.tv does not take.
pub(crate) fn parse_ids(v: Option<&Value>) -> Result<Option<Vec<u64>>, ShareError> {
    let Some(v) = v else { return Ok(None) };
    let Some(items) = v.as_array() else {
        return Err(ShareError::BadBody);
    };
    items
        .iter()
        .map(|i| match i {
            Value::Number(n) => n.as_u64().ok_or(ShareError::UnknownSection),
            Value::String(s) => s.trim().parse().map_err(|_| ShareError::UnknownSection),
            _ => Err(ShareError::UnknownSection),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

impl World {
    /// The server with this machine id, if `owner_id` owns it.
    pub(crate) fn owned_server(&self, owner_id: u64, machine_id: &str) -> Option<&'static Server> {
        server(machine_id).filter(|s| s.owner_id == owner_id)
    }

    /// Checks ids against the server's global ids; no list (or an empty one) means every library.
    fn resolve_sections(srv: &Server, ids: Option<Vec<u64>>) -> Result<Vec<u64>, ShareError> {
        match ids {
            Some(ids) if !ids.is_empty() => ids
                .iter()
                .all(|id| srv.sections.iter().any(|s| s.id == *id))
                .then_some(ids)
                .ok_or(ShareError::UnknownSection),
            _ => Ok(srv.sections.iter().map(|s| s.id).collect()),
        }
    }

    /// Creates a pending share (an invite), as plex.tv does on POST shared_servers.
    pub(crate) fn create_share(&mut self, owner_id: u64, new: NewShare) -> Result<u64, ShareError> {
        let srv = self
            .owned_server(owner_id, &new.machine_id)
            .ok_or(ShareError::UnknownMachine)?;
        if new.invitee.id == owner_id {
            return Err(ShareError::UnknownUser);
        }
        let section_ids = Self::resolve_sections(srv, new.section_ids)?;
        let dup = self.shares.values().any(|s| {
            s.owner_id == owner_id && s.machine_id == srv.machine_id && s.user_id == new.invitee.id
        });
        if dup {
            return Err(ShareError::Duplicate(new.invitee.username.to_owned()));
        }
        let id = self.next_id();
        let now = self.now();
        if new.befriend {
            self.friendships.insert((owner_id, new.invitee.id));
        }
        let share = Share {
            id,
            owner_id,
            user_id: new.invitee.id,
            machine_id: srv.machine_id.to_owned(),
            section_ids,
            settings: new.settings,
            accepted: false,
            invited_at: now,
            accepted_at: None,
            via: new.via,
            hidden_listings: self.invite_delay,
        };
        self.shares.insert(id, share);
        Ok(id)
    }

    /// A share the caller may see: its owner or its invitee.
    pub(crate) fn visible_share(&self, caller: u64, id: u64) -> Option<&Share> {
        self.shares
            .get(&id)
            .filter(|s| s.owner_id == caller || s.user_id == caller)
    }

    /// A share the caller owns.
    pub(crate) fn owned_share_mut(&mut self, owner_id: u64, id: u64) -> Option<&mut Share> {
        self.shares.get_mut(&id).filter(|s| s.owner_id == owner_id)
    }

    /// Replaces a share's libraries (and settings when given), validating the ids.
    pub(crate) fn update_share(
        &mut self,
        owner_id: u64,
        id: u64,
        ids: Option<Vec<u64>>,
        settings: Option<Settings>,
    ) -> Result<Option<Share>, ShareError> {
        let Some(share) = self.owned_share_mut(owner_id, id) else {
            return Ok(None);
        };
        let srv = server(&share.machine_id).ok_or(ShareError::UnknownMachine)?;
        if ids.is_some() {
            share.section_ids = Self::resolve_sections(srv, ids)?;
        }
        if let Some(s) = settings {
            share.settings = s;
        }
        Ok(Some(share.clone()))
    }

    /// Removes one share the caller owns.
    pub(crate) fn delete_share(&mut self, owner_id: u64, id: u64) -> bool {
        self.owned_share_mut(owner_id, id).is_some() && self.shares.remove(&id).is_some()
    }

    /// The invitee accepts one pending invite; `None` when it is not theirs or already accepted.
    pub(crate) fn accept_share(&mut self, invitee_id: u64, id: u64) -> Option<Share> {
        let now = self.now();
        let share = self
            .shares
            .get_mut(&id)
            .filter(|s| s.user_id == invitee_id && !s.accepted)?;
        share.accepted = true;
        share.accepted_at = Some(now);
        share.hidden_listings = 0;
        Some(share.clone())
    }

    /// Accepts every pending invite of an account; true when there was at least one.
    pub(crate) fn accept_all(&mut self, invitee_id: u64) -> bool {
        let ids: Vec<u64> = self
            .shares
            .values()
            .filter(|s| s.user_id == invitee_id && !s.accepted)
            .map(|s| s.id)
            .collect();
        for id in &ids {
            self.accept_share(invitee_id, *id);
        }
        !ids.is_empty()
    }

    /// The invitee's pending invites as one listing sees them. An invite still hidden by
    /// `invite_visible_after` counts this listing down and stays out of it.
    pub(crate) fn pending_listing(&mut self, invitee_id: u64) -> Vec<Share> {
        let mut out = Vec::new();
        for s in self.shares.values_mut() {
            if s.user_id != invitee_id || s.accepted {
                continue;
            }
            if s.hidden_listings > 0 {
                s.hidden_listings -= 1;
                continue;
            }
            out.push(s.clone());
        }
        out
    }

    /// The owner's shares, optionally only for one machine.
    pub(crate) fn owner_shares(&self, owner_id: u64, machine_id: Option<&str>) -> Vec<Share> {
        self.shares
            .values()
            .filter(|s| s.owner_id == owner_id && machine_id.is_none_or(|m| s.machine_id == m))
            .cloned()
            .collect()
    }
}
